package io.seamline.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One parsed SIP request or response (RFC 3261 §7): start line, headers in wire order with their
 * original names, body bytes and leaf MIME parts, the raw text, and the warnings raised while parsing
 * it tolerantly.
 *
 * <p>For a request {@code statusCode} is 0 and {@code reasonPhrase} empty; for a response
 * {@code method} and {@code requestUri} are empty.
 */
public record SipMessage(
        String method,
        String requestUri,
        int statusCode,
        String reasonPhrase,
        List<SipHeader> headers,
        byte[] body,
        List<MimePart> parts,
        String rawText,
        List<String> warnings) {

    /**
     * Headers whose values are comma-separated lists (RFC 3261 §7.3.1); other headers (Date, the
     * authentication headers, Call-ID...) may hold commas inside a single value.
     */
    private static final Set<String> LIST_HEADERS = Set.of(
            "via", "contact", "route", "record-route", "require", "supported", "proxy-require",
            "unsupported", "allow", "accept", "accept-encoding", "accept-language", "allow-events",
            "path", "service-route", "p-asserted-identity", "content-encoding", "in-reply-to", "reason");

    public SipMessage {
        headers = List.copyOf(headers);
        parts = List.copyOf(parts);
        warnings = List.copyOf(warnings);
    }

    /** @return true for a request, false for a response */
    public boolean isRequest() {
        return statusCode == 0;
    }

    /** @return the first value of the named header (any case, long or compact form), if present */
    public Optional<String> header(String name) {
        for (SipHeader h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /**
     * Every value of the named header: repeated header lines in order, and for list headers (Via,
     * Contact, Route, Require...) each comma-separated element of each line.
     *
     * @param name header name in any case, long or compact form
     * @return the values in wire order; empty when absent
     */
    public List<String> headerValues(String name) {
        String canonical = SipHeader.HeaderNames.canonical(name);
        List<String> out = new ArrayList<>();
        for (SipHeader h : headers) {
            if (h.canonicalName().equals(canonical)) {
                if (LIST_HEADERS.contains(canonical)) {
                    out.addAll(splitList(h.value()));
                } else {
                    out.add(h.value());
                }
            }
        }
        return out;
    }

    /** @return the Call-ID, or the empty string when the message has none */
    public String callId() {
        return header("call-id").orElse("");
    }

    /** @return the From header parsed leniently, if present */
    public Optional<NameAddress> from() {
        return header("from").map(NameAddress::parse);
    }

    /** @return the To header parsed leniently, if present */
    public Optional<NameAddress> to() {
        return header("to").map(NameAddress::parse);
    }

    /** @return the From tag, or the empty string */
    public String fromTag() {
        return from().map(NameAddress::tag).orElse("");
    }

    /** @return the To tag, or the empty string (an out-of-dialog request has none) */
    public String toTag() {
        return to().map(NameAddress::tag).orElse("");
    }

    /** @return the CSeq sequence number (RFC 3261 §8.1.1.5, below 2^31), or -1 when missing or malformed */
    public long cseqNumber() {
        String[] p = cseqParts();
        if (p.length < 1 || !p[0].matches("\\d{1,10}")) {
            return -1;
        }
        long n = Long.parseLong(p[0]);
        return n < (1L << 31) ? n : -1;
    }

    /** @return the CSeq method, or the request method when CSeq is missing, or the empty string */
    public String cseqMethod() {
        String[] p = cseqParts();
        return p.length >= 2 ? p[1] : method;
    }

    /** @return the branch parameter of the topmost Via, or the empty string */
    public String topViaBranch() {
        List<String> vias = headerValues("via");
        if (vias.isEmpty()) {
            return "";
        }
        for (String param : vias.get(0).split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("branch")) {
                return param.substring(eq + 1).trim();
            }
        }
        return "";
    }

    /** @return the body's Content-Type, if declared */
    public Optional<ContentType> contentType() {
        return header("content-type").map(ContentType::parse);
    }

    /** @return the first leaf body part of the given media type (e.g. {@link ContentType#SDP}), if any */
    public Optional<MimePart> part(String mediaType) {
        return parts.stream().filter(p -> p.contentType().is(mediaType)).findFirst();
    }

    /** @return the SDP body text (alone or as a multipart part), if any */
    public Optional<String> sdpText() {
        return part(ContentType.SDP).map(MimePart::bodyText);
    }

    /** @return "INVITE" for a request or "200 OK" for a response: the start line without URI and version */
    public String shortStartLine() {
        return isRequest() ? method : (statusCode + (reasonPhrase.isEmpty() ? "" : " " + reasonPhrase));
    }

    /**
     * Whether this message sets up or belongs to a SIPREC recording session (RFC 7866 §6.1): a
     * {@code +sip.src} feature tag on Contact, {@code siprec} in Require, or an
     * {@code application/rs-metadata+xml} body part.
     *
     * @return true when any of the three markers is present
     */
    public boolean isRecordingSession() {
        if (part(ContentType.RS_METADATA).isPresent()) {
            return true;
        }
        for (String r : headerValues("require")) {
            if (r.trim().equalsIgnoreCase("siprec")) {
                return true;
            }
        }
        for (String c : headerValues("contact")) {
            if (NameAddress.parse(c).parameters().containsKey("+sip.src")) {
                return true;
            }
        }
        return false;
    }

    private String[] cseqParts() {
        return header("cseq").map(v -> v.trim().split("\\s+")).orElse(new String[0]);
    }

    /** Splits at commas outside quoted strings and angle brackets (RFC 3261 §7.3.1). */
    static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (quoted && ch == '\\') {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == '<') {
                angle++;
            } else if (!quoted && ch == '>' && angle > 0) {
                angle--;
            } else if (!quoted && angle == 0 && ch == ',') {
                addTrimmed(out, value.substring(start, i));
                start = i + 1;
            }
        }
        addTrimmed(out, value.substring(start));
        return out;
    }

    private static void addTrimmed(List<String> out, String s) {
        String t = s.trim();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    @Override
    public String toString() {
        return (isRequest() ? method + " " + requestUri : statusCode + " " + reasonPhrase)
                + " Call-ID " + callId() + " CSeq " + header("cseq").orElse("?").toUpperCase(Locale.ROOT);
    }
}
