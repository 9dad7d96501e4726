package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The software-renderer choice made before the toolkit starts. */
class RenderingChoiceTest {
    private static final Map<String, String> NOTHING_SET = Map.of();

    @Test
    void linuxWithoutGpuDeviceRendersInSoftwareWithoutRegionCaching() {
        assertEquals(Map.of("prism.order", "sw", "prism.disableRegionCaching", "true"),
                RenderingChoice.properties("Linux", p -> false, NOTHING_SET::get));
    }

    @Test
    void linuxWithDrmOrNvidiaDeviceKeepsJavaFxDefaults() {
        assertEquals(Map.of(), RenderingChoice.properties("Linux", p -> p.equals(Path.of("/dev/dri")), NOTHING_SET::get));
        assertEquals(Map.of(),
                RenderingChoice.properties("Linux", p -> p.equals(Path.of("/dev/nvidiactl")), NOTHING_SET::get));
    }

    @Test
    void otherSystemsKeepJavaFxDefaults() {
        assertEquals(Map.of(), RenderingChoice.properties("Windows 11", p -> false, NOTHING_SET::get));
        assertEquals(Map.of(), RenderingChoice.properties("Mac OS X", p -> false, NOTHING_SET::get));
    }

    @Test
    void pipelineTheUserChoseIsKeptAndKeepsRegionCaching() {
        assertEquals(Map.of(), RenderingChoice.properties("Linux", p -> false, Map.of("prism.order", "es2")::get));
    }

    @Test
    void userChosenSoftwarePipelineStillLosesRegionCachingUnlessTheUserSetIt() {
        assertEquals(Map.of("prism.disableRegionCaching", "true"),
                RenderingChoice.properties("Linux", p -> false, Map.of("prism.order", "sw")::get));
        assertEquals(Map.of("prism.order", "sw"),
                RenderingChoice.properties("Linux", p -> false, Map.of("prism.disableRegionCaching", "false")::get));
    }
}
