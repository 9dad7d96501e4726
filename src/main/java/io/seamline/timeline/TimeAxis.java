package io.seamline.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Ticks for a time axis in UTC or the case's time zone: a step from a 1-2-5 series chosen so labels
 * are about {@link #TARGET_TICK_PX} apart, labels as precise as the step needs, and the zone named.
 */
public final class TimeAxis {
    /** Wanted distance between major ticks, in pixels. */
    public static final double TARGET_TICK_PX = 110;
    private static final long[] STEPS_NANOS = {
        100_000L, 200_000L, 500_000L, 1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L, 20_000_000L, 50_000_000L,
        100_000_000L, 200_000_000L, 500_000_000L, 1_000_000_000L, 2_000_000_000L, 5_000_000_000L, 10_000_000_000L,
        15_000_000_000L, 30_000_000_000L, 60_000_000_000L, 120_000_000_000L, 300_000_000_000L, 600_000_000_000L,
        900_000_000_000L, 1_800_000_000_000L, 3_600_000_000_000L, 7_200_000_000_000L, 21_600_000_000_000L,
        43_200_000_000_000L, 86_400_000_000_000L};

    /** One tick: its x position, its label and whether it is major (labelled). */
    public record Tick(double x, Instant timeUtc, String label, boolean major) {
    }

    private TimeAxis() {
    }

    /** The step between major ticks for a viewport, in nanoseconds. */
    public static long stepNanos(Viewport view) {
        double wanted = TARGET_TICK_PX * view.nanosPerPixel();
        for (long step : STEPS_NANOS) {
            if (step >= wanted) {
                return step;
            }
        }
        return STEPS_NANOS[STEPS_NANOS.length - 1];
    }

    /** Major ticks across the viewport, labelled in {@code zone} (UTC when null). */
    public static List<Tick> ticks(Viewport view, ZoneId zone) {
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        long step = stepNanos(view);
        Instant start = view.startUtc();
        long offsetNanos = z.getRules().getOffset(start).getTotalSeconds() * 1_000_000_000L;
        long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano() + offsetNanos;
        long first = Math.floorDiv(startNanos, step) * step + step;
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern(step));
        List<Tick> ticks = new ArrayList<>();
        for (long local = first; ; local += step) {
            long utcNanos = local - offsetNanos;
            Instant t = Instant.ofEpochSecond(Math.floorDiv(utcNanos, 1_000_000_000L),
                    Math.floorMod(utcNanos, 1_000_000_000L));
            double x = view.xOf(t);
            if (x > view.widthPx()) {
                break;
            }
            ticks.add(new Tick(x, t, ZonedDateTime.ofInstant(t, z).format(format), true));
            if (ticks.size() > 1000) {
                break;
            }
        }
        return ticks;
    }

    /** The name printed beside the axis: {@code UTC} or the zone id with its offset at {@code t}. */
    public static String zoneLabel(ZoneId zone, Instant t) {
        if (zone == null || zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone.getId() + " (UTC" + zone.getRules().getOffset(t).getId().replace("Z", "+00:00") + ")";
    }

    private static String pattern(long stepNanos) {
        if (stepNanos < 1_000_000L) {
            return "HH:mm:ss.SSSSSS";
        }
        if (stepNanos < 1_000_000_000L) {
            return "HH:mm:ss.SSS";
        }
        if (stepNanos < 86_400_000_000_000L) {
            return "HH:mm:ss";
        }
        return "yyyy-MM-dd";
    }
}
