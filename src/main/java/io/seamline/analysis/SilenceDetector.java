package io.seamline.analysis;

import io.seamline.audio.SampleUnits;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Finds silences: near-silence far below the lane's own noise floor and longer than the lane's normal pauses, so
 * that speech pauses are not reported. Exact digital silence is left to {@link DropoutDetector}.
 *
 * <p>Method. RMS in windows of {@code silenceWindowMs} (default 20 ms) every half window. The speech level is the
 * 95th percentile of window levels; windows within 300 ms of a window no more than 30 dB under it are "near
 * speech", and the noise floor is the {@code floorPercentile} (10th) percentile of those, so that the inside of a
 * long gap cannot drag the floor down to its own level (with a 1 s reach the two edges of a 17 s gap in 30 s of
 * speech were already 14% of the near-speech windows). A window is near-silent when it is under
 * {@code max(floor - belowFloorDb, nearSilenceDbfs)}: far under the floor on a noisy line, and under -70 dBFS on a
 * clean one, where the pauses themselves are that quiet and only their length tells them from a gap. The lane's
 * normal pause is the {@code pausePercentile} (95th) percentile of near-silent runs shorter than
 * {@code maxPauseMs}; a run is reported when it lasts at least
 * {@code clamp(pauseFactor * normalPause, silenceMinMs, maxPauseMs)}.
 *
 * <p>Tuning. Measured on the minute of speech the tests build from the committed fixtures (speech-a.wav and
 * speech-b.wav alternating, 69.6 s of espeak-ng {@code -m -v en-us -s 160} sentences with SSML breaks of 0.4 to
 * 1.5 s, resampled by sox to 8 kHz/16-bit so pauses are dither, the longest zero run 34 samples): 20 ms window
 * levels have a 10th percentile of -96.6 dBFS, median -29.8, 95th percentile -15.8; there are 111 near-silent
 * runs, median 40 ms, 95th percentile 1180 ms, longest 1590 ms (a 1.5 s break next to a sentence end). With pink
 * line noise of -54 dBFS RMS mixed in (speech-a-line.wav) the floor is -61.8 dBFS and no window is near-silent. So
 * the required length on clean speech is {@code max(2000, 1.5 * 1180)} = 2000 ms, 410 ms over the longest pause. A
 * 17 s splice of quiet white noise (-91 dBFS in 20 ms windows) into a word was found with both boundaries exact to
 * the sample, on clean and on noisy-line speech. On speech over a loud line (sox pink noise at -34 dBFS RMS added)
 * the floor is -36.1 dBFS, near-silence starts under -56.1 dBFS, and 17 s of -67 dBFS comfort noise is found
 * exactly, while the same comfort noise in clean speech is not reported (it is above -70 dBFS). Defaults: 20 ms windows, 10th-percentile floor, 20 dB under the
 * floor or -70 dBFS, 95th-percentile pause times 1.5, at least 2 s, always from 8 s (a listener's lane in a
 * separate-channel recording holds pauses as long as the other party's turns).
 */
public final class SilenceDetector extends WindowedLaneDetector {
    private static final double SPEECH_PERCENTILE = 95;
    private static final double SPEECH_RANGE_DB = 30;
    private static final double SPEECH_CONTEXT_MS = 300;

    private final int hop;
    private final boolean sixteenBit;
    private final FloatSeries hopEnergy = new FloatSeries();
    private final FloatSeries hopDigital = new FloatSeries();
    private double energy;
    private int filled;
    private float first = Float.NaN;
    private boolean constant = true;
    private DoubleConsumer hopSums;

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds (the silence and floor fields are used)
     */
    public SilenceDetector(int sampleRateHz, int lane, GapThresholds thresholds) {
        this(sampleRateHz, lane, thresholds, false);
    }

    /**
     * Creates the detector for one lane.
     *
     * @param sampleRateHz lane sample rate
     * @param lane lane index reported in findings
     * @param thresholds thresholds (the silence and floor fields are used)
     * @param sixteenBit every sample is a 16-bit value / 32768: a hop's squares are then multiples of 2^-30 whose
     *     sums stay exact in double, so they are added four at a time (the same sums, without waiting on each add)
     */
    public SilenceDetector(int sampleRateHz, int lane, GapThresholds thresholds, boolean sixteenBit) {
        super(sampleRateHz, lane, thresholds);
        this.hop = (int) Math.max(1, Math.round(thresholds.silenceWindowMs() * sampleRateHz / 2000.0));
        this.sixteenBit = sixteenBit && hop <= 1 << 20;
    }

    @Override
    public void accept(float[] samples, int count) {
        int i = 0;
        while (i < count) {
            // Up to the end of the hop: the same sums in the same order as sample by sample, without the checks.
            int end = Math.min(count, i + hop - filled);
            double e = energy;
            boolean same = constant;
            if (filled == 0) {
                first = clean(samples[i]);
            }
            float f = first;
            int k = i;
            if (sixteenBit) {
                // Four chains of additions side by side: squares of 16-bit values sum exactly in any order.
                double e0 = 0;
                double e1 = 0;
                double e2 = 0;
                double e3 = 0;
                for (; k + 3 < end; k += 4) {
                    float x = samples[k];
                    float y = samples[k + 1];
                    float z = samples[k + 2];
                    float w = samples[k + 3];
                    e0 += (double) x * x;
                    e1 += (double) y * y;
                    e2 += (double) z * z;
                    e3 += (double) w * w;
                    same &= x == f & y == f & z == f & w == f;
                }
                e += (e0 + e1) + (e2 + e3);
            }
            for (; k < end; k++) {
                float x = clean(samples[k]);
                e += (double) x * x;
                same &= x == f;
            }
            addToHop(e, same, end - i);
            i = end;
        }
    }

    /**
     * Takes the running hop's energy and constancy after {@code samples} more samples; ends the hop when it is
     * full, handing its sum to {@link #sendHopSums} first.
     */
    private void addToHop(double e, boolean same, int samples) {
        energy = e;
        constant = same;
        filled += samples;
        if (filled == hop) {
            if (hopSums != null) {
                hopSums.accept(energy);
            }
            endHop();
        }
    }

    /** Samples per hop (half a window), hops starting at sample 0. */
    int hopSamples() {
        return hop;
    }

    /**
     * Hands {@code sums} the sum of squares of every complete hop, in order, as the hop ends (not the partial last
     * one): with 16-bit samples each is exact, the very double any other sum of the same squares gives.
     */
    void sendHopSums(DoubleConsumer sums) {
        this.hopSums = sums;
    }

    /**
     * {@link #accept} for 16-bit samples whose whole units are measured: a hop's energy is the sum of its units'
     * sums (exact, so the same double) and it is constant when every unit's minimum and maximum are its first sample.
     * Without 16-bit samples (see the constructor) this is {@link #accept}.
     *
     * @param samples the block, 16-bit values / 32768
     * @param units the units of {@code samples[0..count)}
     * @param count samples in the block
     */
    void acceptUnits(float[] samples, SampleUnits units, int count) {
        if (!sixteenBit) {
            accept(samples, count);
            return;
        }
        int i = 0;
        while (i < count) {
            int end = Math.min(count, i + hop - filled);
            if (filled == 0) {
                first = samples[i];
            }
            float f = first;
            double e = energy;
            boolean same = constant;
            int k = i;
            int firstUnit = (k + SampleUnits.UNIT - 1) / SampleUnits.UNIT;
            int endUnit = end / SampleUnits.UNIT;
            if (firstUnit < endUnit) {
                for (; k < firstUnit * SampleUnits.UNIT; k++) {
                    float x = samples[k];
                    e += (double) x * x;
                    same &= x == f;
                }
                for (int u = firstUnit; u < endUnit; u++) {
                    e += units.sumSquares(u);
                    same &= units.min(u) == f & units.max(u) == f;
                }
                k = endUnit * SampleUnits.UNIT;
            }
            for (; k < end; k++) {
                float x = samples[k];
                e += (double) x * x;
                same &= x == f;
            }
            addToHop(e, same, end - i);
            i = end;
        }
    }

    /** NaN and infinities count as 0 (they belong to {@link CorruptSampleDetector}). */
    private static float clean(float x) {
        return x != x || Float.isInfinite(x) ? 0f : x;
    }

    private void endHop() {
        hopEnergy.add((float) energy);
        hopDigital.add(constant ? 1f : 0f);
        energy = 0;
        filled = 0;
        constant = true;
    }

    @Override
    public List<GapFinding> finish() {
        if (filled > 0) {
            endHop();
        }
        int windows = hopEnergy.size() - 1;
        if (windows < 1) {
            return List.of();
        }
        // Each pass over the windows is a method of its own: run once per lane over up to millions of windows, each
        // is compiled while it runs, and a small method is quicker to compile than all of finish from that loop on.
        float[] level = new float[windows];
        boolean[] digital = new boolean[windows];
        float[] real = new float[windows];
        int realCount = windowLevels(level, digital, real);
        if (realCount == 0) {
            return List.of();
        }
        double speech = percentile(real, realCount, SPEECH_PERCENTILE);
        boolean[] nearSpeech = nearSpeech(level, digital, speech - SPEECH_RANGE_DB);
        float[] context = new float[windows];
        int contextCount = contextLevels(level, digital, nearSpeech, context);
        double floor = contextCount > 0 ? percentile(context, contextCount, thresholds.floorPercentile())
                : percentile(real, realCount, thresholds.floorPercentile());
        double quiet = Math.max(floor - thresholds.belowFloorDb(), thresholds.nearSilenceDbfs());

        List<int[]> runs = quietRuns(level, digital, quiet);
        double msPerHop = hop * 1000.0 / sampleRateHz;
        float[] pauses = new float[runs.size()];
        int pauseCount = 0;
        for (int[] r : runs) {
            double ms = runMs(r, msPerHop);
            if (ms < thresholds.maxPauseMs()) {
                pauses[pauseCount++] = (float) ms;
            }
        }
        double normalPause = pauseCount > 0 ? percentile(pauses, pauseCount, thresholds.pausePercentile()) : 0;
        double required = Math.min(thresholds.maxPauseMs(),
                Math.max(thresholds.silenceMinMs(), thresholds.pauseFactor() * normalPause));
        List<GapFinding> out = new ArrayList<>();
        for (int[] r : runs) {
            double ms = runMs(r, msPerHop);
            if (ms >= required) {
                double sum = 0;
                for (int w = r[0]; w < r[1]; w++) {
                    sum += level[w];
                }
                double mean = sum / (r[1] - r[0]);
                double confidence = Math.min(1.0, 0.5 + 0.5 * (ms - required) / required);
                out.add(new GapFinding(lane, (long) r[0] * hop, (long) (r[1] + 1) * hop, sampleRateHz,
                        GapKind.SILENCE, confidence, String.format(java.util.Locale.ROOT,
                                "%.0f ms at %.1f dBFS; floor %.1f dBFS, near-silent under %.1f dBFS,"
                                        + " normal pause %.0f ms, required %.0f ms",
                                ms, mean, floor, quiet, normalPause, required),
                        thresholds));
            }
        }
        return out;
    }

    /**
     * Fills each window's level (two hops), whether it is digital (both hops constant) and the levels of the windows
     * that are not; returns how many those are.
     */
    private int windowLevels(float[] level, boolean[] digital, float[] real) {
        int realCount = 0;
        for (int w = 0; w < level.length; w++) {
            level[w] = toDb((hopEnergy.get(w) + hopEnergy.get(w + 1)) / (2.0 * hop));
            digital[w] = hopDigital.get(w) > 0 && hopDigital.get(w + 1) > 0;
            if (!digital[w]) {
                real[realCount++] = level[w];
            }
        }
        return realCount;
    }

    /** Puts the levels of the windows near speech that are not digital into {@code context}; returns how many. */
    private static int contextLevels(float[] level, boolean[] digital, boolean[] nearSpeech, float[] context) {
        int contextCount = 0;
        for (int w = 0; w < level.length; w++) {
            if (nearSpeech[w] && !digital[w]) {
                context[contextCount++] = level[w];
            }
        }
        return contextCount;
    }

    /** Runs [a, b) of windows that are not digital and under {@code quiet} dBFS, in order. */
    private static List<int[]> quietRuns(float[] level, boolean[] digital, double quiet) {
        int windows = level.length;
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int w = 0; w <= windows; w++) {
            boolean candidate = w < windows && !digital[w] && level[w] < quiet;
            if (candidate && start < 0) {
                start = w;
            } else if (!candidate && start >= 0) {
                runs.add(new int[] {start, w});
                start = -1;
            }
        }
        return runs;
    }

    /** A run of windows [a, b) spans from the start of window a to the end of window b-1: (b - a + 1) hops. */
    private static double runMs(int[] run, double msPerHop) {
        return (run[1] - run[0] + 1) * msPerHop;
    }

    private boolean[] nearSpeech(float[] level, boolean[] digital, double speechFrom) {
        int n = level.length;
        int reach = (int) Math.round(SPEECH_CONTEXT_MS * sampleRateHz / 1000.0 / hop);
        boolean[] near = new boolean[n];
        int last = Integer.MIN_VALUE / 2;
        for (int w = 0; w < n; w++) {
            if (!digital[w] && level[w] >= speechFrom) {
                last = w;
            }
            near[w] = w - last <= reach;
        }
        last = Integer.MAX_VALUE / 2;
        for (int w = n - 1; w >= 0; w--) {
            if (!digital[w] && level[w] >= speechFrom) {
                last = w;
            }
            near[w] |= last - w <= reach;
        }
        return near;
    }
}
