package io.seamline.sip;

/**
 * One {@code a=rtpmap} entry (RFC 4566 §6): payload type, encoding name as written, clock rate in Hz and
 * channel count (1 when not given).
 */
public record RtpMap(int payloadType, String encodingName, int clockRateHz, int channels) {
}
