package io.seamline.ui;

import java.util.concurrent.atomic.AtomicInteger;

/** An audio output for tests: counts the samples it is given and may refuse to open like a machine without sound. */
final class RecordingOutput implements AudioOutput {
    final AtomicInteger samples = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    volatile int openedAtHz;
    volatile boolean closed;
    private final boolean noDevice;
    private final Runnable onWrite;

    RecordingOutput(boolean noDevice, Runnable onWrite) {
        this.noDevice = noDevice;
        this.onWrite = onWrite;
    }

    @Override
    public void open(int sampleRateHz) throws AudioOutputException {
        if (noDevice) {
            throw new AudioOutputException("No audio device can play " + sampleRateHz + " Hz mono: no mixer",
                    null);
        }
        openedAtHz = sampleRateHz;
    }

    @Override
    public void write(float[] chunk, int count) {
        samples.addAndGet(count);
        writes.incrementAndGet();
        onWrite.run();
    }

    @Override
    public void drain() {
    }

    @Override
    public void close() {
        closed = true;
    }
}
