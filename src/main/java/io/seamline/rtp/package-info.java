/**
 * RTP and RTCP (RFC 3550) streams, their statistics as Wireshark computes them, telephone events
 * (RFC 4733) and codecs that turn payloads into PCM.
 *
 * <p>Consumes datagrams from {@code capture}; depends on no UI toolkit and not on the case file.
 */
package io.seamline.rtp;
