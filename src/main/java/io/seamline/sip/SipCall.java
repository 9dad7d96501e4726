package io.seamline.sip;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything seen for one Call-ID: the dialog(s), transactions, SDP offers and answers, timing,
 * outcome, and the SIPREC recording metadata when it is a recording session.
 *
 * @param callId the Call-ID
 * @param fromUri From URI of the first request
 * @param toUri To URI of the first request
 * @param callerTag From tag of the first request
 * @param calleeTags To tags seen in responses (more than one when the INVITE forked)
 * @param caller transport address that sent the first request
 * @param callee transport address the first request went to
 * @param firstMessageUtc time of the first captured message of this Call-ID
 * @param lastMessageUtc time of the last captured message of this Call-ID
 * @param inviteUtc time of the initial INVITE that decided the outcome (after any auth challenge), or null
 * @param firstProvisionalUtc first 18x to that INVITE, or null
 * @param answeredUtc first 2xx to that INVITE, or null
 * @param endUtc BYE, CANCEL, or the final non-2xx response; null when the capture ends first
 * @param ringingSetupMs INVITE to first 18x in milliseconds, or -1
 * @param answerSetupMs INVITE to 2xx in milliseconds, or -1
 * @param outcome how the call ended
 * @param finalStatusCode the initial INVITE's final response code, or 0
 * @param hangupBy who sent the first BYE or the CANCEL; UNKNOWN when neither was seen
 * @param recording true when a message marked it as a SIPREC recording session (RFC 7866)
 * @param recordingMetadata the last parsed RFC 7865 metadata, or null
 * @param warnings problems met (unparseable SDP or metadata, message warnings)
 */
public record SipCall(
        String callId,
        String fromUri,
        String toUri,
        String callerTag,
        List<String> calleeTags,
        SipEndpoint caller,
        SipEndpoint callee,
        Instant firstMessageUtc,
        Instant lastMessageUtc,
        Instant inviteUtc,
        Instant firstProvisionalUtc,
        Instant answeredUtc,
        Instant endUtc,
        long ringingSetupMs,
        long answerSetupMs,
        CallOutcome outcome,
        int finalStatusCode,
        CallSide hangupBy,
        List<SipTransaction> transactions,
        List<SdpExchange> sdpExchanges,
        List<CapturedSipMessage> messages,
        boolean recording,
        RecordingMetadata recordingMetadata,
        List<String> warnings) {

    public SipCall {
        calleeTags = List.copyOf(calleeTags);
        transactions = List.copyOf(transactions);
        sdpExchanges = List.copyOf(sdpExchanges);
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }

    /**
     * The SDP a side had most recently sent at a moment: where that side wanted to receive media then.
     *
     * @param side CALLER or CALLEE
     * @param atUtc the moment (inclusive)
     * @return the latest exchange from that side at or before {@code atUtc}
     */
    public Optional<SdpExchange> latestSdp(CallSide side, Instant atUtc) {
        SdpExchange best = null;
        for (SdpExchange e : sdpExchanges) {
            if (e.side() == side && !e.timeUtc().isAfter(atUtc)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * For a SIPREC session: the metadata streams joined by {@code a=label} to the media of the last SDP
     * the recording client (the caller) sent, with the participants sending each stream.
     *
     * @return the bindings; empty when there is no metadata or no SDP from the client
     */
    public List<RecordingMetadata.StreamBinding> recordingStreams() {
        if (recordingMetadata == null) {
            return List.of();
        }
        SdpExchange last = null;
        for (SdpExchange e : sdpExchanges) {
            if (e.side() == CallSide.CALLER) {
                last = e;
            }
        }
        return last == null ? List.of() : recordingMetadata.bind(last.sdp());
    }

    /** @return the number of captured messages of this Call-ID */
    public int messageCount() {
        return messages.size();
    }
}
