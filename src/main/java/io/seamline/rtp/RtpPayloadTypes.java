package io.seamline.rtp;

import java.util.Locale;

/**
 * Names and clock rates of RTP payload types as Wireshark 4.0 prints and uses them: static types
 * from RFC 3551 §6 (Wireshark's {@code rtp_payload_type_short_vals}), dynamic types (96-127) as
 * "RTPType-N" unless SDP named them, clock rates from {@code ui/tap-rtp-analysis.c}.
 */
public final class RtpPayloadTypes {
    /** PT of comfort noise (RFC 3389). */
    public static final int COMFORT_NOISE = 13;
    /** PT of the old comfort-noise assignment Wireshark still recognises. */
    public static final int COMFORT_NOISE_OLD = 19;
    /** Wireshark's default PT for RFC 4733 events when no SDP says otherwise ({@code rtpevent} preference). */
    public static final int DEFAULT_TELEPHONE_EVENT = 101;

    private static final String[] SHORT_NAMES = new String[128];

    static {
        for (int i = 0; i < 128; i++) {
            SHORT_NAMES[i] = i >= 96 ? "RTPType-" + i : i >= 72 && i <= 76 ? "Reserved for RTCP conflict avoidance" : "Unassigned";
        }
        String[] known = {"g711U", "fs-1016", "g721", "GSM", "g723", "DVI4 8k", "DVI4 16k", "Exp. from Xerox PARC",
            "g711A", "g722", "16-bit audio, stereo", "16-bit audio, monaural", "Qualcomm", "CN", "MPEG-I/II Audio",
            "g728", "DVI4 11k", "DVI4 22k", "g729", "CN(old)"};
        System.arraycopy(known, 0, SHORT_NAMES, 0, known.length);
        SHORT_NAMES[25] = "CellB";
        SHORT_NAMES[26] = "JPEG";
        SHORT_NAMES[28] = "NV";
        SHORT_NAMES[31] = "h261";
        SHORT_NAMES[32] = "MPEG-I/II Video";
        SHORT_NAMES[33] = "MPEG-II streams";
        SHORT_NAMES[34] = "h263";
    }

    private RtpPayloadTypes() {
    }

    /** Short name as tshark's {@code -z rtp,streams} prints it, e.g. "g711A", "CN", "RTPType-101". */
    public static String shortName(int payloadType) {
        return payloadType >= 0 && payloadType < 128 ? SHORT_NAMES[payloadType] : "Unknown(" + payloadType + ")";
    }

    /**
     * Clock rate in Hz Wireshark uses for jitter: fixed for static types (note G.722 is 8000 Hz, RFC 3551
     * §4.5.2), looked up by encoding name for dynamic ones; 0 when unknown (no jitter is computed).
     *
     * @param encodingName SDP rtpmap encoding name for a dynamic type, or {@code null}
     */
    public static int clockRateHz(int payloadType, String encodingName) {
        if (payloadType < 96) {
            return switch (payloadType) {
                case 0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 15, 18, 19 -> 8000;
                case 6 -> 16000;
                case 10, 11 -> 44100;
                case 16 -> 11025;
                case 17 -> 22050;
                case 14, 25, 26, 28, 31, 32, 33, 34 -> 90000;
                default -> 0;
            };
        }
        if (encodingName == null || isTelephoneEvent(encodingName)) {
            return 0;
        }
        return dynamicClockRateHz(encodingName);
    }

    /** True for "telephone-event" (RFC 4733), whose timestamps do not advance per packet. */
    public static boolean isTelephoneEvent(String encodingName) {
        return encodingName != null && encodingName.toLowerCase(Locale.ROOT).startsWith("telephone-event");
    }

    private static final String[][] DYNAMIC_CLOCKS = {
        {"AMR", "8000"}, {"AMR-WB", "16000"}, {"BMPEG", "90000"}, {"BT656", "90000"}, {"DV", "90000"},
        {"EVRC", "8000"}, {"EVRC0", "8000"}, {"EVRC1", "8000"}, {"EVRCB", "8000"}, {"EVRCB0", "8000"},
        {"EVRCB1", "8000"}, {"EVRCWB", "16000"}, {"EVRCWB0", "16000"}, {"EVRCWB1", "16000"}, {"EVS", "16000"},
        {"G7221", "16000"}, {"G726-16", "8000"}, {"G726-24", "8000"}, {"G726-32", "8000"}, {"G726-40", "8000"},
        {"G729D", "8000"}, {"G729E", "8000"}, {"GSM-EFR", "8000"}, {"H263-1998", "90000"}, {"H263-2000", "90000"},
        {"H264", "90000"}, {"MP1S", "90000"}, {"MP2P", "90000"}, {"MP4V-ES", "90000"}, {"mpa-robust", "90000"},
        {"opus", "48000"}, {"pointer", "90000"}, {"raw", "90000"}, {"red", "1000"}, {"SMV", "8000"},
        {"SMV0", "8000"}, {"t140", "1000"}, {"telephone-event", "8000"},
    };

    /** Wireshark searches its table backwards by case-insensitive prefix so "AMR-WB" wins over "AMR". */
    private static int dynamicClockRateHz(String encodingName) {
        String lower = encodingName.toLowerCase(Locale.ROOT);
        for (int i = DYNAMIC_CLOCKS.length - 1; i >= 0; i--) {
            if (lower.startsWith(DYNAMIC_CLOCKS[i][0].toLowerCase(Locale.ROOT))) {
                return Integer.parseInt(DYNAMIC_CLOCKS[i][1]);
            }
        }
        return 0;
    }
}
