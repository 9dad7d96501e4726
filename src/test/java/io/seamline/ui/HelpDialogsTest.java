package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Help lists every shortcut the window handles. */
class HelpDialogsTest {
    @Test
    void listsTheTimelinePlaybackAndCaseShortcuts() {
        for (String key : List.of("Ctrl+N", "Ctrl+O", "Ctrl+I", "Ctrl+R", "Ctrl+T", "Ctrl+M", "Ctrl+wheel",
                "Shift+drag", "Space", "F or 0", "Left / Right", "+ / =  -", "Esc", "F1")) {
            assertTrue(HelpDialogs.SHORTCUTS.contains(key), key);
        }
    }
}
