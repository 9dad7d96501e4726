package io.seamline.rtp;

import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;
import io.seamline.capture.UdpDatagram;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;

/**
 * Sets up RTP and T.38 conversations from SDP (RFC 4566) found in SIP, MGCP and MEGACO text, as
 * tshark's SDP dissector does, so streams on announced ports are found and split where tshark splits
 * them. A light text scan on purpose: MEGACO and MGCP carry SDP too, and the SIP package only parses SIP.
 */
public final class SdpConversationTap implements CaptureTap {
    private final RtpStreamTap rtp;
    private final Set<String> seen = new HashSet<>();

    /** Announces to {@code rtp}. */
    public SdpConversationTap(RtpStreamTap rtp) {
        this.rtp = rtp;
    }

    @Override
    public void udp(UdpDatagram datagram) {
        if (datagram.srcPort() == 5060 || datagram.dstPort() == 5060) {
            return;
        }
        byte[] payload = datagram.payload();
        // SDP reaches tshark's dissector only inside text protocols (SIP, MGCP, MEGACO), whose messages start
        // with an ASCII token; a first octet with the top bit set is RTP version 2 (RFC 3550 §5.1) or other
        // binary data, which is most datagrams of a call, so they are not searched for "v=0".
        if (payload.length == 0 || payload[0] < 0) {
            return;
        }
        scan(payload, datagram.frameNumber());
    }

    @Override
    public void sip(SipPayload message) {
        // tshark does not set up media again from a retransmitted SIP message (same bytes, same hop).
        String key = message.srcIp() + message.srcPort() + message.dstIp() + message.dstPort()
                + new String(message.message(), StandardCharsets.ISO_8859_1);
        if (seen.add(key)) {
            scan(message.message(), message.frameNumber());
        }
    }

    private void scan(byte[] bytes, long frame) {
        // Look for "v=0" in the bytes first: nearly every datagram is RTP, and most hold no SDP.
        if (!containsVersionLine(bytes)) {
            return;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int v = text.indexOf("v=0");
        String sessionAddress = null;
        String mediaAddress = null;
        String kind = null;
        String transport = null;
        int port = 0;
        Map<Integer, String> rtpmap = new HashMap<>();
        for (String raw : text.substring(v).split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("v=")) {
                // MEGACO carries a local and a remote SDP in one message: each starts afresh.
                announce(kind, transport, mediaAddress != null ? mediaAddress : sessionAddress, port, frame, rtpmap);
                kind = null;
                sessionAddress = null;
                mediaAddress = null;
                rtpmap = new HashMap<>();
            } else if (line.startsWith("c=IN IP4 ") || line.startsWith("c=IN IP6 ")) {
                String addr = line.substring(9).trim().split("/")[0];
                if (kind == null) {
                    sessionAddress = addr;
                } else {
                    mediaAddress = addr;
                }
            } else if (line.startsWith("m=")) {
                announce(kind, transport, mediaAddress != null ? mediaAddress : sessionAddress, port, frame, rtpmap);
                String[] parts = line.substring(2).split(" ");
                kind = parts[0];
                transport = parts.length > 2 ? parts[2] : "";
                port = parts.length > 1 && parts[1].matches("\\d+") ? Integer.parseInt(parts[1]) : 0;
                mediaAddress = null;
                rtpmap = new HashMap<>();
            } else if (line.startsWith("a=rtpmap:")) {
                String[] parts = line.substring(9).split(" ", 2);
                if (parts.length == 2 && parts[0].matches("\\d+")) {
                    rtpmap.put(Integer.parseInt(parts[0]), parts[1]);
                }
            }
        }
        announce(kind, transport, mediaAddress != null ? mediaAddress : sessionAddress, port, frame, rtpmap);
    }

    /**
     * True when {@code b} holds "v=0". Every third byte is looked at first: any occurrence has exactly one of
     * its three bytes at such a position, and in RTP payloads those bytes are rarely 'v', '=' or '0'.
     */
    static boolean containsVersionLine(byte[] b) {
        for (int i = 2; i < b.length; i += 3) {
            byte c = b[i];
            if (c == 'v' || c == '=' || c == '0') {
                for (int p = Math.max(0, i - 2); p <= i && p + 2 < b.length; p++) {
                    if (b[p] == 'v' && b[p + 1] == '=' && b[p + 2] == '0') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Like Wireshark's SDP dissector: "RTP/AVP" sets up RTP, "UDPTL" or "udptl" (exact case) sets up T.38. */
    private void announce(String kind, String transport, String address, int port, long frame, Map<Integer, String> rtpmap) {
        if (kind == null || address == null || port == 0 || address.contains("$")) {
            return;
        }
        if ("RTP/AVP".equals(transport)) {
            rtp.expect(address, port, frame, rtpmap);
        } else if ("udptl".equals(transport) || "UDPTL".equals(transport)) {
            rtp.expectOther(address, port, frame);
        }
    }
}
