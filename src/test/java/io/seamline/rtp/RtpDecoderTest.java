package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Codecs against independent decoders (sox for G.711, ffmpeg for G.722), fixtures from codecs/make-codec-fixtures.sh. */
class RtpDecoderTest {

    private static byte[] fixture(String name) throws IOException, URISyntaxException {
        return Files.readAllBytes(Path.of(RtpDecoderTest.class.getResource("codecs/" + name).toURI()));
    }

    private static short[] littleEndianShorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    @Test
    void decodesEveryUlawCodeLikeSox() throws Exception {
        RtpDecoder decoder = RtpDecoder.forPayload(0, null).orElseThrow();
        assertEquals(8000, decoder.sampleRateHz());
        byte[] codes = fixture("all-codes.bin");
        assertArrayEquals(littleEndianShorts(fixture("all-codes.ulaw.s16le")), decoder.decode(codes, 0, codes.length));
    }

    @Test
    void decodesEveryAlawCodeLikeSox() throws Exception {
        RtpDecoder decoder = RtpDecoder.forPayload(8, null).orElseThrow();
        byte[] codes = fixture("all-codes.bin");
        assertArrayEquals(littleEndianShorts(fixture("all-codes.alaw.s16le")), decoder.decode(codes, 0, codes.length));
    }

    @Test
    void decodesG722SpeechLikeFfmpegAcrossPacketBoundaries() throws Exception {
        RtpDecoder decoder = RtpDecoder.forPayload(9, null).orElseThrow();
        assertEquals(16000, decoder.sampleRateHz());
        byte[] encoded = fixture("speech.g722");
        short[] expected = littleEndianShorts(fixture("speech.g722.s16le"));
        short[] actual = new short[encoded.length * 2];
        // 20 ms packets of 160 octets, as RTP would carry them; the decoder keeps state between them.
        for (int off = 0; off < encoded.length; off += 160) {
            int len = Math.min(160, encoded.length - off);
            System.arraycopy(decoder.decode(encoded, off, len), 0, actual, off * 2, len * 2);
        }
        assertEquals(expected.length, actual.length);
        assertArrayEquals(expected, actual);
        long energy = 0;
        for (short s : actual) {
            energy += (long) s * s;
        }
        assertTrue(energy / actual.length > 10_000, "speech, not silence");
    }

    @Test
    void reportsUndecodableCodecsByName() {
        assertTrue(RtpDecoder.forPayload(18, null).isEmpty());
        assertEquals("not decodable: G.729", RtpDecoder.notDecodable(18, null));
        assertEquals("not decodable: GSM 06.10", RtpDecoder.notDecodable(3, null));
        assertEquals("not decodable: opus", RtpDecoder.notDecodable(111, "opus"));
        assertTrue(RtpDecoder.forPayload(96, "PCMA").isPresent(), "dynamic PT named PCMA by SDP");
    }

    @Test
    void decodesTheMediaMoveCallsSpeech() throws Exception {
        RtpStreamTap tap = new RtpStreamTap();
        Map<Long, long[]> energyBySsrc = new java.util.HashMap<>();
        tap.addListener((key, frame, time, header, udp) -> {
            RtpDecoder decoder = RtpDecoder.forPayload(header.payloadType(), null).orElseThrow();
            short[] pcm = decoder.decode(udp, header.payloadOffset(), header.payloadLength());
            long[] acc = energyBySsrc.computeIfAbsent(key.ssrc(), k -> new long[2]);
            for (short s : pcm) {
                acc[0] += Math.abs(s);
            }
            acc[1] += pcm.length;
        });
        Path capture = Path.of(RtpDecoderTest.class.getResource("media-move/media-move.pcap").toURI());
        try (var in = Files.newInputStream(capture)) {
            io.seamline.capture.CaptureAnalyzer.run(in, "media-move.pcap", java.util.List.of(tap), n -> { });
        }
        assertEquals(2, energyBySsrc.size());
        for (long[] acc : energyBySsrc.values()) {
            assertEquals(24_000, acc[1], "3 s at 8000 Hz");
            assertTrue(acc[0] / acc[1] > 300, "mean |sample| " + acc[0] / acc[1]);
        }
    }
}
