package io.seamline.ui;

/** Where playback sends its samples: the sound card in the application, a recorder in tests. */
public interface AudioOutput extends AutoCloseable {
    /**
     * Opens the output for mono samples at a rate.
     *
     * @throws AudioOutputException when there is no usable device (as on a machine without sound)
     */
    void open(int sampleRateHz) throws AudioOutputException;

    /** Plays samples in [-1, 1], blocking until the device has taken them. */
    void write(float[] samples, int count);

    /** Lets queued samples finish playing. */
    void drain();

    /** Stops at once and releases the device. */
    @Override
    void close();

    /** No usable audio device, with the reason in one line. */
    final class AudioOutputException extends Exception {
        private static final long serialVersionUID = 1L;

        public AudioOutputException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
