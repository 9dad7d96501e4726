package io.seamline.stitch;

import io.seamline.analysis.CorrelationInput;
import io.seamline.analysis.LaneAudio;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.TaskMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders planned segments into 16-bit frames block by block: each output sample is the sum of its
 * segment's contributing lanes (one lane except for a capture's directions), read at the output rate;
 * a lane at the output rate is read unchanged, others through the project's zero-delay windowed-sinc
 * ({@link CorrelationInput#atRate(int)}). Optional crossfades overlay a linear blend centred on seams.
 */
final class StitchRenderer {
    /** Frames rendered per block. */
    static final int BLOCK = 1 << 16;

    /**
     * A join between two segments of one channel, crossfaded over {@code [at - lead, at + lag)}: the
     * outgoing side fades out while the incoming side fades in.
     */
    record Seam(int channel, long at, long lead, long lag, List<SourceTrack.Contribution> before,
            List<SourceTrack.Contribution> after) {
    }

    /** Thrown through {@link CorrelationInput#read} when the case cannot supply a lane's audio. */
    static final class LaneReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaneReadFailure(CaseFileException cause) {
            super(cause.getMessage(), cause);
        }

        CaseFileException problem() {
            return (CaseFileException) getCause();
        }
    }

    private final LaneAudio audio;
    private final int rateHz;
    private final Map<Long, CorrelationInput> views = new HashMap<>();
    private long clipped;

    StitchRenderer(LaneAudio audio, int rateHz) {
        this.audio = audio;
        this.rateHz = rateHz;
    }

    /** Output samples that had to be clamped to the 16-bit range (only possible in a mix or resampled run). */
    long clippedSamples() {
        return clipped;
    }

    /**
     * Renders every channel's plan into {@code writer}.
     *
     * @param plans  per channel, segments tiling {@code [0, length)}, sorted by start
     * @param seams  per channel, the seams to crossfade (empty for butt joins)
     */
    void render(List<List<StitchPlanner.Planned>> plans, List<List<Seam>> seams, long length, BwfWavWriter writer,
            TaskMonitor monitor) throws IOException, CancelledException {
        int channels = plans.size();
        short[][] frames = new short[channels][BLOCK];
        float[] acc = new float[BLOCK];
        float[] tmp = new float[BLOCK];
        int[] next = new int[channels];
        for (long block = 0; block < length; block += BLOCK) {
            if (monitor.isCancelled()) {
                throw new CancelledException("stitch");
            }
            int n = (int) Math.min(BLOCK, length - block);
            long end = block + n;
            for (int c = 0; c < channels; c++) {
                java.util.Arrays.fill(acc, 0, n, 0f);
                List<StitchPlanner.Planned> plan = plans.get(c);
                while (next[c] < plan.size() && plan.get(next[c]).end() <= block) {
                    next[c]++;
                }
                for (int i = next[c]; i < plan.size() && plan.get(i).start() < end; i++) {
                    StitchPlanner.Planned p = plan.get(i);
                    if (p.track() == null) {
                        continue;
                    }
                    long a = Math.max(block, p.start());
                    long b = Math.min(end, p.end());
                    for (SourceTrack.Contribution k : p.track().contributorsAt(p.start())) {
                        read(k, a, tmp, (int) (b - a));
                        for (int j = 0; j < b - a; j++) {
                            acc[(int) (a - block) + j] += tmp[j];
                        }
                    }
                }
                for (Seam s : seams.get(c)) {
                    overlay(s, block, end, acc, tmp);
                }
                for (int j = 0; j < n; j++) {
                    frames[c][j] = quantize(acc[j]);
                }
            }
            writer.write(frames, n);
            monitor.progress("stitch", end, length);
        }
    }

    /** Replaces {@code [at - lead, at + lag)} with a linear blend of the audio before and after the seam. */
    private void overlay(Seam s, long block, long end, float[] acc, float[] tmp) {
        long from = Math.max(block, s.at() - s.lead());
        long to = Math.min(end, s.at() + s.lag());
        if (from >= to) {
            return;
        }
        int n = (int) (to - from);
        float[] before = new float[n];
        float[] after = new float[n];
        for (SourceTrack.Contribution k : s.before()) {
            read(k, from, tmp, n);
            for (int j = 0; j < n; j++) {
                before[j] += tmp[j];
            }
        }
        for (SourceTrack.Contribution k : s.after()) {
            read(k, from, tmp, n);
            for (int j = 0; j < n; j++) {
                after[j] += tmp[j];
            }
        }
        double width = s.lead() + s.lag();
        for (int j = 0; j < n; j++) {
            double w = (from + j - (s.at() - s.lead()) + 0.5) / width;
            acc[(int) (from - block) + j] = (float) ((1 - w) * before[j] + w * after[j]);
        }
    }

    /** Reads output samples {@code [from, from + count)} of one contribution (extending its piece linearly). */
    private void read(SourceTrack.Contribution k, long from, float[] into, int count) {
        view(k.lane().lane()).read(k.viewAt(from), into, 0, count);
    }

    private CorrelationInput view(LaneRecord lane) {
        return views.computeIfAbsent(lane.id(), id -> new LaneInput(lane).atRate(rateHz));
    }

    private short quantize(float v) {
        // Decoded 16-bit samples are s / 32768 exactly, so this returns the original s unchanged.
        long s = Math.round(v * 32768.0);
        if (s > Short.MAX_VALUE || s < Short.MIN_VALUE) {
            clipped++;
            return s > 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        return (short) s;
    }

    /** A lane of the case as a {@link CorrelationInput} at its own rate. */
    private final class LaneInput implements CorrelationInput {
        private final LaneRecord lane;

        LaneInput(LaneRecord lane) {
            this.lane = lane;
        }

        @Override
        public int sampleRateHz() {
            return lane.sampleRateHz();
        }

        @Override
        public long lengthSamples() {
            return lane.sampleCount();
        }

        @Override
        public void read(long positionSamples, float[] destination, int offset, int count) {
            try {
                float[] samples = audio.read(lane, positionSamples, count);
                System.arraycopy(samples, 0, destination, offset, count);
            } catch (CaseFileException e) {
                throw new LaneReadFailure(e);
            }
        }
    }

    private static List<String> keys(List<SourceTrack.Contribution> contributions) {
        return contributions.stream().map(k -> k.lane().lane().id() + "@" + k.piece()).toList();
    }

    /** Seams of one channel's plan: joins between two sourced segments that change source or piece. */
    static List<Seam> seams(int channel, List<StitchPlanner.Planned> plan, long half) {
        List<Seam> out = new ArrayList<>();
        if (half <= 0) {
            return out;
        }
        for (int i = 0; i + 1 < plan.size(); i++) {
            StitchPlanner.Planned a = plan.get(i);
            StitchPlanner.Planned b = plan.get(i + 1);
            if (a.track() == null || b.track() == null || a.end() != b.start()) {
                continue;
            }
            List<SourceTrack.Contribution> before = a.track().contributorsAt(a.end() - 1);
            List<SourceTrack.Contribution> afterSide = b.track().contributorsAt(b.start());
            if (keys(before).equals(keys(afterSide))) {
                continue;
            }
            // The fade needs samples of the outgoing side after the seam and of the incoming side before it,
            // within the same piece (past a splice the lane's samples belong to another time): the window
            // shrinks on a side that has none, and a seam with no room on either side stays a butt join.
            long limit = Math.min(half, Math.min(a.end() - a.start(), b.end() - b.start()) / 2);
            long after = limit;
            for (SourceTrack.Contribution k : before) {
                after = Math.min(after, k.piece().viewStart() + k.piece().length() - k.viewAt(a.end()));
            }
            long earlier = limit;
            for (SourceTrack.Contribution k : afterSide) {
                earlier = Math.min(earlier, k.viewAt(b.start()) - Math.max(0, k.piece().viewStart()));
            }
            if (after > 0 || earlier > 0) {
                out.add(new Seam(channel, a.end(), Math.max(0, earlier), Math.max(0, after), before, afterSide));
            }
        }
        return out;
    }
}
