package io.seamline.sip;

import java.util.Locale;

/**
 * One header field line as it appeared on the wire: the name exactly as written (which may be a
 * compact form such as {@code i} or odd case such as {@code MaX-fOrWaRdS}) and the value with
 * folded lines joined by a single space (RFC 3261 §7.3.1) and surrounding whitespace trimmed.
 */
public record SipHeader(String name, String value) {

    /** @return the long form of this header's name in lower case ({@code v} and {@code VIA} give {@code via}) */
    public String canonicalName() {
        return HeaderNames.canonical(name);
    }

    /** @return true when this header has the given name, compared case-insensitively and across compact forms */
    public boolean is(String otherName) {
        return canonicalName().equals(HeaderNames.canonical(otherName));
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }

    /** Header name normalisation shared by the SIP and MIME part parsers. */
    static final class HeaderNames {
        private HeaderNames() {
        }

        /**
         * Compact forms from RFC 3261 §7.3.3 and the extensions that registered one in the IANA
         * "Header Fields" registry (RFC 3515 r, RFC 3892 b, RFC 3841 a/j/d, RFC 4028 x, RFC 6665 o/u,
         * RFC 8224 y/n).
         */
        static String canonical(String name) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.length() != 1) {
                return n;
            }
            return switch (n.charAt(0)) {
                case 'i' -> "call-id";
                case 'm' -> "contact";
                case 'e' -> "content-encoding";
                case 'l' -> "content-length";
                case 'c' -> "content-type";
                case 'f' -> "from";
                case 's' -> "subject";
                case 'k' -> "supported";
                case 't' -> "to";
                case 'v' -> "via";
                case 'o' -> "event";
                case 'r' -> "refer-to";
                case 'b' -> "referred-by";
                case 'u' -> "allow-events";
                case 'x' -> "session-expires";
                case 'y' -> "identity";
                case 'n' -> "identity-info";
                case 'a' -> "accept-contact";
                case 'j' -> "reject-contact";
                case 'd' -> "request-disposition";
                default -> n;
            };
        }
    }
}
