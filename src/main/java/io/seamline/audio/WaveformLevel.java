package io.seamline.audio;

/**
 * One level of a waveform pyramid: per bucket of {@code samplesPerBucket} frames and per lane, the minimum, maximum
 * and RMS of the samples, each scaled to a signed 16-bit value ({@code round(x * 32767)}; RMS is never negative).
 * Arrays are indexed {@code bucket * channelCount + lane}; the last bucket may cover fewer frames.
 */
public final class WaveformLevel {
    private final int samplesPerBucket;
    private final int channelCount;
    private final int bucketCount;
    private final ShortChunks min;
    private final ShortChunks max;
    private final ShortChunks rms;

    WaveformLevel(int samplesPerBucket, int channelCount, int bucketCount, ShortChunks min, ShortChunks max,
            ShortChunks rms) {
        this.samplesPerBucket = samplesPerBucket;
        this.channelCount = channelCount;
        this.bucketCount = bucketCount;
        this.min = min;
        this.max = max;
        this.rms = rms;
    }

    /** Returns the frames summarised by one bucket. */
    public int samplesPerBucket() {
        return samplesPerBucket;
    }

    /** Returns the number of buckets. */
    public int bucketCount() {
        return bucketCount;
    }

    /** Returns the minimum of bucket {@code bucket} in lane {@code lane}, as a 16-bit scaled value. */
    public short min(int bucket, int lane) {
        return min.get((long) bucket * channelCount + lane);
    }

    /** Returns the maximum of bucket {@code bucket} in lane {@code lane}, as a 16-bit scaled value. */
    public short max(int bucket, int lane) {
        return max.get((long) bucket * channelCount + lane);
    }

    /** Returns the RMS of bucket {@code bucket} in lane {@code lane}, as a 16-bit scaled value (0..32767). */
    public short rms(int bucket, int lane) {
        return rms.get((long) bucket * channelCount + lane);
    }
}
