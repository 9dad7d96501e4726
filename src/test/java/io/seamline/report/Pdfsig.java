package io.seamline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs poppler's {@code pdfsig} (poppler-utils) and returns what it prints; its exit code is 0 even for a bad signature. */
final class Pdfsig {

    private Pdfsig() {
    }

    /** @param pdf the file to check */
    static String run(Path pdf) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pdfsig", pdf.toString())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pdfsig did not finish on " + pdf);
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
