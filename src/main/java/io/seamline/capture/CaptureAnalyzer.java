package io.seamline.capture;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Reads a capture once and fans every dissected UDP datagram and SIP message out to the taps
 * (Wireshark {@code doc/README.tapping}: dissect once, taps only accumulate).
 */
public final class CaptureAnalyzer {
    private static final long PROGRESS_STEP_BYTES = 1 << 20;

    private CaptureAnalyzer() {
    }

    /**
     * Reads the whole capture.
     *
     * @param in                the capture bytes (pcap or pcapng); read as a stream, not closed here
     * @param name              display name used in messages and the summary
     * @param taps              listeners called in list order for each event
     * @param bytesReadProgress receives the bytes consumed so far, about every MiB and once at the end
     * @return frame count, times, link types, not-analysed counts and warnings
     * @throws CaptureFormatException if the input is not a capture or holds an impossible record
     * @throws IOException            if the stream fails
     */
    public static CaptureSummary run(InputStream in, String name, List<CaptureTap> taps, LongConsumer bytesReadProgress)
            throws IOException {
        CaptureReader reader = CaptureReader.open(in, name);
        List<String> warnings = new ArrayList<>();
        List<String> dissectionWarnings = new ArrayList<>();
        FrameParser parser = new FrameParser(List.copyOf(taps), w -> {
            if (dissectionWarnings.size() < 100) {
                dissectionWarnings.add(name + ": " + w);
            }
        });
        Map<String, Long> linkTypes = new TreeMap<>();
        long frames = 0;
        Instant first = null;
        Instant last = null;
        long nextProgress = PROGRESS_STEP_BYTES;
        int runLinkType = -1;
        long runFrames = 0;
        CaptureRecord record;
        while ((record = reader.next()) != null) {
            if (first == null) {
                first = record.timeUtc();
                for (CaptureTap tap : taps) {
                    tap.start(first);
                }
            }
            last = record.timeUtc();
            frames++;
            // Counted by runs: a capture's frames nearly all share one link type.
            if (record.linkType() != runLinkType) {
                if (runFrames > 0) {
                    linkTypes.merge(FrameParser.linkTypeName(runLinkType), runFrames, Long::sum);
                }
                runLinkType = record.linkType();
                runFrames = 0;
            }
            runFrames++;
            parser.dissect(record);
            if (reader.bytesRead() >= nextProgress) {
                bytesReadProgress.accept(reader.bytesRead());
                nextProgress = reader.bytesRead() + PROGRESS_STEP_BYTES;
            }
        }
        if (runFrames > 0) {
            linkTypes.merge(FrameParser.linkTypeName(runLinkType), runFrames, Long::sum);
        }
        bytesReadProgress.accept(reader.bytesRead());
        warnings.addAll(reader.warnings());
        warnings.addAll(dissectionWarnings);
        if (parser.undissectableFrames() > 0) {
            warnings.add(name + ": " + parser.undissectableFrames() + " frames with an unsupported link type or cut-off header");
        }
        if (parser.incompleteFragments() > 0) {
            warnings.add(name + ": " + parser.incompleteFragments() + " IP datagrams left incomplete (fragments missing or timed out)");
        }
        return new CaptureSummary(name, reader.formatName(), frames, first, last, Map.copyOf(linkTypes),
                Map.copyOf(parser.notAnalysed()), List.copyOf(warnings), reader.bytesRead());
    }
}
