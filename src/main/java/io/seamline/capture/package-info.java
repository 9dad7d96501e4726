/**
 * Capture files (pcap, pcapng) read as a stream of frames and dissected down to UDP datagrams and
 * reassembled TCP byte streams, fanned out to taps that only accumulate (Wireshark {@code doc/README.tapping}).
 *
 * <p>Must not depend on the case file, SIP or RTP packages, nor on any UI toolkit.
 */
package io.seamline.capture;
