package io.seamline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs tasks on the FX thread after the frame that was being built when they were handed over has
 * gone to the renderer: the task waits for the second pulse after it arrived (the first lays out and
 * renders what the scene holds then, e.g. a newly opened case's timeline), and runs just after it.
 * The window uses it to fill the tables of an opened case once its lanes are drawn, so building the
 * tables' cells does not hold back the first picture. Call {@link #execute} on the FX thread.
 */
final class NextFrameExecutor implements Executor {
    private final List<Runnable> waiting = new ArrayList<>();
    private int pulsesSeen;

    NextFrameExecutor(Scene scene) {
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
        if (++pulsesSeen < 2) {
            Platform.requestNextPulse();
            return;
        }
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        // After the pulse, not inside it: the tasks change the scene graph.
        Platform.runLater(() -> due.forEach(Runnable::run));
    }
}
