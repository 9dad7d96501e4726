package io.seamline.ui;

import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseService;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application: one inspector window, with its worker thread for case operations and its playback thread.
 *
 * <p>With the system property {@value #EXIT_AFTER_FIRST_PAINT} set to {@code true} the window closes itself
 * (as if the user quit) a few frames after it first drew the opened case's lanes, once the tables are
 * filled and the parts built after the first picture are there too. The installer's class-data
 * training run uses it to open a case the way a user does and end there (see
 * installer/train-class-data.sh and docs/ui.md).
 */
public final class SeamlineApp extends Application {
    /** System property: {@code true} closes the window a few frames after its first frame with lanes. */
    public static final String EXIT_AFTER_FIRST_PAINT = "seamline.exitAfterFirstPaint";
    private static volatile Path initialCase;
    private static volatile CompletableFuture<CaseService> initialOpening;
    private ExecutorService worker;
    private CaseViewModel model;

    /** Starts the toolkit and shows the window, opening {@code caseFile} when not null; returns when it closes. */
    public static void launchWindow(Path caseFile) {
        RenderingChoice.apply();
        initialCase = caseFile;
        if (caseFile != null) {
            // Opening the case file (loading the SQLite driver and its native library) takes as long
            // as starting the toolkit; on a second core they overlap.
            initialOpening = CompletableFuture.supplyAsync(() -> {
                try {
                    return CaseService.open(caseFile);
                } catch (CaseFileException e) {
                    throw new CompletionException(e);
                }
            }, r -> {
                Thread t = new Thread(r, "seamline-open");
                t.setDaemon(true);
                t.start();
            });
        }
        Application.launch(SeamlineApp.class);
    }

    @Override
    public void start(Stage stage) {
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seamline-worker");
            t.setDaemon(true);
            return t;
        });
        ExecutorService player = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "seamline-playback");
            t.setDaemon(true);
            return t;
        });
        model = new CaseViewModel(worker, Platform::runLater, RecentCases.inUserConfig(),
                new PlaybackViewModel(player, Platform::runLater, SoundCardOutput::new));
        if (initialCase != null) {
            // Read the case on the worker while the window is built.
            model.openCase(initialCase, initialOpening);
        }
        // What the first picture does not need (the tab pane and its tables, the case explorer, the
        // details, the lane chooser, tooltips) waits until the opened case is on screen: the open has
        // finished and its lanes or its error went into the frame the next-frame executor waits for.
        // Later tasks (import, analyze) end busy again; the gate is open by then and ignores it.
        FirstPictureGate afterFirstPicture = new FirstPictureGate();
        CaseView view = new CaseView(model, afterFirstPicture);
        Scene scene = createScene(view);
        NextFrameExecutor nextFrame = new NextFrameExecutor(scene, view.root());
        model.fillTablesWith(nextFrame);
        Runnable buildTheRest = () -> afterFirstPicture.open(nextFrame);
        if (model.busyProperty().get()) {
            model.busyProperty().addListener((o, was, busy) -> {
                if (!busy) {
                    buildTheRest.run();
                }
            });
        } else {
            buildTheRest.run();
        }
        if (Boolean.getBoolean(EXIT_AFTER_FIRST_PAINT)) {
            view.timelineView().lanesShownProperty().addListener((o, was, shown) -> {
                if (shown) {
                    // The tables are filled and the deferred parts built in the frames after this one (the
                    // parts may defer their tooltips once more); the exit waits for four frames, so a
                    // training run (installer/train-class-data.sh) has loaded the whole window's classes.
                    nextFrame.execute(() -> nextFrame.execute(() -> nextFrame.execute(
                            () -> nextFrame.execute(Platform::exit))));
                }
            });
        }
        stage.setScene(scene);
        stage.setTitle("Seamline");
        stage.titleProperty().bind(model.caseInfoProperty().map(i -> "Seamline \u2014 " + i.title())
                .orElse("Seamline"));
        stage.show();
    }

    /** Builds the window's scene with its style sheet; tests build the same scene. */
    public static Scene createScene(CaseViewModel model) {
        return createScene(new CaseView(model));
    }

    private static Scene createScene(CaseView view) {
        Scene scene = new Scene(view.root(), 1600, 1000);
        var css = SeamlineApp.class.getResource("/css/seamline.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        return scene;
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (worker != null) {
            worker.shutdown();
        }
    }
}
