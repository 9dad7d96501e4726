package io.seamline.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.capture.CaptureAnalyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our stream table against {@code tshark -q -o rtp.heuristic_rtp:TRUE -z rtp,streams} on every public capture. */
public class RtpStreamTapReferenceTest {
    private static final Path SHARED = Path.of(System.getProperty("seamline.shared", "../shared"));
    private static final double MS_TOLERANCE = 0.002;
    private static final Pattern ROW = Pattern.compile(
            "^\\s*([\\d.]+)\\s+([\\d.]+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+0x([0-9A-F]{8})\\s+(.*?)\\s+(\\d+)\\s+(-?\\d+)"
                    + " \\(([-\\d.]+)%\\)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*(X?)\\s*$");

    /** One row of tshark's table. */
    public record Row(double start, double end, String src, int srcPort, String dst, int dstPort, long ssrc, String payload,
               long packets, long lost, double[] ms, boolean problem) {
    }

    static Stream<Path> publicCaptures() throws IOException {
        return Files.list(SHARED.resolve("captures/public")).sorted();
    }

    public static List<Row> parseReference(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            Matcher m = ROW.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double[] ms = new double[6];
            for (int i = 0; i < 6; i++) {
                ms[i] = Double.parseDouble(m.group(12 + i));
            }
            rows.add(new Row(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), m.group(3),
                    Integer.parseInt(m.group(4)), m.group(5), Integer.parseInt(m.group(6)), Long.parseLong(m.group(7), 16),
                    m.group(8), Long.parseLong(m.group(9)), Long.parseLong(m.group(10)), ms, !m.group(18).isEmpty()));
        }
        return rows;
    }

    static List<RtpStream> analyse(Path capture) throws IOException {
        RtpStreamTap rtp = new RtpStreamTap();
        try (InputStream in = Files.newInputStream(capture)) {
            CaptureAnalyzer.run(in, capture.getFileName().toString(), List.of(new SdpConversationTap(rtp), rtp), n -> { });
        }
        return rtp.streams();
    }

    static void assertSameTable(List<Row> expected, List<RtpStream> actual, String name) {
        assertEquals(expected.size(), actual.size(), name + ": stream count; ours: " + describe(actual));
        for (int i = 0; i < expected.size(); i++) {
            Row e = expected.get(i);
            RtpStream a = actual.get(i);
            String where = name + " stream " + i + " " + a.key();
            assertEquals(e.src() + ":" + e.srcPort() + ">" + e.dst() + ":" + e.dstPort(),
                    a.key().srcIp() + ":" + a.key().srcPort() + ">" + a.key().dstIp() + ":" + a.key().dstPort(), where);
            assertEquals(e.ssrc(), a.key().ssrc(), where + " ssrc");
            assertEquals(e.payload(), a.payloadNames(), where + " payload");
            assertEquals(e.packets(), a.packets(), where + " packets");
            assertEquals(e.lost(), a.lost(), where + " lost");
            assertEquals(e.start(), a.startRelativeSec(), 0.0000015, where + " start");
            assertEquals(e.end(), a.endRelativeSec(), 0.0000015, where + " end");
            double[] ours = {a.minDeltaMs(), a.meanDeltaMs(), a.maxDeltaMs(), a.minJitterMs(), a.meanJitterMs(), a.maxJitterMs()};
            String[] names = {"min delta", "mean delta", "max delta", "min jitter", "mean jitter", "max jitter"};
            for (int k = 0; k < 6; k++) {
                assertEquals(e.ms()[k], ours[k], MS_TOLERANCE, where + " " + names[k]);
            }
            assertEquals(e.problem(), a.problem(), where + " problems flag");
        }
    }

    static String describe(List<RtpStream> streams) {
        StringBuilder sb = new StringBuilder();
        for (RtpStream s : streams) {
            sb.append(String.format(Locale.ROOT, "%n  %s %s pkts=%d lost=%d d=%.3f/%.3f/%.3f j=%.3f/%.3f/%.3f %s",
                    s.key(), s.payloadNames(), s.packets(), s.lost(), s.minDeltaMs(), s.meanDeltaMs(), s.maxDeltaMs(),
                    s.minJitterMs(), s.meanJitterMs(), s.maxJitterMs(), s.problem() ? "X" : ""));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicCaptures")
    void streamTableMatchesTshark(Path capture) throws IOException {
        String base = capture.getFileName().toString().replaceFirst("\\.pcap(ng)?$", "");
        Path reference = SHARED.resolve("captures/reference/" + base + ".rtp-streams.txt");
        assertTrue(Files.exists(reference), "reference missing: " + reference);
        assertSameTable(parseReference(reference), analyse(capture), base);
    }
}
