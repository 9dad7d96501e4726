package io.seamline.sip;

/** How a Call-ID's INVITE ended, as far as the capture shows. */
public enum CallOutcome {
    /** The initial INVITE got a 2xx. */
    ANSWERED,
    /** The initial INVITE got a final response of 300 or more (see the call's status code). */
    REJECTED,
    /** The caller sent CANCEL before any 2xx (RFC 3261 §9). */
    CANCELLED,
    /** The initial INVITE got no final response in the capture. */
    TIMED_OUT,
    /** The Call-ID carries no INVITE (REGISTER, OPTIONS, SUBSCRIBE...). */
    NOT_A_CALL
}
