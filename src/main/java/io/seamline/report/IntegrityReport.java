package io.seamline.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link PackageVerifier}: what was checked (one line each) and one line per problem,
 * each naming the file or signature that failed.
 */
public record IntegrityReport(Path target, Kind kind, List<String> checked, List<String> problems) {
    /** What the verified path turned out to be. */
    public enum Kind { CASE, SIGNED_PDF, PACKAGE_FOLDER, PACKAGE_ZIP }

    public IntegrityReport {
        checked = List.copyOf(checked);
        problems = List.copyOf(problems);
    }

    /** True when nothing was found wrong. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
