package io.seamline.casefile;

import java.nio.file.Path;

/** Refusal to import bytes the case already holds; carries the existing evidence id. */
public final class DuplicateEvidenceException extends CaseFileException {
    private static final long serialVersionUID = 1L;
    private final long existingId;

    public DuplicateEvidenceException(Path file, long existingId, String sha256) {
        super(file, "already in the case as evidence " + existingId + " (SHA-256 " + sha256 + ")");
        this.existingId = existingId;
    }

    /** The id of the evidence that holds the same bytes. */
    public long existingId() {
        return existingId;
    }
}
