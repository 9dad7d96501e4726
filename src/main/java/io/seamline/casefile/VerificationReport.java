package io.seamline.casefile;

import java.util.List;

/** The outcome of verifying a case: what was checked and one line per problem found. */
public record VerificationReport(int evidenceChecked, long bytesChecked, int custodyEntriesChecked,
        List<String> problems) {
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** True when nothing was found wrong. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
