package io.seamline.ui;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.casefile.Annotation;
import io.seamline.timeline.MarkerKind;
import io.seamline.timeline.Palette;
import io.seamline.timeline.TimeAxis;
import io.seamline.timeline.TimelineGap;
import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.TimelineMarker;
import io.seamline.timeline.TimelineModel;
import io.seamline.timeline.Viewport;
import java.nio.IntBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * The timeline canvas: a time axis in UTC or the case's zone, SIP and stream events as labelled
 * markers, one lane per audio source drawn from its waveform pyramid, gaps shaded by kind with a
 * tooltip, notes, the selected range, the cursor and the playhead. Ctrl+wheel zooms, drag and wheel
 * pan, shift-drag selects, a click picks the gap or lane under the mouse.
 *
 * <p>How a frame is drawn (see docs/ui.md, "Drawing"): the plot area (lanes, waveforms, gap shading,
 * marker lines, label backgrounds) is painted in Java into one pixel buffer ({@link PlotRaster}) at
 * the screen's pixel scale and drawn as one image; only text and the few notes go through the
 * canvas's shape pipeline. The buffer is kept until what it shows changes (viewport, size, case data,
 * selected gap). The cursor, playhead, SIP mark and selected range are nodes above the canvas, so
 * moving them repaints a few pixel columns, not the waveforms. Changes are collected and painted once
 * per pulse, in the layout pass.
 */
public final class TimelineView extends Region {
    /** Width of the lane labels on the left, in pixels. */
    public static final double GUTTER_PX = 200;
    static final double AXIS_PX = 30;
    static final double MARKER_ROWS = 3;
    static final double MARKER_ROW_PX = 17;
    static final double NOTES_PX = 26;
    static final double MIN_LANE_PX = 56;
    private static final double DRAG_SLOP_PX = 3;
    private static final Color BACKGROUND = Color.web("#fbfbf9");
    /** Points across a pixel column at which a waveform's edges are sampled for anti-aliasing. */
    private static final int SUBSAMPLES = 4;

    private final CaseViewModel model;
    private final TimelineViewModel timeline;
    private final Canvas canvas = new Canvas();
    private final Pane overlay = new Pane();
    private final Rectangle selectionFill = new Rectangle();
    private final Rectangle selectionStart = new Rectangle();
    private final Rectangle selectionEnd = new Rectangle();
    private final Rectangle markBar = new Rectangle();
    private final Rectangle playheadBar = new Rectangle();
    private final Rectangle cursorBar = new Rectangle();
    /** Made when first shown: a tooltip is a popup window of its own, costly in the first frame. */
    private Tooltip gapTip;
    private final Font font = Font.font("System", 12);
    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private final Font small = Font.font("System", 11);
    private final java.util.Map<Font, java.util.Map<String, Double>> widths = new java.util.HashMap<>();
    private final java.util.Map<TimelineLane, String[]> gutterText = new java.util.HashMap<>();
    private InspectorData gutterTextData;
    private PlotRaster raster;
    private PixelBuffer<IntBuffer> plotPixels;
    private WritableImage plotImage;
    private PlotKey plotKey;
    private boolean dirty = true;
    private final javafx.beans.property.ReadOnlyBooleanWrapper lanesShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private double pressX;
    private double lastDragX;
    private boolean dragged;
    private boolean selecting;

    /** What the plot buffer shows; it is painted again only when one of these changes. */
    private record PlotKey(Viewport viewport, double width, double height, int scale, TimelineModel model,
            InspectorData data, Object selection) {
        boolean sameAs(PlotKey o) {
            return o != null && viewport.equals(o.viewport) && width == o.width && height == o.height
                    && scale == o.scale && model == o.model && data == o.data
                    && java.util.Objects.equals(selection, o.selection);
        }
    }

    /** A label drawn over the plot: its text at a baseline position, in a colour. */
    private record PlotLabel(String text, double x, double y, Color colour, VPos baseline) {
    }

    public TimelineView(CaseViewModel model) {
        this.model = model;
        this.timeline = model.timeline();
        setId("timeline");
        canvas.setId("timelineCanvas");
        overlay.setId("timelineOverlay");
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        overlay.setManaged(false);
        selectionFill.setFill(Color.web("#3d7cc933"));
        selectionStart.setFill(Color.web("#3d7cc9"));
        selectionEnd.setFill(Color.web("#3d7cc9"));
        // Dashed (5 on, 4 off) by a repeating image: a stroked dashed line is a path to the software
        // rasteriser, a pattern-filled rectangle is a blit.
        WritableImage dash = new WritableImage(1, 9);
        for (int y = 0; y < 5; y++) {
            dash.getPixelWriter().setColor(0, y, Color.web("#222222"));
        }
        markBar.setFill(new ImagePattern(dash, 0, 0, 2, 9, false));
        playheadBar.setFill(Color.web("#D00000"));
        cursorBar.setFill(Color.web("#00000088"));
        overlay.getChildren().addAll(selectionFill, selectionStart, selectionEnd, markBar, playheadBar, cursorBar);
        getChildren().addAll(canvas, overlay);
        getStyleClass().add("timeline");
        setMinHeight(200);
        timeline.viewportProperty().addListener((o, a, b) -> invalidate());
        timeline.modelProperty().addListener((o, a, b) -> invalidate());
        timeline.utcAxisProperty().addListener((o, a, b) -> invalidate());
        model.selectionProperty().addListener((o, a, b) -> invalidate());
        model.dataProperty().addListener((o, a, b) -> invalidate());
        model.playLaneProperty().addListener((o, a, b) -> invalidate());
        model.annotations().addListener((javafx.collections.ListChangeListener<Annotation>) c -> invalidate());
        timeline.cursorUtcProperty().addListener((o, a, b) -> placeOverlay());
        timeline.selectionStartUtcProperty().addListener((o, a, b) -> placeOverlay());
        timeline.selectionEndUtcProperty().addListener((o, a, b) -> placeOverlay());
        timeline.playheadUtcProperty().addListener((o, a, b) -> placeOverlay());
        timeline.markUtcProperty().addListener((o, a, b) -> placeOverlay());
        // A window moved to a screen with another scale needs the plot at that scale.
        sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::renderScaleXProperty)
                .addListener((o, a, b) -> invalidate());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            timeline.hover(null);
            hideGapTip();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /** Becomes true once, when the view in a window first draws a case's lanes (never false again). */
    public javafx.beans.property.ReadOnlyBooleanProperty lanesShownProperty() {
        return lanesShown.getReadOnlyProperty();
    }

    /** The tooltip that explains the gap under the mouse. */
    public Tooltip gapTooltip() {
        if (gapTip == null) {
            gapTip = new Tooltip();
            gapTip.setId("gapTooltip");
            gapTip.setWrapText(true);
            gapTip.setMaxWidth(460);
        }
        return gapTip;
    }

    private void hideGapTip() {
        if (gapTip != null) {
            gapTip.hide();
        }
    }

    /**
     * Marks the drawing out of date; it is painted once, in the next pulse's layout pass, however many
     * properties changed (a pan moves the viewport and the cursor; opening a case sets model and view).
     */
    private void invalidate() {
        dirty = true;
        setNeedsLayout(true);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        overlay.resizeRelocate(0, 0, w, h);
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            timeline.setWidth(Math.max(1, w - GUTTER_PX));
            dirty = true;
        }
        if (dirty) {
            redraw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return AXIS_PX + MARKER_ROWS * MARKER_ROW_PX + NOTES_PX + 3 * 90;
    }

    private double laneTop(int index, int count) {
        return AXIS_PX + MARKER_ROWS * MARKER_ROW_PX + index * laneHeight(count);
    }

    private double laneHeight(int count) {
        double free = canvas.getHeight() - AXIS_PX - MARKER_ROWS * MARKER_ROW_PX - NOTES_PX;
        return Math.max(MIN_LANE_PX, free / Math.max(1, count));
    }

    /** Draws the frame now: the plot (from its buffer, painted again if out of date), labels, axis and gutter. */
    public void redraw() {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        TimelineModel m = timeline.modelProperty().get();
        Viewport v = timeline.viewportProperty().get();
        InspectorData data = model.dataProperty().get();
        List<TimelineLane> lanes = m.lanes();
        if (m.isEmpty()) {
            g.setFill(BACKGROUND);
            g.fillRect(0, 0, w, h);
            g.setFill(Color.web("#555555"));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(model.casePathProperty().get() == null
                    ? "Open a case (File > Open case) to see its timeline."
                    : "Nothing analysed yet: add evidence, then press Analyze.", w / 2, h / 2);
            placeOverlay();
            return;
        }
        double laneH = laneHeight(lanes.size());
        double lanesBottom = laneTop(lanes.size(), lanes.size());
        List<PlotLabel> labels = new ArrayList<>();
        int scale = pixelScale();
        PlotKey key = new PlotKey(v, w, h, scale, m, data, model.selectionProperty().get());
        boolean repaint = !key.sameAs(plotKey);
        if (repaint) {
            int pw = (int) Math.ceil(Math.max(1, w - GUTTER_PX) * scale);
            int ph = (int) Math.ceil(Math.max(1, h - AXIS_PX) * scale);
            if (raster == null || raster.width() != pw || raster.height() != ph) {
                raster = new PlotRaster(pw, ph);
                // The image shares the buffer's pixels, in the software pipeline's own format (int
                // ARGB premultiplied; every plot pixel is opaque, so premultiplying changes nothing):
                // handing a frame over is one copy, with no conversion per pixel.
                plotPixels = new PixelBuffer<>(pw, ph, IntBuffer.wrap(raster.pixels()),
                        PixelFormat.getIntArgbPreInstance());
                plotImage = new WritableImage(plotPixels);
            }
            raster.fill(argb(BACKGROUND));
        }
        // Labels are laid out every frame (their text goes through the canvas); their backgrounds
        // and all shapes go into the buffer only when it is painted again.
        PlotRaster paintInto = repaint ? raster : null;
        for (int i = 0; i < lanes.size(); i++) {
            drawLane(paintInto, labels, v, lanes.get(i), data, laneTop(i, lanes.size()), laneH, i, scale);
        }
        drawMarkers(paintInto, labels, v, m, lanesBottom, scale);
        if (repaint) {
            int separator = argb(Color.web("#d0d0c8"));
            for (int i = 0; i < lanes.size(); i++) {
                double y = laneTop(i, lanes.size()) + laneH - 1;
                raster.fillRect(0, dy(y, scale), raster.width(), dy(y + 1, scale), separator);
            }
            plotPixels.updateBuffer(b -> null);
            plotKey = key;
        }
        g.setImageSmoothing(false);
        g.drawImage(plotImage, 0, 0, raster.width(), raster.height(), GUTTER_PX, AXIS_PX,
                raster.width() / (double) scale, raster.height() / (double) scale);
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        for (PlotLabel label : labels) {
            g.setFill(label.colour());
            g.setTextBaseline(label.baseline());
            g.fillText(label.text(), label.x(), label.y());
        }
        drawNotes(g, v, lanesBottom);
        drawAxis(g, v, m, w);
        drawGutter(g, lanes, data, laneH);
        placeOverlay();
        if (!lanes.isEmpty()) {
            noteFirstLanes();
        }
    }

    /**
     * The screen's pixels per CSS pixel, rounded up: the canvas keeps its own texture at the highest
     * scale of the screens (whole pixels), and a plot buffer at that scale is drawn one to one.
     */
    private int pixelScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        double s = window == null ? 1 : Math.max(window.getRenderScaleX(), window.getRenderScaleY());
        return (int) Math.max(1, Math.min(4, Math.ceil(s - 1e-6)));
    }

    /** Device column in the plot buffer of a canvas x. */
    private static int dx(double x, int scale) {
        return (int) Math.round((x - GUTTER_PX) * scale);
    }

    /** Device row in the plot buffer of a canvas y. */
    private static int dy(double y, int scale) {
        return (int) Math.round((y - AXIS_PX) * scale);
    }

    /** A colour as non-premultiplied ARGB. */
    static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * Logs (DEBUG) once per view when lanes are first painted, with the time since the process
     * started: a diagnostic for the first-paint measurement ({@code FirstPaintBenchmark}), which
     * watches the screen itself.
     */
    private void noteFirstLanes() {
        if (lanesShown.get() || getScene() == null || getScene().getWindow() == null) {
            return;
        }
        long paintedNanos = System.nanoTime();
        // Logged after the frame: starting the logging system and reading the process's start time
        // would otherwise hold back the very frame it reports.
        javafx.application.Platform.runLater(() -> System.getLogger(TimelineView.class.getName()).log(
                System.Logger.Level.DEBUG, () -> "timeline painted with lanes "
                        + (msSinceProcessStart() - (System.nanoTime() - paintedNanos) / 1_000_000)
                        + " ms after process start"));
        lanesShown.set(true);
    }

    private static long msSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(t -> java.time.Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
    }

    /** Places the cursor, playhead, SIP mark and selected range over the canvas. */
    private void placeOverlay() {
        TimelineModel m = timeline.modelProperty().get();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (m.isEmpty()) {
            overlay.setVisible(false);
            return;
        }
        overlay.setVisible(true);
        Viewport v = timeline.viewportProperty().get();
        double lanesTop = AXIS_PX + MARKER_ROWS * MARKER_ROW_PX;
        double lanesBottom = laneTop(m.lanes().size(), m.lanes().size());
        Instant a = timeline.selectionStartUtcProperty().get();
        Instant b = timeline.selectionEndUtcProperty().get();
        boolean selected = a != null && b != null;
        double x0 = selected ? GUTTER_PX + v.xOf(a) : 0;
        double x1 = selected ? Math.max(x0 + 1, GUTTER_PX + v.xOf(b)) : 0;
        double left = Math.max(GUTTER_PX, x0);
        double right = Math.min(w, x1);
        selectionFill.setVisible(selected && right > left);
        selectionFill.setX(left);
        selectionFill.setY(AXIS_PX);
        selectionFill.setWidth(Math.max(0, right - left));
        selectionFill.setHeight(Math.max(0, h - AXIS_PX));
        placeBar(selectionStart, selected ? x0 : null, 1, AXIS_PX, h, w);
        placeBar(selectionEnd, selected ? x1 : null, 1, AXIS_PX, h, w);
        placeBar(markBar, columnOf(v, timeline.markUtcProperty().get()), 2, lanesTop, lanesBottom, w);
        placeBar(playheadBar, columnOf(v, timeline.playheadUtcProperty().get()), 2, AXIS_PX, lanesBottom, w);
        placeBar(cursorBar, columnOf(v, timeline.cursorUtcProperty().get()), 1, AXIS_PX, lanesBottom, w);
    }

    /** The centre of the pixel column an instant falls in, or null. */
    private static Double columnOf(Viewport v, Instant t) {
        return t == null ? null : Math.round(GUTTER_PX + v.xOf(t)) + 0.5;
    }

    /** A vertical bar {@code width} px wide centred on {@code x}, on whole pixels; hidden outside the plot. */
    private static void placeBar(Rectangle bar, Double x, double width, double y0, double y1, double w) {
        bar.setVisible(x != null && x >= GUTTER_PX - width && x <= w + width);
        if (x == null) {
            return;
        }
        bar.setX(Math.round(x - width / 2));
        bar.setY(y0);
        bar.setWidth(Math.max(1, Math.round(width)));
        bar.setHeight(Math.max(0, y1 - y0));
    }

    private void drawAxis(GraphicsContext g, Viewport v, TimelineModel m, double w) {
        g.setFill(Color.web("#eeeeea"));
        g.fillRect(0, 0, w, AXIS_PX);
        g.setFill(Color.web("#b0b0a8"));
        g.fillRect(0, AXIS_PX - 1, w, 1);
        var zone = timeline.utcAxisProperty().get() ? null : m.caseZone();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Color tickColour = Color.web("#8a8a80");
        Color labelColour = Color.web("#222222");
        for (TimeAxis.Tick tick : TimeAxis.ticks(v, zone)) {
            double x = Math.round(GUTTER_PX + tick.x());
            if (x < GUTTER_PX) {
                continue;
            }
            g.setFill(tickColour);
            g.fillRect(x, AXIS_PX - 8, 1, 8);
            g.setFill(labelColour);
            g.fillText(tick.label(), x + 3.5, AXIS_PX / 2 - 2);
        }
        g.setFill(Color.web("#eeeeea"));
        g.fillRect(0, 0, GUTTER_PX, AXIS_PX - 1);
        g.setFill(labelColour);
        g.setFont(bold);
        g.fillText(TimeAxis.zoneLabel(zone, v.startUtc()), 8, AXIS_PX / 2);
    }

    private void drawGutter(GraphicsContext g, List<TimelineLane> lanes, InspectorData data, double laneH) {
        double top = AXIS_PX;
        g.setFill(Color.web("#f3f3ef"));
        g.fillRect(0, top, GUTTER_PX, canvas.getHeight() - top);
        g.setFill(Color.web("#333333"));
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("SIP and stream events", 8, top + MARKER_ROWS * MARKER_ROW_PX / 2);
        LaneRecord playing = model.playLaneProperty().get();
        for (int i = 0; i < lanes.size(); i++) {
            TimelineLane lane = lanes.get(i);
            double y = laneTop(i, lanes.size());
            boolean chosen = playing != null && playing.id() == lane.laneId();
            g.setFill(chosen ? Color.web("#e2ecf6") : Color.web("#f3f3ef"));
            g.fillRect(0, y, GUTTER_PX, laneH);
            g.setFill(Color.web(Palette.lane(lane.kind())));
            g.fillRect(0, y + 2, 6, laneH - 4);
            g.setFill(Color.web("#111111"));
            g.setFont(bold);
            g.setTextBaseline(VPos.TOP);
            String[] text = gutterText(lane, data);
            g.fillText(text[0], 12, y + 6);
            g.setFont(small);
            g.setFill(Color.web("#444444"));
            g.fillText(text[1], 12, y + 22);
            g.fillText(text[2], 12, y + 37);
            g.setFill(Color.web("#d0d0c8"));
            g.fillRect(0, Math.round(y + laneH - 1), GUTTER_PX, 1);
        }
        g.setFill(Color.web("#b0b0a8"));
        g.fillRect(GUTTER_PX - 1, top, 1, canvas.getHeight() - top);
    }

    /**
     * A lane's three gutter lines (label cut to fit, kind and rate, alignment), made once per case
     * data: formatting and fitting them every frame would cost more than drawing them.
     */
    private String[] gutterText(TimelineLane lane, InspectorData data) {
        if (gutterTextData != data) {
            gutterText.clear();
            gutterTextData = data;
        }
        return gutterText.computeIfAbsent(lane, l -> new String[] {fitText(l.label(), GUTTER_PX - 20, bold),
            kindName(l),
            // The stitched lane is written on the reference clock: it needs no alignment of its own.
            l.kind() == io.seamline.timeline.LaneKind.STITCHED ? l.note() : offsetLabel(data.alignment(l.laneId()))});
    }

    /** The alignment label of a lane: its correction and how sure. */
    static String offsetLabel(Optional<AlignmentRecord> alignment) {
        if (alignment.isEmpty()) {
            return "not aligned: metadata time";
        }
        AlignmentRecord a = alignment.get();
        if (a.method() != null && (a.method().startsWith("reference") || a.method().endsWith("clock"))) {
            return a.method();
        }
        return String.format(Locale.ROOT, "offset %+.1f ms  (%.0f %%)%s", a.offsetMs(), a.confidence() * 100,
                a.flagged() ? "  !" : "");
    }

    private static String kindName(TimelineLane lane) {
        return switch (lane.kind()) {
            case RECORDING -> "cloud recording";
            case EDGE_BUFFER -> "edge buffer";
            case CAPTURE -> "decoded capture stream";
            case STITCHED -> "stitched";
        } + String.format(Locale.ROOT, ", %d Hz", lane.sampleRateHz());
    }

    /**
     * One lane into the plot buffer (when {@code into} is not null): its band, each run of samples
     * with its tint, centre line and waveform, then its gaps; gap labels are added to {@code labels}.
     */
    private void drawLane(PlotRaster into, List<PlotLabel> labels, Viewport v, TimelineLane lane,
            InspectorData data, double top, double height, int index, int scale) {
        Color colour = Color.web(Palette.lane(lane.kind()));
        double w = canvas.getWidth();
        List<TimelineGap> gaps = timeline.modelProperty().get().gapsOf(lane.laneId());
        if (into != null) {
            if (index % 2 == 1) {
                into.fillRect(0, dy(top, scale), into.width(), dy(top + height, scale), argb(Color.web("#f6f6f2")));
            }
            LaneClock clock = LaneClock.of(lane, gaps);
            LaneSummary pyramid = data.pyramids().get(lane.laneId());
            int tint = argb(colour.deriveColor(0, 1, 1, 0.07));
            int centre = argb(colour.deriveColor(0, 1, 1, 0.35));
            int solid = argb(colour);
            double mid = Math.round(top + height / 2);
            for (LaneClock.Segment segment : clock.segments()) {
                double laneX0 = Math.max(GUTTER_PX, GUTTER_PX + v.xOf(segment.startUtc()));
                double laneX1 = Math.min(w, GUTTER_PX + v.xOf(segment.endUtc()));
                if (laneX1 <= laneX0) {
                    continue;
                }
                into.fillRect(dx(laneX0, scale), dy(top + 3, scale), dx(laneX0 + Math.max(1, laneX1 - laneX0), scale),
                        dy(top + height - 3, scale), tint);
                into.fillRect(dx(Math.round(laneX0), scale), dy(mid, scale), dx(Math.round(laneX1), scale),
                        dy(mid + 1, scale), centre);
                drawWaveform(into, pyramid, segment, v, top + 4, height - 8, scale, solid);
            }
        }
        long lastColumn = Long.MIN_VALUE;
        PlotRaster.Spans shades = new PlotRaster.Spans();
        List<int[]> over = new ArrayList<>();
        for (TimelineGap gap : gaps) {
            double x0 = v.xOf(gap.startUtc());
            boolean narrow = v.xOf(gap.endUtc()) - x0 < 1;
            if (narrow && Math.round(x0) == lastColumn) {
                continue;
            }
            lastColumn = Math.round(x0);
            drawGap(shades, over, labels, v, gap, top, height, scale);
        }
        if (into != null) {
            into.fillSpans(dy(top + 1, scale), dy(top + height - 1, scale), shades);
            for (int[] r : over) {
                into.fillRect(r[0], r[1], r[2], r[3], r[4]);
            }
        }
    }

    /**
     * A segment's waveform: the outline through each device column's max (top edge) and min (bottom
     * edge), edges running straight from one column to the next and flat across the last column of a
     * run, at least one pixel thick so silence stays a line; filled with anti-aliased edges (see
     * {@link PlotRaster#coverColumn}). Closer than the finest zoom allows at this scale, columns are
     * computed at CSS pixels and the outline runs across {@code scale} device columns per column.
     */
    private static void drawWaveform(PlotRaster into, LaneSummary pyramid, LaneClock.Segment segment, Viewport v,
            double top, double height, int scale, int colour) {
        boolean stretched = scale > 1 && v.nanosPerPixel() / scale < Viewport.MIN_NANOS_PER_PIXEL;
        Viewport columns = scale == 1 || stretched ? v
                : new Viewport(v.startUtc(), v.nanosPerPixel() / scale, v.widthPx() * scale);
        int repeat = stretched ? scale : 1;
        LaneWaveform wave = LaneWaveform.of(pyramid, segment, columns);
        double mid = (top + height / 2 - AXIS_PX) * scale;
        double half = (height / 2 - 1) * scale;
        double least = 0.5 * scale;
        float[] min = wave.min();
        float[] max = wave.max();
        int n = wave.columns();
        double[] tops = new double[SUBSAMPLES];
        double[] bottoms = new double[SUBSAMPLES];
        for (int c = 0; c < n; c++) {
            if (Float.isNaN(max[c])) {
                continue;
            }
            boolean runGoesOn = c + 1 < n && !Float.isNaN(max[c + 1]);
            double t0 = mid - Math.max(max[c] * half, least);
            double b0 = mid - Math.min(min[c] * half, -least);
            double t1 = runGoesOn ? mid - Math.max(max[c + 1] * half, least) : t0;
            double b1 = runGoesOn ? mid - Math.min(min[c + 1] * half, -least) : b0;
            for (int k = 0; k < repeat; k++) {
                for (int j = 0; j < SUBSAMPLES; j++) {
                    double u = (k + (j + 0.5) / SUBSAMPLES) / repeat;
                    tops[j] = t0 + (t1 - t0) * u;
                    bottoms[j] = b0 + (b1 - b0) * u;
                }
                into.coverColumn((wave.firstX() + c) * repeat + k, tops, bottoms, colour);
            }
        }
    }

    /**
     * A gap: its shade and edges (as spans over the lane's rows, into {@code shades}), the thick top and
     * bottom edges of the selected gap and the label's background (as rectangles {x0, y0, x1, y1,
     * ARGB}, into {@code over}), and its label when it fits.
     */
    private void drawGap(PlotRaster.Spans shades, List<int[]> over, List<PlotLabel> labels, Viewport v,
            TimelineGap gap, double top, double height, int scale) {
        double x0 = GUTTER_PX + v.xOf(gap.startUtc());
        double x1 = Math.max(x0 + 3, GUTTER_PX + v.xOf(gap.endUtc()));
        if (x1 < GUTTER_PX || x0 > canvas.getWidth()) {
            return;
        }
        Color c = Color.web(Palette.gap(gap.kind()));
        boolean selected = model.selectionProperty().get() instanceof GapRecord r && r.laneId() == gap.laneId()
                && r.startUtc().equals(gap.startUtc());
        double left = Math.round(x0);
        double right = Math.max(left + 2, Math.round(x1));
        int y0 = dy(top + 1, scale);
        int y1 = dy(top + height - 1, scale);
        String text = gap.kind() + " \u00b7 " + gap.cause();
        double tw = textWidth(text, small);
        boolean labelled = tw + 8 < x1 - x0;
        double tx = Math.max(x0, GUTTER_PX) + 4;
        shades.add(dx(left, scale), dx(right, scale), argb(c.deriveColor(0, 1, 1, selected ? 0.55 : 0.38)));
        int edgeColour = argb(c.darker());
        double edge = selected ? 3 : 1;
        shades.add(dx(left, scale), dx(left + edge, scale), edgeColour);
        shades.add(dx(right - edge, scale), dx(right, scale), edgeColour);
        if (selected) {
            over.add(new int[] {dx(left, scale), y0, dx(right, scale), dy(top + 1 + edge, scale), edgeColour});
            over.add(new int[] {dx(left, scale), dy(top + height - 1 - edge, scale), dx(right, scale), y1, edgeColour});
        }
        if (labelled) {
            over.add(new int[] {dx(tx - 2, scale), dy(top + 4, scale), dx(tx + tw + 2, scale), dy(top + 19, scale),
                argb(Color.web("#ffffffd8"))});
        }
        if (labelled) {
            labels.add(new PlotLabel(text, tx, top + 5, Color.web("#111111"), VPos.TOP));
        }
    }

    /**
     * SIP and stream events: a line per marker across the event band and the lanes (one per pixel
     * column when zoomed out), and a label in the first of the three rows with room for it.
     */
    private void drawMarkers(PlotRaster into, List<PlotLabel> labels, Viewport v, TimelineModel m,
            double lanesBottom, int scale) {
        double bandTop = AXIS_PX;
        double[] rowEnd = new double[(int) MARKER_ROWS];
        java.util.Arrays.fill(rowEnd, -1);
        java.util.Set<String> invited = new java.util.HashSet<>();
        long lastLine = Long.MIN_VALUE;
        int labelBackground = argb(BACKGROUND);
        PlotRaster.Spans lines = new PlotRaster.Spans();
        List<int[]> backgrounds = new ArrayList<>();
        for (TimelineMarker marker : m.markers()) {
            // A second INVITE within a dialog set is a re-INVITE (RFC 3261 section 14).
            boolean reInvite = marker.kind() == MarkerKind.SIP_REQUEST && "INVITE".equals(marker.label())
                    && !invited.add(String.valueOf(marker.callId()));
            double x = GUTTER_PX + v.xOf(marker.timeUtc());
            if (x < GUTTER_PX - 1 || x > canvas.getWidth() + 1) {
                continue;
            }
            Color c = Color.web(Palette.marker(marker.kind()));
            boolean strong = marker.kind() != MarkerKind.SIP_RESPONSE && marker.kind() != MarkerKind.OTHER;
            double xs = Math.round(x) + 0.5;
            // Zoomed out, many markers share a pixel column: one line per column is enough.
            if (Math.round(x) != lastLine) {
                lines.add(dx(Math.round(x), scale), dx(Math.round(x) + 1, scale),
                        argb(c.deriveColor(0, 1, 1, strong ? 0.75 : 0.35)));
                lastLine = Math.round(x);
            }
            String label = reInvite ? "re-INVITE" : marker.label();
            double tw = textWidth(label, small);
            for (int row = 0; row < rowEnd.length; row++) {
                if (rowEnd[row] < x) {
                    double y = bandTop + row * MARKER_ROW_PX;
                    backgrounds.add(new int[] {dx(xs + 1, scale), dy(y + 1, scale), dx(xs + 7 + tw, scale),
                        dy(y + MARKER_ROW_PX - 1, scale)});
                    labels.add(new PlotLabel(label, xs + 3, y + MARKER_ROW_PX / 2, c.deriveColor(0, 1, 0.8, 1),
                            VPos.CENTER));
                    rowEnd[row] = x + tw + 8;
                    break;
                }
            }
        }
        if (into != null) {
            into.fillSpans(dy(bandTop, scale), dy(lanesBottom, scale), lines);
            for (int[] r : backgrounds) {
                into.fillRect(r[0], r[1], r[2], r[3], labelBackground);
            }
        }
    }

    private void drawNotes(GraphicsContext g, Viewport v, double top) {
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        Color c = Color.web(Palette.marker(MarkerKind.ANNOTATION));
        for (Annotation a : model.annotations()) {
            double x0 = GUTTER_PX + v.xOf(a.startUtc());
            double x1 = Math.max(x0 + 2, GUTTER_PX + v.xOf(a.endUtc()));
            if (x1 < GUTTER_PX || x0 > canvas.getWidth()) {
                continue;
            }
            double left = Math.max(x0, GUTTER_PX - 2);
            double right = Math.min(x1, canvas.getWidth() + 2);
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillRect(left, top + 3, right - left, NOTES_PX - 6);
            g.setStroke(c);
            g.setLineWidth(1.5);
            g.strokeRect(left, top + 3, right - left, NOTES_PX - 6);
            g.setFill(Color.web("#0b3d2c"));
            g.fillText("\u270e " + a.text(), Math.max(x0, GUTTER_PX) + 4, top + NOTES_PX / 2);
        }
    }

    /**
     * Width of a label in a font. Measuring lays out a Text node, which costs more than drawing it;
     * labels repeat (methods, status codes, gap kinds), so widths are kept, up to a bound.
     */
    private double textWidth(String s, Font f) {
        java.util.Map<String, Double> known = widths.computeIfAbsent(f, k -> new java.util.HashMap<>());
        Double width = known.get(s);
        if (width != null) {
            return width;
        }
        if (known.size() > 4096) {
            known.clear();
        }
        Text t = new Text(s);
        t.setFont(f);
        double measured = t.getLayoutBounds().getWidth();
        known.put(s, measured);
        return measured;
    }

    private String fitText(String s, double width, Font f) {
        if (textWidth(s, f) <= width) {
            return s;
        }
        // Longest prefix (at least 4 characters) that fits with its ellipsis, by halving: a lane name
        // of 80 characters takes 7 measurements instead of one per character dropped.
        int fits = 4;
        int tooLong = s.length();
        while (tooLong - fits > 1) {
            int mid = (fits + tooLong) >>> 1;
            if (textWidth(s.substring(0, mid) + "\u2026", f) <= width) {
                fits = mid;
            } else {
                tooLong = mid;
            }
        }
        return s.substring(0, Math.min(fits, s.length())) + "\u2026";
    }

    /** The gap at a canvas position, if any. */
    Optional<GapRecord> gapAt(double x, double y) {
        TimelineModel m = timeline.modelProperty().get();
        int lane = laneIndexAt(y, m.lanes().size());
        if (lane < 0) {
            return Optional.empty();
        }
        long laneId = m.lanes().get(lane).laneId();
        Viewport v = timeline.viewportProperty().get();
        Instant t = v.timeAt(x - GUTTER_PX);
        Instant slack = v.timeAt(x - GUTTER_PX + 3);
        long slackNanos = java.time.Duration.between(t, slack).toNanos();
        for (GapRecord g : model.gaps()) {
            if (g.laneId() == laneId && !t.isBefore(g.startUtc().minusNanos(slackNanos))
                    && !t.isAfter(g.endUtc().plusNanos(slackNanos))) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    private int laneIndexAt(double y, int count) {
        double top = AXIS_PX + MARKER_ROWS * MARKER_ROW_PX;
        if (y < top || count == 0) {
            return -1;
        }
        int i = (int) ((y - top) / laneHeight(count));
        return i < count ? i : -1;
    }

    /** The tooltip text of a gap: kind, cause, confidence and detail. */
    static String tooltipOf(GapRecord g) {
        return g.kind() + " on " + g.lane() + "\nCause: " + g.cause() + "   confidence "
                + SelectionDetails.percent(g.confidence())
                + String.format(Locale.ROOT, "   %.3f s", g.durationSec()) + "\n" + g.causeDetail();
    }

    private void moved(MouseEvent e) {
        timeline.hover(e.getX() >= GUTTER_PX ? e.getX() - GUTTER_PX : null);
        Optional<GapRecord> gap = e.getX() >= GUTTER_PX ? gapAt(e.getX(), e.getY()) : Optional.empty();
        if (gap.isPresent()) {
            String text = tooltipOf(gap.get());
            Tooltip tip = gapTooltip();
            if (!text.equals(tip.getText()) || !tip.isShowing()) {
                tip.setText(text);
                if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                    tip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
                }
            }
        } else {
            hideGapTip();
        }
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressX = e.getX();
        lastDragX = e.getX();
        dragged = false;
        selecting = e.isShiftDown() && e.getButton() == MouseButton.PRIMARY;
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > DRAG_SLOP_PX) {
            dragged = true;
        }
        if (!dragged) {
            return;
        }
        hideGapTip();
        if (selecting) {
            timeline.select(Math.max(0, pressX - GUTTER_PX), Math.max(0, e.getX() - GUTTER_PX));
        } else {
            timeline.pan(lastDragX - e.getX());
        }
        lastDragX = e.getX();
        timeline.hover(e.getX() >= GUTTER_PX ? e.getX() - GUTTER_PX : null);
    }

    private void released(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        TimelineModel m = timeline.modelProperty().get();
        int lane = laneIndexAt(e.getY(), m.lanes().size());
        if (e.getX() < GUTTER_PX) {
            if (lane >= 0) {
                model.dataProperty().get().lane(m.lanes().get(lane).laneId()).ifPresent(model::select);
            }
            return;
        }
        Optional<GapRecord> gap = gapAt(e.getX(), e.getY());
        if (gap.isPresent()) {
            model.select(gap.get());
            return;
        }
        if (lane >= 0) {
            model.dataProperty().get().lane(m.lanes().get(lane).laneId()).ifPresent(model.playLaneProperty()::set);
        }
        if (!e.isShiftDown()) {
            timeline.clearSelection();
        }
        timeline.playheadUtcProperty().set(timeline.viewportProperty().get().timeAt(e.getX() - GUTTER_PX));
    }

    private void scrolled(ScrollEvent e) {
        double x = Math.max(0, e.getX() - GUTTER_PX);
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                timeline.zoom(e.getDeltaY() > 0 ? TimelineViewModel.ZOOM_STEP : 1 / TimelineViewModel.ZOOM_STEP, x);
            }
        } else {
            double dx = e.getDeltaX() != 0 ? -e.getDeltaX() : -e.getDeltaY();
            timeline.pan(dx * 2);
        }
        e.consume();
    }

    /** Lane labels in drawing order, for tests and the lane chooser. */
    List<String> laneLabels() {
        List<String> out = new ArrayList<>();
        for (TimelineLane l : timeline.modelProperty().get().lanes()) {
            out.add(l.label());
        }
        return out;
    }
}
