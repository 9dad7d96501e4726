package io.seamline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Runs poppler's {@code pdfsig} (poppler-utils) and returns what it prints; its exit code is 0 even for a bad signature. */
final class Pdfsig {

    private Pdfsig() {
    }

    /** How pdfsig prints a signing time when run in UTC with the C locale ("Nov 22 2026 14:00:00"). */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM dd yyyy HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);

    /**
     * Runs {@code pdfsig -no-ocsp FILE}: no OCSP look-up, because tests have no network and the test
     * certificates name no responder; signature and digest checks are unaffected.
     *
     * @param pdf the file to check
     */
    static String run(Path pdf) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("pdfsig", "-no-ocsp", pdf.toString()).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pdfsig did not finish on " + pdf);
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
