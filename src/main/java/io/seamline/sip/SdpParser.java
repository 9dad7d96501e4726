package io.seamline.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses SDP bodies (RFC 4566) leniently: unknown or malformed lines become warnings; only a body
 * without a {@code v=} line or without any recognisable line is rejected.
 */
public final class SdpParser {

    /** Media sections kept per body; more are ignored with a warning. */
    public static final int MAX_MEDIA = 64;

    private SdpParser() {
    }

    /**
     * @param text the SDP body, lines separated by CRLF or LF
     * @return the session description
     * @throws SipParseException when the text is not SDP (no {@code v=} line first)
     */
    public static SessionDescription parse(String text) throws SipParseException {
        if (text == null || text.isBlank()) {
            throw new SipParseException("empty SDP body");
        }
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) {
            first++;
        }
        if (first == lines.length || !lines[first].startsWith("v=")) {
            throw new SipParseException("SDP body does not start with v= (RFC 4566 §5): \""
                    + SipParser.shorten(lines[Math.min(first, lines.length - 1)]) + "\"");
        }
        SdpOrigin origin = null;
        String sessionAddress = null;
        MediaDirection sessionDirection = null;
        List<MediaBuilder> media = new ArrayList<>();
        MediaBuilder current = null;
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                warnings.add("SDP line " + (i + 1) + " is not type=value: \"" + SipParser.shorten(line) + "\"");
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2).trim();
            switch (type) {
                case 'o' -> {
                    String[] p = value.split("\\s+");
                    if (p.length == 6) {
                        origin = new SdpOrigin(p[0], p[1], p[2], p[3], p[4], p[5]);
                    } else {
                        warnings.add("SDP o= line has " + p.length + " fields, expected 6");
                    }
                }
                case 'c' -> {
                    String addr = connectionAddress(value, warnings);
                    if (current == null) {
                        sessionAddress = addr;
                    } else {
                        current.address = addr;
                    }
                }
                case 'm' -> {
                    if (media.size() >= MAX_MEDIA) {
                        warnings.add("more than " + MAX_MEDIA + " m= lines; the rest ignored");
                        current = new MediaBuilder();
                        continue;
                    }
                    current = new MediaBuilder();
                    String[] p = value.split("\\s+");
                    if (p.length < 3) {
                        warnings.add("SDP m= line has too few fields: \"" + SipParser.shorten(value) + "\"");
                        current.mediaType = p[0];
                    } else {
                        current.mediaType = p[0];
                        String port = p[1].contains("/") ? p[1].substring(0, p[1].indexOf('/')) : p[1];
                        if (port.matches("\\d{1,5}") && Integer.parseInt(port) <= 65535) {
                            current.port = Integer.parseInt(port);
                        } else {
                            warnings.add("SDP m= port \"" + SipParser.shorten(p[1]) + "\" is not a port number");
                        }
                        current.protocol = p[2];
                        for (int k = 3; k < p.length; k++) {
                            current.formats.add(p[k]);
                        }
                    }
                    media.add(current);
                }
                case 'a' -> {
                    int colon = value.indexOf(':');
                    String name = colon < 0 ? value : value.substring(0, colon);
                    String arg = colon < 0 ? "" : value.substring(colon + 1).trim();
                    var dir = MediaDirection.fromAttribute(name);
                    if (dir.isPresent()) {
                        if (current == null) {
                            sessionDirection = dir.get();
                        } else {
                            current.direction = dir.get();
                        }
                    } else if (current != null) {
                        attribute(current, name, arg, warnings);
                    }
                }
                default -> {
                    // v, s, i, u, e, p, b, t, r, z, k carry nothing the analysis uses.
                }
            }
        }
        List<MediaDescription> out = new ArrayList<>();
        MediaDirection sd = sessionDirection == null ? MediaDirection.SENDRECV : sessionDirection;
        for (MediaBuilder b : media) {
            // RFC 4566 §5.7: c= at media level overrides the session-level one; §6: so does a direction attribute.
            String eff = b.address != null ? b.address : sessionAddress;
            if (eff == null && b.port != 0) {
                warnings.add("SDP " + b.mediaType + " section has no connection address");
            }
            out.add(new MediaDescription(b.mediaType, b.port, b.protocol, b.formats, b.address, eff,
                    b.direction != null ? b.direction : sd, b.rtpMaps, b.fmtps, b.label));
        }
        return new SessionDescription(origin, sessionAddress, sd, out, warnings);
    }

    private static String connectionAddress(String value, List<String> warnings) {
        String[] p = value.split("\\s+");
        if (p.length < 3) {
            warnings.add("SDP c= line has " + p.length + " fields, expected 3");
            return null;
        }
        String addr = p[2];
        // RFC 4566 §5.7: multicast addresses may carry /ttl and /count suffixes.
        int slash = addr.indexOf('/');
        return slash < 0 ? addr : addr.substring(0, slash);
    }

    private static void attribute(MediaBuilder m, String name, String arg, List<String> warnings) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "rtpmap" -> {
                String[] p = arg.split("\\s+", 2);
                // Keep empty fields: "0 /" must read as an empty encoding name, not as no fields at all.
                String[] enc = p.length == 2 ? p[1].split("/", -1) : new String[] {""};
                if (p.length == 2 && p[0].matches("\\d{1,3}") && !enc[0].isEmpty()) {
                    int rate = enc.length > 1 && enc[1].matches("\\d{1,9}") ? Integer.parseInt(enc[1]) : 0;
                    int ch = enc.length > 2 && enc[2].matches("\\d{1,3}") ? Integer.parseInt(enc[2]) : 1;
                    int pt = Integer.parseInt(p[0]);
                    m.rtpMaps.put(pt, new RtpMap(pt, enc[0], rate, ch));
                } else {
                    warnings.add("SDP a=rtpmap \"" + SipParser.shorten(arg) + "\" is malformed");
                }
            }
            case "fmtp" -> {
                String[] p = arg.split("\\s+", 2);
                if (p[0].matches("\\d{1,3}")) {
                    m.fmtps.put(Integer.parseInt(p[0]), p.length > 1 ? p[1] : "");
                }
            }
            case "label" -> m.label = arg;
            default -> {
                // Other attributes (ptime, rtcp, crypto...) are not needed by the analysis.
            }
        }
    }

    private static final class MediaBuilder {
        String mediaType = "";
        int port;
        String protocol = "";
        final List<String> formats = new ArrayList<>();
        String address;
        MediaDirection direction;
        final Map<Integer, RtpMap> rtpMaps = new LinkedHashMap<>();
        final Map<Integer, String> fmtps = new LinkedHashMap<>();
        String label;
    }
}
