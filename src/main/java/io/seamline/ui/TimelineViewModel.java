package io.seamline.ui;

import io.seamline.casefile.UtcTimes;
import io.seamline.timeline.TimelineModel;
import io.seamline.timeline.Viewport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The timeline's state: which stretch of time is shown ({@link Viewport}), the axis zone (UTC or the
 * case's), the time under the mouse, the selected time range and the playhead. All arithmetic goes
 * through the viewport; x positions are pixels from the left edge of the lanes' drawing area.
 */
public final class TimelineViewModel {
    /** Zoom step of one key press or wheel notch. */
    public static final double ZOOM_STEP = 1.5;
    private static final DateTimeFormatter READOUT = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final ObjectProperty<TimelineModel> model = new SimpleObjectProperty<>(InspectorData.EMPTY.timeline());
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(
            Viewport.fit(Instant.EPOCH, Instant.EPOCH.plusSeconds(60), 1000));
    private final BooleanProperty utcAxis = new SimpleBooleanProperty(true);
    private final ObjectProperty<Instant> cursorUtc = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> selectionStartUtc = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> selectionEndUtc = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> playheadUtc = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> markUtc = new SimpleObjectProperty<>();
    private final StringProperty readout = new SimpleStringProperty("");
    private boolean fitted = true;

    public TimelineViewModel() {
        cursorUtc.addListener((o, a, t) -> readout.set(readoutOf(t)));
        utcAxis.addListener((o, a, b) -> readout.set(readoutOf(cursorUtc.get())));
    }

    /** What the timeline draws. */
    public ObjectProperty<TimelineModel> modelProperty() {
        return model;
    }

    /** The visible stretch of time. */
    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    /** True when the axis is labelled in UTC, false for the case's time zone. */
    public BooleanProperty utcAxisProperty() {
        return utcAxis;
    }

    /** The instant under the mouse, or null when it is outside the lanes. */
    public ObjectProperty<Instant> cursorUtcProperty() {
        return cursorUtc;
    }

    /** Start of the selected range, or null when there is none. */
    public ObjectProperty<Instant> selectionStartUtcProperty() {
        return selectionStartUtc;
    }

    /** End of the selected range, or null. */
    public ObjectProperty<Instant> selectionEndUtcProperty() {
        return selectionEndUtc;
    }

    /** Where playback is, or null when stopped. */
    public ObjectProperty<Instant> playheadUtcProperty() {
        return playheadUtc;
    }

    /** A highlighted instant (the selected SIP message), or null. */
    public ObjectProperty<Instant> markUtcProperty() {
        return markUtc;
    }

    /** The cursor's time in UTC and in the case's zone, for the status area. */
    public StringProperty readoutProperty() {
        return readout;
    }

    /** The zone the axis is labelled in: UTC or the case's. */
    public ZoneId axisZone() {
        return utcAxis.get() ? ZoneOffset.UTC : model.get().caseZone();
    }

    /** Shows a new model, fitted to the current width. */
    public void show(TimelineModel next) {
        model.set(next);
        selectionStartUtc.set(null);
        selectionEndUtc.set(null);
        markUtc.set(null);
        fit();
    }

    /**
     * Sets the drawable width in pixels: a view still showing the whole case is fitted again, any
     * other keeps its left edge and scale.
     */
    public void setWidth(double widthPx) {
        Viewport v = viewport.get();
        if (v.widthPx() == widthPx) {
            return;
        }
        if (fitted) {
            TimelineModel m = model.get();
            viewport.set(Viewport.fit(m.startUtc(), m.endUtc(), widthPx));
        } else {
            viewport.set(v.withWidth(widthPx));
        }
    }

    /** Shows the whole case. */
    public void fit() {
        TimelineModel m = model.get();
        viewport.set(Viewport.fit(m.startUtc(), m.endUtc(), viewport.get().widthPx()));
        fitted = true;
    }

    /** Zooms in one step about the centre ({@code +} key). */
    public void zoomIn() {
        zoom(ZOOM_STEP, viewport.get().widthPx() / 2);
    }

    /** Zooms out one step about the centre ({@code -} key). */
    public void zoomOut() {
        zoom(1 / ZOOM_STEP, viewport.get().widthPx() / 2);
    }

    /** Zooms by a factor (above 1 zooms in) keeping the instant under {@code anchorX} pixels still. */
    public void zoom(double factor, double anchorX) {
        fitted = false;
        viewport.set(viewport.get().zoom(factor, anchorX));
    }

    /** Pans by {@code dxPixels} (positive shows later time). */
    public void pan(double dxPixels) {
        fitted = false;
        viewport.set(viewport.get().pan(dxPixels));
    }

    /** Keeps the scale and centres the view on an instant. */
    public void centreOn(Instant t) {
        fitted = false;
        viewport.set(viewport.get().centredOn(t));
    }

    /** Shows {@code [from, to)} with a margin, widening a very short range so its context shows. */
    public void zoomTo(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        Duration pad = span.compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(1) : span.dividedBy(4);
        viewport.set(viewport.get().showing(from.minus(pad), to.plus(pad)));
        fitted = false;
    }

    /** Moves the cursor to x pixels, or clears it when x is null. */
    public void hover(Double x) {
        cursorUtc.set(x == null ? null : viewport.get().timeAt(x));
    }

    /** Selects the range between two x positions (in either order). */
    public void select(double x1, double x2) {
        Instant a = viewport.get().timeAt(Math.min(x1, x2));
        Instant b = viewport.get().timeAt(Math.max(x1, x2));
        selectRange(a, b);
    }

    /** Selects a time range. */
    public void selectRange(Instant startUtc, Instant endUtc) {
        selectionStartUtc.set(startUtc);
        selectionEndUtc.set(endUtc);
    }

    /** Clears the selected range. */
    public void clearSelection() {
        selectionStartUtc.set(null);
        selectionEndUtc.set(null);
    }

    /** True when a range is selected. */
    public boolean hasSelection() {
        return selectionStartUtc.get() != null && selectionEndUtc.get() != null
                && selectionEndUtc.get().isAfter(selectionStartUtc.get());
    }

    /** The instant at the centre of the view. */
    public Instant centreUtc() {
        Viewport v = viewport.get();
        return v.timeAt(v.widthPx() / 2);
    }

    /** The readout for an instant: UTC first, then the case's local time with its zone. */
    public String readoutOf(Instant t) {
        if (t == null) {
            return "";
        }
        ZoneId zone = model.get().caseZone();
        return "UTC " + UtcTimes.format(t).substring(11) + "   \u00b7   " + zone.getId() + " "
                + ZonedDateTime.ofInstant(t, zone).format(READOUT);
    }
}
