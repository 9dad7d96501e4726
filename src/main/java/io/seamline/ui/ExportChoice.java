package io.seamline.ui;

import io.seamline.report.PaperSize;
import java.nio.file.Path;

/**
 * What the Export dialog asks for: where the package goes (a folder, or a file ending in .zip),
 * whether to stitch the recording first, the paper size, and an organisation keystore (or none, for
 * the examiner's self-signed key, kept in {@code examinerKeyDirectory}, null for the per-user default).
 */
public record ExportChoice(Path target, boolean stitchFirst, PaperSize paper, Path keystore, String alias,
        char[] password, Path examinerKeyDirectory) {
}
