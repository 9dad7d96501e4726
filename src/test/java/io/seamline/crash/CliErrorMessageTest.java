package io.seamline.crash;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.seamline.casefile.TestCases;
import io.seamline.cli.SeamlineCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error a user can meet on the command line over a bad input: exit code 3 and exactly one line on
 * stderr that names the file, with no exception class name or stack trace (those need --debug).
 */
class CliErrorMessageTest {

    /**
     * A bad input: the file name the message must contain, and how to make it in a folder. {@code vaulted}
     * inputs are kept as evidence as they are (a metadata file is stored, not parsed, at import; a WAV named
     * .opus is read by its content), so for them only the form of any error is checked.
     */
    record BadInput(String label, String fileName, Maker maker, boolean vaulted) {
        BadInput(String label, String fileName, Maker maker) {
            this(label, fileName, maker, false);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @FunctionalInterface
    interface Maker {
        Path make(Path dir) throws Exception;
    }

    static Path res(String path) {
        return Path.of("src/test/resources/io/seamline/" + path);
    }

    static Path copy(Path dir, String fromResource, String name) throws IOException {
        return Files.copy(res(fromResource), dir.resolve(name));
    }

    static Path bytes(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A pcap global header (RFC 9329 draft, libpcap format) followed by one record claiming 2 GiB. */
    static byte[] pcapWithHugeRecord() {
        ByteBuffer b = ByteBuffer.allocate(24 + 16 + 32).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        b.putInt(0).putInt(0).putInt(0x7fffffff).putInt(0x7fffffff);
        return b.array();
    }

    /** Evidence files that cannot be brought into a case. */
    static Stream<BadInput> badEvidence() {
        return Stream.of(
                new BadInput("missing file", "absent.wav", dir -> dir.resolve("absent.wav")),
                new BadInput("folder", "folder.wav", dir -> Files.createDirectory(dir.resolve("folder.wav"))),
                new BadInput("empty file", "empty.wav", dir -> bytes(dir, "empty.wav", new byte[0])),
                new BadInput("text as audio", "notes.txt", dir -> bytes(dir, "notes.txt",
                        "call notes\n".getBytes(StandardCharsets.UTF_8))),
                new BadInput("random bytes", "noise.bin", dir -> bytes(dir, "noise.bin", random(4096, 7))),
                new BadInput("bad WAV magic", "bad-magic.wav", dir -> copy(dir, "audio/bad-magic.wav",
                        "bad-magic.wav")),
                new BadInput("pcap with a 2 GiB record", "huge-record.pcap", dir -> bytes(dir, "huge-record.pcap",
                        pcapWithHugeRecord())),
                new BadInput("opus that is not Ogg", "not-ogg.opus", dir -> copy(dir, "audio/not-ogg.opus",
                        "not-ogg.opus"), true),
                new BadInput("Ogg of an unknown version", "bad-ogg-version.opus", dir -> copy(dir,
                        "audio/bad-ogg-version.opus", "bad-ogg-version.opus")),
                new BadInput("billion laughs metadata", "billion-laughs.xml", dir -> copy(dir,
                        "sip/metadata/billion-laughs.xml", "billion-laughs.xml"), true),
                new BadInput("XXE metadata", "xxe-external-entity.xml", dir -> copy(dir,
                        "sip/metadata/xxe-external-entity.xml", "xxe-external-entity.xml"), true),
                new BadInput("WAV header only", "header-only.wav", dir -> bytes(dir, "header-only.wav",
                        Arrays.copyOf(Files.readAllBytes(res("audio/pcm-s16.wav")), 30))),
                new BadInput("pcap header cut", "cut.pcap", dir -> bytes(dir, "cut.pcap",
                        Arrays.copyOf(pcapWithHugeRecord(), 10))));
    }

    /** Case files that cannot be opened. */
    static Stream<BadInput> badCases() {
        return Stream.of(
                new BadInput("missing case", "absent.seamline", dir -> dir.resolve("absent.seamline")),
                new BadInput("folder as case", "folder.seamline", dir -> Files.createDirectory(
                        dir.resolve("folder.seamline"))),
                new BadInput("text as case", "text.seamline", dir -> bytes(dir, "text.seamline",
                        "not a case\n".getBytes(StandardCharsets.UTF_8))),
                new BadInput("empty case", "empty.seamline", dir -> bytes(dir, "empty.seamline", new byte[0])),
                new BadInput("WAV named as case", "audio.seamline", dir -> copy(dir, "audio/pcm-s16.wav",
                        "audio.seamline")),
                new BadInput("case cut to its first page", "cut.seamline", dir -> {
                    Path wholeDir = Files.createDirectory(dir.resolve("whole"));
                    Path whole;
                    try (var service = TestCases.newCase(wholeDir)) {
                        whole = service.caseFile().path();
                    }
                    return bytes(dir, "cut.seamline", Arrays.copyOf(Files.readAllBytes(whole), 100));
                }));
    }

    static Stream<Arguments> caseCommands() throws Exception {
        List<Arguments> out = new ArrayList<>();
        badCases().forEach(bad -> {
            for (String[] command : new String[][] {{"verify"}, {"analyze"}, {"show", "summary"}, {"add", "EVIDENCE"},
                    {"stitch", "--out", "OUT.wav"}, {"report", "--out", "OUT.pdf", "--examiner-key-dir", "KEYS"},
                    {"export", "--out", "OUT.zip", "--examiner-key-dir", "KEYS"}}) {
                out.add(Arguments.of(bad, String.join(" ", command)));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "add {0}")
    @MethodSource("badEvidence")
    void addingABadFileGivesOneLineNamingIt(BadInput bad, @TempDir Path dir) throws Exception {
        Path casePath;
        try (var service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
        }
        Path file = bad.maker().make(dir);
        Run add = Run.of("add", casePath, file);
        if (add.exitCode() == 0) {
            Run analyze = Run.of("analyze", casePath);
            if (!bad.vaulted() || analyze.exitCode() != 0) {
                assertOneLineError(bad, analyze, "analyze");
            }
        } else {
            assertOneLineError(bad, add, "add");
        }
        assertEquals(0, Run.of("verify", casePath).exitCode(), "a rejected file must leave the case intact");
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("caseCommands")
    void aBadCaseFileGivesOneLineNamingIt(BadInput bad, String command, @TempDir Path dir) throws Exception {
        Path casePath = bad.maker().make(dir);
        List<Object> argv = new ArrayList<>(Arrays.asList((Object[]) command.split(" ")));
        argv.add(1, casePath);
        argv.replaceAll(a -> a.equals("EVIDENCE") ? res("casefile/recording.wav").toAbsolutePath()
                : a.equals("KEYS") ? dir.resolve("keys") : a.toString().startsWith("OUT.") ? dir.resolve("out"
                + a.toString().substring(3)) : a);
        assertOneLineError(bad, Run.of(argv.toArray()), command);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("out")), "nothing was written");
        }
    }

    /** A failure of the operation itself on a good case: the case (or the output) named, in one line. */
    static Stream<Arguments> operationErrors() {
        return Stream.of(
                Arguments.of("stitch before analysis", new Object[] {"stitch", "CASE", "--out", "OUT/s.wav"},
                        "case.seamline"),
                Arguments.of("stitch onto an existing output", new Object[] {"stitch", "CASE", "--out", "OUT"},
                        "out: already exists"),
                Arguments.of("export onto an existing folder", new Object[] {"export", "CASE", "--out", "OUT",
                        "--examiner-key-dir", "OUT/keys"}, "already exists"),
                Arguments.of("export into a missing folder", new Object[] {"export", "CASE", "--out", "OUT/none/p.zip",
                        "--examiner-key-dir", "OUT/keys"}, "its folder does not exist"),
                Arguments.of("report on a paper size that does not exist", new Object[] {"report", "CASE", "--out",
                        "OUT/r.pdf", "--paper", "tabloid", "--examiner-key-dir", "OUT/keys"}, "r.pdf"),
                Arguments.of("report with a keystore that is not there", new Object[] {"report", "CASE", "--out",
                        "OUT/r.pdf", "--keystore", "OUT/absent.p12"}, "absent.p12"),
                Arguments.of("verify a text file", new Object[] {"verify", "OUT/notes.txt"}, "notes.txt"),
                Arguments.of("sample from a folder that is not there", new Object[] {"sample", "OUT/none", "--no-gui"},
                        "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationErrors")
    void aFailingOperationGivesOneLineNamingTheFile(String label, Object[] command, String named, @TempDir Path dir)
            throws Exception {
        Path casePath;
        try (var service = TestCases.newCase(dir)) {
            casePath = service.caseFile().path();
            service.importEvidence(new io.seamline.casefile.ImportRequest(List.of(res("casefile/recording.wav")),
                    null, ""), io.seamline.casefile.TaskMonitor.NONE);
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "call notes\n");
        Object[] argv = Arrays.stream(command).map(a -> a.equals("CASE") ? casePath : a.toString().startsWith("OUT")
                ? out.resolve(a.toString().substring(3).replaceFirst("^/", "")) : a).toArray();
        Run run = Run.of(argv);
        assertOneLineError(new BadInput(label, named, d -> d), run, String.valueOf(command[0]));
    }

    /** A wrong command line: exit 2 and one line saying what is wrong and where the help is, no usage dump. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void aWrongCommandLineGivesOneLine(String label, String[] argv) {
        Run run = Run.of((Object[]) argv);
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertAll(label + ": stderr was [" + run.err() + "]",
                () -> assertEquals(2, run.exitCode(), "exit code"),
                () -> assertEquals(1, lines.size(), "stderr lines"),
                () -> assertTrue(run.err().startsWith("seamline: "), "starts with seamline:"),
                () -> assertTrue(run.err().contains("--help"), "says where the help is"));
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of("unknown command", new String[] {"frobnicate"}),
                Arguments.of("export without --out", new String[] {"export", "case.seamline"}),
                Arguments.of("add without files", new String[] {"add", "case.seamline"}),
                Arguments.of("unknown option", new String[] {"verify", "--everything", "case.seamline"}),
                Arguments.of("crossfade out of range", new String[] {"stitch", "case.seamline", "--out", "x.wav",
                        "--crossfade-ms", "5000"}),
                Arguments.of("not a number", new String[] {"stitch", "case.seamline", "--out", "x.wav", "--primary",
                        "first"}));
    }

    @Test
    void debugAddsTheStackTrace(@TempDir Path dir) {
        Run run = Run.of("verify", dir.resolve("absent.seamline"), "--debug");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("\tat "), run.err());
    }

    private static void assertOneLineError(BadInput bad, Run run, String step) {
        String err = run.err();
        List<String> lines = err.lines().filter(l -> !l.isBlank() && !l.startsWith("\r")).toList();
        assertAll(bad.label() + " (" + step + "): stderr was [" + err + "], stdout was [" + run.out() + "]",
                () -> assertEquals(3, run.exitCode(), "exit code"),
                () -> assertEquals(1, lines.size(), "stderr lines"),
                () -> assertTrue(err.contains(bad.fileName()), "names the file"),
                () -> assertFalse(err.contains("Exception"), "no exception class"),
                () -> assertFalse(err.contains("\tat "), "no stack trace"));
    }

    /** One in-process run of the command line. */
    record Run(int exitCode, String out, String err) {
        static Run of(Object... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] argv = Arrays.stream(args).map(Object::toString).toArray(String[]::new);
            int code = SeamlineCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(argv);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
