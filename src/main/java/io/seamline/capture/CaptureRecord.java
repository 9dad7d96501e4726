package io.seamline.capture;

import java.time.Instant;

/**
 * One frame as stored in a capture container, before dissection.
 *
 * @param frameNumber    1-based frame number in file order, as Wireshark numbers frames
 * @param byteOffset     offset in bytes of the record header from the start of the file
 * @param dataOffset     offset in bytes of {@code data[0]} from the start of the file, so a frame's bytes can
 *                       be read again from the file without parsing it from the start
 * @param timeUtc        capture time in UTC, truncated to microseconds
 * @param linkType       LINKTYPE_ value of the interface that captured the frame (tcpdump.org link types)
 * @param originalLength length of the frame on the wire in bytes (may exceed {@code data.length})
 * @param data           the captured bytes
 */
public record CaptureRecord(long frameNumber, long byteOffset, long dataOffset, Instant timeUtc, int linkType,
                            int originalLength, byte[] data) {
}
