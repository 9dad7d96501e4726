package io.seamline.stitch;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished stitch: where the WAV and its manifest were written, their SHA-256 digests (lower-case
 * hex), the stored row id, the manifest itself and warnings about the inputs.
 */
public record StitchResult(Path output, Path manifestPath, String outputSha256, String manifestSha256, long stitchId,
        long custodySeq, StitchManifest manifest, List<String> warnings) {
    public StitchResult {
        warnings = List.copyOf(warnings);
    }
}
