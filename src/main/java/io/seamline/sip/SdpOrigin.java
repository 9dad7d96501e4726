package io.seamline.sip;

/** The {@code o=} line of an SDP body (RFC 4566 §5.2); session id and version are kept as text (they may exceed 64 bits). */
public record SdpOrigin(String username, String sessionId, String sessionVersion, String networkType,
        String addressType, String address) {
}
