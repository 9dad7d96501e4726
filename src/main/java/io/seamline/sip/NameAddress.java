package io.seamline.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A From/To/Contact value (RFC 3261 §25.1 name-addr / addr-spec) split leniently into display name,
 * URI and header parameters; {@code wellFormed} is false when a quote or angle bracket was left open.
 */
public record NameAddress(String displayName, String uri, Map<String, String> parameters, boolean wellFormed) {

    public NameAddress {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses one name-addr or addr-spec. Never throws: unbalanced quotes or brackets give
     * {@code wellFormed == false} and whatever could be recovered.
     *
     * @param value one header value (one element of a comma-separated list)
     * @return the parsed address
     */
    public static NameAddress parse(String value) {
        String v = value.trim();
        String display = "";
        String uri;
        String rest;
        boolean ok = true;
        int i = 0;
        if (v.startsWith("\"")) {
            int end = closingQuote(v, 0);
            if (end < 0) {
                return new NameAddress(v.substring(1), "", Map.of(), false);
            }
            display = ContentType.unquote(v.substring(0, end + 1));
            i = end + 1;
        }
        int lt = v.indexOf('<', i);
        int semiBeforeLt = ContentType.indexOfUnquoted(v, ';', i);
        if (lt >= 0 && (semiBeforeLt < 0 || lt < semiBeforeLt || i > 0)) {
            if (i == 0) {
                display = v.substring(0, lt).trim();
            }
            int gt = v.indexOf('>', lt);
            if (gt < 0) {
                ok = false;
                uri = v.substring(lt + 1).trim();
                rest = "";
            } else {
                uri = v.substring(lt + 1, gt).trim();
                rest = v.substring(gt + 1);
            }
        } else {
            // RFC 3261 §20.10: without <>, parameters after the URI belong to the header, not the URI.
            int semi = ContentType.indexOfUnquoted(v, ';', i);
            uri = (semi < 0 ? v.substring(i) : v.substring(i, semi)).trim();
            rest = semi < 0 ? "" : v.substring(semi);
        }
        Map<String, String> params = new LinkedHashMap<>();
        int semi = ContentType.indexOfUnquoted(rest, ';', 0);
        while (semi >= 0) {
            int next = ContentType.indexOfUnquoted(rest, ';', semi + 1);
            String p = (next < 0 ? rest.substring(semi + 1) : rest.substring(semi + 1, next)).trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(p.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                        ContentType.unquote(p.substring(eq + 1).trim()));
            } else if (!p.isEmpty()) {
                params.putIfAbsent(p.toLowerCase(Locale.ROOT), "");
            }
            semi = next;
        }
        if (rest.chars().filter(c -> c == '"').count() % 2 != 0) {
            ok = false;
        }
        return new NameAddress(display, uri, params, ok);
    }

    /** @return the {@code tag} parameter, or null when absent */
    public String tag() {
        return parameters.get("tag");
    }

    /**
     * @return the host (and port, if any) of a sip:/sips: URI, or the empty string when the URI has another
     *         scheme
     */
    public String uriHostPort() {
        String u = uri;
        int colon = u.indexOf(':');
        if (colon < 0 || !u.substring(0, colon).toLowerCase(Locale.ROOT).startsWith("sip")) {
            return "";
        }
        String hp = u.substring(colon + 1);
        int at = hp.lastIndexOf('@');
        if (at >= 0) {
            hp = hp.substring(at + 1);
        }
        int end = hp.length();
        for (char stop : new char[] {';', '?', '>'}) {
            int k = hp.indexOf(stop);
            if (k >= 0 && k < end) {
                end = k;
            }
        }
        return hp.substring(0, end);
    }

    private static int closingQuote(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '"') {
                return i;
            }
        }
        return -1;
    }
}
