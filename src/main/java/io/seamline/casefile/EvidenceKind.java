package io.seamline.casefile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What role a piece of evidence plays in the case; its {@link #cliName()} is what users type. */
public enum EvidenceKind {
    RECORDING("recording"),
    EDGE_BUFFER("edge-buffer"),
    CAPTURE("capture"),
    METADATA("metadata"),
    EVENT_LOG("event-log");

    private final String cliName;

    EvidenceKind(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case, hyphenated name used on the command line, in JSON and in the case file. */
    public String cliName() {
        return cliName;
    }

    /** Parses a name as typed by a user; throws with the list of accepted names otherwise. */
    public static EvidenceKind parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (EvidenceKind kind : values()) {
            if (kind.cliName.equals(wanted) || kind.name().equalsIgnoreCase(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown evidence kind '" + name + "' (expected one of "
                + Arrays.stream(values()).map(EvidenceKind::cliName).collect(Collectors.joining(", ")) + ")");
    }

    @Override
    public String toString() {
        return cliName;
    }
}
