package io.seamline.analysis;

import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;
import io.seamline.sip.DialogTracker;
import io.seamline.sip.MediaDescription;
import io.seamline.sip.SdpParser;
import io.seamline.sip.SipMessage;
import io.seamline.sip.SipParseException;
import io.seamline.sip.SipParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/**
 * Feeds every SIP message of a capture to the dialog tracker and remembers each audio endpoint SDP
 * announced with its Call-ID, so streams can be tied to their call and direction.
 */
final class SipCaptureTap implements CaptureTap {
    /** An SDP media endpoint announced in a call at a frame. */
    record Announcement(String callId, String ip, int port, long frame, List<String> codecs) {
    }

    private final DialogTracker tracker;
    private final List<Announcement> announcements = new ArrayList<>();
    private final List<SipPayload> messages = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    SipCaptureTap(DialogTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void sip(SipPayload p) {
        messages.add(p);
        tracker.accept(p.message(), p.timeUtc(), p.srcIp(), p.srcPort(), p.dstIp(), p.dstPort(), p.transport().name(),
                p.frameNumber());
        // Like Wireshark, a retransmission (same bytes over the same hop) announces nothing new.
        String hop = p.srcIp() + ' ' + p.srcPort() + ' ' + p.dstIp() + ' ' + p.dstPort() + ' '
                + new String(p.message(), StandardCharsets.ISO_8859_1);
        if (!seen.add(hop)) {
            return;
        }
        try {
            SipMessage message = SipParser.parse(p.message());
            var sdpText = message.sdpText();
            if (sdpText.isEmpty()) {
                return;
            }
            for (MediaDescription media : SdpParser.parse(sdpText.get()).media()) {
                if ("audio".equalsIgnoreCase(media.mediaType()) && media.port() != 0
                        && media.effectiveAddress() != null) {
                    announcements.add(new Announcement(message.callId(), media.effectiveAddress(), media.port(),
                            p.frameNumber(), media.codecNames()));
                }
            }
        } catch (SipParseException | RuntimeException malformed) {
            // The tracker records parse failures itself; a message without usable SDP announces nothing.
            assert malformed != null;
        }
    }

    /** SDP media endpoints in capture order. */
    List<Announcement> announcements() {
        return announcements;
    }

    /** The SIP payloads seen, in capture order, for storing their raw text. */
    List<SipPayload> messages() {
        return messages;
    }
}
