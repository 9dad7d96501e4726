package io.seamline.ui;

import io.seamline.analysis.SipMessageRecord;
import io.seamline.timeline.MarkerKind;
import io.seamline.timeline.Palette;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

/**
 * The SIP ladder (flow diagram, as Wireshark's): one column per endpoint, one arrow per message of
 * the chosen call in time order, the method or status on the arrow and the time on the left. A click
 * on a message shows its raw text in the details pane and moves the timeline there.
 */
public final class SipLadderView {
    static final double ROW_PX = 30;
    static final double TIME_PX = 130;
    static final double HEADER_PX = 40;
    static final double MIN_COLUMN_PX = 220;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final CaseViewModel model;
    private final BorderPane root = new BorderPane();
    private final Pane header = new Pane();
    private final Pane body = new Pane();
    private final Label title = new Label();
    private final List<Pane> rows = new ArrayList<>();
    private final ScrollPane scroll;

    public SipLadderView(CaseViewModel model) {
        this.model = model;
        root.setId("sipLadder");
        title.setId("ladderTitle");
        title.getStyleClass().add("ladder-title");
        title.setPadding(new Insets(3, 8, 3, 8));
        body.setId("ladderBody");
        body.getStyleClass().add("ladder-body");
        header.getStyleClass().add("ladder-header");
        scroll = new ScrollPane(body);
        scroll.setId("ladderScroll");
        scroll.setFitToWidth(true);
        BorderPane top = new BorderPane(header);
        top.setTop(title);
        root.setTop(top);
        root.setCenter(scroll);
        model.ladderMessages().addListener((ListChangeListener<SipMessageRecord>) c -> rebuild());
        model.selectionProperty().addListener((o, a, b) -> highlight());
        model.timeline().utcAxisProperty().addListener((o, a, b) -> rebuild());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    /** The node to put in a tab. */
    public BorderPane root() {
        return root;
    }

    /** Scrolls so that message row {@code index} is in view. */
    public void scrollTo(int index) {
        double content = body.getPrefHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (content <= view || index < 0) {
            return;
        }
        double y = index * ROW_PX - view / 2 + ROW_PX / 2;
        scroll.setVvalue(Math.max(0, Math.min(1, y / (content - view))));
    }

    /** The message rows, in time order (for tests). */
    List<Pane> rows() {
        return rows;
    }

    /** The endpoints of a list of messages, in order of first appearance. */
    static List<String> endpoints(List<SipMessageRecord> messages) {
        Set<String> seen = new LinkedHashSet<>();
        for (SipMessageRecord m : messages) {
            seen.add(m.src());
            seen.add(m.dst());
        }
        return new ArrayList<>(seen);
    }

    private void rebuild() {
        List<SipMessageRecord> messages = List.copyOf(model.ladderMessages());
        String callId = model.ladderCallIdProperty().get();
        title.setText(messages.isEmpty() ? "No SIP messages: analyse a case with a capture."
                : (callId == null ? "All calls" : "Call-ID " + callId) + "  \u00b7  " + messages.size()
                        + " message(s)  \u00b7  click a message for its raw text");
        List<String> endpoints = endpoints(messages);
        double available = Math.max(root.getWidth() - 20, 600);
        double column = Math.max(MIN_COLUMN_PX, (available - TIME_PX) / Math.max(1, endpoints.size()));
        double width = TIME_PX + column * endpoints.size();
        header.getChildren().clear();
        body.getChildren().clear();
        rows.clear();
        header.setPrefHeight(HEADER_PX);
        header.setMinHeight(HEADER_PX);
        ZoneId zone = model.timeline().axisZone();
        Text zoneText = new Text(8, 26, model.timeline().utcAxisProperty().get() ? "Time (UTC)" : "Time (" + zone.getId() + ")");
        zoneText.getStyleClass().add("ladder-endpoint");
        header.getChildren().add(zoneText);
        for (int i = 0; i < endpoints.size(); i++) {
            double x = TIME_PX + column * (i + 0.5);
            Label name = new Label(endpoints.get(i));
            name.getStyleClass().add("ladder-endpoint");
            name.setLayoutX(x - column / 2 + 4);
            name.setLayoutY(10);
            name.setPrefWidth(column - 8);
            name.setAlignment(javafx.geometry.Pos.CENTER);
            header.getChildren().add(name);
            Line life = new Line(x, 0, x, Math.max(ROW_PX, messages.size() * ROW_PX + 10));
            life.getStyleClass().add("ladder-lifeline");
            life.setStroke(Color.web("#9a9a92"));
            life.getStrokeDashArray().setAll(4.0, 4.0);
            body.getChildren().add(life);
        }
        Set<String> invited = new java.util.HashSet<>();
        for (int r = 0; r < messages.size(); r++) {
            SipMessageRecord m = messages.get(r);
            // A later INVITE in the same dialog set is a re-INVITE (RFC 3261 section 14).
            boolean reInvite = m.label() != null && m.label().startsWith("INVITE ")
                    && !invited.add(String.valueOf(m.callId()));
            Pane row = row(m, reInvite ? "re-INVITE  " + m.label() : m.label(), r, endpoints, column, width, zone);
            rows.add(row);
            body.getChildren().add(row);
        }
        body.setPrefSize(width, Math.max(ROW_PX, messages.size() * ROW_PX + 10));
        highlight();
    }

    private Pane row(SipMessageRecord m, String text, int index, List<String> endpoints, double column,
            double width, ZoneId zone) {
        Pane row = new Pane();
        row.setId("ladderMsg-" + index);
        row.getStyleClass().add("ladder-row");
        row.setLayoutY(index * ROW_PX);
        row.setPrefSize(width, ROW_PX);
        row.setUserData(m);
        Text time = new Text(8, ROW_PX / 2 + 8, ZonedDateTime.ofInstant(m.timeUtc(), zone).format(TIME));
        time.getStyleClass().add("ladder-time");
        double x0 = TIME_PX + column * (endpoints.indexOf(m.src()) + 0.5);
        double x1 = TIME_PX + column * (endpoints.indexOf(m.dst()) + 0.5);
        double y = ROW_PX - 7;
        Color colour = colour(m.label());
        Line line = new Line(x0, y, x1, y);
        line.setStroke(colour);
        line.setStrokeWidth(1.6);
        double dir = Math.signum(x1 - x0);
        Polygon head = new Polygon(x1, y, x1 - dir * 9, y - 4.5, x1 - dir * 9, y + 4.5);
        head.setFill(colour);
        Text label = new Text(text);
        label.getStyleClass().add("ladder-label");
        label.setFill(colour.darker());
        double tw = label.getLayoutBounds().getWidth();
        label.setX((x0 + x1) / 2 - tw / 2);
        label.setY(y - 5);
        row.getChildren().addAll(time, line, head, label);
        row.setOnMouseClicked(e -> model.select(m));
        return row;
    }

    private static Color colour(String label) {
        String[] words = label == null ? new String[] {""} : label.strip().split(" ");
        // A response's start line is "SIP/2.0 <status> <reason>" (RFC 3261 section 7.2).
        String first = words[0].startsWith("SIP/") && words.length > 1 ? words[1] : words[0];
        if (first.matches("[1-6][0-9][0-9]")) {
            char c = first.charAt(0);
            if (c >= '4') {
                return Color.web(Palette.marker(MarkerKind.REJECTED));
            }
            return c == '2' ? Color.web("#1b6e3a") : Color.web("#555555");
        }
        if (first.equals("BYE") || first.equals("CANCEL")) {
            return Color.web(Palette.marker(MarkerKind.HANGUP));
        }
        return Color.web("#1f4e8c");
    }

    private void highlight() {
        Object selected = model.selectionProperty().get();
        for (int i = 0; i < rows.size(); i++) {
            Pane row = rows.get(i);
            row.getStyleClass().remove("ladder-row-selected");
            if (row.getUserData() == selected) {
                row.getStyleClass().add("ladder-row-selected");
                scrollTo(i);
            }
        }
    }
}
