package io.seamline.capture;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reassembles fragmented IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) datagrams with bounded memory:
 * at most {@link #MAX_PENDING} datagrams in progress, each at most 65535 bytes, each dropped when
 * {@link #TIMEOUT_MICROS} of capture time pass without completion (RFC 8200 uses 60 s; we use 30 s).
 */
final class IpFragmentReassembler {
    static final int MAX_PENDING = 256;
    static final long TIMEOUT_MICROS = 30_000_000L;
    private static final int MAX_DATAGRAM_BYTES = 65535;

    private static final class Pending {
        final long firstMicros;
        final List<int[]> ranges = new ArrayList<>();
        final byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        int totalLength = -1;

        Pending(long firstMicros) {
            this.firstMicros = firstMicros;
        }
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long dropped;

    /**
     * Adds one fragment.
     *
     * @param key         identifies the datagram (addresses, identification, protocol)
     * @param offsetBytes fragment offset in bytes
     * @param more        the More Fragments flag
     * @param timeMicros  capture time of the fragment, microseconds since the epoch
     * @return the whole reassembled payload when this fragment completes it, else {@code null}
     */
    byte[] add(String key, int offsetBytes, boolean more, byte[] data, int from, int length, long timeMicros) {
        expire(timeMicros);
        int end = offsetBytes + length;
        if (offsetBytes < 0 || end > MAX_DATAGRAM_BYTES) {
            dropped++;
            return null;
        }
        Pending p = pending.get(key);
        if (p == null) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<String> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
                dropped++;
            }
            p = new Pending(timeMicros);
            pending.put(key, p);
        }
        System.arraycopy(data, from, p.buffer, offsetBytes, length);
        p.ranges.add(new int[] {offsetBytes, end});
        if (!more) {
            p.totalLength = end;
        }
        if (p.totalLength < 0 || !covered(p)) {
            return null;
        }
        pending.remove(key);
        byte[] whole = new byte[p.totalLength];
        System.arraycopy(p.buffer, 0, whole, 0, whole.length);
        return whole;
    }

    private static boolean covered(Pending p) {
        p.ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        int reached = 0;
        for (int[] r : p.ranges) {
            if (r[0] > reached) {
                return false;
            }
            reached = Math.max(reached, r[1]);
        }
        return reached >= p.totalLength;
    }

    private void expire(long nowMicros) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (nowMicros - p.firstMicros > TIMEOUT_MICROS) {
                it.remove();
                dropped++;
            } else {
                break;
            }
        }
    }

    /** @return datagrams given up so far (timeout or memory bound) plus those still incomplete */
    long incompleteCount() {
        return dropped + pending.size();
    }
}
