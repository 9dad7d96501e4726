package io.seamline.cli;

import io.seamline.analysis.AnalysisJson;
import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import io.seamline.stitch.StitchManifest;
import io.seamline.stitch.StitchRequest;
import io.seamline.stitch.StitchResult;
import io.seamline.stitch.StitchService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seamline stitch}: writes one continuous recording with its gaps filled and a manifest beside it. */
@Command(name = "stitch", mixinStandardHelpOptions = true,
        description = {"Write one continuous recording of the call on the case's reference clock: the primary",
                "recording with each gap filled from the best aligned source (edge buffer, then capture audio,",
                "then a duplicate recording), as a 16-bit BWF WAV with NAME.manifest.json beside it tracing every",
                "sample to an original file. Gaps no source covers stay silent and are listed. Recorded in custody."})
final class StitchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CASE", description = "The case file (analysed with `seamline analyze`).")
    Path caseFile;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "The WAV file to write.")
    Path output;

    @Option(names = "--call", paramLabel = "CALL-ID", description = "The call to stitch (default: the recordings' call).")
    String callId;

    @Option(names = "--primary", paramLabel = "EVIDENCE-ID",
            description = "Evidence id of the primary recording (default: the call's longest recording).")
    Long primary;

    @Option(names = "--force", description = "Overwrite FILE.wav and its manifest if they exist.")
    boolean force;

    @Option(names = "--crossfade-ms", paramLabel = "N", defaultValue = "0",
            description = "Linear crossfade of N ms centred on each seam (default 0: no sample is altered).")
    int crossfadeMs;

    @Option(names = "--json", description = "Print the manifest as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws CaseFileException, CancelledException {
        if (crossfadeMs < 0 || crossfadeMs > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--crossfade-ms must be 0 to 1000");
        }
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        StitchResult result;
        try (CaseService service = CaseService.open(caseFile)) {
            service.caseFile().requireWritable();
            result = new StitchService(service).stitch(new StitchRequest(output, callId, primary, force, crossfadeMs),
                    progress);
        } finally {
            progress.finish();
        }
        if (json) {
            out.println(AnalysisJson.write(result.manifest()));
            return 0;
        }
        StitchManifest m = result.manifest();
        long filled = m.segments().stream().filter(s -> s.role().equals("fill")).count();
        long silent = m.unfilled().stream().filter(u -> u.written().equals(StitchManifest.Unfilled.SILENCE)).count();
        out.printf("Stitched %s: %.3f s at %d Hz, %d channel(s), %d segment(s), %d filled from other sources,"
                        + " %d unfilled gap run(s) (%d silent)%n", result.output(), m.sampleCount() / (double) m.sampleRateHz(),
                m.sampleRateHz(), m.channels(), m.segments().size(), filled, m.unfilled().size(), silent);
        out.println("  WAV      sha256 " + result.outputSha256());
        out.println("  manifest " + result.manifestPath() + " sha256 " + result.manifestSha256());
        for (StitchManifest.Unfilled u : m.unfilled()) {
            out.printf("  unfilled gap %d %s (%s) on channel %d, samples %d-%d: %s%n", u.gapNumber(), u.kind(),
                    u.cause(), u.channel(), u.outputStartSample(), u.outputEndSample(), u.written());
        }
        for (String warning : result.warnings()) {
            out.println("warning: " + warning);
        }
        return 0;
    }
}
