package io.seamline.analysis;

import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;
import io.seamline.rtp.RtpStreamTap;
import io.seamline.sip.DialogTracker;
import io.seamline.sip.MediaDescription;
import io.seamline.sip.RtpMap;
import io.seamline.sip.SdpParser;
import io.seamline.sip.SessionDescription;
import io.seamline.sip.SipMessage;
import io.seamline.sip.SipParseException;
import io.seamline.sip.SipParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds every SIP message of a capture to the dialog tracker, and tells the RTP tap where SDP says
 * media will flow (as Wireshark's SDP dissector sets up RTP conversations), so streams on any port are
 * found and each announced endpoint is remembered with its Call-ID.
 */
final class SipCaptureTap implements CaptureTap {
    /** An SDP media endpoint announced in a call at a frame. */
    record Announcement(String callId, String ip, int port, long frame, List<String> codecs) {
    }

    private final DialogTracker tracker;
    private final RtpStreamTap rtp;
    private final List<Announcement> announcements = new ArrayList<>();
    private final List<SipPayload> messages = new ArrayList<>();

    SipCaptureTap(DialogTracker tracker, RtpStreamTap rtp) {
        this.tracker = tracker;
        this.rtp = rtp;
    }

    @Override
    public void sip(SipPayload p) {
        messages.add(p);
        tracker.accept(p.message(), p.timeUtc(), p.srcIp(), p.srcPort(), p.dstIp(), p.dstPort(), p.transport().name(),
                p.frameNumber());
        try {
            SipMessage message = SipParser.parse(p.message());
            var sdpText = message.sdpText();
            if (sdpText.isEmpty()) {
                return;
            }
            SessionDescription sdp = SdpParser.parse(sdpText.get());
            for (MediaDescription media : sdp.media()) {
                if (!"audio".equals(media.mediaType()) || media.port() == 0 || media.effectiveAddress() == null) {
                    continue;
                }
                Map<Integer, String> names = new LinkedHashMap<>();
                for (Map.Entry<Integer, RtpMap> e : media.rtpMaps().entrySet()) {
                    names.put(e.getKey(), e.getValue().encodingName());
                }
                rtp.expect(media.effectiveAddress(), media.port(), p.frameNumber(), names);
                announcements.add(new Announcement(message.callId(), media.effectiveAddress(), media.port(),
                        p.frameNumber(), media.codecNames()));
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
