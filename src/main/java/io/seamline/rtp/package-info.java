/**
 * RTP and RTCP (RFC 3550) streams found in a capture, with their statistics computed as tshark 4.0's
 * {@code -z rtp,streams} computes them ({@link io.seamline.rtp.RtpStreamTap}), RTCP sender/receiver
 * reports, RFC 4733 telephone events and RFC 3389 comfort noise kept per stream, and the codecs that
 * turn payloads into PCM behind {@link io.seamline.rtp.RtpDecoder} (G.711 µ-law and A-law, G.722).
 *
 * <p>Consumes datagrams from {@code capture} through its tap interface; learns SDP-announced media
 * only through {@link io.seamline.rtp.RtpStreamTap#expect}, so it does not depend on the SIP package.
 * Depends on no UI toolkit and not on the case file.
 */
package io.seamline.rtp;
