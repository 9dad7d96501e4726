package io.seamline.sip;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses one SIP message (RFC 3261 §7) from the bytes of a datagram or a framed stream message.
 *
 * <p>Tolerant by design: problems that leave the message readable (missing mandatory headers, a
 * Content-Length that disagrees with the bytes present, extra whitespace in the start line, CSeq
 * method mismatch, a broken multipart body) become warnings on the {@link SipMessage}. Only a
 * message whose start line or header framing cannot be read is rejected, with a
 * {@link SipParseException} naming the problem.
 */
public final class SipParser {

    /** Header lines accepted in one message or MIME part before the message is rejected. */
    public static final int MAX_HEADERS = 256;
    /** Multipart nesting accepted (RFC 2046 §5.1); deeper parts are skipped with a warning. */
    public static final int MAX_MULTIPART_DEPTH = 4;
    /** Leaf MIME parts kept per message; further parts are skipped with a warning. */
    public static final int MAX_PARTS = 32;

    private static final Pattern VIA = Pattern.compile(
            "\\s*[A-Za-z0-9.!%*_+`'~-]+\\s*/\\s*[0-9.]+\\s*/\\s*[A-Za-z0-9.!%*_+`'~-]+\\s+[^;\\s]+");

    private SipParser() {
    }

    /**
     * Parses one SIP message.
     *
     * @param raw the message bytes (start line, headers, CRLF CRLF, body); may carry leading CRLFs
     * @return the parsed message with any warnings
     * @throws SipParseException when the bytes hold no readable SIP start line or header section
     */
    public static SipMessage parse(byte[] raw) throws SipParseException {
        if (raw == null) {
            throw new SipParseException("no SIP message bytes");
        }
        List<String> warnings = new ArrayList<>();
        // RFC 3261 §7.5: CRLFs before the start line are ignored (they are also keep-alives, RFC 5626 §3.5.1).
        int start = 0;
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n')) {
            start++;
        }
        if (start == raw.length) {
            throw new SipParseException("only CRLF keep-alive bytes, no SIP message");
        }
        int[] sep = findHeaderEnd(raw, start);
        int headerEnd;
        int bodyStart;
        if (sep == null) {
            warnings.add("no empty line after the headers; message treated as having no body");
            headerEnd = raw.length;
            bodyStart = raw.length;
        } else {
            headerEnd = sep[0];
            bodyStart = sep[1];
        }
        String headerText = new String(raw, start, headerEnd - start, StandardCharsets.UTF_8);
        List<String> lines = splitLines(headerText);
        String startLine = lines.get(0);
        List<SipHeader> headers = parseHeaderLines(lines.subList(1, lines.size()), "message");

        String method = "";
        String uri = "";
        int code = 0;
        String reason = "";
        if (startLine.regionMatches(true, 0, "SIP/", 0, 4)) {
            String[] p = startLine.split(" ", 3);
            checkVersion(p[0]);
            if (p.length < 2 || !p[1].matches("[1-6]\\d\\d")) {
                throw new SipParseException("status line has no 3-digit status code: \"" + shorten(startLine) + "\"");
            }
            code = Integer.parseInt(p[1]);
            reason = p.length == 3 ? p[2].trim() : "";
            if (p.length < 3) {
                warnings.add("status line has no space before the Reason-Phrase");
            }
        } else {
            String[] p = startLine.trim().split(" +");
            if (p.length != 3) {
                throw new SipParseException("request line has " + p.length
                        + " elements, expected Method SP Request-URI SP SIP-Version: \"" + shorten(startLine) + "\"");
            }
            checkVersion(p[2]);
            if (!isToken(p[0])) {
                throw new SipParseException("request method \"" + shorten(p[0]) + "\" is not an RFC 3261 token");
            }
            if (p[1].startsWith("<")) {
                // RFC 4475 §3.1.2.7: the Request-URI is an addr-spec, never enclosed in <>.
                throw new SipParseException("Request-URI is enclosed in <>: \"" + shorten(p[1]) + "\"");
            }
            if (!startLine.equals(p[0] + " " + p[1] + " " + p[2])) {
                warnings.add("extra whitespace in the request line (RFC 4475 §3.1.2.9/§3.1.2.10), ignored");
            }
            method = p[0];
            uri = p[1];
        }

        byte[] body = frameBody(raw, bodyStart, headers, warnings);
        List<MimePart> parts = new ArrayList<>();
        String ct = null;
        for (SipHeader h : headers) {
            if (h.is("content-type")) {
                ct = h.value();
                break;
            }
        }
        if (body.length > 0) {
            ContentType type = ContentType.parse(ct == null ? "" : ct);
            if (ct == null) {
                // Some user agents omit Content-Type on SDP answers; an SDP body always starts with v= (RFC 4566 §5).
                boolean looksLikeSdp = body.length >= 3 && body[0] == 'v' && body[1] == '=' && body[2] == '0';
                if (looksLikeSdp) {
                    type = ContentType.parse(ContentType.SDP);
                }
                warnings.add("body of " + body.length + " bytes has no Content-Type"
                        + (looksLikeSdp ? "; read as SDP since it starts with v=0" : ""));
            }
            collectParts(headers, type, body, 0, parts, warnings);
        }
        SipMessage msg = new SipMessage(method, uri, code, reason, headers, body, parts,
                new String(raw, StandardCharsets.UTF_8), warnings);
        checkMandatory(msg, warnings);
        return new SipMessage(method, uri, code, reason, headers, body, parts, msg.rawText(), warnings);
    }

    private static void checkVersion(String version) throws SipParseException {
        if (!version.equalsIgnoreCase("SIP/2.0")) {
            throw new SipParseException("unsupported SIP version \"" + shorten(version) + "\" (RFC 3261 §7.1 needs SIP/2.0)");
        }
    }

    /** RFC 3261 §8.1.1 and §8.2.6.2: requests and responses carry To, From, CSeq, Call-ID and Via. */
    private static void checkMandatory(SipMessage m, List<String> warnings) {
        for (String h : List.of("Call-ID", "From", "To", "CSeq", "Via")) {
            if (m.header(h).isEmpty()) {
                warnings.add("missing mandatory header " + h);
            }
        }
        if (m.header("cseq").isPresent()) {
            if (m.cseqNumber() < 0) {
                warnings.add("CSeq \"" + shorten(m.header("cseq").get()) + "\" has no sequence number below 2^31");
            } else if (m.isRequest() && !m.cseqMethod().equals(m.method())) {
                warnings.add("CSeq method " + m.cseqMethod() + " differs from request method " + m.method());
            }
        }
        for (String via : m.headerValues("via")) {
            // RFC 3261 §20.42: via-parm = sent-protocol LWS sent-by *( SEMI via-params ).
            if (!VIA.matcher(via).lookingAt()) {
                warnings.add("Via element \"" + shorten(via) + "\" is not SIP/2.0/transport sent-by");
            } else if (via.matches(".*;\\s*;.*|.*;\\s*$")) {
                warnings.add("Via element \"" + shorten(via) + "\" has an empty parameter");
            }
        }
        m.to().filter(a -> !a.wellFormed()).ifPresent(a -> warnings.add("To header has an unbalanced quote or bracket"));
        m.from().filter(a -> !a.wellFormed()).ifPresent(a -> warnings.add("From header has an unbalanced quote or bracket"));
    }

    /** RFC 3261 §18.3 and §20.14: the body is exactly Content-Length bytes; surplus bytes are ignored. */
    private static byte[] frameBody(byte[] raw, int bodyStart, List<SipHeader> headers, List<String> warnings)
            throws SipParseException {
        int available = raw.length - bodyStart;
        Long declared = null;
        for (SipHeader h : headers) {
            if (!h.is("content-length")) {
                continue;
            }
            String v = h.value().trim();
            if (!v.matches("-?\\d{1,18}")) {
                throw new SipParseException("Content-Length \"" + shorten(v) + "\" is not a number");
            }
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new SipParseException("Content-Length " + n + " is negative");
            }
            if (declared != null && declared != n) {
                throw new SipParseException("conflicting Content-Length headers " + declared + " and " + n);
            }
            declared = n;
        }
        if (declared == null) {
            return Arrays.copyOfRange(raw, bodyStart, raw.length);
        }
        if (declared > available) {
            warnings.add("Content-Length " + declared + " exceeds the " + available
                    + " body bytes present; body truncated");
            return Arrays.copyOfRange(raw, bodyStart, raw.length);
        }
        if (declared < available) {
            int surplus = available - declared.intValue();
            boolean onlyCrlf = true;
            for (int i = bodyStart + declared.intValue(); i < raw.length; i++) {
                if (raw[i] != '\r' && raw[i] != '\n') {
                    onlyCrlf = false;
                    break;
                }
            }
            if (!onlyCrlf) {
                warnings.add(surplus + " bytes after the Content-Length body ignored (RFC 3261 §18.3)");
            }
        }
        return Arrays.copyOfRange(raw, bodyStart, bodyStart + declared.intValue());
    }

    /** Returns {end of headers, start of body}, accepting CRLF CRLF or bare LF LF. */
    private static int[] findHeaderEnd(byte[] raw, int from) {
        for (int i = from; i < raw.length - 1; i++) {
            if (raw[i] == '\n') {
                if (raw[i + 1] == '\n') {
                    return new int[] {i, i + 2};
                }
                if (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n') {
                    return new int[] {i, i + 3};
                }
            }
        }
        return null;
    }

    private static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int s = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int e = i > s && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(s, e));
                s = i + 1;
            }
        }
        String last = text.substring(s);
        if (last.endsWith("\r")) {
            last = last.substring(0, last.length() - 1);
        }
        if (!last.isEmpty() || lines.isEmpty()) {
            lines.add(last);
        }
        return lines;
    }

    /** Header lines with RFC 3261 §7.3.1 folding: a line starting with SP or HTAB continues the previous one. */
    static List<SipHeader> parseHeaderLines(List<String> lines, String where) throws SipParseException {
        List<SipHeader> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int lineNo = 1;
        for (String line : lines) {
            lineNo++;
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (name == null) {
                    throw new SipParseException(where + " line " + lineNo + " is a continuation with no header before it");
                }
                value.append(' ').append(line.trim());
                continue;
            }
            if (name != null) {
                out.add(new SipHeader(name, value.toString().trim()));
            }
            if (out.size() >= MAX_HEADERS) {
                throw new SipParseException(where + " has more than " + MAX_HEADERS + " header lines");
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new SipParseException(where + " line " + lineNo + " has no ':' (\"" + shorten(line) + "\")");
            }
            name = line.substring(0, colon).trim();
            if (name.isEmpty() || !isToken(name)) {
                throw new SipParseException(where + " line " + lineNo + " has no valid header name (\"" + shorten(line) + "\")");
            }
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            out.add(new SipHeader(name, value.toString().trim()));
        }
        return out;
    }

    /** RFC 2046 §5.1 multipart bodies, nested up to {@link #MAX_MULTIPART_DEPTH}; leaves are flattened. */
    private static void collectParts(List<SipHeader> headers, ContentType type, byte[] body, int depth,
            List<MimePart> out, List<String> warnings) {
        if (!type.isMultipart()) {
            if (out.size() >= MAX_PARTS) {
                warnings.add("more than " + MAX_PARTS + " body parts; the rest skipped");
                return;
            }
            out.add(new MimePart(headers, type, body));
            return;
        }
        if (depth >= MAX_MULTIPART_DEPTH) {
            warnings.add("multipart nesting deeper than " + MAX_MULTIPART_DEPTH + "; inner parts skipped");
            return;
        }
        String boundary = type.parameters().get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            warnings.add(type.mediaType() + " body has no boundary parameter; kept as one part");
            out.add(new MimePart(headers, type, body));
            return;
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.UTF_8);
        List<int[]> ranges = new ArrayList<>();
        int pos = indexOfDelimiter(body, delimiter, 0);
        if (pos < 0) {
            warnings.add("multipart boundary \"" + shorten(boundary) + "\" not found in the body");
            return;
        }
        boolean closed = false;
        while (pos >= 0) {
            int after = pos + delimiter.length;
            if (after + 1 < body.length && body[after] == '-' && body[after + 1] == '-') {
                closed = true;
                break;
            }
            int lineEnd = indexOf(body, (byte) '\n', after);
            if (lineEnd < 0) {
                break;
            }
            int partStart = lineEnd + 1;
            int next = indexOfDelimiter(body, delimiter, partStart);
            int partEnd = next < 0 ? body.length : next;
            // The CRLF before the next delimiter belongs to the delimiter (RFC 2046 §5.1.1).
            if (next >= 0) {
                if (partEnd > partStart && body[partEnd - 1] == '\n') {
                    partEnd--;
                }
                if (partEnd > partStart && body[partEnd - 1] == '\r') {
                    partEnd--;
                }
            }
            ranges.add(new int[] {partStart, partEnd});
            pos = next;
        }
        if (!closed) {
            warnings.add("multipart body has no closing boundary \"--" + shorten(boundary) + "--\"");
        }
        for (int[] r : ranges) {
            byte[] part = Arrays.copyOfRange(body, r[0], r[1]);
            int[] sep = part.length >= 2 && (part[0] == '\n' || (part[0] == '\r' && part[1] == '\n'))
                    ? new int[] {0, part[0] == '\n' ? 1 : 2}
                    : findHeaderEnd(part, 0);
            List<SipHeader> partHeaders;
            byte[] partBody;
            try {
                if (sep == null) {
                    partHeaders = List.of();
                    partBody = part;
                } else {
                    String text = new String(part, 0, sep[0], StandardCharsets.UTF_8);
                    partHeaders = text.isEmpty() ? List.of() : parseHeaderLines(splitLines(text), "body part");
                    partBody = Arrays.copyOfRange(part, sep[1], part.length);
                }
            } catch (SipParseException e) {
                warnings.add("body part skipped: " + e.getMessage());
                continue;
            }
            String pct = null;
            for (SipHeader h : partHeaders) {
                if (h.is("content-type")) {
                    pct = h.value();
                    break;
                }
            }
            // RFC 2046 §5.1: a part without Content-Type is text/plain.
            collectParts(partHeaders, ContentType.parse(pct == null ? "text/plain" : pct), partBody, depth + 1, out, warnings);
        }
    }

    /** A delimiter counts only at the start of the body or right after a line break (RFC 2046 §5.1.1). */
    private static int indexOfDelimiter(byte[] body, byte[] delimiter, int from) {
        for (int i = from; i <= body.length - delimiter.length; i++) {
            if ((i == 0 || body[i - 1] == '\n') && regionEquals(body, i, delimiter)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean regionEquals(byte[] a, int off, byte[] b) {
        for (int j = 0; j < b.length; j++) {
            if (a[off + j] != b[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 3261 §25.1 token characters. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String shorten(String s) {
        String t = s.replaceAll("[\\r\\n\\t]", " ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
