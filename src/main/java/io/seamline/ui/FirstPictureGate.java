package io.seamline.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Holds the window's deferred building tasks until the opened case is on screen, then hands them,
 * and every task given later (a part built late may defer its own tooltips), to the executor that
 * runs them. Call on the FX thread.
 */
final class FirstPictureGate implements Executor {
    private List<Runnable> held = new ArrayList<>();
    private Executor then;

    @Override
    public void execute(Runnable task) {
        if (held != null) {
            held.add(task);
        } else {
            then.execute(task);
        }
    }

    /** Passes what was held, in order, to {@code runner}; from now on tasks go straight to it. */
    void open(Executor runner) {
        if (held == null) {
            return;
        }
        then = Objects.requireNonNull(runner);
        List<Runnable> due = held;
        held = null;
        due.forEach(then::execute);
    }
}
