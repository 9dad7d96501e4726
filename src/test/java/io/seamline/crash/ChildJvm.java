package io.seamline.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link CaseWorker} in a separate JVM on this test's class path and watches its marker files. */
final class ChildJvm {
    final Process process;
    final Path markers;

    private ChildJvm(Process process, Path markers) {
        this.process = process;
        this.markers = markers;
    }

    /** Starts a worker; with {@code waitForGo} it blocks until {@link #go()} before opening the case. */
    static ChildJvm start(Path markers, boolean waitForGo, String mode, Path casePath, String... args)
            throws IOException {
        Files.createDirectories(markers);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        if (waitForGo) {
            command.add("-Dseamline.wait=go");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CaseWorker.class.getName(), mode,
                casePath.toString(), markers.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(markers.resolve("console.log").toFile()).start();
        return new ChildJvm(p, markers);
    }

    void go() throws IOException {
        Files.writeString(markers.resolve("go"), "go");
    }

    boolean started() {
        return Files.exists(markers.resolve("started"));
    }

    boolean done() {
        return Files.exists(markers.resolve("done"));
    }

    /** The one-line failure message the worker wrote, or "" if it wrote none. */
    String error() throws IOException {
        Path error = markers.resolve("error");
        return Files.exists(error) ? Files.readString(error) : "";
    }

    /** Waits until the worker has opened the case (or ended); false when it ended without starting. */
    boolean awaitStarted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!started() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return started();
    }

    /** Waits for the worker to end and returns its exit code. */
    int await(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("worker did not end within " + timeout + "; console: " + console());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to roll back, close the case or flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String console() {
        try {
            return Files.readString(markers.resolve("console.log"));
        } catch (IOException e) {
            return "(no console: " + e.getMessage() + ")";
        }
    }
}
