package io.seamline.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Tasks handed to the next-frame executor wait for the pulse after the one that waited for their frame
 * to be rendered (Monocle), and the executor's mark stays out of the window's layout and input.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class NextFrameExecutorTest {
    private final AtomicInteger pulses = new AtomicInteger();
    private StackPane host;
    private NextFrameExecutor nextFrame;

    @Start
    void start(Stage stage) {
        host = new StackPane(new Label("lanes"));
        Scene scene = new Scene(host, 400, 300);
        nextFrame = new NextFrameExecutor(scene, host);
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void tasksRunInHandOverOrderAfterThreeMorePulses() throws Exception {
        List<String> ran = new ArrayList<>();
        CompletableFuture<Integer> pulsesWhenRun = new CompletableFuture<>();
        CompletableFuture<Integer> pulsesAtHandOver = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulsesAtHandOver.complete(pulses.get());
            nextFrame.execute(() -> ran.add("tables"));
            nextFrame.execute(() -> {
                ran.add("explorer");
                pulsesWhenRun.complete(pulses.get());
            });
        });
        int waited = pulsesWhenRun.get(10, TimeUnit.SECONDS) - pulsesAtHandOver.get();
        assertTrue(waited >= 3, "ran after " + waited + " pulses");
        assertEquals(List.of("tables", "explorer"), ran);
    }

    @Test
    void markIsOutsideLayoutAndInput() throws Exception {
        CompletableFuture<List<Node>> children = new CompletableFuture<>();
        Platform.runLater(() -> children.complete(List.copyOf(host.getChildren())));
        List<Node> marks = children.get(10, TimeUnit.SECONDS).stream().filter(n -> !(n instanceof Label)).toList();
        assertEquals(1, marks.size());
        Node mark = marks.get(0);
        assertTrue(!mark.isManaged() && mark.isMouseTransparent() && !mark.isFocusTraversable());
        assertTrue(mark.getLayoutBounds().getWidth() <= 1 && mark.getLayoutBounds().getHeight() <= 1);
    }
}
