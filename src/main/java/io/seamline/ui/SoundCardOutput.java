package io.seamline.ui;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Playback through javax.sound.sampled: 16-bit signed little-endian mono PCM on a {@link SourceDataLine}. */
public final class SoundCardOutput implements AudioOutput {
    private SourceDataLine line;
    private byte[] buffer = new byte[0];

    @Override
    public void open(int sampleRateHz) throws AudioOutputException {
        AudioFormat format = new AudioFormat(sampleRateHz, 16, 1, true, false);
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, sampleRateHz / 5 * 2);
            line.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            line = null;
            throw new AudioOutputException("No audio device can play " + sampleRateHz + " Hz mono: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void write(float[] samples, int count) {
        if (buffer.length < count * 2) {
            buffer = new byte[count * 2];
        }
        for (int i = 0; i < count; i++) {
            int v = (int) Math.round(Math.max(-1, Math.min(1, samples[i])) * 32767);
            buffer[2 * i] = (byte) v;
            buffer[2 * i + 1] = (byte) (v >> 8);
        }
        line.write(buffer, 0, count * 2);
    }

    @Override
    public void drain() {
        if (line != null) {
            line.drain();
        }
    }

    @Override
    public void close() {
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
            line = null;
        }
    }
}
