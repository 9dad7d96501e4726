package io.seamline.audio;

/**
 * The answer to a waveform query: for each pixel column and lane, min, max and RMS in [-1, 1] of the frames that
 * column covers, taken from the stored pyramid level named by {@code samplesPerBucketUsed}.
 *
 * @param startSample first frame of the query (inclusive)
 * @param endSample last frame of the query (exclusive)
 * @param pixels number of columns
 * @param channelCount number of lanes
 * @param samplesPerBucketUsed bucket size of the level the answer came from
 * @param min minima indexed {@code pixel * channelCount + lane}; NaN for a column past the end of the audio
 * @param max maxima, same layout
 * @param rms RMS values, same layout
 */
public record WaveformSpan(long startSample, long endSample, int pixels, int channelCount, int samplesPerBucketUsed,
        float[] min, float[] max, float[] rms) {

    /** Returns the minimum for one column and lane, in [-1, 1]. */
    public float minAt(int pixel, int lane) {
        return min[pixel * channelCount + lane];
    }

    /** Returns the maximum for one column and lane, in [-1, 1]. */
    public float maxAt(int pixel, int lane) {
        return max[pixel * channelCount + lane];
    }

    /** Returns the RMS for one column and lane, in [0, 1]. */
    public float rmsAt(int pixel, int lane) {
        return rms[pixel * channelCount + lane];
    }
}
