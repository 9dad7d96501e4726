package io.seamline.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SIPREC recording metadata (RFC 7865 §6): the communication sessions being recorded, their
 * participants, the media streams (bound to SDP by label) and who sends and receives each stream,
 * plus extension elements in other namespaces (for example a vendor {@code conversationId}).
 */
public record RecordingMetadata(
        String dataMode,
        List<Session> sessions,
        List<Participant> participants,
        List<Stream> streams,
        List<Extension> extensions) {

    public RecordingMetadata {
        sessions = List.copyOf(sessions);
        participants = List.copyOf(participants);
        streams = List.copyOf(streams);
        extensions = List.copyOf(extensions);
    }

    /** A recorded communication session (RFC 7865 §6.4). */
    public record Session(String sessionId, List<String> sipSessionIds, String groupRef, String startTime, String stopTime) {
        public Session {
            sipSessionIds = List.copyOf(sipSessionIds);
        }
    }

    /**
     * A participant (RFC 7865 §6.5) with its address of record and display name from {@code nameID}, and the
     * stream ids it sends and receives (from {@code participantstreamassoc}, §6.7).
     */
    public record Participant(String participantId, String aor, String name, List<String> sendStreamIds,
            List<String> recvStreamIds) {
        public Participant {
            sendStreamIds = List.copyOf(sendStreamIds);
            recvStreamIds = List.copyOf(recvStreamIds);
        }
    }

    /** A recorded media stream (RFC 7865 §6.6); {@code label} matches an SDP {@code a=label} (RFC 4574). */
    public record Stream(String streamId, String sessionId, String label) {
    }

    /** A text-only element outside the recording namespace, such as a vendor's {@code conversationId}. */
    public record Extension(String namespace, String localName, String text) {
    }

    /** A metadata stream joined to the SDP media section with the same label, and the participants sending it. */
    public record StreamBinding(Stream stream, MediaDescription media, List<Participant> senders) {
        public StreamBinding {
            senders = List.copyOf(senders);
        }
    }

    /** @return the text of the first extension element with this local name in any namespace */
    public Optional<String> extension(String localName) {
        return extensions.stream().filter(e -> e.localName().equals(localName)).map(Extension::text).findFirst();
    }

    /**
     * Joins each metadata stream to the SDP media section whose {@code a=label} equals the stream's label
     * (RFC 7866 §7.1.1); {@code media} is null when the SDP has no such label.
     *
     * @param sdp the SDP offered or answered with this metadata
     * @return one binding per metadata stream, in metadata order
     */
    public List<StreamBinding> bind(SessionDescription sdp) {
        List<StreamBinding> out = new ArrayList<>();
        for (Stream s : streams) {
            MediaDescription m = s.label() == null ? null : sdp.byLabel(s.label()).orElse(null);
            List<Participant> senders = participants.stream().filter(p -> p.sendStreamIds().contains(s.streamId())).toList();
            out.add(new StreamBinding(s, m, senders));
        }
        return out;
    }
}
