package io.seamline.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code m=} section of an SDP body (RFC 4566 §5.14) with the attributes the analysis needs.
 *
 * @param mediaType {@code audio}, {@code video}, {@code image}...
 * @param port transport port; 0 means the stream is rejected or disabled (RFC 3264 §6)
 * @param protocol {@code RTP/AVP}, {@code RTP/SAVP}, {@code udptl}...
 * @param formats the format list as written (payload type numbers for RTP)
 * @param connectionAddress media-level {@code c=} address, or null when the session-level one applies
 * @param effectiveAddress media-level address if present, else the session-level one, else null
 * @param direction media-level direction if given, else the session-level one, else SENDRECV
 * @param rtpMaps {@code a=rtpmap} entries by payload type
 * @param fmtps {@code a=fmtp} parameters by payload type
 * @param label the {@code a=label} value (RFC 4574), used by SIPREC to bind streams to metadata; or null
 */
public record MediaDescription(
        String mediaType,
        int port,
        String protocol,
        List<String> formats,
        String connectionAddress,
        String effectiveAddress,
        MediaDirection direction,
        Map<Integer, RtpMap> rtpMaps,
        Map<Integer, String> fmtps,
        String label) {

    public MediaDescription {
        formats = List.copyOf(formats);
        rtpMaps = Map.copyOf(rtpMaps);
        fmtps = Map.copyOf(fmtps);
    }

    /** @return the numeric payload types of the format list, in order; non-numeric formats skipped */
    public List<Integer> payloadTypes() {
        List<Integer> out = new ArrayList<>();
        for (String f : formats) {
            if (f.matches("\\d{1,3}")) {
                out.add(Integer.parseInt(f));
            }
        }
        return out;
    }

    /**
     * Codec names in offer order: the rtpmap encoding name, or the RFC 3551 §6 static name for static
     * payload types without rtpmap (0 PCMU, 8 PCMA, 18 G729...), or the number itself.
     *
     * @return one name per payload type
     */
    public List<String> codecNames() {
        List<String> out = new ArrayList<>();
        for (int pt : payloadTypes()) {
            RtpMap map = rtpMaps.get(pt);
            out.add(map != null ? map.encodingName() : staticName(pt));
        }
        return out;
    }

    /**
     * @return true when this stream is put on hold by the SDP writer: {@code sendonly} or {@code inactive}, or
     *         the RFC 2543 style connection address 0.0.0.0 (RFC 3264 §8.4)
     */
    public boolean isHold() {
        return direction == MediaDirection.SENDONLY || direction == MediaDirection.INACTIVE
                || "0.0.0.0".equals(effectiveAddress);
    }

    static String staticName(int pt) {
        return switch (pt) {
            case 0 -> "PCMU";
            case 3 -> "GSM";
            case 4 -> "G723";
            case 8 -> "PCMA";
            case 9 -> "G722";
            case 13 -> "CN";
            case 18 -> "G729";
            default -> Integer.toString(pt);
        };
    }
}
