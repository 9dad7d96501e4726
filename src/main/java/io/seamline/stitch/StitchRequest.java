package io.seamline.stitch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to stitch and where to write it: the output WAV (its manifest goes beside it), the call and
 * primary recording to use (null for the defaults), whether an existing output may be replaced, and
 * the crossfade length at each seam in milliseconds (0: seams are butt joins and no sample is altered).
 *
 * @param output         the WAV file to write; {@code NAME.manifest.json} is written beside it
 * @param callId         SIP Call-ID whose recording to stitch, or null for the call the recordings belong to
 * @param primaryEvidenceId evidence id of the primary recording, or null for the call's recording lane
 * @param force          replace an existing output or manifest
 * @param crossfadeMs    linear crossfade centred on each seam, in milliseconds; 0 for none
 */
public record StitchRequest(Path output, String callId, Long primaryEvidenceId, boolean force, int crossfadeMs) {
    public StitchRequest {
        Objects.requireNonNull(output, "output");
        if (crossfadeMs < 0 || crossfadeMs > 1000) {
            throw new IllegalArgumentException("crossfade must be 0 to 1000 ms, got " + crossfadeMs + " ms");
        }
    }

    /**
     * The stitch an export makes first (the window's "stitch first" box, the CLI's {@code export --stitch}):
     * defaults, written beside the package as {@code NAME-stitched.wav} for a package folder or
     * {@code NAME.zip}, so the package then includes it as the latest stitch.
     */
    public static StitchRequest besidePackage(Path packageTarget) {
        Path target = packageTarget.toAbsolutePath().normalize();
        String base = target.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
        return to(target.resolveSibling(base + "-stitched.wav"));
    }

    /** A request with defaults: the call's recording as primary, no overwrite, no crossfade. */
    public static StitchRequest to(Path output) {
        return new StitchRequest(output, null, null, false, 0);
    }
}
