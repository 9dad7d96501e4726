package io.seamline.capture;

import java.io.IOException;

/** A capture file that cannot be read further: not a capture, or a record whose length is impossible. */
public final class CaptureFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line naming the file and what is wrong (and the byte offset when known)
     */
    public CaptureFormatException(String message) {
        super(message);
    }
}
