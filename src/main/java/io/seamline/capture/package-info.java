/**
 * Capture files read once as a stream and dissected down to UDP datagrams and whole SIP messages,
 * fanned out to {@link io.seamline.capture.CaptureTap}s that only accumulate (Wireshark
 * {@code doc/README.tapping}). Entry point: {@link io.seamline.capture.CaptureAnalyzer#run}.
 *
 * <p>Owns: the pcap and pcapng container readers ({@link io.seamline.capture.CaptureReader}); link
 * layers (Ethernet with 802.1Q/QinQ, Linux cooked v1/v2, raw IP, BSD null/loop); IPv4/IPv6 with
 * fragment reassembly; IP-in-IP, GRE and ERSPAN; TCP reassembly of SIP with Content-Length framing
 * (RFC 3261 §18.3) and SIP over WebSocket (RFC 7118); counts of what is recognised but not analysed
 * (SCTP, TLS, ESP).
 *
 * <p>The container readers are hand-written because pcap4j's file reader goes through native libpcap,
 * which a desktop install cannot count on; frames are dissected by hand too (pcap4j 1.8.2 has no Linux
 * cooked v2, ERSPAN or IPv6 reassembly), and a test checks the dissector against pcap4j's packet
 * classes on every public capture.
 *
 * <p>Must not depend on the case file, SIP or RTP packages, nor on any UI toolkit.
 */
package io.seamline.capture;
