package io.seamline.ui.bench;

import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformPyramidBuilder;
import io.seamline.audio.WaveformPyramidReader;
import io.seamline.audio.WaveformPyramidWriter;
import io.seamline.timeline.LaneKind;
import io.seamline.timeline.TimelineGap;
import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.TimelineMarker;
import io.seamline.timeline.TimelineModel;
import io.seamline.timeline.Viewport;
import io.seamline.ui.CaseViewModel;
import io.seamline.ui.InspectorData;
import io.seamline.ui.LaneSummary;
import io.seamline.ui.LaneWaveform;
import io.seamline.ui.TimelineView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Renders the timeline of a two-hour, three-lane case (8 kHz recording, edge buffer and one decoded
 * capture stream; talk bursts of random length and level with pauses, so every pyramid level has
 * structure) at three zooms: the whole case, one minute, and sample level (a quarter sample per
 * pixel), across 1400 px.
 *
 * <ul>
 *   <li>{@code laneData}: the part that scales with the case: the pyramid's min/max columns for all
 *       three lanes across the width (no toolkit).</li>
 *   <li>{@code canvasFrame}: a whole frame after a pan, as the window draws it. Each frame moves the
 *       viewport by 7 px (alternately right and left) through the view model's property, as a drag
 *       does, so nothing the frame shows can come from the previous frame's plot; the view's layout
 *       pass then paints it (the same call the pulse makes) and a snapshot of the whole timeline
 *       (canvas plus the cursor, playhead, mark and selection nodes, all present) rasterises it into
 *       a new image. The toolkit is Monocle headless with the software pipeline ({@code prism.order=sw}):
 *       no GPU, every pixel in Java. The snapshot's render and read-back stand in for the window's
 *       present and add to the figure.</li>
 *   <li>{@code cursorFrame}: a whole frame after the mouse moved one pixel (cursor only), rasterised
 *       the same way.</li>
 *   <li>{@code canvasFrameCpu}: {@code canvasFrame} again (average time), with the CPU time the FX
 *       thread and the renderer spent on it, per frame ({@code cpuMsPerFrame}, a mean over each
 *       iteration): on a machine shared with other work the wall-time tail is mostly waiting for a
 *       core, which this figure leaves out.</li>
 *   <li>{@code openAndFirstPaint}: what opening adds before the first paint, minus SQLite I/O: decoding
 *       the three stored pyramids from their bytes, building their overviews ({@code LaneSummary}), and
 *       the first {@code laneData} at full zoom-out.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * -Dmdep.includeScope=test && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.openjdk.jmh.Main TimelineRenderBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
    "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true"})
public class TimelineRenderBenchmark {
    private static final int RATE = 8000;
    private static final long SAMPLES = 2L * 3600 * RATE;
    private static final double WIDTH_PX = 1400;
    private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    /** Zoom: {@code case} (2 h across the width), {@code minute}, {@code sample} (31.25 µs per pixel). */
    @Param({"case", "minute", "sample"})
    public String zoom;

    private List<TimelineLane> lanes;
    private Map<Long, LaneSummary> pyramids;
    private List<byte[]> stored;
    private Viewport view;
    private Viewport panned;
    private boolean flip;
    private double cursorX = 300;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private long[] toolkitThreads;
    private CaseViewModel viewModel;
    private TimelineView timelineView;
    private Scene scene;

    /** Builds the three lanes' pyramids once, and the window's timeline on a headless stage. */
    @Setup(Level.Trial)
    public void buildCase() throws Exception {
        lanes = new ArrayList<>();
        pyramids = new HashMap<>();
        stored = new ArrayList<>();
        LaneKind[] kinds = {LaneKind.RECORDING, LaneKind.EDGE_BUFFER, LaneKind.CAPTURE};
        for (int i = 0; i < 3; i++) {
            WaveformPyramid p = talk(new Random(2026 + i));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new WaveformPyramidWriter().write(p, out);
            stored.add(out.toByteArray());
            pyramids.put((long) i + 1, LaneSummary.of(p));
            lanes.add(new TimelineLane(i + 1, i + 1, kinds[i].name().toLowerCase(), kinds[i],
                    START.plusMillis(250L * i), RATE, SAMPLES, "", List.of()));
        }
        Instant end = START.plusSeconds(7200);
        Viewport whole = Viewport.fit(START, end, WIDTH_PX);
        Instant middle = START.plusSeconds(3600);
        view = switch (zoom) {
            case "minute" -> new Viewport(middle, 60e9 / WIDTH_PX, WIDTH_PX);
            case "sample" -> new Viewport(middle, Viewport.MIN_NANOS_PER_PIXEL, WIDTH_PX);
            default -> whole;
        };
        List<TimelineMarker> markers = new ArrayList<>();
        List<TimelineGap> gaps = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            Instant t = START.plusSeconds(k * 36L);
            markers.add(new TimelineMarker(t, io.seamline.timeline.MarkerKind.SIP_REQUEST, "INVITE", "", "c"));
            gaps.add(new TimelineGap(1 + k % 3, t, t.plusSeconds(2), "dropout", "RTP loss", 0.9, "bench"));
        }
        TimelineModel model = new TimelineModel("bench", ZoneId.of("Europe/London"), START, end, lanes, markers,
                gaps);
        InspectorData data = new InspectorData(model, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), pyramids, List.of());
        startToolkit();
        AtomicReference<TimelineView> made = new AtomicReference<>();
        onFx(() -> {
            CaseViewModel vm = new CaseViewModel(Runnable::run, Runnable::run);
            vm.dataProperty().set(data);
            vm.timeline().show(model);
            TimelineView tv = new TimelineView(vm);
            scene = new Scene(new StackPane(tv), WIDTH_PX + TimelineView.GUTTER_PX, 560);
            tv.applyCss();
            tv.resize(WIDTH_PX + TimelineView.GUTTER_PX, 560);
            tv.layout();
            vm.timeline().viewportProperty().set(view);
            // Everything the window can show over the lanes is on: cursor, playhead, mark, selection.
            vm.timeline().selectRange(view.timeAt(400), view.timeAt(520));
            vm.timeline().playheadUtcProperty().set(view.timeAt(700));
            vm.timeline().markUtcProperty().set(view.timeAt(900));
            vm.timeline().hover(cursorX);
            viewModel = vm;
            made.set(tv);
        });
        timelineView = made.get();
        panned = view.pan(7);
        WritableImage before = frameAt(view);
        WritableImage after = frameAt(panned);
        if (samePixels(before, after)) {
            throw new IllegalStateException("a pan did not change the drawn frame: the benchmark would measure nothing");
        }
    }

    private WritableImage frameAt(Viewport v) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        onFx(() -> {
            viewModel.timeline().viewportProperty().set(v);
            timelineView.layout();
            image.set(timelineView.snapshot(null, null));
        });
        return image.get();
    }

    private static boolean samePixels(WritableImage a, WritableImage b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        int[] pa = new int[w * h];
        int[] pb = new int[w * h];
        a.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pa, 0, w);
        b.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pb, 0, w);
        return java.util.Arrays.equals(pa, pb);
    }

    /** Stops the toolkit. */
    @TearDown(Level.Trial)
    public void close() {
        Platform.exit();
    }

    /** Pyramid min/max columns of all three lanes across the width. */
    @Benchmark
    public int laneData() {
        int columns = 0;
        for (TimelineLane lane : lanes) {
            columns += LaneWaveform.of(pyramids.get(lane.laneId()), lane, view).columns();
        }
        return columns;
    }

    /** One whole frame of the window's timeline after a 7 px pan, rasterised. */
    @Benchmark
    public Object canvasFrame() throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        onFx(() -> {
            flip = !flip;
            viewModel.timeline().viewportProperty().set(flip ? panned : view);
            timelineView.layout();
            image.set(timelineView.snapshot(null, null));
        });
        return image.get();
    }

    /** CPU time of the toolkit's threads per frame, in milliseconds, averaged over an iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class FrameCpu {
        private long cpuNanos;
        private long frames;
        /** FX thread plus renderer, ms per frame. */
        public double cpuMsPerFrame;

        /** Starts a new mean for each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            cpuNanos = 0;
            frames = 0;
            cpuMsPerFrame = 0;
        }

        void add(long nanos) {
            cpuNanos += nanos;
            frames++;
            cpuMsPerFrame = cpuNanos / 1e6 / frames;
        }
    }

    /** {@link #canvasFrame()} with the CPU time the FX thread and the renderer spent on it. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Object canvasFrameCpu(FrameCpu cpu) throws Exception {
        long before = toolkitCpuNanos();
        Object frame = canvasFrame();
        cpu.add(toolkitCpuNanos() - before);
        return frame;
    }

    /** CPU time so far of the FX thread and the renderer (Monocle names them "Event Thread" and "QuantumRenderer-0"). */
    private long toolkitCpuNanos() {
        if (toolkitThreads == null) {
            toolkitThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("Event Thread") || t.getName().startsWith("QuantumRenderer")
                            || t.getName().equals("JavaFX Application Thread"))
                    .mapToLong(Thread::getId).toArray();
            if (toolkitThreads.length < 2) {
                throw new IllegalStateException("the FX thread and the renderer were not found");
            }
        }
        long sum = 0;
        for (long id : toolkitThreads) {
            sum += THREADS.getThreadCpuTime(id);
        }
        return sum;
    }

    /** One whole frame after the cursor moved by a pixel, rasterised. */
    @Benchmark
    public Object cursorFrame() throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        onFx(() -> {
            cursorX = cursorX == 300 ? 301 : 300;
            viewModel.timeline().hover(cursorX);
            timelineView.layout();
            image.set(timelineView.snapshot(null, null));
        });
        return image.get();
    }

    /** Decoding three stored pyramids and the first paint's lane data at full zoom-out. */
    @Benchmark
    public int openAndFirstPaint() throws IOException {
        int points = 0;
        Viewport whole = Viewport.fit(START, START.plusSeconds(7200), WIDTH_PX);
        for (int i = 0; i < 3; i++) {
            WaveformPyramid p = new WaveformPyramidReader().read(new ByteArrayInputStream(stored.get(i)));
            LaneWaveform w = LaneWaveform.of(LaneSummary.of(p), lanes.get(i), whole);
            points += w.columns();
        }
        return points;
    }

    private static WaveformPyramid talk(Random random) {
        WaveformPyramidBuilder builder = new WaveformPyramidBuilder(RATE, 1);
        float[][] block = new float[1][RATE];
        double level = 0;
        long burstLeft = 0;
        double phase = 0;
        for (long done = 0; done < SAMPLES; done += RATE) {
            for (int i = 0; i < RATE; i++) {
                if (burstLeft-- <= 0) {
                    burstLeft = 800 + random.nextInt(16_000);
                    level = random.nextDouble() < 0.35 ? 0.002 : 0.1 + 0.6 * random.nextDouble();
                }
                phase += 2 * Math.PI * (180 + 40 * Math.sin(done / 4000.0)) / RATE;
                block[0][i] = (float) (level * Math.sin(phase) * (0.6 + 0.4 * random.nextDouble()));
            }
            builder.accept(block, RATE);
        }
        return builder.build();
    }

    private static void startToolkit() throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await(30, TimeUnit.SECONDS);
    }

    private static void onFx(Runnable work) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                work.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer in 30 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("drawing failed: " + failure.get(), failure.get());
        }
    }
}
