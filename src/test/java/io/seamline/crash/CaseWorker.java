package io.seamline.crash;

import io.seamline.analysis.AnalysisService;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.TaskMonitor;
import io.seamline.report.ExportRequest;
import io.seamline.report.ExportService;
import io.seamline.stitch.StitchRequest;
import io.seamline.stitch.StitchService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A child process that runs one case operation, so tests can kill it mid-write or run two at once.
 *
 * <p>Usage: {@code CaseWorker MODE CASE MARKERS [ARGS...]} with MODE {@code import} (ARGS: files),
 * {@code analyze}, {@code stitch} (ARGS: output WAV), {@code export} (ARGS: target folder or zip, examiner key
 * folder), or {@code hold} (ARGS: milliseconds to keep a write transaction open, as a long analysis in the
 * window does). It reports through files in the MARKERS folder rather than on a terminal: it waits
 * for {@code go} if {@code -Dseamline.wait=go}, writes {@code started} once the case is open, {@code done}
 * after the operation committed, or {@code error} holding the one-line message of the failure (exit 3).
 */
public final class CaseWorker {
    private CaseWorker() {
    }

    /** Runs the operation named by {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path casePath = Path.of(args[1]);
        Path markers = Path.of(args[2]);
        List<String> rest = Arrays.asList(args).subList(3, args.length);
        if ("go".equals(System.getProperty("seamline.wait"))) {
            while (!Files.exists(markers.resolve("go"))) {
                Thread.sleep(2);
            }
        }
        try (CaseService service = CaseService.open(casePath)) {
            Files.writeString(markers.resolve("started"), mode);
            switch (mode) {
                case "import" -> service.importEvidence(new ImportRequest(rest.stream().map(Path::of).toList(), null,
                        "worker " + ProcessHandle.current().pid()), TaskMonitor.NONE);
                case "analyze" -> new AnalysisService(service).analyze(TaskMonitor.NONE);
                case "stitch" -> new StitchService(service).stitch(StitchRequest.to(Path.of(rest.get(0))),
                        TaskMonitor.NONE);
                case "export" -> new ExportService(service).export(ExportRequest.selfSigned(Path.of(rest.get(0)),
                        Path.of(rest.get(1))), TaskMonitor.NONE);
                case "hold" -> service.caseFile().inTransaction(c -> {
                    service.recordCustody("note", "hold", Map.of("text", "held the write lock"));
                    try {
                        Thread.sleep(Long.parseLong(rest.get(0)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
            Files.writeString(markers.resolve("done"), mode);
        } catch (Exception e) {
            Files.writeString(markers.resolve("error"), String.valueOf(e.getMessage()), StandardCharsets.UTF_8);
            System.exit(3);
        }
    }
}
