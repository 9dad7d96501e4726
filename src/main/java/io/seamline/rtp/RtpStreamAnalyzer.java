package io.seamline.rtp;

/**
 * Accumulates the statistics of one RTP stream packet by packet, computed as Wireshark's
 * {@code rtppacket_analyse} (ui/tap-rtp-analysis.c) does for {@code tshark -z rtp,streams}: loss from
 * extended sequence numbers with wrap cycles (RFC 3550 A.1), interarrival jitter per RFC 3550 §6.4.1
 * and A.8 (J += (|D| - J) / 16) in milliseconds, and deltas between arrivals.
 */
final class RtpStreamAnalyzer {
    private boolean firstPacket = true;
    private int startSeq;
    private int stopSeq;
    private int seqNum;
    private int seqCycles;
    private boolean under;
    private long firstTimestamp;
    private double lastTimeMs;
    private double lastNominalMs;
    private int pt;
    private int regularPt = -1;
    private double delta;
    private double maxDelta;
    private double minDelta = -1;
    private double meanDelta;
    private double jitter;
    private double minJitter = -1;
    private double maxJitter;
    private double meanJitter;
    private long totalPackets;
    private long sequenceErrors;
    private boolean problem;

    /**
     * Adds one packet.
     *
     * @param arrivalMs         arrival time in ms since the first frame of the capture (Wireshark's relative time)
     * @param sequenceNumber    16-bit sequence number
     * @param timestamp         32-bit RTP timestamp (unsigned)
     * @param payloadType       PT of this packet
     * @param marker            M bit
     * @param clockRateHz       clock rate for this PT, 0 when unknown or a telephone event
     */
    void add(double arrivalMs, int sequenceNumber, long timestamp, int payloadType, boolean marker,
             int clockRateHz) {
        if (firstPacket) {
            startSeq = sequenceNumber;
            stopSeq = sequenceNumber;
            seqNum = sequenceNumber;
            firstTimestamp = timestamp;
            lastTimeMs = arrivalMs;
            pt = payloadType;
            regularPt = payloadType;
            totalPackets++;
            firstPacket = false;
            return;
        }
        boolean wrongSeq = false;
        // Wireshark 4.0: a packet is "in time sequence" when its timestamp is at most half the 32-bit
        // range after the stream's FIRST timestamp (allowing one wrap); a timestamp reset therefore
        // leaves packets out of sequence until they pass the first timestamp again.
        boolean inTimeSequence = (firstTimestamp <= timestamp && timestamp - firstTimestamp < 0x8000_0000L)
                || (firstTimestamp > timestamp && firstTimestamp - timestamp > 0x8000_0000L);
        boolean wrongTimestamp = !inTimeSequence;

        // Count sequence number cycles (RFC 3550 A.1): a number below the start one means a wrap.
        if (sequenceNumber < startSeq && inTimeSequence && !under) {
            seqCycles++;
            under = true;
        } else if (sequenceNumber == 0 && stopSeq == 65535 && inTimeSequence && !under) {
            seqCycles++;
            under = true;
        } else if (sequenceNumber > startSeq && inTimeSequence && under) {
            under = false;
        }

        if (inTimeSequence && seqNum + 1 == sequenceNumber) {
            seqNum = sequenceNumber;
        } else if (inTimeSequence && seqNum == 65535 && sequenceNumber == 0) {
            seqNum = sequenceNumber;
        } else if (inTimeSequence && (seqNum + 1 < sequenceNumber || seqNum - sequenceNumber > 0xFF00)) {
            seqNum = sequenceNumber;
            sequenceErrors++;
            wrongSeq = true;
        } else if (seqNum + 1 > sequenceNumber) {
            sequenceErrors++;
            wrongSeq = true;
        }

        boolean comfortNoise = payloadType == RtpPayloadTypes.COMFORT_NOISE || payloadType == RtpPayloadTypes.COMFORT_NOISE_OLD;
        boolean followsComfortNoise = pt == RtpPayloadTypes.COMFORT_NOISE || pt == RtpPayloadTypes.COMFORT_NOISE_OLD;
        pt = payloadType;

        double currentJitter = 0;
        if (inTimeSequence) {
            double nominalMs = (double) ((timestamp - firstTimestamp) & 0xFFFF_FFFFL);
            if (clockRateHz != 0) {
                // Wireshark divides by clock_rate/1000 in integer arithmetic (guint32), then in double.
                nominalMs = nominalMs / (clockRateHz / 1000);
                // RFC 3550 A.8: D = (arrival - expected arrival); J += (|D| - J) / 16, all in ms.
                double expectedMs = lastTimeMs + (nominalMs - lastNominalMs);
                double diff = Math.abs(arrivalMs - expectedMs);
                currentJitter = (15 * jitter + diff) / 16;
                delta = arrivalMs - lastTimeMs;
                jitter = currentJitter;
                lastNominalMs = nominalMs;
            } else {
                delta = arrivalMs - lastTimeMs;
            }
        }

        if (!marker && !comfortNoise && !wrongTimestamp && !followsComfortNoise) {
            if (delta > maxDelta) {
                maxDelta = delta;
            }
            if (minDelta == -1 || delta < minDelta) {
                minDelta = delta;
            }
            meanDelta = (meanDelta * (totalPackets - 1) + delta) / totalPackets;
            if (clockRateHz != 0) {
                if (jitter > maxJitter) {
                    maxJitter = jitter;
                }
                meanJitter = (meanJitter * (totalPackets - 1) + currentJitter) / totalPackets;
                if (minJitter == -1 || jitter < minJitter) {
                    minJitter = jitter;
                }
            }
        }
        if (!comfortNoise) {
            regularPt = pt;
        }
        if (inTimeSequence) {
            lastTimeMs = arrivalMs;
        }
        stopSeq = sequenceNumber;
        totalPackets++;
        if (wrongSeq || wrongTimestamp) {
            problem = true;
        }
    }

    long totalPackets() {
        return totalPackets;
    }

    /** Expected packets: extended highest minus first sequence number plus one (RFC 3550 A.3). */
    long expectedPackets() {
        return (stopSeq + (long) seqCycles * 65536) - startSeq + 1;
    }

    long sequenceErrors() {
        return sequenceErrors;
    }

    double minDeltaMs() {
        return minDelta;
    }

    double meanDeltaMs() {
        return meanDelta;
    }

    double maxDeltaMs() {
        return maxDelta;
    }

    double minJitterMs() {
        return minJitter;
    }

    double meanJitterMs() {
        return meanJitter;
    }

    double maxJitterMs() {
        return maxJitter;
    }

    boolean problem() {
        return problem;
    }
}
