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

/** The JavaFX application: one inspector window, with its worker thread for case operations and its playback thread. */
public final class SeamlineApp extends Application {
    private static volatile Path initialCase;
    private static volatile CompletableFuture<CaseService> initialOpening;
    private ExecutorService worker;
    private CaseViewModel model;

    /** Starts the toolkit and shows the window, opening {@code caseFile} when not null; returns when it closes. */
    public static void launchWindow(Path caseFile) {
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
        Scene scene = createScene(model);
        model.fillTablesWith(new NextFrameExecutor(scene));
        stage.setScene(scene);
        stage.setTitle("Seamline");
        stage.titleProperty().bind(model.caseInfoProperty().map(i -> "Seamline \u2014 " + i.title())
                .orElse("Seamline"));
        stage.show();
    }

    /** Builds the window's scene with its style sheet; tests build the same scene. */
    public static Scene createScene(CaseViewModel model) {
        Scene scene = new Scene(new CaseView(model).root(), 1600, 1000);
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
