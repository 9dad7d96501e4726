package io.seamline.analysis.bench;

import io.seamline.analysis.AnalysisService;
import io.seamline.analysis.AnalysisStore;
import io.seamline.analysis.LaneAudio;
import io.seamline.analysis.LaneRecord;
import io.seamline.capture.CaptureAnalyzer;
import io.seamline.capture.CaptureReader;
import io.seamline.capture.CaptureTap;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.TaskMonitor;
import io.seamline.rtp.RtpStreamTap;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of {@code seamline analyze} on a capture goes: one phase per run, each in a fresh JVM
 * (as the command runs), each phase doing everything the one before it did plus one step. Wall time,
 * main-thread CPU time and the CPU time of all threads (JIT compilers, collector and the lane-decoding
 * thread included) of the phase are appended to a report file; the case is opened before timing.
 * Not run by the tests; {@code src/test/bench/analyze-vs-tshark.sh N --phases} runs every phase with
 * {@code java -cp target/seamline.jar:target/test-classes io.seamline.analysis.bench.CaptureAnalysisPhases
 * CASE PHASE REPORT}. Phases: {@code open} (open the case), {@code vault} (read the vaulted capture),
 * {@code records} (+ pcap records), {@code dissect} (+ dissection to UDP), {@code rtp} (+ RTP stream
 * statistics), {@code analyze} (the whole analysis: + SIP, lane decoding, packet index, pyramids, writing
 * and the derived-table digest, committed), {@code lane} (after analyze: 1 s of a lane from its middle,
 * then the whole first lane, decoded on demand).
 */
public final class CaptureAnalysisPhases {
    private CaptureAnalysisPhases() {
    }

    public static void main(String[] args) throws Exception {
        Path casePath = Path.of(args[0]);
        String phase = args[1];
        Path report = Path.of(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long process0 = processCpuNanos();
        String detail = "";
        try (CaseService cases = CaseService.open(casePath)) {
            long evidenceId = cases.evidence().get(0).id();
            if (!phase.equals("open")) {
                wall0 = System.nanoTime();
                cpu0 = threads.getCurrentThreadCpuTime();
                process0 = processCpuNanos();
            }
            switch (phase) {
                case "open" -> detail = "";
                case "vault" -> {
                    long bytes = 0;
                    try (InputStream in = cases.openOriginal(evidenceId)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            bytes += n;
                        }
                    }
                    detail = bytes + " bytes";
                }
                case "records" -> {
                    long records = 0;
                    try (InputStream in = cases.openOriginal(evidenceId)) {
                        CaptureReader reader = CaptureReader.open(in, "capture");
                        while (reader.next() != null) {
                            records++;
                        }
                    }
                    detail = records + " records";
                }
                case "dissect" -> {
                    try (InputStream in = cases.openOriginal(evidenceId)) {
                        detail = CaptureAnalyzer.run(in, "capture", List.of(new CaptureTap() { }), n -> { })
                                .frameCount() + " frames";
                    }
                }
                case "rtp" -> {
                    RtpStreamTap rtp = new RtpStreamTap(true);
                    try (InputStream in = cases.openOriginal(evidenceId)) {
                        CaptureAnalyzer.run(in, "capture", List.of(rtp), n -> { });
                    }
                    detail = rtp.streams().size() + " streams";
                }
                case "analyze" -> detail = new AnalysisService(cases).analyze(TaskMonitor.NONE).lanes() + " lanes";
                case "lane" -> detail = readLane(cases);
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            }
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double process = (processCpuNanos() - process0) / 1e9;
        Files.writeString(report, String.format(Locale.ROOT,
                "%-8s wall %6.2f s  main-thread CPU %6.2f s  all threads (JIT, GC, lane decoder) %6.2f s  %s%n",
                phase, wall, cpu, process, detail), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** CPU time of the whole JVM so far: every thread, the JIT compilers and the collector included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String readLane(CaseService cases) throws Exception {
        AnalysisStore store = new AnalysisService(cases).results();
        LaneRecord lane = store.lanes().get(0);
        try (LaneAudio audio = new LaneAudio(cases)) {
            long t0 = System.nanoTime();
            audio.read(lane, lane.sampleCount() / 2, lane.sampleRateHz());
            long t1 = System.nanoTime();
            for (long at = 0; at < lane.sampleCount(); at += 65_536) {
                audio.read(lane, at, 65_536);
            }
            long t2 = System.nanoTime();
            return String.format(Locale.ROOT, "1 s from the middle %.1f ms; whole lane (%d samples) %.2f s",
                    (t1 - t0) / 1e6, lane.sampleCount(), (t2 - t1) / 1e9);
        }
    }
}
