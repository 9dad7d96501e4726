package io.seamline.stitch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Half-open sample ranges {@code [start, end)} kept as sorted, disjoint, non-empty {@code long[2]}
 * lists: union, difference and intersection for planning which source covers which output samples.
 */
final class SampleRanges {
    private SampleRanges() {
    }

    /** Sorts and merges overlapping or touching ranges; drops empty ones. */
    static List<long[]> normalize(List<long[]> ranges) {
        List<long[]> sorted = new ArrayList<>();
        for (long[] r : ranges) {
            if (r[1] > r[0]) {
                sorted.add(new long[] {r[0], r[1]});
            }
        }
        sorted.sort(Comparator.comparingLong(r -> r[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : sorted) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** The parts of {@code ranges} not in {@code cut}; both normalized. */
    static List<long[]> minus(List<long[]> ranges, List<long[]> cut) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            long from = r[0];
            for (long[] c : cut) {
                if (c[1] <= from || c[0] >= r[1]) {
                    continue;
                }
                if (c[0] > from) {
                    out.add(new long[] {from, c[0]});
                }
                from = Math.max(from, c[1]);
            }
            if (from < r[1]) {
                out.add(new long[] {from, r[1]});
            }
        }
        return out;
    }

    /** The parts of {@code ranges} inside {@code keep}; both normalized. */
    static List<long[]> intersect(List<long[]> ranges, List<long[]> keep) {
        List<long[]> out = new ArrayList<>();
        for (long[] r : ranges) {
            for (long[] k : keep) {
                long a = Math.max(r[0], k[0]);
                long b = Math.min(r[1], k[1]);
                if (a < b) {
                    out.add(new long[] {a, b});
                }
            }
        }
        return normalize(out);
    }

    /** Samples covered. */
    static long total(List<long[]> ranges) {
        long n = 0;
        for (long[] r : ranges) {
            n += r[1] - r[0];
        }
        return n;
    }
}
