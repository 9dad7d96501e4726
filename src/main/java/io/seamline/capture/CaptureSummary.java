package io.seamline.capture;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What reading one capture found, apart from what the taps accumulated.
 *
 * @param name         display name of the capture
 * @param format       "pcap" or "pcapng"
 * @param frameCount   frames read
 * @param firstUtc     time of the first frame, or {@code null} for an empty capture
 * @param lastUtc      time of the last frame, or {@code null}
 * @param linkTypes    frames per link type name (e.g. "EN10MB", "LINUX_SLL")
 * @param notAnalysed  frames per protocol that were recognised but not analysed (e.g. "SCTP", "TLS")
 * @param warnings     one line each: truncation, dropped fragments, undissectable frames
 * @param bytesRead    bytes consumed from the stream
 */
public record CaptureSummary(String name, String format, long frameCount, Instant firstUtc, Instant lastUtc,
                             Map<String, Long> linkTypes, Map<String, Long> notAnalysed, List<String> warnings,
                             long bytesRead) {
}
