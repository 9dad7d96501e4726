package io.seamline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * Runs tasks on the FX thread once the frame that was being built when they were handed over is on the
 * screen, not merely handed to the renderer. The window uses it to fill the tables of an opened case
 * and build the parts the first picture leaves out after its lanes are shown, so that work neither
 * holds back nor overtakes the first picture. Call {@link #execute} on the FX thread.
 *
 * <p>Why three pulses and a mark: JavaFX renders a frame on its render thread while the FX thread goes
 * on, and the rendered pixels reach the window through a task the render thread queues on the FX
 * thread when it is done (the software pipeline's upload; Prism's {@code UploadingPainter}). Tasks
 * queued earlier, and the style pass of the parts they add, run first: the frame with the lanes
 * waited for the tables to be built. A pulse only waits for the previous frame to finish rendering
 * when it has something to render itself, after its post-layout listeners have run. So the first pulse
 * after a task arrived renders the awaited frame; the second changes a 1-pixel mark and therefore
 * waits for that frame, whose upload is queued by then; and only the third queues the tasks, behind
 * the upload. (The hardware pipeline presents a frame on the render thread itself; there the wait for
 * the rendering is all it takes.)
 */
final class NextFrameExecutor implements Executor {
    private final List<Runnable> waiting = new ArrayList<>();
    private final Region mark = new Region();
    private int pulsesSeen;

    /** Watches {@code scene}'s pulses; puts its 1-pixel, transparent mark into {@code markHost}, outside its layout. */
    NextFrameExecutor(Scene scene, Pane markHost) {
        mark.setManaged(false);
        mark.setMouseTransparent(true);
        mark.setFocusTraversable(false);
        mark.resizeRelocate(0, 0, 1, 1);
        markHost.getChildren().add(mark);
        scene.addPostLayoutPulseListener(this::pulsed);
    }

    @Override
    public void execute(Runnable task) {
        if (waiting.isEmpty()) {
            pulsesSeen = 0;
        }
        waiting.add(task);
        Platform.requestNextPulse();
    }

    private void pulsed() {
        if (waiting.isEmpty()) {
            return;
        }
        pulsesSeen++;
        if (pulsesSeen == 2) {
            // Nothing is drawn for the mark (no background); the change gives this pulse something to
            // render, so after its listeners it waits for the awaited frame to be rendered.
            mark.setOpacity(mark.getOpacity() == 1 ? 0.5 : 1);
        }
        if (pulsesSeen < 3) {
            Platform.requestNextPulse();
            return;
        }
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        // After the pulse, not inside it: the tasks change the scene graph.
        Platform.runLater(() -> due.forEach(Runnable::run));
    }
}
