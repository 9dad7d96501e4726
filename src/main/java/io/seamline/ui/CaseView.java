package io.seamline.ui;

import io.seamline.analysis.AlignmentRecord;
import io.seamline.analysis.CallRecord;
import io.seamline.analysis.GapRecord;
import io.seamline.analysis.LaneRecord;
import io.seamline.analysis.StreamRecord;
import io.seamline.casefile.Annotation;
import io.seamline.casefile.CaseInfo;
import io.seamline.casefile.CustodyEntry;
import io.seamline.casefile.Evidence;
import io.seamline.casefile.EvidenceKind;
import io.seamline.casefile.UtcTimes;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The inspector window: the case explorer (evidence by kind, calls, streams, lanes, notes) on the
 * left, the timeline in the centre over tabs for the SIP ladder, gaps, streams, alignment, evidence
 * and custody log, the details of the selection on the right, and a status line with progress and
 * Cancel. Evidence is added by menu or by dropping files on the window.
 */
public final class CaseView {
    private final CaseViewModel model;
    private final BorderPane root = new BorderPane();
    private final TimelineView timelineView;
    private final SipLadderView ladder;
    private final TabPane tabs = new TabPane();
    private final Menu recentMenu = new Menu("Open recent");
    private final java.util.concurrent.Executor later;

    /** The whole window, every tab's content built at once. */
    public CaseView(CaseViewModel model) {
        this(model, Runnable::run);
    }

    /**
     * The window with what its first picture does not need built when {@code later} runs the tasks it
     * is handed: the bottom tabs and their contents (gaps, SIP ladder, streams, alignment, evidence,
     * custody log; a hidden tab's when it is selected, if that comes first), the case explorer,
     * the details pane, the lane chooser and the buttons' tooltips. The application passes an executor
     * that runs after the opened case's lanes are on screen: those controls' skins, cells and style
     * passes then do not hold back the first picture.
     */
    public CaseView(CaseViewModel model, java.util.concurrent.Executor later) {
        this.model = model;
        this.later = later;
        this.timelineView = new TimelineView(model);
        this.ladder = new SipLadderView(model);
        root.setId("caseWindow");
        root.setTop(new VBox(menuBar(), header()));
        SplitPane centre = new SplitPane(timelineArea(), slot(this::bottomTabs, 0));
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.58);
        SplitPane main = new SplitPane(slot(this::explorer, 200), centre, slot(this::detailsPane, 260));
        main.setDividerPositions(0.15, 0.73);
        SplitPane.setResizableWithParent(main.getItems().get(0), false);
        root.setCenter(main);
        root.setBottom(statusBar());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(this::dropped);
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
            }
        });
    }

    /**
     * A place in the window for a part the first picture does not need (the tables, the case tree, the
     * details, the lane chooser: controls whose skins and style pass cost the first frame most): {@code build}
     * runs with the tasks handed to {@code later} and its node then fills the slot. Until then the slot
     * is an empty pane holding the part's minimum width, so nothing around it moves when it fills.
     */
    private Region slot(java.util.function.Supplier<? extends Region> build, double minWidthPx) {
        StackPane slot = new StackPane();
        slot.setMinWidth(minWidthPx);
        later.execute(() -> slot.getChildren().setAll(build.get()));
        return slot;
    }

    /** The root node to put in a scene. */
    public BorderPane root() {
        return root;
    }

    /** The timeline canvas. */
    public TimelineView timelineView() {
        return timelineView;
    }

    /** The SIP ladder. */
    public SipLadderView ladder() {
        return ladder;
    }

    /** Imports the files a drop carries; true when it carried files. */
    boolean acceptDrop(Dragboard board) {
        if (board == null || !board.hasFiles()) {
            return false;
        }
        model.importFiles(board.getFiles().stream().map(File::toPath).toList());
        return true;
    }

    private void dropped(DragEvent e) {
        e.setDropCompleted(acceptDrop(e.getDragboard()));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.isControlDown() || e.isMetaDown() || e.isAltDown()) {
            return;
        }
        KeyCode code = e.getCode();
        switch (code) {
            case PLUS, ADD, EQUALS -> model.timeline().zoomIn();
            case MINUS, SUBTRACT -> model.timeline().zoomOut();
            case SPACE -> model.togglePlay();
            case LEFT -> model.timeline().pan(-model.timeline().viewportProperty().get().widthPx() / 10);
            case RIGHT -> model.timeline().pan(model.timeline().viewportProperty().get().widthPx() / 10);
            case F, DIGIT0, NUMPAD0 -> model.timeline().fit();
            case ESCAPE -> model.timeline().clearSelection();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private MenuBar menuBar() {
        MenuItem newCase = new MenuItem("New case...");
        newCase.setId("menuNewCase");
        newCase.setAccelerator(KeyCombination.keyCombination("Shortcut+N"));
        newCase.setOnAction(e -> NewCaseDialog.show(window()).ifPresent(model::newCase));
        MenuItem open = new MenuItem("Open case...");
        open.setId("menuOpenCase");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open case");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Seamline case", "*.seamline"));
            File file = chooser.showOpenDialog(window());
            if (file != null) {
                model.openCase(file.toPath());
            }
        });
        recentMenu.setId("menuRecent");
        model.recentCases().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem add = new MenuItem("Add evidence...");
        add.setId("menuAddEvidence");
        add.setAccelerator(KeyCombination.keyCombination("Shortcut+I"));
        add.disableProperty().bind(model.casePathProperty().isNull());
        add.setOnAction(e -> chooseEvidence());
        MenuItem analyze = new MenuItem("Analyze");
        analyze.setId("menuAnalyze");
        analyze.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        analyze.disableProperty().bind(model.casePathProperty().isNull());
        analyze.setOnAction(e -> model.analyze());
        MenuItem export = new MenuItem("Export evidence package...");
        export.setId("menuExport");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.disableProperty().bind(model.casePathProperty().isNull());
        export.setOnAction(e -> ExportDialog.show(window(), model.casePathProperty().get()).ifPresent(model::export));
        model.packageReadyProperty().addListener((obs, old, folder) -> openFolder(folder));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> window().hide());
        Menu file = new Menu("File", null, newCase, open, recentMenu, new SeparatorMenuItem(), add, analyze, export,
                new SeparatorMenuItem(), quit);
        MenuItem fit = new MenuItem("Fit whole case");
        fit.setOnAction(e -> model.timeline().fit());
        MenuItem zone = new MenuItem("Switch UTC / case time zone");
        zone.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        zone.setOnAction(e -> model.timeline().utcAxisProperty().set(!model.timeline().utcAxisProperty().get()));
        MenuItem note = new MenuItem("Note on selection...");
        note.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        note.setOnAction(e -> askForNote());
        Menu view = new Menu("View", null, fit, zone, note);
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("menuShortcuts");
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> HelpDialogs.shortcuts(window()));
        MenuItem about = new MenuItem("About Seamline");
        about.setOnAction(e -> HelpDialogs.about(window()));
        Menu help = new Menu("Help", null, keys, about);
        return new MenuBar(file, view, help);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : model.recentCases()) {
            MenuItem item = new MenuItem(p.getFileName() + "   " + p.getParent());
            item.setOnAction(e -> model.openCase(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void chooseEvidence() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add evidence");
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null) {
            model.importFiles(files.stream().map(File::toPath).toList());
        }
    }

    private void askForNote() {
        if (!model.timeline().hasSelection()) {
            model.statusProperty().set("Shift-drag on the timeline to select the time range the note is about.");
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(window());
        dialog.setTitle("Examiner's note");
        dialog.setHeaderText("Note on " + UtcTimes.format(model.timeline().selectionStartUtcProperty().get())
                + " to " + UtcTimes.format(model.timeline().selectionEndUtcProperty().get()));
        dialog.setContentText("Note:");
        dialog.showAndWait().filter(t -> !t.isBlank()).ifPresent(model::annotate);
    }

    private Region header() {
        Label title = new Label();
        title.setId("caseTitle");
        title.getStyleClass().add("case-title");
        Label details = new Label();
        details.setId("caseDetails");
        details.getStyleClass().add("case-details");
        model.caseInfoProperty().addListener((obs, old, info) -> {
            title.setText(info == null ? "No case open" : info.title());
            details.setText(info == null ? "" : describe(info, model.casePathProperty().get()));
        });
        title.setText("No case open");
        VBox box = new VBox(1, title, details);
        box.setPadding(new Insets(6, 12, 6, 12));
        box.getStyleClass().add("case-header");
        return box;
    }

    private static String describe(CaseInfo info, Path path) {
        return (info.caseNumber().isEmpty() ? "" : "Case " + info.caseNumber() + "  \u00b7  ") + "Examiner "
                + info.examiner() + "  \u00b7  Time zone " + info.timeZone().getId() + "  \u00b7  Created "
                + UtcTimes.format(info.createdUtc()) + (path == null ? "" : "  \u00b7  " + path);
    }

    private Region explorer() {
        Button analyze = new Button("Analyze");
        analyze.setId("analyzeButton");
        analyze.getStyleClass().add("accent");
        analyze.setMaxWidth(Double.MAX_VALUE);
        analyze.disableProperty().bind(model.casePathProperty().isNull().or(model.busyProperty()));
        analyze.setOnAction(e -> model.analyze());
        tip(analyze, "Read every capture and recording of the case (Ctrl+R)");
        Button add = new Button("Add evidence\u2026");
        add.setId("addEvidenceButton");
        add.setMaxWidth(Double.MAX_VALUE);
        add.disableProperty().bind(model.casePathProperty().isNull().or(model.busyProperty()));
        add.setOnAction(e -> chooseEvidence());
        HBox buttons = new HBox(6, analyze, add);
        HBox.setHgrow(analyze, Priority.ALWAYS);
        HBox.setHgrow(add, Priority.ALWAYS);
        TreeView<Object> tree = new TreeView<>();
        tree.setId("caseTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : treeLabel(item));
            }
        });
        // The model refills its evidence list with the tables after every case read, once the new
        // data is set: refilling the tree then covers both, and in the window that comes after the
        // frame with the opened case's lanes (the explorer itself is built after that frame).
        Runnable refill = () -> tree.setRoot(caseTree());
        model.evidence().addListener((ListChangeListener<Evidence>) c -> refill.run());
        refill.run();
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && !(item.getValue() instanceof String)) {
                model.select(item.getValue());
            }
        });
        Label title = new Label("Case explorer");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, buttons, tree);
        VBox.setVgrow(tree, Priority.ALWAYS);
        box.setPadding(new Insets(6, 6, 6, 8));
        box.setMinWidth(200);
        return box;
    }

    private TreeItem<Object> caseTree() {
        TreeItem<Object> root = new TreeItem<>("Case");
        InspectorData data = model.dataProperty().get();
        TreeItem<Object> evidence = group("Evidence (" + model.evidence().size() + ")");
        for (EvidenceKind kind : EvidenceKind.values()) {
            List<Evidence> ofKind = model.evidence().stream().filter(e -> e.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                TreeItem<Object> k = group(kindTitle(kind) + " (" + ofKind.size() + ")");
                ofKind.forEach(e -> k.getChildren().add(new TreeItem<>(e)));
                evidence.getChildren().add(k);
            }
        }
        TreeItem<Object> calls = group("Calls (" + data.calls().size() + ")");
        data.calls().forEach(c -> calls.getChildren().add(new TreeItem<>(c)));
        TreeItem<Object> streams = group("Streams (" + data.streams().size() + ")");
        data.streams().forEach(s -> streams.getChildren().add(new TreeItem<>(s)));
        TreeItem<Object> lanes = group("Lanes (" + data.lanes().size() + ")");
        data.lanes().forEach(l -> lanes.getChildren().add(new TreeItem<>(l)));
        TreeItem<Object> notes = group("Notes (" + data.annotations().size() + ")");
        data.annotations().forEach(a -> notes.getChildren().add(new TreeItem<>(a)));
        root.getChildren().addAll(List.of(evidence, calls, streams, lanes, notes));
        return root;
    }

    private static TreeItem<Object> group(String name) {
        TreeItem<Object> item = new TreeItem<>(name);
        item.setExpanded(true);
        return item;
    }

    private static String kindTitle(EvidenceKind kind) {
        return switch (kind) {
            case RECORDING -> "Recordings";
            case EDGE_BUFFER -> "Edge buffers";
            case CAPTURE -> "Captures";
            case METADATA -> "Metadata";
            case EVENT_LOG -> "Event logs";
        };
    }

    static String treeLabel(Object item) {
        if (item instanceof Evidence e) {
            return e.originalName();
        }
        if (item instanceof CallRecord c) {
            return c.callId() + " (" + c.state() + ")";
        }
        if (item instanceof StreamRecord s) {
            return s.ssrc() + " " + s.payload() + (s.problems() ? "  \u26a0" : "");
        }
        if (item instanceof LaneRecord l) {
            return l.name() + " [" + l.kind() + "]";
        }
        if (item instanceof Annotation a) {
            return "\u270e " + a.text();
        }
        return String.valueOf(item);
    }

    private Region timelineArea() {
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setOnAction(e -> model.timeline().fit());
        tip(fit, "Show the whole case (F or 0)");
        Button zoomIn = new Button("+");
        zoomIn.setId("zoomInButton");
        zoomIn.setOnAction(e -> model.timeline().zoomIn());
        tip(zoomIn, "Zoom in (+ or Ctrl+wheel)");
        Button zoomOut = new Button("\u2212");
        zoomOut.setId("zoomOutButton");
        zoomOut.setOnAction(e -> model.timeline().zoomOut());
        tip(zoomOut, "Zoom out (- or Ctrl+wheel)");
        ToggleButton zone = new ToggleButton();
        zone.setId("zoneToggle");
        zone.selectedProperty().bindBidirectional(model.timeline().utcAxisProperty());
        zone.textProperty().bind(model.timeline().utcAxisProperty().map(utc -> utc ? "Axis: UTC"
                : "Axis: " + model.timeline().modelProperty().get().caseZone().getId()));
        tip(zone, "Switch the axis between UTC and the case's time zone (Ctrl+T)");
        Button play = new Button();
        play.setId("playButton");
        play.textProperty().bind(model.playback().playingProperty().map(p -> p ? "\u23f8 Pause" : "\u25b6 Play"));
        play.setOnAction(e -> model.togglePlay());
        tip(play, "Play the chosen lane over the selection, or from the playhead (space)");
        play.setFocusTraversable(false);
        Region lane = slot(this::laneChooser, 140);
        lane.setPrefWidth(230);
        Button note = new Button("Note\u2026");
        note.setId("annotateButton");
        note.setOnAction(e -> askForNote());
        note.disableProperty().bind(model.timeline().selectionEndUtcProperty().isNull());
        tip(note, "Add an examiner's note on the selected time range (Ctrl+M)");
        Label selection = new Label();
        selection.setId("selectionLabel");
        selection.getStyleClass().add("readout");
        selection.setMinWidth(0);
        Runnable showSelection = () -> {
            Instant a = model.timeline().selectionStartUtcProperty().get();
            Instant b = model.timeline().selectionEndUtcProperty().get();
            selection.setText(a == null || b == null ? "Shift-drag to select a range"
                    : String.format(Locale.ROOT, "Selection %.3f s from %s", java.time.Duration.between(a, b)
                            .toNanos() / 1e9, UtcTimes.format(a).substring(11)));
        };
        model.timeline().selectionStartUtcProperty().addListener((o, a, b) -> showSelection.run());
        model.timeline().selectionEndUtcProperty().addListener((o, a, b) -> showSelection.run());
        showSelection.run();
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, fit, zoomIn, zoomOut, zone, new Label("  "), play, lane, note, spacer, selection);
        for (javafx.scene.Node n : List.of(fit, zoomIn, zoomOut, zone, play, note)) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("timeline-bar");
        FlowPane legend = legend();
        VBox box = new VBox(bar, timelineView, legend);
        VBox.setVgrow(timelineView, Priority.ALWAYS);
        return box;
    }

    /** The lane that playback plays. */
    private ComboBox<LaneRecord> laneChooser() {
        ComboBox<LaneRecord> lane = new ComboBox<>();
        lane.setId("playLane");
        lane.setPrefWidth(230);
        lane.setMinWidth(140);
        lane.setPromptText("Lane to play");
        lane.setCellFactory(l -> laneCell());
        lane.setButtonCell(laneCell());
        lane.getItems().setAll(model.dataProperty().get().lanes());
        model.dataProperty().addListener((o, a, d) -> lane.getItems().setAll(d.lanes()));
        lane.valueProperty().bindBidirectional(model.playLaneProperty());
        return lane;
    }

    /** Gives a control its tooltip when the parts built later are (a tooltip is a popup window of its own). */
    private void tip(javafx.scene.control.Control control, String text) {
        later.execute(() -> control.setTooltip(new Tooltip(text)));
    }

    private static ListCell<LaneRecord> laneCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LaneRecord item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + " [" + item.kind() + "]");
            }
        };
    }

    /**
     * A 14 x 12 colour sample; its fill is set directly, not as an inline style, which the style pass
     * would parse for each of the legend's samples while the first frame is built.
     */
    private static Region swatch(String rgb) {
        Region swatch = new Region();
        swatch.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                javafx.scene.paint.Color.web(rgb), null, null)));
        swatch.setMinSize(14, 12);
        return swatch;
    }

    private static FlowPane legend() {
        FlowPane items = new FlowPane(14, 2);
        for (String kind : List.of("dropout", "missing-span", "silence", "late-start", "corrupt")) {
            Region swatch = swatch(io.seamline.timeline.Palette.gap(kind));
            swatch.setOpacity(0.7);
            Label l = new Label(kind, swatch);
            l.getStyleClass().add("legend-item");
            items.getChildren().add(l);
        }
        items.getChildren().add(new Label("   Lanes:"));
        for (var kind : io.seamline.timeline.LaneKind.values()) {
            Region swatch = swatch(io.seamline.timeline.Palette.lane(kind));
            Label l = new Label(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), swatch);
            l.getStyleClass().add("legend-item");
            items.getChildren().add(l);
        }
        items.setId("legend");
        items.setAlignment(Pos.CENTER_LEFT);
        items.setPadding(new Insets(3, 8, 3, 12));
        items.setMinWidth(0);
        items.getChildren().add(0, new Label("Gaps:"));
        items.getStyleClass().add("legend");
        for (var node : items.getChildren()) {
            ((Label) node).setMinWidth(Region.USE_PREF_SIZE);
        }
        return items;
    }

    private TabPane bottomTabs() {
        tabs.setId("bottomTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The tab shown first: its table is built with the parts after the first picture (a lazy tab
        // would build it at once, as the tab pane selects its first tab when the tabs are added).
        Tab gapsTab = new Tab("Gaps");
        gapsTab.setId("gapsTab");
        later.execute(() -> gapsTab.setContent(gapsTable()));
        tabs.getTabs().addAll(gapsTab, lazyTab("SIP ladder", "ladderTab", ladder::root, later),
                lazyTab("Streams", "streamsTab", this::streamsTable, later),
                lazyTab("Alignment", "alignmentTab", this::alignmentTable, later),
                lazyTab("Evidence", "evidenceTab", this::evidenceTable, later),
                lazyTab("Custody log", "custodyTab", this::custodyTable, later));
        model.gaps().addListener((ListChangeListener<GapRecord>) c -> gapsTab.setText("Gaps (" + model.gaps().size()
                + ")"));
        return tabs;
    }

    /** A tab whose content is built by {@code later}, or on its first selection if that comes sooner. */
    private static Tab lazyTab(String title, String id, java.util.function.Supplier<javafx.scene.Node> content,
            java.util.concurrent.Executor later) {
        Tab tab = new Tab(title);
        tab.setId(id);
        Runnable build = () -> {
            if (tab.getContent() == null) {
                tab.setContent(content.get());
            }
        };
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                build.run();
            }
        });
        later.execute(build);
        return tab;
    }

    /** Selects a bottom tab by id (ladderTab, gapsTab, ...). */
    void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private TableView<GapRecord> gapsTable() {
        TableView<GapRecord> table = new TableView<>(model.gaps());
        table.setId("gapsTable");
        table.setPlaceholder(new Label("No gaps: analyse the case, or every lane is whole."));
        table.getColumns().add(text("Lane", 190, GapRecord::lane));
        table.getColumns().add(text("Kind", 100, GapRecord::kind));
        table.getColumns().add(text("Cause", 120, GapRecord::cause));
        table.getColumns().add(number("Confidence", 85, GapRecord::confidence, "%.0f %%", 100));
        table.getColumns().add(text("Start (UTC)", 230, g -> UtcTimes.format(g.startUtc())));
        table.getColumns().add(number("Duration s", 90, GapRecord::durationSec, "%.3f", 1));
        table.getColumns().add(number("In file s", 85, GapRecord::startSec, "%.3f", 1));
        table.getColumns().add(text("Detail", 600, GapRecord::causeDetail));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null && model.selectionProperty().get() != g) {
                model.select(g);
            }
        });
        table.setRowFactory(t -> {
            TableRow<GapRecord> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    model.zoomToGap(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    private TableView<StreamRecord> streamsTable() {
        TableView<StreamRecord> table = new TableView<>(model.streams());
        table.setId("streamsTable");
        table.setPlaceholder(new Label("No RTP streams: analyse a case with a capture."));
        table.getColumns().add(text("Src addr", 120, StreamRecord::srcIp));
        table.getColumns().add(number("Port", 60, s -> (double) s.srcPort(), "%.0f", 1));
        table.getColumns().add(text("Dst addr", 120, StreamRecord::dstIp));
        table.getColumns().add(number("Port", 60, s -> (double) s.dstPort(), "%.0f", 1));
        table.getColumns().add(text("SSRC", 100, StreamRecord::ssrc));
        table.getColumns().add(text("Payload", 90, StreamRecord::payload));
        table.getColumns().add(number("Pkts", 70, s -> (double) s.packets(), "%.0f", 1));
        table.getColumns().add(number("Lost", 60, s -> (double) s.lost(), "%.0f", 1));
        table.getColumns().add(number("Max Delta ms", 100, StreamRecord::maxDeltaMs, "%.3f", 1));
        table.getColumns().add(number("Max Jitter ms", 100, StreamRecord::maxJitterMs, "%.3f", 1));
        table.getColumns().add(number("Mean Jitter ms", 105, StreamRecord::meanJitterMs, "%.3f", 1));
        table.getColumns().add(text("Problem", 90, s -> s.problems() ? "X" : ""));
        table.getColumns().add(text("Call-ID", 200, StreamRecord::callId));
        table.getColumns().add(text("Start (UTC)", 230, s -> s.startUtc() == null ? "" : UtcTimes.format(s.startUtc())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                model.select(s);
            }
        });
        return table;
    }

    private TableView<AlignmentRecord> alignmentTable() {
        TableView<AlignmentRecord> table = new TableView<>(model.alignments());
        table.setId("alignmentTable");
        table.setPlaceholder(new Label("No alignment: analyse a case with recordings."));
        table.getColumns().add(text("Lane", 200, AlignmentRecord::lane));
        table.getColumns().add(text("Aligned start (UTC)", 230, a -> a.alignedStartUtc() == null ? ""
                : UtcTimes.format(a.alignedStartUtc())));
        table.getColumns().add(number("Offset ms", 90, AlignmentRecord::offsetMs, "%+.3f", 1));
        table.getColumns().add(number("Offset samples", 110, a -> (double) a.offsetSamples(), "%+.0f", 1));
        table.getColumns().add(number("Drift ppm", 80, AlignmentRecord::driftPpm, "%.1f", 1));
        table.getColumns().add(number("Confidence", 85, AlignmentRecord::confidence, "%.0f %%", 100));
        table.getColumns().add(text("Method", 200, AlignmentRecord::method));
        table.getColumns().add(text("Flagged", 70, a -> a.flagged() ? "yes" : ""));
        table.getColumns().add(text("Reference", 200, AlignmentRecord::reference));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                model.dataProperty().get().lane(r.laneId()).ifPresent(model::select);
            }
        });
        return table;
    }

    private TableView<Evidence> evidenceTable() {
        TableView<Evidence> evidence = new TableView<>(model.evidence());
        evidence.setId("evidenceTable");
        evidence.setPlaceholder(new Label("No evidence yet. Drop recordings, edge buffers or captures here,"
                + " or use File > Add evidence."));
        evidence.getColumns().add(number("ID", 50, e -> (double) e.id(), "%.0f", 1));
        evidence.getColumns().add(text("Name", 260, Evidence::originalName));
        evidence.getColumns().add(text("Kind", 100, e -> e.kind().cliName()));
        evidence.getColumns().add(text("Format", 80, e -> e.format().label()));
        evidence.getColumns().add(text("Size", 100, e -> humanSize(e.sizeBytes())));
        TableColumn<Evidence, Object> hash = text("SHA-256", 560, Evidence::sha256);
        hash.getStyleClass().add("hash-column");
        evidence.getColumns().add(hash);
        evidence.getColumns().add(text("Imported (UTC)", 220, e -> UtcTimes.format(e.importedAtUtc())));
        evidence.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                model.select(e);
            }
        });
        return evidence;
    }

    private TableView<CustodyEntry> custodyTable() {
        TableView<CustodyEntry> custody = new TableView<>(model.custody());
        custody.setId("custodyTable");
        custody.setPlaceholder(new Label("The custody log is empty."));
        custody.getColumns().add(number("#", 50, e -> (double) e.seq(), "%.0f", 1));
        custody.getColumns().add(text("Time (UTC)", 220, e -> UtcTimes.format(e.timeUtc())));
        custody.getColumns().add(text("Examiner", 140, e -> e.actor().examiner()));
        custody.getColumns().add(text("Action", 110, CustodyEntry::action));
        custody.getColumns().add(text("Subject", 240, CustodyEntry::subject));
        TableColumn<CustodyEntry, Object> hash = text("Hash", 560, CustodyEntry::hash);
        hash.getStyleClass().add("hash-column");
        custody.getColumns().add(hash);
        return custody;
    }

    private static <T> TableColumn<T, Object> text(String title, double width, Function<T, String> value) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** A numeric column that sorts by value and shows {@code format} of value times {@code scale}. */
    private static <T> TableColumn<T, Object> number(String title, double width, Function<T, Double> value,
            String format, double scale) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, format, (Double) item * scale));
            }
        });
        c.getStyleClass().add("number-column");
        return c;
    }

    private Region detailsPane() {
        Label title = new Label();
        title.setId("detailsTitle");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        TextArea body = new TextArea();
        body.setId("detailsText");
        body.setEditable(false);
        body.setWrapText(true);
        body.getStyleClass().add("details-text");
        model.detailsProperty().addListener((o, a, d) -> {
            title.setText(d.title());
            body.setText(d.body());
            body.positionCaret(0);
            body.setScrollTop(0);
            if (model.selectionProperty().get() instanceof io.seamline.analysis.SipMessageRecord) {
                showTab("ladderTab");
            }
        });
        SelectionDetails shown = model.detailsProperty().get();
        title.setText(shown.title());
        body.setText(shown.body());
        Label header = new Label("Details");
        header.getStyleClass().add("section-title");
        VBox box = new VBox(6, header, title, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        box.setPadding(new Insets(6, 8, 6, 6));
        box.setMinWidth(260);
        return box;
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(120);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label readout = new Label();
        readout.setId("cursorReadout");
        readout.getStyleClass().add("readout");
        readout.textProperty().bind(model.timeline().readoutProperty());
        readout.setMinWidth(Region.USE_PREF_SIZE);
        // The progress bar and Cancel come with the deferred parts: at start the opening is the task
        // running, and an indeterminate bar's skin and animation cost the first frame more than the
        // read takes; the status line says "Opening ..." meanwhile.
        HBox box = new HBox(10, status, readout, slot(this::taskControls, 0));
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
        model.lastErrorProperty().addListener((obs, old, error) -> {
            status.getStyleClass().remove("status-error");
            if (error != null && !error.isEmpty()) {
                status.getStyleClass().add("status-error");
            }
        });
        return box;
    }

    /** The running task's progress bar and its Cancel button, shown while the model is busy. */
    private Region taskControls() {
        ProgressBar bar = new ProgressBar();
        bar.setId("taskProgress");
        bar.setPrefWidth(200);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> model.cancel());
        bar.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, bar, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setMinWidth(Region.USE_PREF_SIZE);
        return controls;
    }

    /** Shows the exported package in the desktop's file manager, where there is one (not under a test). */
    private static void openFolder(java.nio.file.Path folder) {
        if (folder == null || !java.awt.Desktop.isDesktopSupported()) {
            return;
        }
        Thread opener = new Thread(() -> {
            try {
                if (java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(folder.toFile());
                }
            } catch (java.io.IOException | RuntimeException ignored) {
                // The status line already names the folder; a desktop without a file manager is not an error.
            }
        }, "open-export-folder");
        opener.setDaemon(true);
        opener.start();
    }

    private Window window() {
        Scene scene = root.getScene();
        return scene == null ? null : scene.getWindow();
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
