package io.seamline.audio;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A streamed reader of one audio file as planar PCM lanes (one lane per channel), block by block, never holding the
 * whole file in memory. One implementation per container: {@link WavReader}, {@link OggOpusReader}.
 */
public interface AudioReader extends Closeable {

    /** Frames per block used by {@link #streamTo}. */
    int BLOCK_FRAMES = 8192;

    /** Returns the stream facts known after opening (rate, channels, frames to come). */
    AudioStreamInfo info();

    /**
     * Reads the next frames into {@code lanes}.
     *
     * @param lanes one array per channel ({@code info().channelCount()} arrays), each at least {@code maxFrames} long;
     *     samples are normalised to [-1, 1]
     * @param maxFrames most frames to read (at least 1)
     * @return frames read (at least 1), or -1 at the end of the stream
     * @throws AudioFormatException if the stream is malformed past the point checked at opening
     * @throws IOException if the file cannot be read
     */
    int read(float[][] lanes, int maxFrames) throws IOException;

    /** Returns the warnings collected so far (lying headers, metadata disagreements), in the order found. */
    List<String> warnings();

    /**
     * Streams the rest of the audio through every sink in one pass, in blocks of {@link #BLOCK_FRAMES} frames.
     *
     * @param sinks consumers fed in order for each block
     * @return frames streamed
     * @throws IOException if reading fails
     */
    default long streamTo(FrameSink... sinks) throws IOException {
        float[][] lanes = new float[info().channelCount()][BLOCK_FRAMES];
        long total = 0;
        int n;
        while ((n = read(lanes, BLOCK_FRAMES)) > 0) {
            for (FrameSink sink : sinks) {
                sink.accept(lanes, n);
            }
            total += n;
        }
        return total;
    }
}
