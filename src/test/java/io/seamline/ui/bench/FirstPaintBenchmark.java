package io.seamline.ui.bench;

import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * First paint of an opened case from a cold start, seen from outside the process: each measurement
 * starts the window on a case as a new process on an X display and watches
 * the screen (through {@link Robot}, every 10 ms) until the recording lane's waveform colour
 * ({@code Palette.lane(RECORDING)}, {@code #0072B2}) covers at least 200 pixels of the timeline's plot
 * area; the figure is that wall time, from starting the process to the frame on screen. The process is
 * then ended. Every measurement is a cold start (new JVM; the operating system's file cache is warm).
 *
 * <p>{@code start} says what is started: {@code jar} is {@code java -jar target/seamline.jar gui CASE}
 * with the JDK running the benchmark; {@code app-image} is the installed launcher
 * {@code target/installer/seamline/bin/seamline gui CASE} ({@code bash installer/build-app-image.sh}),
 * with its own runtime, options and class-data archive. A missing app-image fails that half with a
 * message saying so; {@code -p start=jar} or {@code -p start=app-image} times one of them.
 *
 * <p>The case is the failover sample (six lanes), built once with {@code seamline sample
 * sample-cases/failover --no-gui}. The plot area watched is the timeline's at the window's default
 * size (1600x1000) on a 1600x1000 screen without a window manager (the window sits at 0,0).
 *
 * <p>Run from the repository root after {@code mvn -B -o -q -DskipTests package test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}:
 * <pre>
 * Xvfb :58 -screen 0 1600x1000x24 &amp;
 * DISPLAY=:58 java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main FirstPaintBenchmark
 * </pre>
 * To compare with another build, add {@code -jvmArgsAppend -Dseamline.jar=OTHER/target/seamline.jar}; on a
 * machine shared with other work, alternate the two runs, since the figure moves with the load.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgs = {"-Djava.awt.headless=false"})
public class FirstPaintBenchmark {
    /** The timeline's plot area on the screen: right of the lane labels, below the event band. */
    private static final Rectangle PLOT = new Rectangle(460, 190, 640, 350);
    private static final int LANE_RGB = 0x0072B2;
    private static final int MIN_PIXELS = 200;
    /** The jar to start: {@code -Dseamline.jar=...} (to compare builds), by default {@code target/seamline.jar}. */
    private static final String JAR = System.getProperty("seamline.jar", "target/seamline.jar");
    /** The app-image's launcher: {@code -Dseamline.appImage=...}, by default the one installer/build-app-image.sh makes. */
    private static final String LAUNCHER = System.getProperty("seamline.appImage",
            "target/installer/seamline/bin/seamline");

    /** What is started: the plain jar on this JDK, or the app-image's launcher. */
    @Param({"jar", "app-image"})
    public String start;
    /** JVM options for the started jar ({@code -Dseamline.javaOptions="-XX:SharedArchiveFile=..."}), none by default. */
    private static final String JAVA_OPTIONS = System.getProperty("seamline.javaOptions", "");

    private Path work;
    private Path caseFile;
    private Robot robot;
    private Process gui;

    /** Builds the sample case once. */
    @Setup(Level.Trial)
    public void buildCase() throws IOException, InterruptedException, AWTException {
        if (!Files.isRegularFile(Path.of(JAR))) {
            throw new IllegalStateException(JAR + " is missing: run mvn -B -o -q -DskipTests package");
        }
        work = Files.createTempDirectory("seamline-first-paint-");
        caseFile = work.resolve("failover.seamline");
        Process p = new ProcessBuilder(java(), "-jar", JAR, "sample", "sample-cases/failover",
                "--no-gui", "--case", caseFile.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("sample.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("building the sample case failed: see " + work.resolve("sample.log"));
        }
        if (start.equals("app-image") && !Files.isExecutable(Path.of(LAUNCHER))) {
            throw new IllegalStateException(LAUNCHER + " is missing: run bash installer/build-app-image.sh to time it");
        }
        robot = new Robot();
        if (lanePixels() >= MIN_PIXELS) {
            throw new IllegalStateException("the lane colour is already on the screen: close other windows first");
        }
    }

    /** Starting the window on the case until its lanes are on the screen. */
    @Benchmark
    public int coldStartToLanes() throws IOException, InterruptedException {
        Path config = Files.createTempDirectory(work, "config-");
        List<String> command = new ArrayList<>();
        if (start.equals("app-image")) {
            command.addAll(List.of(LAUNCHER, "gui", caseFile.toString()));
        } else {
            command.add(java());
            if (!JAVA_OPTIONS.isBlank()) {
                command.addAll(List.of(JAVA_OPTIONS.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", JAR, "gui", caseFile.toString()));
        }
        ProcessBuilder b = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(config.resolve("gui.log").toFile());
        b.environment().put("XDG_CONFIG_HOME", config.toString());
        gui = b.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            int seen = lanePixels();
            if (seen >= MIN_PIXELS) {
                return seen;
            }
            if (!gui.isAlive()) {
                throw new IllegalStateException("the window exited: see " + config.resolve("gui.log"));
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no lanes on the screen after 120 s");
    }

    /** Ends the window and waits until it is gone from the screen. */
    @TearDown(Level.Invocation)
    public void closeWindow() throws InterruptedException {
        if (gui != null) {
            gui.destroy();
            if (!gui.waitFor(20, TimeUnit.SECONDS)) {
                gui.destroyForcibly().waitFor();
            }
            gui = null;
        }
        while (lanePixels() >= MIN_PIXELS) {
            Thread.sleep(50);
        }
    }

    /** Removes the case. */
    @TearDown(Level.Trial)
    public void removeCase() throws IOException {
        try (var files = Files.walk(work)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int lanePixels() {
        BufferedImage shot = robot.createScreenCapture(PLOT);
        int[] rgb = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
        int n = 0;
        for (int p : rgb) {
            if ((p & 0xffffff) == LANE_RGB) {
                n++;
            }
        }
        return n;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
