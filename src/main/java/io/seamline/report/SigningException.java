package io.seamline.report;

/** A signing key, keystore or timestamp authority problem; the message names the file or URL and what is wrong. */
public final class SigningException extends Exception {

    /**
     * @param message one line naming the file or URL (if known) and what is wrong
     */
    public SigningException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file or URL (if known) and what is wrong
     * @param cause the underlying security, I/O or ASN.1 error
     */
    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
