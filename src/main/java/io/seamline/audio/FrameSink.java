package io.seamline.audio;

/** A consumer of consecutive blocks of planar PCM frames, fed once per block by {@link AudioReader#streamTo}. */
@FunctionalInterface
public interface FrameSink {
    /**
     * Accepts the next block of frames.
     *
     * @param lanes one array per channel; {@code lanes[c][i]} is sample {@code i} of channel {@code c},
     *     normalised to [-1, 1] (float sources may hold NaN or infinities as stored)
     * @param frames number of valid frames at the start of each lane array
     */
    void accept(float[][] lanes, int frames);
}
