package io.seamline.sip;

/** Kinds of SIP timeline events. */
public enum SipEventKind {
    /** A SIP request was captured. */
    REQUEST,
    /** A SIP response was captured. */
    RESPONSE,
    /** The initial INVITE was answered (2xx). */
    ANSWERED,
    /** A side put the media on hold: sendonly, inactive or c=0.0.0.0 (RFC 3264 §8.4). */
    HOLD,
    /** A side took the media off hold (sendrecv/recvonly again, real address). */
    RESUME,
    /** The payload types offered or answered by a side changed (e.g. G.711 to T.38). */
    CODEC_CHANGE,
    /** A side's media address or port changed in a later offer/answer (re-INVITE/UPDATE). */
    MEDIA_ADDRESS_CHANGE,
    /** A final response of 300 or more (other than 401/407 challenges and 487 after CANCEL). */
    REJECTED,
    /** CANCEL of a pending INVITE. */
    CANCELLED,
    /** BYE: the call was hung up by {@code side}. */
    HANGUP,
    /** A request got no final response in the capture (RFC 3261 Timer B/F: 32 s). */
    NO_FINAL_RESPONSE,
    /** An OPTIONS (keep-alive / health check) got no answer. */
    OPTIONS_UNANSWERED,
    /** A SIPREC recording session (RFC 7866) was offered. */
    RECORDING_SESSION,
    /** A captured SIP payload could not be parsed. */
    PARSE_ERROR
}
