package io.seamline.sip;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP body (RFC 4566): origin, session-level connection address and direction, the media
 * sections, and warnings about lines that could not be read.
 */
public record SessionDescription(
        SdpOrigin origin,
        String connectionAddress,
        MediaDirection sessionDirection,
        List<MediaDescription> media,
        List<String> warnings) {

    public SessionDescription {
        media = List.copyOf(media);
        warnings = List.copyOf(warnings);
    }

    /** @return the first audio section with a non-zero port, if any */
    public Optional<MediaDescription> firstAudio() {
        return media.stream().filter(m -> m.mediaType().equalsIgnoreCase("audio") && m.port() != 0).findFirst();
    }

    /** @return the media section whose {@code a=label} equals {@code label} (RFC 4574), if any */
    public Optional<MediaDescription> byLabel(String label) {
        return media.stream().filter(m -> label.equals(m.label())).findFirst();
    }
}
