package io.seamline.capture;

/** The transport a SIP message was found on (RFC 3261 §18, RFC 7118 for WebSocket). */
public enum SipTransport {
    UDP, TCP, WS
}
