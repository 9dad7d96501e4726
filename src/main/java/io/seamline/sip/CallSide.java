package io.seamline.sip;

/**
 * Which party of a dialog did something, decided by SIP tags rather than addresses so that it holds
 * across proxies: requests carrying the initial INVITE's From tag come from the caller, and responses
 * come from the side that did not send the request.
 */
public enum CallSide {
    /** The party that sent the initial INVITE (or the first request of a non-INVITE Call-ID). */
    CALLER,
    /** The party the initial INVITE was sent to. */
    CALLEE,
    /** Not decidable (e.g. a response whose request was not captured). */
    UNKNOWN
}
