package io.seamline.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.seamline.audio.AudioFormatException;
import io.seamline.audio.OggOpusReader;
import io.seamline.audio.SidecarMetadataReader;
import io.seamline.audio.WavReader;
import io.seamline.audio.WaveformPyramidReader;
import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureRecord;
import io.seamline.capture.CaptureReader;
import io.seamline.capture.CaptureTap;
import io.seamline.capture.SipPayload;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.TaskMonitor;
import io.seamline.report.IntegrityReport;
import io.seamline.report.PackageVerifier;
import io.seamline.report.PdfVerificationResult;
import io.seamline.report.SignedPdfVerifier;
import io.seamline.report.StitchRecord;
import io.seamline.report.ZipPackageReader;
import io.seamline.rtp.RtpDecoder;
import io.seamline.rtp.RtpStreamKey;
import io.seamline.rtp.RtpStreamTap;
import io.seamline.sip.RecordingMetadataParser;
import io.seamline.sip.SdpParser;
import io.seamline.sip.SipParseException;
import io.seamline.sip.SipParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzz targets for every parser that reads evidence or derived bytes.
 *
 * <p>Under plain {@code mvn verify} each target replays its seed corpus from
 * {@code src/test/resources/io/seamline/fuzz/ParserFuzzTestInputs/<method>/} (Jazzer regression mode);
 * with {@code JAZZER_FUZZ=1} the selected target is fuzzed (see docs/fuzzing.md). Every input must
 * end within {@link #LIMIT}, raise only the parser's documented exception, and never run out of memory.
 */
class ParserFuzzTest {
    /**
     * Longest time one input may take: 1 s when replaying the corpus. While fuzzing (JAZZER_FUZZ set) the
     * fuzzer's own corpus fills the 1 GiB heap and GC pauses on the shared two-core machine once stretched a
     * 10 ms input past 1 s, so a campaign allows 3 s and still catches hangs.
     */
    static final Duration LIMIT = Duration.ofSeconds(System.getenv("JAZZER_FUZZ") == null ? 1 : 3);

    private static Path scratch;
    private static final String SIDECAR = "sbc01_fuzz@example.com_20261122T084215.123Z.json";

    /** A folder for the file-based readers, made once per JVM. */
    static synchronized Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("seamline-fuzz");
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }

    @FunctionalInterface
    interface Target {
        void accept(byte[] input) throws Exception;
    }

    /** Loads classes and warms the JIT on one seed per target, so the 1 s limit measures the parser alone. */
    @BeforeAll
    static void warmUp() throws IOException {
        warm("captureRecords", ParserFuzzTest::readRecords);
        warm("captureDissection", ParserFuzzTest::dissect);
        warm("sipMessage", ParserFuzzTest::parseSip);
        warm("sdpBody", ParserFuzzTest::parseSdp);
        warm("recordingMetadata", ParserFuzzTest::parseMetadata);
        warm("rtpAndRtcp", ParserFuzzTest::tapRtp);
        warm("wavFile", ParserFuzzTest::readWav);
        warm("oggOpusFile", ParserFuzzTest::readOpus);
        warm("sidecarJson", ParserFuzzTest::readSidecar);
        warm("waveformPyramid", ParserFuzzTest::readPyramid);
        warm("packageManifest", ParserFuzzTest::verifyManifest);
        warm("packageZip", ParserFuzzTest::extractZip);
        warm("stitchManifest", ParserFuzzTest::readStitchManifest);
        warm("signedPdf", ParserFuzzTest::verifyPdf);
    }

    @FuzzTest(maxDuration = "2m")
    void captureRecords(byte[] input) {
        bounded(input, ParserFuzzTest::readRecords, IOException.class, "fuzz.pcap");
    }

    @FuzzTest(maxDuration = "2m")
    void captureDissection(byte[] input) {
        bounded(input, ParserFuzzTest::dissect, IOException.class, "fuzz.pcap");
    }

    @FuzzTest(maxDuration = "2m")
    void sipMessage(byte[] input) {
        bounded(input, ParserFuzzTest::parseSip, SipParseException.class);
    }

    @FuzzTest(maxDuration = "2m")
    void sdpBody(byte[] input) {
        bounded(input, ParserFuzzTest::parseSdp, SipParseException.class);
    }

    @FuzzTest(maxDuration = "2m")
    void recordingMetadata(byte[] input) {
        bounded(input, ParserFuzzTest::parseMetadata, SipParseException.class);
    }

    @FuzzTest(maxDuration = "2m")
    void rtpAndRtcp(byte[] input) {
        bounded(input, ParserFuzzTest::tapRtp, IOException.class, "fuzz.pcap");
    }

    @FuzzTest(maxDuration = "2m")
    void wavFile(byte[] input) {
        bounded(input, ParserFuzzTest::readWav, IOException.class, "fuzz.wav");
    }

    @FuzzTest(maxDuration = "2m")
    void oggOpusFile(byte[] input) {
        bounded(input, ParserFuzzTest::readOpus, IOException.class, "fuzz.opus");
    }

    @FuzzTest(maxDuration = "2m")
    void sidecarJson(byte[] input) {
        bounded(input, ParserFuzzTest::readSidecar, IOException.class, SIDECAR);
    }

    @FuzzTest(maxDuration = "2m")
    void waveformPyramid(byte[] input) {
        bounded(input, ParserFuzzTest::readPyramid, IOException.class);
    }

    @FuzzTest(maxDuration = "2m")
    void packageManifest(byte[] input) {
        bounded(input, ParserFuzzTest::verifyManifest, CaseFileException.class, "package");
    }

    @FuzzTest(maxDuration = "2m")
    void packageZip(byte[] input) {
        bounded(input, ParserFuzzTest::extractZip, IOException.class, "fuzz.zip");
    }

    @FuzzTest(maxDuration = "2m")
    void stitchManifest(byte[] input) {
        // segments() never throws: an unreadable manifest has no segments, so any exception is a finding.
        bounded(input, ParserFuzzTest::readStitchManifest, CaseFileException.class);
    }

    @FuzzTest(maxDuration = "2m")
    void signedPdf(byte[] input) {
        bounded(input, ParserFuzzTest::verifyPdf, IOException.class, "report.pdf");
    }

    /** Runs one input under the time limit; the documented exception is an accepted outcome, anything else fails. */
    static void bounded(byte[] input, Target target, Class<? extends Exception> documented) {
        bounded(input, target, documented, "");
    }

    /** As above, and the exception's message must name {@code fileName} (the file the user gave). */
    static void bounded(byte[] input, Target target, Class<? extends Exception> documented, String fileName) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                target.accept(input);
            } catch (OutOfMemoryError e) {
                fail("input of " + input.length + " bytes exhausted memory", e);
            } catch (Exception e) {
                if (!documented.isInstance(e)) {
                    throw e;
                }
                if (e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n")) {
                    fail("a " + e.getClass().getSimpleName() + " must carry a one-line message, got: " + e.getMessage());
                }
                if (!e.getMessage().contains(fileName)) {
                    fail("the message must name " + fileName + ", got: " + e.getMessage());
                }
            }
        }, () -> "input of " + input.length + " bytes took longer than " + LIMIT.toMillis() + " ms");
    }

    static void readRecords(byte[] input) throws IOException {
        CaptureReader reader = CaptureReader.open(new ByteArrayInputStream(input), "fuzz.pcap");
        CaptureRecord record;
        while ((record = reader.next()) != null) {
            if (record.timeUtc() == null) {
                fail("record without a time");
            }
        }
    }

    static void dissect(byte[] input) throws IOException {
        runCapture(input);
    }

    private static void runCapture(byte[] capture, RtpStreamTap rtp) throws IOException {
        List<SipPayload> sip = new ArrayList<>();
        CaptureTap sipTap = new CaptureTap() {
            @Override
            public void sip(SipPayload message) {
                sip.add(message);
            }
        };
        CaptureAnalyzer.run(new ByteArrayInputStream(capture), "fuzz.pcap", List.of(rtp, sipTap), n -> {
        });
        rtp.streams();
        for (SipPayload p : sip) {
            try {
                SipParser.parse(p.message());
            } catch (SipParseException expected) {
                // A malformed SIP message inside a readable capture is recorded, not fatal.
            }
        }
    }

    static void parseSip(byte[] input) throws SipParseException {
        var message = SipParser.parse(input);
        if (message.headers().size() > SipParser.MAX_HEADERS || message.parts().size() > SipParser.MAX_PARTS) {
            fail("header or part count above the documented bound: " + message.headers().size() + " headers, "
                    + message.parts().size() + " parts");
        }
        message.callId();
        message.sdpText();
        message.isRecordingSession();
    }

    static void parseSdp(byte[] input) throws SipParseException {
        var sdp = SdpParser.parse(new String(input, StandardCharsets.UTF_8));
        if (sdp.media().size() > SdpParser.MAX_MEDIA) {
            fail(sdp.media().size() + " media descriptions, above " + SdpParser.MAX_MEDIA);
        }
    }

    static void parseMetadata(byte[] input) throws SipParseException {
        RecordingMetadataParser.parse(input);
    }

    /**
     * Input: records of [port selector u8][length u16 BE][UDP payload]; each becomes one IPv4/UDP datagram
     * in an Ethernet pcap from 10.0.0.1:20000 to 10.0.0.2:(40000 + selector % 4), so even ports carry RTP
     * and odd ports RTCP (RFC 3550 §11).
     */
    static void tapRtp(byte[] input) throws IOException {
        runCapture(udpCapture(input));
    }

    /** Runs the capture with a listener that decodes every accepted RTP payload, one decoder per stream. */
    private static void runCapture(byte[] capture) throws IOException {
        RtpStreamTap rtp = new RtpStreamTap(true);
        Map<RtpStreamKey, Optional<RtpDecoder>> decoders = new HashMap<>();
        rtp.addListener((key, frame, time, header, payload) -> decoders
                .computeIfAbsent(key, k -> RtpDecoder.forPayload(header.payloadType(), null))
                .ifPresent(d -> d.decode(payload, header.payloadOffset(), header.payloadLength())));
        runCapture(capture, rtp);
    }

    static byte[] udpCapture(byte[] input) {
        ByteBuffer out = ByteBuffer.allocate(24 + input.length * 2 + 64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int at = 0;
        int frame = 0;
        while (at + 3 <= input.length && out.remaining() > 42 + 16) {
            int port = 40000 + (input[at] & 3);
            int length = Math.min(((input[at + 1] & 0xFF) << 8) | (input[at + 2] & 0xFF), input.length - at - 3);
            length = Math.min(length, out.remaining() - 42 - 16);
            int ipLength = 20 + 8 + length;
            out.putInt(1_700_000_000 + frame / 50).putInt((frame % 50) * 20_000).putInt(14 + ipLength)
                    .putInt(14 + ipLength);
            out.order(ByteOrder.BIG_ENDIAN);
            out.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            out.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) frame).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {10, 0, 0, 1})
                    .put(new byte[] {10, 0, 0, 2});
            out.putShort((short) 20000).putShort((short) port).putShort((short) (8 + length)).putShort((short) 0);
            out.put(input, at + 3, length);
            out.order(ByteOrder.LITTLE_ENDIAN);
            at += 3 + length;
            frame++;
        }
        byte[] pcap = new byte[out.position()];
        out.flip().get(pcap);
        return pcap;
    }

    static void readWav(byte[] input) throws IOException {
        Path file = write("fuzz.wav", input);
        try (WavReader reader = WavReader.open(file)) {
            drain(reader.info().channelCount(), (lanes, max) -> reader.read(lanes, max));
        }
    }

    static void readOpus(byte[] input) throws IOException {
        Path file = write("fuzz.opus", input);
        try (OggOpusReader reader = OggOpusReader.open(file)) {
            drain(reader.info().channelCount(), (lanes, max) -> reader.read(lanes, max));
        }
    }

    static void readSidecar(byte[] input) throws IOException {
        write(SIDECAR, input);
        new SidecarMetadataReader().read(scratch().resolve("sbc01_fuzz@example.com_20261122T084215.123Z.wav"),
                ZoneId.of("Europe/London"));
    }

    static void readPyramid(byte[] input) throws IOException {
        var pyramid = new WaveformPyramidReader().read(new ByteArrayInputStream(input));
        pyramid.summarize(0, pyramid.totalFrames(), 64);
    }

    /** Most bytes and entries a fuzzed zip may extract to (far below the defaults, so bombs stop quickly). */
    static final long ZIP_MAX_BYTES = 8L * 1024 * 1024;
    static final int ZIP_MAX_ENTRIES = 64;
    private static final String OUTSIDE = "outside the package";
    private static final String OUTSIDE_SHA256 = io.seamline.report.Sha256Sums.of(OUTSIDE.getBytes(StandardCharsets.UTF_8));

    /**
     * The input is a package's SHA256SUMS, in a package folder that also holds README.txt and
     * originals/a.pcap, beside a file outside the package that no listed path may reach. The verifier must
     * answer with a report (a problem for everything wrong), refusing every listed path that leaves the folder.
     */
    static void verifyManifest(byte[] input) throws IOException, CaseFileException {
        Path root = scratch().resolve("manifest");
        Path pkg = root.resolve("package");
        Files.createDirectories(pkg.resolve("originals"));
        Files.writeString(root.resolve("outside.txt"), OUTSIDE);
        Files.writeString(pkg.resolve("README.txt"), "Seamline evidence package");
        Files.write(pkg.resolve("originals").resolve("a.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1});
        Files.write(pkg.resolve("SHA256SUMS"), input);
        IntegrityReport report = new PackageVerifier().verify(pkg, TaskMonitor.NONE);
        for (String problem : report.problems()) {
            if (problem.contains("\n") || problem.contains("\r")) {
                fail("a problem must be one line: " + problem);
            }
            // Hashing the file outside the package would show its digest in a mismatch problem.
            if (problem.contains("file has " + OUTSIDE_SHA256)) {
                fail("a path leaving the package was followed: " + problem);
            }
        }
        if (report.problems().isEmpty()) {
            fail("a package without report.pdf and case/ cannot be intact");
        }
    }

    /**
     * The input is a package zip; it is checked and extracted with small limits. Whatever it holds, nothing
     * may appear outside the extraction folder, no symbolic link inside it, and no more than the limits.
     */
    static void extractZip(byte[] input) throws IOException {
        Path root = scratch().resolve("zip");
        if (Files.exists(root)) {
            deleteTree(root);
        }
        Path into = Files.createDirectories(root.resolve("out").resolve("package"));
        Path zip = write("fuzz.zip", input);
        try {
            new ZipPackageReader(ZIP_MAX_BYTES, ZIP_MAX_ENTRIES).extract(zip, into);
        } finally {
            try (Stream<Path> siblings = Files.list(root.resolve("out"))) {
                List<Path> left = siblings.toList();
                if (!left.equals(List.of(into))) {
                    fail("extraction wrote outside its folder: " + left);
                }
            }
            long bytes = 0;
            long files = 0;
            try (Stream<Path> walk = Files.walk(into)) {
                for (Path p : walk.toList()) {
                    if (Files.isSymbolicLink(p)) {
                        fail("extraction made a symbolic link: " + p);
                    }
                    if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        bytes += Files.size(p);
                        files++;
                    }
                }
            }
            if (bytes > ZIP_MAX_BYTES || files > ZIP_MAX_ENTRIES) {
                fail("extraction exceeded its limits: " + files + " files, " + bytes + " bytes");
            }
        }
    }

    /** The input is the manifest JSON stored with a stitch; the report reads its segments. */
    static void readStitchManifest(byte[] input) {
        StitchRecord record = new StitchRecord(1, java.time.Instant.EPOCH, "/stitched.wav", "0".repeat(64),
                new String(input, StandardCharsets.UTF_8), 1);
        List<StitchRecord.Segment> segments = record.segments();
        for (StitchRecord.Segment s : segments) {
            if (s.source() == null || s.startUtc() == null || s.endUtc() == null) {
                fail("a segment without its source or span: " + s);
            }
        }
        record.filling(java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(1), "lane");
    }

    /** The input is a signed report; every failure must be a one-line finding naming the file. */
    static void verifyPdf(byte[] input) throws IOException {
        Path pdf = write("report.pdf", input);
        PdfVerificationResult result = new SignedPdfVerifier().verify(pdf);
        for (String failure : result.failures()) {
            if (!failure.startsWith("report.pdf")) {
                fail("a failure must name the file: " + failure);
            }
        }
        if (result.valid() && input.length < 1024) {
            fail("a signed PDF of " + input.length + " bytes cannot be valid");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @FunctionalInterface
    private interface Chunk {
        int read(float[][] lanes, int maxFrames) throws IOException;
    }

    /** Reads every frame, at most 10 minutes at 48 kHz, so a lying length cannot make the loop endless. */
    private static void drain(int channels, Chunk chunk) throws IOException {
        float[][] lanes = new float[channels][4096];
        long frames = 0;
        int n;
        while ((n = chunk.read(lanes, 4096)) > 0) {
            frames += n;
            if (frames > 48_000L * 600) {
                throw new AudioFormatException(null, "more frames than the fuzz input can hold");
            }
        }
    }

    private static Path write(String name, byte[] input) throws IOException {
        Path file = scratch().resolve(name);
        Files.write(file, input);
        return file;
    }

    private static void warm(String method, Target target) throws IOException {
        URL dir = ParserFuzzTest.class.getResource("ParserFuzzTestInputs/" + method);
        if (dir == null) {
            throw new IllegalStateException("missing seed corpus for " + method);
        }
        try (Stream<Path> seeds = Files.list(Path.of(dir.toURI())).sorted()) {
            for (Path seed : seeds.limit(3).toList()) {
                try {
                    target.accept(Files.readAllBytes(seed));
                } catch (Exception | AssertionError ignored) {
                    // Warm-up only: the fuzz test itself judges each seed.
                }
            }
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
