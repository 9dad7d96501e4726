package io.seamline.ui;

import io.seamline.casefile.CancelledException;
import io.seamline.casefile.CaseFileException;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CaseService;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.ImportRequest;
import io.seamline.casefile.NewCaseRequest;
import io.seamline.casefile.TaskMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the case window: the open case, its evidence and custody log, and the one background
 * task that may be running. Every case operation runs on {@code worker}; results and progress are
 * handed to {@code ui} (the FX thread in the application, the calling thread in tests). Call its
 * methods on the UI thread.
 */
public final class CaseViewModel {
    private final Executor worker;
    private final Executor ui;
    private CaseService service;

    private final ObjectProperty<CaseInfo> caseInfo = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> casePath = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<CustodyEntry> custody = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("Open a case or create a new one (File menu).");
    private final StringProperty taskName = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty lastError = new SimpleStringProperty("");
    private volatile AtomicBoolean cancelFlag = new AtomicBoolean();

    public CaseViewModel(Executor worker, Executor ui) {
        this.worker = worker;
        this.ui = ui;
    }

    /** The open case's details, or null when none is open. */
    public ObjectProperty<CaseInfo> caseInfoProperty() {
        return caseInfo;
    }

    /** The open case's file, or null. */
    public ObjectProperty<Path> casePathProperty() {
        return casePath;
    }

    /** Evidence of the open case, in import order. */
    public ObservableList<Evidence> evidence() {
        return evidence;
    }

    /** The custody log of the open case. */
    public ObservableList<CustodyEntry> custody() {
        return custody;
    }

    /** One line telling the user what happened last. */
    public StringProperty statusProperty() {
        return status;
    }

    /** The running task's name, empty when idle. */
    public StringProperty taskNameProperty() {
        return taskName;
    }

    /** Progress of the running task, 0..1, or -1 when its size is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** True while a background task runs. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The last failure's message, for a dialog; empty when the last task succeeded. */
    public StringProperty lastErrorProperty() {
        return lastError;
    }

    /** Opens an existing case in the background. */
    public void openCase(Path path) {
        run("Opening " + path.getFileName(), monitor -> {
            CaseService opened = CaseService.open(path);
            replaceService(opened);
            return "Opened " + path.getFileName();
        });
    }

    /** Creates a new case in the background and opens it. */
    public void newCase(NewCaseRequest request) {
        run("Creating " + request.path().getFileName(), monitor -> {
            CaseService created = CaseService.create(request);
            replaceService(created);
            return "Created " + request.path().getFileName();
        });
    }

    /** Imports files into the open case in the background (all or none). */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        if (service == null && casePath.get() == null) {
            status.set("Open or create a case before adding evidence.");
            return;
        }
        run("Importing " + files.size() + " file(s)", monitor -> {
            List<Evidence> added = service.importEvidence(new ImportRequest(files, null, ""), monitor);
            return "Imported " + added.size() + " file(s): "
                    + String.join(", ", added.stream().map(Evidence::originalName).toList());
        });
    }

    /** Asks the running task to stop; it rolls back and leaves the case unchanged. */
    public void cancel() {
        cancelFlag.set(true);
    }

    /** Closes the case (on the worker, after any running task). */
    public void close() {
        worker.execute(() -> {
            if (service != null) {
                service.close();
                service = null;
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        String run(TaskMonitor monitor) throws CaseFileException, CancelledException;
    }

    private void replaceService(CaseService next) {
        if (service != null) {
            service.close();
        }
        service = next;
    }

    private void run(String name, Work work) {
        if (busy.get()) {
            status.set("Wait for \"" + taskName.get() + "\" to finish, or cancel it.");
            return;
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlag = flag;
        busy.set(true);
        taskName.set(name);
        progress.set(-1);
        lastError.set("");
        status.set(name + "...");
        TaskMonitor monitor = new TaskMonitor() {
            private long lastNanos;

            @Override
            public void progress(String stage, long done, long total) {
                long now = System.nanoTime();
                if (now - lastNanos < 50_000_000L && done < total) {
                    return;
                }
                lastNanos = now;
                double value = total > 0 ? Math.min(1.0, (double) done / total) : -1;
                ui.execute(() -> progress.set(value));
            }

            @Override
            public boolean isCancelled() {
                return flag.get();
            }
        };
        worker.execute(() -> {
            String message;
            String error = "";
            try {
                message = work.run(monitor);
            } catch (CancelledException e) {
                message = e.getMessage();
            } catch (CaseFileException e) {
                message = "Failed: " + e.getMessage() + " The case is unchanged.";
                error = message;
            } catch (RuntimeException e) {
                message = "Failed: " + e + ". The case is unchanged.";
                error = message;
            }
            Snapshot snapshot = snapshot();
            String finalMessage = message;
            String finalError = error;
            ui.execute(() -> {
                apply(snapshot);
                busy.set(false);
                taskName.set("");
                progress.set(0);
                status.set(finalMessage);
                lastError.set(finalError);
            });
        });
    }

    private record Snapshot(Path path, CaseInfo info, List<Evidence> evidence, List<CustodyEntry> custody) {
    }

    private Snapshot snapshot() {
        if (service == null) {
            return new Snapshot(null, null, List.of(), List.of());
        }
        try {
            return new Snapshot(service.caseFile().path(), service.info(), service.evidence(), service.custody());
        } catch (CaseFileException e) {
            return new Snapshot(service.caseFile().path(), null, List.of(), List.of());
        }
    }

    private void apply(Snapshot s) {
        casePath.set(s.path());
        caseInfo.set(s.info());
        evidence.setAll(s.evidence());
        custody.setAll(s.custody());
    }
}
