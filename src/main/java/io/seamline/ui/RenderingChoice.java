package io.seamline.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Owns the choice, made before the toolkit starts, of JavaFX's software renderer on a Linux machine
 * without a graphics device.
 *
 * <p>Why: JavaFX tries its OpenGL pipeline (ES2) first. With no GPU device node there is no hardware
 * OpenGL, only Mesa's software one, which the pipeline's qualifier refuses ("Failed Graphics Hardware
 * Qualifier check"), so the window always ends in the software pipeline, after loading and probing Mesa
 * on every start. And in the software pipeline Prism's region-background cache costs more than it
 * saves: a cached background is drawn back as nine scaled images, which the software rasteriser does
 * pixel by pixel; the window's first frame on the failover sample painted in 76-95 ms with the cache and
 * 34-48 ms without it (javafx.pulseLogger). Both together: 0.15-0.16 s of the first paint
 * (FirstPaintBenchmark, docs/ui.md). The installed launcher also sets
 * {@code GDK_GL=disable} on such a machine, for GTK's own Mesa probe (installer/seamline-launcher.sh).
 *
 * <p>A property the user set ({@code -Dprism.order=es2}, say) is never overridden.
 */
final class RenderingChoice {
    /** Device nodes of a GPU: DRM (Mesa, AMD, Intel, recent NVIDIA) and NVIDIA's own driver. */
    static final List<Path> GPU_DEVICES = List.of(Path.of("/dev/dri"), Path.of("/dev/nvidiactl"));

    private RenderingChoice() {
    }

    /** Sets the chosen Prism properties on this JVM before the toolkit starts. */
    static void apply() {
        properties(System.getProperty("os.name", ""), Files::exists, System::getProperty).forEach(System::setProperty);
    }

    /**
     * The Prism properties to set: the software pipeline without region caching on Linux when none of
     * {@link #GPU_DEVICES} exists, leaving out any property already set ({@code current} gives a property's
     * value, or null); nothing elsewhere. Region caching stays on when the user chose another pipeline.
     */
    static Map<String, String> properties(String osName, Predicate<Path> exists, UnaryOperator<String> current) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (!osName.startsWith("Linux") || GPU_DEVICES.stream().anyMatch(exists)) {
            return chosen;
        }
        String order = current.apply("prism.order");
        if (order == null) {
            order = "sw";
            chosen.put("prism.order", order);
        }
        if (order.equals("sw") && current.apply("prism.disableRegionCaching") == null) {
            chosen.put("prism.disableRegionCaching", "true");
        }
        return chosen;
    }
}
