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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The timeline canvas: a time axis in UTC or the case's zone, SIP and stream events as labelled
 * markers, one lane per audio source drawn from its waveform pyramid, gaps shaded by kind with a
 * tooltip, notes, the selected range, the cursor and the playhead. Ctrl+wheel zooms, drag and wheel
 * pan, shift-drag selects, a click picks the gap or lane under the mouse.
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

    private final CaseViewModel model;
    private final TimelineViewModel timeline;
    private final Canvas canvas = new Canvas();
    private final Tooltip gapTip = new Tooltip();
    private final Font font = Font.font("System", 12);
    private final Font bold = Font.font("System", FontWeight.BOLD, 12);
    private final Font small = Font.font("System", 11);
    private final java.util.Map<String, Double> widths = new java.util.HashMap<>();
    private double pressX;
    private double lastDragX;
    private boolean dragged;
    private boolean selecting;

    public TimelineView(CaseViewModel model) {
        this.model = model;
        this.timeline = model.timeline();
        setId("timeline");
        canvas.setId("timelineCanvas");
        getChildren().add(canvas);
        getStyleClass().add("timeline");
        setMinHeight(200);
        gapTip.setId("gapTooltip");
        gapTip.setWrapText(true);
        gapTip.setMaxWidth(460);
        timeline.viewportProperty().addListener((o, a, b) -> redraw());
        timeline.modelProperty().addListener((o, a, b) -> redraw());
        timeline.utcAxisProperty().addListener((o, a, b) -> redraw());
        timeline.cursorUtcProperty().addListener((o, a, b) -> redraw());
        timeline.selectionStartUtcProperty().addListener((o, a, b) -> redraw());
        timeline.selectionEndUtcProperty().addListener((o, a, b) -> redraw());
        timeline.playheadUtcProperty().addListener((o, a, b) -> redraw());
        timeline.markUtcProperty().addListener((o, a, b) -> redraw());
        model.selectionProperty().addListener((o, a, b) -> redraw());
        model.dataProperty().addListener((o, a, b) -> redraw());
        model.playLaneProperty().addListener((o, a, b) -> redraw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            timeline.hover(null);
            gapTip.hide();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /** The tooltip that explains the gap under the mouse. */
    public Tooltip gapTooltip() {
        return gapTip;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            timeline.setWidth(Math.max(1, w - GUTTER_PX));
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

    /** Draws everything again. */
    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#fbfbf9"));
        g.fillRect(0, 0, w, h);
        TimelineModel m = timeline.modelProperty().get();
        Viewport v = timeline.viewportProperty().get();
        InspectorData data = model.dataProperty().get();
        List<TimelineLane> lanes = m.lanes();
        if (m.isEmpty()) {
            g.setFill(Color.web("#555555"));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(model.casePathProperty().get() == null
                    ? "Open a case (File > Open case) to see its timeline."
                    : "Nothing analysed yet: add evidence, then press Analyze.", w / 2, h / 2);
            return;
        }
        double lanesTop = AXIS_PX + MARKER_ROWS * MARKER_ROW_PX;
        double laneH = laneHeight(lanes.size());
        double lanesBottom = lanesTop + laneH * lanes.size();
        g.save();
        g.beginPath();
        g.rect(GUTTER_PX, 0, w - GUTTER_PX, h);
        g.clip();
        drawSelection(g, v, h);
        for (int i = 0; i < lanes.size(); i++) {
            drawLane(g, v, lanes.get(i), data, laneTop(i, lanes.size()), laneH, i);
        }
        drawMarkers(g, v, m, lanesBottom);
        drawNotes(g, v, lanesBottom);
        drawLine(g, v, timeline.markUtcProperty().get(), Color.web("#222222"), 1.5, lanesTop, lanesBottom, true);
        drawLine(g, v, timeline.playheadUtcProperty().get(), Color.web("#D00000"), 2, AXIS_PX, lanesBottom, false);
        drawLine(g, v, timeline.cursorUtcProperty().get(), Color.web("#00000088"), 1, AXIS_PX, lanesBottom, false);
        g.restore();
        drawAxis(g, v, m, w);
        drawGutter(g, lanes, data, laneH);
    }

    private void drawAxis(GraphicsContext g, Viewport v, TimelineModel m, double w) {
        g.setFill(Color.web("#eeeeea"));
        g.fillRect(0, 0, w, AXIS_PX);
        g.setStroke(Color.web("#b0b0a8"));
        g.setLineWidth(1);
        g.strokeLine(0, AXIS_PX - 0.5, w, AXIS_PX - 0.5);
        var zone = timeline.utcAxisProperty().get() ? null : m.caseZone();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (TimeAxis.Tick tick : TimeAxis.ticks(v, zone)) {
            double x = Math.round(GUTTER_PX + tick.x()) + 0.5;
            if (x < GUTTER_PX) {
                continue;
            }
            g.setStroke(Color.web("#8a8a80"));
            g.strokeLine(x, AXIS_PX - 8, x, AXIS_PX);
            g.setFill(Color.web("#222222"));
            g.fillText(tick.label(), x + 3, AXIS_PX / 2 - 2);
        }
        g.setFill(Color.web("#eeeeea"));
        g.fillRect(0, 0, GUTTER_PX, AXIS_PX);
        g.setFill(Color.web("#222222"));
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
            g.fillText(fitText(lane.label(), GUTTER_PX - 20, bold), 12, y + 6);
            g.setFont(small);
            g.setFill(Color.web("#444444"));
            g.fillText(kindName(lane), 12, y + 22);
            // The stitched lane is written on the reference clock: it needs no alignment of its own.
            g.fillText(lane.kind() == io.seamline.timeline.LaneKind.STITCHED ? lane.note()
                    : offsetLabel(data.alignment(lane.laneId())), 12, y + 37);
            g.setStroke(Color.web("#d0d0c8"));
            g.strokeLine(0, y + laneH - 0.5, canvas.getWidth(), y + laneH - 0.5);
        }
        g.setStroke(Color.web("#b0b0a8"));
        g.strokeLine(GUTTER_PX - 0.5, top, GUTTER_PX - 0.5, canvas.getHeight());
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

    private void drawLane(GraphicsContext g, Viewport v, TimelineLane lane, InspectorData data, double top,
            double height, int index) {
        Color colour = Color.web(Palette.lane(lane.kind()));
        if (index % 2 == 1) {
            g.setFill(Color.web("#f6f6f2"));
            g.fillRect(GUTTER_PX, top, canvas.getWidth() - GUTTER_PX, height);
        }
        LaneClock clock = LaneClock.of(lane, timeline.modelProperty().get().gapsOf(lane.laneId()));
        double mid = Math.round(top + height / 2) + 0.5;
        LaneSummary pyramid = data.pyramids().get(lane.laneId());
        for (LaneClock.Segment segment : clock.segments()) {
            double laneX0 = Math.max(GUTTER_PX, GUTTER_PX + v.xOf(segment.startUtc()));
            double laneX1 = Math.min(canvas.getWidth(), GUTTER_PX + v.xOf(segment.endUtc()));
            if (laneX1 <= laneX0) {
                continue;
            }
            g.setFill(colour.deriveColor(0, 1, 1, 0.07));
            g.fillRect(laneX0, top + 3, Math.max(1, laneX1 - laneX0), height - 6);
            g.setFill(colour.deriveColor(0, 1, 1, 0.35));
            g.fillRect(Math.round(laneX0), Math.floor(mid), Math.round(laneX1) - Math.round(laneX0), 1);
            LaneWaveform wave = LaneWaveform.of(pyramid, segment, v);
            g.setFill(colour);
            for (double[][] poly : wave.polygons(top + 4, height - 8)) {
                double[] xs = poly[0];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] += GUTTER_PX;
                }
                g.fillPolygon(xs, poly[1], xs.length);
            }
        }
        long lastColumn = Long.MIN_VALUE;
        for (TimelineGap gap : timeline.modelProperty().get().gapsOf(lane.laneId())) {
            double x0 = v.xOf(gap.startUtc());
            boolean narrow = v.xOf(gap.endUtc()) - x0 < 1;
            if (narrow && Math.round(x0) == lastColumn) {
                continue;
            }
            lastColumn = Math.round(x0);
            drawGap(g, v, gap, top, height);
        }
    }

    private void drawGap(GraphicsContext g, Viewport v, TimelineGap gap, double top, double height) {
        double x0 = GUTTER_PX + v.xOf(gap.startUtc());
        double x1 = Math.max(x0 + 3, GUTTER_PX + v.xOf(gap.endUtc()));
        if (x1 < GUTTER_PX || x0 > canvas.getWidth()) {
            return;
        }
        Color c = Color.web(Palette.gap(gap.kind()));
        boolean selected = model.selectionProperty().get() instanceof GapRecord r && r.laneId() == gap.laneId()
                && r.startUtc().equals(gap.startUtc());
        g.setFill(c.deriveColor(0, 1, 1, selected ? 0.55 : 0.38));
        double left = Math.round(x0);
        double right = Math.max(left + 2, Math.round(x1));
        g.fillRect(left, top + 1, right - left, height - 2);
        // Edges as whole-pixel rectangles: the software rasteriser's fast path (see drawMarkers).
        g.setFill(c.darker());
        double edge = selected ? 3 : 1;
        g.fillRect(left, top + 1, edge, height - 2);
        g.fillRect(right - edge, top + 1, edge, height - 2);
        if (selected) {
            g.fillRect(left, top + 1, right - left, edge);
            g.fillRect(left, top + height - 1 - edge, right - left, edge);
        }
        String text = gap.kind() + " \u00b7 " + gap.cause();
        g.setFont(small);
        if (textWidth(text, small) + 8 < x1 - x0) {
            double tx = Math.max(x0, GUTTER_PX) + 4;
            g.setFill(Color.web("#ffffffd8"));
            g.fillRect(tx - 2, top + 4, textWidth(text, small) + 4, 15);
            g.setFill(Color.web("#111111"));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(text, tx, top + 5);
        }
    }

    private void drawMarkers(GraphicsContext g, Viewport v, TimelineModel m, double lanesBottom) {
        double bandTop = AXIS_PX;
        double[] rowEnd = new double[(int) MARKER_ROWS];
        java.util.Arrays.fill(rowEnd, -1);
        g.setFont(small);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        java.util.Set<String> invited = new java.util.HashSet<>();
        long lastLine = Long.MIN_VALUE;
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
            // Zoomed out, many markers share a pixel column: one line per column is enough. A
            // one-pixel rectangle on whole pixels is the rasteriser's fast path, unlike a stroked line.
            if (Math.round(x) != lastLine) {
                g.setFill(c.deriveColor(0, 1, 1, strong ? 0.75 : 0.35));
                g.fillRect(Math.round(x), bandTop, 1, lanesBottom - bandTop);
                lastLine = Math.round(x);
            }
            String label = reInvite ? "re-INVITE" : marker.label();
            double tw = textWidth(label, small);
            for (int row = 0; row < rowEnd.length; row++) {
                if (rowEnd[row] < x) {
                    double y = bandTop + row * MARKER_ROW_PX;
                    g.setFill(Color.web("#fbfbf9"));
                    g.fillRect(xs + 1, y + 1, tw + 6, MARKER_ROW_PX - 2);
                    g.setFill(c.deriveColor(0, 1, 0.8, 1));
                    g.fillText(label, xs + 3, y + MARKER_ROW_PX / 2);
                    rowEnd[row] = x + tw + 8;
                    break;
                }
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
            g.setFill(c.deriveColor(0, 1, 1, 0.25));
            g.fillRect(x0, top + 3, x1 - x0, NOTES_PX - 6);
            g.setStroke(c);
            g.setLineWidth(1.5);
            g.strokeRect(x0, top + 3, x1 - x0, NOTES_PX - 6);
            g.setFill(Color.web("#0b3d2c"));
            g.fillText("\u270e " + a.text(), Math.max(x0, GUTTER_PX) + 4, top + NOTES_PX / 2);
        }
    }

    private void drawSelection(GraphicsContext g, Viewport v, double h) {
        Instant a = timeline.selectionStartUtcProperty().get();
        Instant b = timeline.selectionEndUtcProperty().get();
        if (a == null || b == null) {
            return;
        }
        double x0 = GUTTER_PX + v.xOf(a);
        double x1 = Math.max(x0 + 1, GUTTER_PX + v.xOf(b));
        g.setFill(Color.web("#3d7cc933"));
        g.fillRect(x0, AXIS_PX, x1 - x0, h - AXIS_PX);
        g.setStroke(Color.web("#3d7cc9"));
        g.setLineWidth(1);
        g.strokeLine(x0, AXIS_PX, x0, h);
        g.strokeLine(x1, AXIS_PX, x1, h);
    }

    private void drawLine(GraphicsContext g, Viewport v, Instant t, Color c, double width, double y0, double y1,
            boolean dashed) {
        if (t == null) {
            return;
        }
        double x = Math.round(GUTTER_PX + v.xOf(t)) + 0.5;
        if (!dashed) {
            g.setFill(c);
            g.fillRect(Math.round(x - width / 2), y0, Math.max(1, Math.round(width)), y1 - y0);
            return;
        }
        g.setStroke(c);
        g.setLineWidth(width);
        g.setLineDashes(5, 4);
        g.strokeLine(x, y0, x, y1);
        g.setLineDashes((double[]) null);
    }

    /**
     * Width of a label in a font. Measuring lays out a Text node, which costs more than drawing it;
     * labels repeat (methods, status codes, gap kinds), so widths are kept, up to a bound.
     */
    private double textWidth(String s, Font f) {
        if (widths.size() > 4096) {
            widths.clear();
        }
        return widths.computeIfAbsent(f.getName() + '\u0000' + f.getSize() + '\u0000' + s, k -> {
            Text t = new Text(s);
            t.setFont(f);
            return t.getLayoutBounds().getWidth();
        });
    }

    private String fitText(String s, double width, Font f) {
        if (textWidth(s, f) <= width) {
            return s;
        }
        String cut = s;
        while (cut.length() > 4 && textWidth(cut + "\u2026", f) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
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
            if (!text.equals(gapTip.getText()) || !gapTip.isShowing()) {
                gapTip.setText(text);
                if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
                    gapTip.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
                }
            }
        } else {
            gapTip.hide();
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
        gapTip.hide();
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
