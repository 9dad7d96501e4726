package io.seamline.sip;

/** A SIP message, SDP body or recording metadata document that cannot be parsed; the message says what is wrong. */
public final class SipParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming what is wrong (and where, when known) */
    public SipParseException(String message) {
        super(message);
    }

    /**
     * @param message one line naming what is wrong
     * @param cause the underlying failure
     */
    public SipParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
