package io.seamline.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An audio or waveform file that cannot be read as its format says; the message names the file and the problem. */
public final class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one file.
     *
     * @param file the file being read, or {@code null} when reading an anonymous stream
     * @param problem what is wrong, in one line
     */
    public AudioFormatException(Path file, String problem) {
        super((file == null ? "<stream>" : file.toString()) + ": " + problem);
    }

    /**
     * Creates the exception for one file with the underlying cause.
     *
     * @param file the file being read, or {@code null}
     * @param problem what is wrong, in one line
     * @param cause the library or I/O failure behind it
     */
    public AudioFormatException(Path file, String problem, Throwable cause) {
        super((file == null ? "<stream>" : file.toString()) + ": " + problem, cause);
    }
}
