package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpStreamKeyTest {
    /** The same components with the equality and hash the compiler generates for a record. */
    private record Generated(String srcIp, int srcPort, String dstIp, int dstPort, long ssrc) {
    }

    @Test
    void hashesLikeTheGeneratedRecordHashSoMapOrderStaysTheSame() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            String src = random.nextInt(4) == 0 ? null : "10.0." + random.nextInt(256) + "." + random.nextInt(256);
            String dst = "2001:db8::" + Integer.toHexString(random.nextInt(65_536));
            int srcPort = random.nextInt(65_536);
            int dstPort = random.nextInt(65_536);
            long ssrc = random.nextLong() & 0xFFFFFFFFL;
            assertEquals(new Generated(src, srcPort, dst, dstPort, ssrc).hashCode(),
                    new RtpStreamKey(src, srcPort, dst, dstPort, ssrc).hashCode());
        }
    }

    @Test
    void equalsComparesEveryComponent() {
        RtpStreamKey key = new RtpStreamKey("10.0.0.1", 4000, "10.0.0.2", 5000, 0x58F33DEAL);
        assertEquals(key, new RtpStreamKey(new String("10.0.0.1"), 4000, "10.0.0.2", 5000, 0x58F33DEAL));
        assertNotEquals(key, new RtpStreamKey("10.0.0.3", 4000, "10.0.0.2", 5000, 0x58F33DEAL));
        assertNotEquals(key, new RtpStreamKey("10.0.0.1", 4001, "10.0.0.2", 5000, 0x58F33DEAL));
        assertNotEquals(key, new RtpStreamKey("10.0.0.1", 4000, "10.0.0.3", 5000, 0x58F33DEAL));
        assertNotEquals(key, new RtpStreamKey("10.0.0.1", 4000, "10.0.0.2", 5001, 0x58F33DEAL));
        assertNotEquals(key, new RtpStreamKey("10.0.0.1", 4000, "10.0.0.2", 5000, 0x58F33DEBL));
        assertNotEquals(key, new RtpStreamKey(null, 4000, "10.0.0.2", 5000, 0x58F33DEAL));
        assertEquals(new RtpStreamKey(null, 1, null, 2, 3), new RtpStreamKey(null, 1, null, 2, 3));
    }
}
