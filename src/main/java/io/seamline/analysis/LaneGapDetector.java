package io.seamline.analysis;

import io.seamline.audio.AudioReader;
import io.seamline.audio.FrameSink;
import java.io.IOException;
import java.util.List;

/**
 * A gap detector over one streamed PCM lane: fed consecutive samples, it answers with findings at the end. The
 * result depends only on the samples and the thresholds.
 */
public interface LaneGapDetector {

    /**
     * Accepts the next samples of the lane.
     *
     * @param samples samples normalised to [-1, 1] (NaN and infinities are allowed and reported as corrupt)
     * @param count number of valid samples at the start of {@code samples}
     */
    void accept(float[] samples, int count);

    /** Ends the lane and returns the findings in start order. */
    List<GapFinding> finish();

    /** Returns a sink that feeds lane {@code lane} of each block to {@code detector}. */
    static FrameSink onLane(int lane, LaneGapDetector detector) {
        return (lanes, frames) -> detector.accept(lanes[lane], frames);
    }

    /** Returns the four standard detectors (dropout, silence, corrupt samples, noise burst) for one lane. */
    static List<LaneGapDetector> standardSet(int sampleRateHz, int lane, GapThresholds thresholds) {
        return standardSet(sampleRateHz, lane, thresholds, false);
    }

    /**
     * Returns the four standard detectors for one lane whose samples are all 16-bit values / 32768 (16-bit, 8-bit,
     * µ-law or A-law sources) when {@code sixteenBit} is true: squares of such samples and their sums over a window
     * are exact in double, so the detectors may add them in any order and still give the same findings.
     */
    static List<LaneGapDetector> standardSet(int sampleRateHz, int lane, GapThresholds thresholds,
            boolean sixteenBit) {
        return List.of(new DropoutDetector(sampleRateHz, lane, thresholds),
                new SilenceDetector(sampleRateHz, lane, thresholds, sixteenBit),
                new CorruptSampleDetector(sampleRateHz, lane, thresholds),
                new NoiseBurstDetector(sampleRateHz, lane, thresholds, sixteenBit));
    }

    /**
     * Runs the standard detectors on every lane of {@code reader} in one streamed pass over the rest of the audio.
     *
     * @param reader an open reader (consumed, not closed)
     * @param thresholds thresholds for every detector
     * @return all findings ordered by lane, then start sample
     * @throws IOException if reading the audio fails
     */
    static List<GapFinding> detectAll(AudioReader reader, GapThresholds thresholds) throws IOException {
        AllLanesGapDetector all = new AllLanesGapDetector(reader.info().sampleRateHz(), reader.info().channelCount(),
                thresholds);
        reader.streamTo(all);
        return all.finish();
    }
}
