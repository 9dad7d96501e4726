package io.seamline.audio;

import java.nio.file.Path;

/**
 * Facts about one opened audio stream: where it came from, its container and encoding, and its size in frames.
 *
 * @param file the file read
 * @param container short container name: {@code "RIFF"}, {@code "RF64"}, {@code "BW64"} or {@code "OGG_OPUS"}
 * @param encoding how samples are stored in the file
 * @param sampleRateHz frames per second delivered by {@link AudioReader#read}
 * @param channelCount number of lanes (channels) in each frame
 * @param bitsPerSample bits per stored sample (16 for decoded Opus)
 * @param frameCount frames the reader will deliver (after pre-skip and end trimming for Opus,
 *     after truncation for a lying WAV header)
 */
public record AudioStreamInfo(
        Path file,
        String container,
        SampleEncoding encoding,
        int sampleRateHz,
        int channelCount,
        int bitsPerSample,
        long frameCount) {

    /** Returns the stream duration in microseconds ({@code frameCount * 1e6 / sampleRateHz}, truncated). */
    public long durationMicros() {
        return (frameCount / sampleRateHz) * 1_000_000L + (frameCount % sampleRateHz) * 1_000_000L / sampleRateHz;
    }
}
