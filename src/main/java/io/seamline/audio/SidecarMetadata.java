package io.seamline.audio;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What tags an audio file to its call: a JSON sidecar next to it and/or the SBC's Call-ID and timestamp in its name.
 *
 * @param audioFile the audio file described
 * @param callId SIP Call-ID (RFC 3261 §8.1.1.4)
 * @param conversationId contact-centre conversation id (SIPREC metadata, RFC 7865)
 * @param startUtc start of the recording in UTC, microsecond precision
 * @param recorder name of the recorder or SBC that wrote the file
 * @param sources where the facts came from, e.g. {@code "sidecar:NAME.json"}, {@code "file-name"}
 * @param warnings disagreements between the sources and unreadable fields, one line each
 */
public record SidecarMetadata(Path audioFile, Optional<String> callId, Optional<String> conversationId,
        Optional<Instant> startUtc, Optional<String> recorder, List<String> sources, List<String> warnings) {
    /** Copies the lists so the record stays immutable. */
    public SidecarMetadata {
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /** Returns true when neither a sidecar nor the file name gave anything. */
    public boolean isEmpty() {
        return sources.isEmpty();
    }
}
