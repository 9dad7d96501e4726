package io.seamline.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A MIME media type from a Content-Type header (RFC 2045 §5.1): {@code type/subtype} in lower case
 * and its parameters (names in lower case, quoted values unquoted).
 */
public record ContentType(String mediaType, Map<String, String> parameters) {

    /** Media type of SDP bodies (RFC 4566 §8.1). */
    public static final String SDP = "application/sdp";
    /** Media type of SIPREC recording metadata (RFC 7866 §9.1). */
    public static final String RS_METADATA = "application/rs-metadata+xml";

    public ContentType {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses a Content-Type value leniently: a value without a slash is kept as given in lower case.
     *
     * @param value the header value, e.g. {@code multipart/mixed;boundary="foo"}
     * @return the parsed type; never null
     */
    public static ContentType parse(String value) {
        String v = value == null ? "" : value.trim();
        int semi = indexOfUnquoted(v, ';', 0);
        String type = (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        while (semi >= 0) {
            int next = indexOfUnquoted(v, ';', semi + 1);
            String p = (next < 0 ? v.substring(semi + 1) : v.substring(semi + 1, next)).trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(p.substring(0, eq).trim().toLowerCase(Locale.ROOT), unquote(p.substring(eq + 1).trim()));
            } else if (!p.isEmpty()) {
                params.putIfAbsent(p.toLowerCase(Locale.ROOT), "");
            }
            semi = next;
        }
        return new ContentType(type, params);
    }

    /** @return true for any {@code multipart/*} type */
    public boolean isMultipart() {
        return mediaType.startsWith("multipart/");
    }

    /** @return true when the media type equals {@code other}, ignoring case */
    public boolean is(String other) {
        return mediaType.equalsIgnoreCase(other);
    }

    static int indexOfUnquoted(String s, char wanted, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted && ch == '\\') {
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == wanted) {
                return i;
            }
        }
        return -1;
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 1; i < s.length() - 1; i++) {
                char ch = s.charAt(i);
                if (ch == '\\' && i + 1 < s.length() - 1) {
                    ch = s.charAt(++i);
                }
                sb.append(ch);
            }
            return sb.toString();
        }
        return s;
    }
}
