package io.seamline.audio;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Metadata chunks found in a WAV/RF64 file besides the audio.
 *
 * @param bext the Broadcast Wave {@code bext} chunk, when present
 * @param info {@code LIST/INFO} entries by four-character id ({@code INAM}, {@code ICMT}, {@code ICRD}, ...), in
 *     file order
 * @param ixml the {@code iXML} chunk as text, when present
 * @param chunkIds every top-level chunk id in file order
 */
public record WavMetadata(Optional<BextChunk> bext, Map<String, String> info, Optional<String> ixml,
        List<String> chunkIds) {
    /** Copies the collections so the record stays immutable. */
    public WavMetadata {
        info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
        chunkIds = List.copyOf(chunkIds);
    }
}
