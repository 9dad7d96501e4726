package io.seamline.casefile;

import java.time.Instant;

/**
 * One imported evidence file: its identity in the case, where it came from, and the SHA-256 of its
 * bytes as kept in the vault.
 */
public record Evidence(long id, EvidenceKind kind, String originalName, String originalPath, long sizeBytes,
        String sha256, EvidenceFormat format, Instant importedAtUtc, String importedBy, String note,
        int chunkCount, long custodySeq) {
}
