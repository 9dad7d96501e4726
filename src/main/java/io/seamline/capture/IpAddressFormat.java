package io.seamline.capture;

/** Formats raw IPv4 and IPv6 addresses the way Wireshark prints them (IPv6 per RFC 5952 §4). */
final class IpAddressFormat {
    private IpAddressFormat() {
    }

    static String ipv4(byte[] b, int off) {
        return (b[off] & 0xFF) + "." + (b[off + 1] & 0xFF) + "." + (b[off + 2] & 0xFF) + "." + (b[off + 3] & 0xFF);
    }

    static String ipv6(byte[] b, int off) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[off + 2 * i] & 0xFF) << 8) | (b[off + 2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        if (bestStart == 0 && bestLength == 6 || bestStart == 0 && bestLength == 5 && words[5] == 0xFFFF) {
            sb.append("::");
            if (bestLength == 5) {
                sb.append("ffff:");
            }
            return sb.append(ipv4(b, off + 12)).toString();
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(words[i]));
        }
        return sb.toString();
    }
}
