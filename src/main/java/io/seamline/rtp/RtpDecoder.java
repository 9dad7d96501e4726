package io.seamline.rtp;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns the payload of one RTP packet into 16-bit linear PCM. One implementation per codec.
 */
public interface RtpDecoder {

    /** @return output sample rate in Hz (8000 for G.711, 16000 for G.722) */
    int sampleRateHz();

    /** @return codec name, e.g. "G.711 A-law" */
    String codecName();

    /**
     * Decodes one payload.
     *
     * @param payload bytes as carried in RTP (RFC 3551 §4.5 packing for the codec)
     * @param offset  first payload byte
     * @param length  payload length in bytes
     * @return mono signed 16-bit samples at {@link #sampleRateHz()}
     */
    short[] decode(byte[] payload, int offset, int length);

    /**
     * Decodes one payload into {@code out} from {@code outOffset}, which must have room for
     * {@link #sampleCount} samples.
     *
     * @return the number of samples written
     */
    default int decode(byte[] payload, int offset, int length, short[] out, int outOffset) {
        short[] pcm = decode(payload, offset, length);
        System.arraycopy(pcm, 0, out, outOffset, pcm.length);
        return pcm.length;
    }

    /** @return how many samples a payload of {@code payloadLength} bytes decodes to */
    int sampleCount(int payloadLength);

    /**
     * @return true when each payload decodes on its own, whatever came before it (G.711), so any stretch
     *         of a stream can be decoded again from its packets alone; false for codecs with state carried
     *         from packet to packet (G.722's ADPCM predictors, ITU-T G.722 §3)
     */
    boolean decodesPacketsIndependently();

    /**
     * The decoder for a payload type, when we have one. Stateful decoders (G.722) are new per call, so
     * use one per stream.
     *
     * @param payloadType  RTP payload type
     * @param encodingName SDP rtpmap encoding name for dynamic types, or {@code null}
     * @return the decoder, or empty when the codec cannot be decoded (see {@link #notDecodable})
     */
    static Optional<RtpDecoder> forPayload(int payloadType, String encodingName) {
        String codec = codecName(payloadType, encodingName);
        return switch (codec) {
            case "G.711 µ-law" -> Optional.of(G711Decoder.ulaw());
            case "G.711 A-law" -> Optional.of(G711Decoder.alaw());
            case "G.722" -> Optional.of(new G722Decoder());
            default -> Optional.empty();
        };
    }

    /** @return "not decodable: G.729" and the like, for a payload {@link #forPayload} has no decoder for */
    static String notDecodable(int payloadType, String encodingName) {
        return "not decodable: " + codecName(payloadType, encodingName);
    }

    /** Codec name from the static assignment (RFC 3551 §6) or the rtpmap encoding name. */
    static String codecName(int payloadType, String encodingName) {
        String name = encodingName == null ? "" : encodingName.trim().toUpperCase(Locale.ROOT);
        if (payloadType == 0 || name.equals("PCMU")) {
            return "G.711 µ-law";
        }
        if (payloadType == 8 || name.equals("PCMA")) {
            return "G.711 A-law";
        }
        if (payloadType == 9 || name.equals("G722")) {
            return "G.722";
        }
        if (payloadType == 18 || name.startsWith("G729")) {
            return "G.729";
        }
        if (payloadType == 3 || name.equals("GSM")) {
            return "GSM 06.10";
        }
        if (payloadType == 4 || name.equals("G723")) {
            return "G.723.1";
        }
        if (payloadType == RtpPayloadTypes.COMFORT_NOISE || name.equals("CN")) {
            return "comfort noise";
        }
        if (RtpPayloadTypes.isTelephoneEvent(encodingName)) {
            return "telephone-event";
        }
        if (!name.isEmpty()) {
            return encodingName.trim();
        }
        return payloadType < 96 ? RtpPayloadTypes.shortName(payloadType) : "dynamic payload type " + payloadType;
    }
}
