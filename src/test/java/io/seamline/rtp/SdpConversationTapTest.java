package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SdpConversationTapTest {
    private static boolean naive(byte[] b) {
        for (int i = 0; i + 2 < b.length; i++) {
            if (b[i] == 'v' && b[i + 1] == '=' && b[i + 2] == '0') {
                return true;
            }
        }
        return false;
    }

    @Test
    void findsTheVersionLineAtEveryPositionAndLengthLikeAByteByByteSearch() {
        Random random = new Random(42);
        byte[] alphabet = {'v', '=', '0', 'x', (byte) 0x80};
        for (int length = 0; length <= 12; length++) {
            for (int at = 0; at + 3 <= length; at++) {
                byte[] b = new byte[length];
                b[at] = 'v';
                b[at + 1] = '=';
                b[at + 2] = '0';
                assertEquals(true, SdpConversationTap.containsVersionLine(b), "length " + length + " at " + at);
            }
        }
        for (int n = 0; n < 20_000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertEquals(naive(b), SdpConversationTap.containsVersionLine(b));
        }
    }
}
