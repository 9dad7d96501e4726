package io.seamline.analysis;

import io.seamline.audio.FrameSink;
import io.seamline.audio.SampleUnits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs the standard lane detectors ({@link LaneGapDetector#standardSet}) on every lane of a stream as one
 * {@link FrameSink}, so gap detection can share a single pass over the audio with the waveform pyramid:
 * {@code reader.streamTo(pyramidBuilder, allLanes)} then {@link #finish()}.
 */
public final class AllLanesGapDetector implements FrameSink {
    private final List<List<LaneGapDetector>> byLane = new ArrayList<>();

    /**
     * Creates the detectors for every lane.
     *
     * @param sampleRateHz stream sample rate
     * @param channelCount number of lanes
     * @param thresholds thresholds for every detector
     */
    public AllLanesGapDetector(int sampleRateHz, int channelCount, GapThresholds thresholds) {
        this(sampleRateHz, channelCount, thresholds, false);
    }

    /**
     * Creates the detectors for every lane.
     *
     * @param sampleRateHz stream sample rate
     * @param channelCount number of lanes
     * @param thresholds thresholds for every detector
     * @param sixteenBit every sample is a 16-bit value / 32768 (see {@link LaneGapDetector#standardSet(int, int,
     *     GapThresholds, boolean)}); the findings are the same either way, only found faster
     */
    public AllLanesGapDetector(int sampleRateHz, int channelCount, GapThresholds thresholds, boolean sixteenBit) {
        for (int lane = 0; lane < channelCount; lane++) {
            byLane.add(LaneGapDetector.standardSet(sampleRateHz, lane, thresholds, sixteenBit));
        }
    }

    /** The silence detector of {@code lane}, null if the set has none. */
    SilenceDetector silence(int lane) {
        for (LaneGapDetector d : byLane.get(lane)) {
            if (d instanceof SilenceDetector s) {
                return s;
            }
        }
        return null;
    }

    /**
     * {@link #accept} for lanes of 16-bit samples whose whole units are measured (the silence and noise-burst
     * detectors sum units, the corrupt-sample detectors skip clean ones, the others read the samples); the findings
     * are the same.
     */
    void acceptUnits(float[][] lanes, SampleUnits[] units, int frames) {
        for (int lane = 0; lane < byLane.size(); lane++) {
            for (LaneGapDetector d : byLane.get(lane)) {
                if (d instanceof SilenceDetector silence) {
                    silence.acceptUnits(lanes[lane], units[lane], frames);
                } else if (d instanceof NoiseBurstDetector noise) {
                    noise.acceptUnits(lanes[lane], units[lane], frames);
                } else if (d instanceof CorruptSampleDetector corrupt) {
                    corrupt.acceptUnits(lanes[lane], units[lane], frames);
                } else {
                    d.accept(lanes[lane], frames);
                }
            }
        }
    }

    @Override
    public void accept(float[][] lanes, int frames) {
        for (int lane = 0; lane < byLane.size(); lane++) {
            for (LaneGapDetector d : byLane.get(lane)) {
                d.accept(lanes[lane], frames);
            }
        }
    }

    /** Ends every lane and returns all findings ordered by lane, then start sample. */
    public List<GapFinding> finish() {
        List<GapFinding> all = new ArrayList<>();
        for (List<LaneGapDetector> lane : byLane) {
            for (LaneGapDetector d : lane) {
                all.addAll(d.finish());
            }
        }
        all.sort(Comparator.comparingInt(GapFinding::lane).thenComparingLong(GapFinding::startSample));
        return all;
    }
}
