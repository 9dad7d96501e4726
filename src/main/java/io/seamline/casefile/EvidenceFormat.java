package io.seamline.casefile;

/** A file format recognised from content, with the evidence kind it implies when the user gives none. */
public enum EvidenceFormat {
    PCAP("pcap", EvidenceKind.CAPTURE),
    PCAPNG("pcapng", EvidenceKind.CAPTURE),
    WAV("wav", EvidenceKind.RECORDING),
    BWF("bwf", EvidenceKind.EDGE_BUFFER),
    RF64("rf64", EvidenceKind.RECORDING),
    OGG_OPUS("ogg-opus", EvidenceKind.RECORDING),
    JSON("json", EvidenceKind.METADATA),
    XML("xml", EvidenceKind.METADATA);

    private final String label;
    private final EvidenceKind defaultKind;

    EvidenceFormat(String label, EvidenceKind defaultKind) {
        this.label = label;
        this.defaultKind = defaultKind;
    }

    /** The short name stored in the case file and printed by the command line. */
    public String label() {
        return label;
    }

    /** The kind assumed when the user does not say otherwise with {@code --as}. */
    public EvidenceKind defaultKind() {
        return defaultKind;
    }

    /** Reads a stored label back. */
    public static EvidenceFormat fromLabel(String label) {
        for (EvidenceFormat format : values()) {
            if (format.label.equals(label)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown evidence format '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
