package io.seamline.analysis;

import io.seamline.audio.FrameSink;
import io.seamline.audio.SampleUnits;
import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one streamed pass over an audio file feeds, lane by lane, block by block: the waveform pyramid, the
 * standard gap detectors ({@link AllLanesGapDetector}), the 10 ms energy envelope alignment starts from
 * ({@link EnvelopeCorrelation.Streamed}) and, unless the file itself can serve as one, the 16-bit scratch copy
 * alignment reads. Each consumer sees every block once, while it is still in the cache.
 */
final class LaneTaps implements FrameSink {
    private final int channels;
    private final boolean exactIn16Bits;
    private final WaveformPyramidBuilder[] pyramids;
    private final EnvelopeCorrelation.Streamed[] envelopes;
    private final PcmScratchFile[] scratch;
    private final AllLanesGapDetector gaps;
    /** Each lane's 16-sample units of the current block, measured once for the pyramid and the silence levels. */
    private final SampleUnits[] units;
    /** Lanes whose envelope takes its frames' sums from the silence detector's hops. */
    private final boolean[] envelopeFromHops;
    private float[] quantized = new float[0];

    /**
     * Prepares the consumers of every lane.
     *
     * @param sampleRateHz rate of the stream
     * @param channels number of lanes
     * @param thresholds thresholds of the gap detectors
     * @param exactIn16Bits whether every sample the reader gives is already a 16-bit value / 32768 (so the scratch
     *     copy and the envelope see the same numbers without rounding them again)
     * @param scratchPrefix path prefix of the scratch copies ({@code prefix-<lane>.pcm}); null for none
     * @throws IOException if a scratch file cannot be created
     */
    LaneTaps(int sampleRateHz, int channels, GapThresholds thresholds, boolean exactIn16Bits, Path scratchPrefix)
            throws IOException {
        this.channels = channels;
        this.exactIn16Bits = exactIn16Bits;
        this.pyramids = new WaveformPyramidBuilder[channels];
        this.envelopes = new EnvelopeCorrelation.Streamed[channels];
        this.scratch = scratchPrefix == null ? null : new PcmScratchFile[channels];
        for (int c = 0; c < channels; c++) {
            pyramids[c] = WaveformPyramidBuilder.ofSixteenBitSamples(sampleRateHz, 1, exactIn16Bits);
            // The envelope always sees 16-bit values: the samples themselves or their rounding to 16 bits.
            envelopes[c] = new EnvelopeCorrelation.Streamed(sampleRateHz, true);
            if (scratch != null) {
                scratch[c] = new PcmScratchFile(scratchPrefix.resolveSibling(scratchPrefix.getFileName() + "-" + c
                        + ".pcm"), sampleRateHz);
            }
        }
        this.gaps = new AllLanesGapDetector(sampleRateHz, channels, thresholds, exactIn16Bits);
        this.units = exactIn16Bits ? new SampleUnits[channels] : null;
        for (int c = 0; units != null && c < channels; c++) {
            units[c] = new SampleUnits();
        }
        this.envelopeFromHops = new boolean[channels];
        for (int c = 0; c < channels; c++) {
            // 10 ms frames are the silence detector's hops (half its 20 ms window by default) and, over the same
            // 16-bit samples, exact sums of the same squares: one pass over the squares serves both.
            SilenceDetector silence = gaps.silence(c);
            if (exactIn16Bits && silence != null && envelopes[c].framesAreHops(silence.hopSamples())) {
                silence.sendHopSums(envelopes[c]::acceptFrameSum);
                envelopeFromHops[c] = true;
            }
        }
    }

    @Override
    public void accept(float[][] lanes, int frames) {
        if (units != null) {
            for (int c = 0; c < channels; c++) {
                units[c].measure(lanes[c], frames);
            }
            gaps.acceptUnits(lanes, units, frames);
        } else {
            gaps.accept(lanes, frames);
        }
        for (int c = 0; c < channels; c++) {
            float[] lane = lanes[c];
            if (units != null) {
                pyramids[c].acceptUnits(lane, units[c], frames);
            } else {
                pyramids[c].accept(new float[][] {lane}, frames);
            }
            if (envelopeFromHops[c]) {
                envelopes[c].skip(frames);
            } else {
                envelopes[c].accept(exactIn16Bits ? lane : quantize(lane, frames), frames);
            }
            if (scratch != null) {
                scratch[c].append(lane, frames);
            }
        }
    }

    /** The samples as the 16-bit scratch copy will give them back. */
    private float[] quantize(float[] lane, int frames) {
        if (quantized.length < frames) {
            quantized = new float[frames];
        }
        for (int i = 0; i < frames; i++) {
            quantized[i] = PcmScratchFile.quantize(lane[i]) / 32768f;
        }
        return quantized;
    }

    /** Gap findings of every lane, ordered by lane, then start sample; call once, at the end. */
    List<GapFinding> findings() {
        return gaps.finish();
    }

    /** The pyramid of lane {@code c}; call once per lane, at the end. */
    WaveformPyramid pyramid(int c) {
        return pyramids[c].build();
    }

    /** The energy envelope of lane {@code c} ({@link EnvelopeCorrelation#envelope}), null when it has none. */
    float[] envelope(int c) {
        return envelopes[c].finish();
    }

    /** Ends the scratch copies and maps them, each with its lane's envelope. */
    List<PcmScratchFile> finishScratch() throws IOException {
        List<PcmScratchFile> out = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            out.add(scratch[c].finishWriting().withEnvelope(envelope(c)));
        }
        return out;
    }
}
