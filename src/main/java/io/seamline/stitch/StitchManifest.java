package io.seamline.stitch;

import java.time.Instant;
import java.util.List;

/**
 * The record of one stitched recording ({@code NAME.manifest.json}): which case and build made it,
 * from which primary, with which parameters, and for every output segment the original evidence file,
 * lane and sample range it came from, plus the spans no source covered. Sample positions are counts
 * at {@code sampleRateHz}; output sample 0 is at {@code outputStartUtc} on the case's reference clock.
 *
 * @param format           manifest format tag, {@value #FORMAT}
 * @param caseTitle        the case's title
 * @param caseNumber       the case's number (may be empty)
 * @param toolVersion      Seamline version that wrote the file
 * @param createdUtc       when the stitch was made (UTC)
 * @param callId           the call stitched, empty when the case has no call
 * @param primary          the primary recording
 * @param parameters       crossfade and resampling
 * @param sampleRateHz     output rate in Hz (the primary's)
 * @param channels         output channel count (the primary's)
 * @param outputStartUtc   instant of output sample 0 on the reference clock
 * @param sampleCount      output length in samples per channel
 * @param reference        the clock the output follows, as the analysis named it
 * @param segments         every run of output samples and where it came from, by channel then position
 * @param unfilled         spans no source covered, written as digital silence
 * @param outputSha256     SHA-256 of the whole output WAV file, lower-case hex
 */
public record StitchManifest(String format, String caseTitle, String caseNumber, String toolVersion,
        Instant createdUtc, String callId, Primary primary, Parameters parameters, int sampleRateHz, int channels,
        Instant outputStartUtc, long sampleCount, String reference, List<Segment> segments, List<Unfilled> unfilled,
        String outputSha256) {

    /** The format tag of this manifest layout. */
    public static final String FORMAT = "seamline-stitch-manifest-1";

    public StitchManifest {
        segments = List.copyOf(segments);
        unfilled = List.copyOf(unfilled);
    }

    /** The primary recording: its evidence, hash, original name and lanes. */
    public record Primary(long evidenceId, String sha256, String originalName, List<String> lanes) {
    }

    /**
     * How samples were joined and converted.
     *
     * @param crossfadeMs       crossfade at each seam in milliseconds, 0 for butt joins
     * @param crossfadedSeams   number of seams actually crossfaded
     * @param resampling        the method used when a source's rate differs from the output's
     * @param sourcePriority    the order in which sources were tried for each gap
     * @param channelRule       how output channels take their samples from sources
     * @param quantization      how decoded samples become 16-bit output samples
     */
    public record Parameters(int crossfadeMs, int crossfadedSeams, String resampling, List<String> sourcePriority,
            String channelRule, String quantization) {
    }

    /**
     * One run of output samples {@code [outputStartSample, outputEndSample)} on one channel.
     *
     * @param channel           output channel (0 = left or mono)
     * @param outputStartSample first output sample
     * @param outputEndSample   one past the last output sample
     * @param startUtc          instant of the first sample on the reference clock
     * @param endUtc            instant one past the last sample
     * @param role              {@code primary}, {@code fill}, or {@code kept} (the primary's own samples in a
     *                          gap no source covers; listed in {@code unfilled} too)
     * @param reason            {@code primary}, {@code filled gap N <kind> (<cause>)}, or
     *                          {@code unfilled gap N <kind> (<cause>): primary samples kept}
     * @param gapNumber         the gap filled (1-based, per channel), 0 for primary segments
     * @param evidenceId        the source evidence
     * @param sha256            its SHA-256 as imported
     * @param originalName      its original file name
     * @param evidenceKind      {@code recording}, {@code edge-buffer} or {@code capture}
     * @param sources           the lanes whose samples make up this run (more than one only for a mix)
     */
    public record Segment(int channel, long outputStartSample, long outputEndSample, Instant startUtc, Instant endUtc,
            String role, String reason, int gapNumber, long evidenceId, String sha256, String originalName,
            String evidenceKind, List<SegmentSource> sources) {
        /** Length in samples. */
        public long lengthSamples() {
            return outputEndSample - outputStartSample;
        }
    }

    /**
     * One lane's contribution to a segment.
     *
     * @param laneId             analysis lane id
     * @param lane               lane name
     * @param sourceChannel      channel in the source file (capture lanes: 0)
     * @param sampleRateHz       the lane's own rate in Hz
     * @param sourceStartSample  first sample of the lane used, at the lane's own rate
     * @param sourceEndSample    one past the last sample used, at the lane's own rate
     * @param alignmentOffsetMs  correction the alignment applied to the lane's metadata start, in ms
     * @param alignmentConfidence the alignment's confidence, 0 to 1
     * @param alignmentMethod    how the lane was aligned
     * @param resampled          true when the lane's rate differs from the output's and it was resampled
     */
    public record SegmentSource(long laneId, String lane, int sourceChannel, int sampleRateHz, long sourceStartSample,
            long sourceEndSample, double alignmentOffsetMs, double alignmentConfidence, String alignmentMethod,
            boolean resampled) {
    }

    /**
     * A gap in the primary (or a span outside it) that no source covered: written as zeros.
     *
     * @param channel           output channel
     * @param gapNumber         the gap (1-based, per channel)
     * @param kind              gap kind ({@code dropout}, {@code missing-span}, {@code late-start} ...)
     * @param cause             the analysis's cause, or why it is a gap
     * @param outputStartSample first silent output sample
     * @param outputEndSample   one past the last
     * @param startUtc          its start on the reference clock
     * @param endUtc            its end on the reference clock
     * @param written           {@value #SILENCE} where the primary has no samples, {@value #KEPT} where the
     *                          primary's own samples (a dropout, silence or corrupt run) were kept
     */
    public record Unfilled(int channel, int gapNumber, String kind, String cause, long outputStartSample,
            long outputEndSample, Instant startUtc, Instant endUtc, String written) {
        /** The hole is digital silence in the output. */
        public static final String SILENCE = "digital silence";
        /** The primary's own samples were kept. */
        public static final String KEPT = "primary samples kept";
    }
}
