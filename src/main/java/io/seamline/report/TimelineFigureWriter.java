package io.seamline.report;

import io.seamline.audio.WaveformPyramid;
import io.seamline.audio.WaveformSpan;
import io.seamline.timeline.LaneKind;
import io.seamline.timeline.MarkerKind;
import io.seamline.timeline.Palette;
import io.seamline.timeline.TimeAxis;
import io.seamline.timeline.TimelineGap;
import io.seamline.timeline.TimelineLane;
import io.seamline.timeline.TimelineMarker;
import io.seamline.timeline.TimelineModel;
import io.seamline.timeline.Viewport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Draws the timeline as vector paths (ISO 32000-1 §8.5 path construction): lanes as waveform envelopes
 * from the stored pyramids, gaps shaded by kind, SIP and media markers with labels, and a UTC time axis,
 * using the same {@link TimelineModel}, {@link Viewport}, {@link TimeAxis} and {@link Palette} as the
 * window, so the figure in the report is the picture the examiner saw. One point is one viewport pixel.
 */
final class TimelineFigureWriter {
    private static final float LABEL_COLUMN = 100;
    private static final float LANE_HEIGHT = 30;
    private static final float LANE_GAP = 4;
    private static final float MARKER_BAND = 30;
    private static final float AXIS_HEIGHT = 26;
    private static final float LABEL_SIZE = 5.8f;
    private static final int LABEL_ROWS = 3;

    private final ReportPageWriter page;
    private final Map<Long, WaveformPyramid> pyramids;
    private final Map<Float, PDExtendedGraphicsState> alphaStates = new java.util.HashMap<>();

    TimelineFigureWriter(ReportPageWriter page, Map<Long, WaveformPyramid> pyramids) {
        this.page = page;
        this.pyramids = pyramids;
    }

    /** Height in points the figure of {@code lanes} lanes takes, legend included. */
    static float height(int lanes) {
        return MARKER_BAND + Math.max(1, lanes) * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT + 16;
    }

    /**
     * Draws the lanes of {@code model} that overlap {@code [fromUtc, toUtc]} (all when {@code onlyLanes} is
     * null, else those whose ids it holds), below the cursor, on a fresh page when it does not fit.
     *
     * @return the number of marker labels left out because they would overlap others
     */
    int draw(TimelineModel model, Instant fromUtc, Instant toUtc, Set<Long> onlyLanes) throws IOException {
        List<TimelineLane> lanes = new ArrayList<>();
        for (TimelineLane lane : model.lanes()) {
            boolean overlaps = lane.alignedStartUtc().isBefore(toUtc) && lane.endUtc().isAfter(fromUtc);
            if ((onlyLanes == null || onlyLanes.contains(lane.laneId())) && overlaps) {
                lanes.add(lane);
            }
        }
        float total = height(lanes.size());
        page.ensure(total);
        PDPageContentStream cs = page.content();
        float plotLeft = page.left() + LABEL_COLUMN;
        float plotWidth = page.right() - plotLeft;
        Viewport view = Viewport.fit(fromUtc, toUtc, plotWidth);
        float top = page.y();
        float lanesTop = top - MARKER_BAND;
        float lanesBottom = lanesTop - Math.max(1, lanes.size()) * (LANE_HEIGHT + LANE_GAP);

        cs.setStrokingColor(0.75f, 0.75f, 0.75f);
        cs.setLineWidth(0.4f);
        cs.addRect(plotLeft, lanesBottom, plotWidth, lanesTop - lanesBottom);
        cs.stroke();

        Set<String> gapKinds = new LinkedHashSet<>();
        Set<LaneKind> laneKinds = new LinkedHashSet<>();
        for (int i = 0; i < lanes.size(); i++) {
            TimelineLane lane = lanes.get(i);
            laneKinds.add(lane.kind());
            float rowTop = lanesTop - i * (LANE_HEIGHT + LANE_GAP) - LANE_GAP / 2;
            float mid = rowTop - LANE_HEIGHT / 2;
            // Spaces around arrows let an endpoint pair break between its two addresses.
            List<String> label = page.wrap(lane.label().replace("->", " \u2192 "), page.fonts().sans(), 6.2f, LABEL_COLUMN - 6);
            for (int l = 0; l < Math.min(3, label.size()); l++) {
                page.show(label.get(l), page.fonts().sans(), 6.2f, page.left(), mid + 7 - l * 7.5f, 0, 0, 0);
            }
            envelope(cs, lane, view, plotLeft, mid);
            for (TimelineGap gap : model.gapsOf(lane.laneId())) {
                double x0 = Math.max(0, view.xOf(gap.startUtc()));
                double x1 = Math.min(plotWidth, view.xOf(gap.endUtc()));
                if (x1 < 0 || x0 > plotWidth) {
                    continue;
                }
                gapKinds.add(gap.kind());
                float w = (float) Math.max(1.5, x1 - x0);
                fill(cs, Palette.gap(gap.kind()), 0.45f);
                cs.addRect(plotLeft + (float) x0, rowTop - LANE_HEIGHT, w, LANE_HEIGHT);
                cs.fill();
                opaque(cs);
            }
        }

        int skipped = markers(cs, model, view, plotLeft, plotWidth, top, lanesBottom);
        axis(cs, model, view, plotLeft, plotWidth, lanesBottom);
        legend(laneKinds, gapKinds, lanesBottom - AXIS_HEIGHT);
        page.space(total);
        return skipped;
    }

    private void envelope(PDPageContentStream cs, TimelineLane lane, Viewport view, float plotLeft, float mid)
            throws IOException {
        for (TimelineLane.Piece piece : lane.pieces()) {
            envelope(cs, lane, piece, view, plotLeft, mid);
        }
    }

    /** One piece of a lane: a lane with spans cut out is drawn in pieces, each where the reference puts it. */
    private void envelope(PDPageContentStream cs, TimelineLane lane, TimelineLane.Piece piece, Viewport view,
            float plotLeft, float mid) throws IOException {
        double x0 = Math.max(0, view.xOf(piece.startUtc()));
        double x1 = Math.min(view.widthPx(), view.xOf(piece.endUtc(lane.sampleRateHz())));
        if (x1 <= x0) {
            return;
        }
        cs.setStrokingColor(0.8f, 0.8f, 0.8f);
        cs.setLineWidth(0.3f);
        cs.moveTo(plotLeft + (float) x0, mid);
        cs.lineTo(plotLeft + (float) x1, mid);
        cs.stroke();
        WaveformPyramid pyramid = pyramids.get(lane.laneId());
        int columns = (int) Math.ceil((x1 - x0) * 2);
        long startSample = Math.max(piece.fromSample(), lane.sampleAt(view.timeAt(x0)));
        long endSample = Math.min(Math.min(piece.toSample(), pyramid == null ? 0 : pyramid.totalFrames()),
                lane.sampleAt(view.timeAt(x1)));
        if (pyramid == null || endSample <= startSample || columns < 1) {
            return;
        }
        columns = (int) Math.min(columns, Math.min(endSample - startSample, WaveformPyramid.MAX_PIXELS));
        WaveformSpan span = pyramid.summarize(startSample, endSample, columns);
        float half = LANE_HEIGHT / 2 - 1;
        double step = (x1 - x0) / columns;
        fill(cs, Palette.lane(lane.kind()), 1f);
        boolean open = false;
        List<float[]> lower = new ArrayList<>();
        for (int p = 0; p <= columns; p++) {
            boolean valid = p < columns && !Float.isNaN(span.maxAt(p, 0));
            if (valid) {
                float x = plotLeft + (float) (x0 + p * step);
                float hi = Math.max(0.02f, span.maxAt(p, 0));
                float lo = Math.min(-0.02f, span.minAt(p, 0));
                float xe = plotLeft + (float) (x0 + (p + 1) * step);
                if (!open) {
                    cs.moveTo(x, mid + hi * half);
                    open = true;
                } else {
                    cs.lineTo(x, mid + hi * half);
                }
                cs.lineTo(xe, mid + hi * half);
                lower.add(new float[] {x, xe, mid + lo * half});
            } else if (open) {
                for (int k = lower.size() - 1; k >= 0; k--) {
                    float[] v = lower.get(k);
                    cs.lineTo(v[1], v[2]);
                    cs.lineTo(v[0], v[2]);
                }
                cs.closePath();
                lower.clear();
                open = false;
            }
        }
        cs.fill();
        opaque(cs);
    }

    private int markers(PDPageContentStream cs, TimelineModel model, Viewport view, float plotLeft, float plotWidth,
            float top, float lanesBottom) throws IOException {
        float[] rowEnds = new float[LABEL_ROWS];
        java.util.Arrays.fill(rowEnds, -Float.MAX_VALUE);
        int skipped = 0;
        for (TimelineMarker m : model.markers()) {
            double x = view.xOf(m.timeUtc());
            if (x < 0 || x > plotWidth || m.kind() == MarkerKind.OTHER) {
                continue;
            }
            float px = plotLeft + (float) x;
            stroke(cs, Palette.marker(m.kind()), 0.35f);
            cs.setLineDashPattern(new float[] {1.5f, 1.5f}, 0);
            cs.moveTo(px, lanesBottom);
            cs.lineTo(px, top - MARKER_BAND + 2);
            cs.stroke();
            cs.setLineDashPattern(new float[] {}, 0);
            String label = m.label() == null ? "" : m.label();
            if (label.length() > 28) {
                label = label.substring(0, 27) + "\u2026";
            }
            float w = page.widthOf(label, page.fonts().sans(), LABEL_SIZE);
            float lx = Math.min(Math.max(px - w / 2, plotLeft - LABEL_COLUMN / 2), page.right() - w);
            int row = -1;
            for (int r = 0; r < LABEL_ROWS; r++) {
                if (rowEnds[r] + 2 < lx) {
                    row = r;
                    break;
                }
            }
            if (row < 0) {
                skipped++;
                continue;
            }
            rowEnds[row] = lx + w;
            float baseline = top - 8 - row * 8;
            String hex = Palette.marker(m.kind());
            page.show(label, page.fonts().sans(), LABEL_SIZE, lx, baseline, r(hex), g(hex), b(hex));
        }
        return skipped;
    }

    private void axis(PDPageContentStream cs, TimelineModel model, Viewport view, float plotLeft, float plotWidth,
            float lanesBottom) throws IOException {
        cs.setStrokingColor(0.2f, 0.2f, 0.2f);
        cs.setLineWidth(0.5f);
        cs.moveTo(plotLeft, lanesBottom);
        cs.lineTo(plotLeft + plotWidth, lanesBottom);
        cs.stroke();
        float lastEnd = -Float.MAX_VALUE;
        for (TimeAxis.Tick tick : TimeAxis.ticks(view, null)) {
            if (tick.x() < 0 || tick.x() > plotWidth) {
                continue;
            }
            float x = plotLeft + (float) tick.x();
            cs.moveTo(x, lanesBottom);
            cs.lineTo(x, lanesBottom - 3);
            cs.stroke();
            float w = page.widthOf(tick.label(), page.fonts().sans(), 6.2f);
            float lx = Math.min(x - w / 2, page.right() - w);
            if (lx > lastEnd + 4) {
                page.show(tick.label(), page.fonts().sans(), 6.2f, lx, lanesBottom - 10, 0, 0, 0);
                lastEnd = lx + w;
            }
        }
        String zone = "Time axis in UTC; case time zone " + TimeAxis.zoneLabel(model.caseZone(), view.startUtc())
                + ". Date " + view.startUtc().toString().substring(0, 10) + ".";
        page.show(zone, page.fonts().sans(), 6.2f, plotLeft, lanesBottom - 19, 0.3f, 0.3f, 0.3f);
    }

    private void legend(Set<LaneKind> laneKinds, Set<String> gapKinds, float topY) throws IOException {
        PDPageContentStream cs = page.content();
        float x = page.left();
        float y = topY - 9;
        for (LaneKind kind : laneKinds) {
            x = swatch(cs, x, y, Palette.lane(kind), 1f, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        for (String kind : gapKinds) {
            x = swatch(cs, x, y, Palette.gap(kind), 0.45f, "gap: " + kind);
        }
    }

    private float swatch(PDPageContentStream cs, float x, float y, String hex, float alpha, String text)
            throws IOException {
        float w = page.widthOf(text, page.fonts().sans(), 6.2f);
        if (x + 10 + w > page.right()) {
            return x;
        }
        fill(cs, hex, alpha);
        cs.addRect(x, y, 7, 7);
        cs.fill();
        opaque(cs);
        page.show(text, page.fonts().sans(), 6.2f, x + 9, y + 1, 0, 0, 0);
        return x + 9 + w + 10;
    }

    private void fill(PDPageContentStream cs, String hex, float alpha) throws IOException {
        cs.setGraphicsStateParameters(alphaState(alpha));
        cs.setNonStrokingColor(r(hex), g(hex), b(hex));
    }

    private void opaque(PDPageContentStream cs) throws IOException {
        cs.setGraphicsStateParameters(alphaState(1f));
        cs.setNonStrokingColor(0f, 0f, 0f);
    }

    /** One graphics state per alpha, so a page's resources hold two entries, not one per shaded gap. */
    private PDExtendedGraphicsState alphaState(float alpha) {
        return alphaStates.computeIfAbsent(alpha, a -> {
            PDExtendedGraphicsState state = new PDExtendedGraphicsState();
            state.setNonStrokingAlphaConstant(a);
            return state;
        });
    }

    private static void stroke(PDPageContentStream cs, String hex, float width) throws IOException {
        cs.setStrokingColor(r(hex), g(hex), b(hex));
        cs.setLineWidth(width);
    }

    private static float r(String hex) {
        return Integer.parseInt(hex.substring(1, 3), 16) / 255f;
    }

    private static float g(String hex) {
        return Integer.parseInt(hex.substring(3, 5), 16) / 255f;
    }

    private static float b(String hex) {
        return Integer.parseInt(hex.substring(5, 7), 16) / 255f;
    }
}
