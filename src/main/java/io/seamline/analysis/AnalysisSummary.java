package io.seamline.analysis;

import java.util.List;

/** What one {@code analyze} run found, in counts, with any warnings about the inputs. */
public record AnalysisSummary(int captures, long frames, int calls, int sipMessages, int streams, int handoffs,
        int lanes, int gaps, List<String> warnings, String derivedSha256) {
    public AnalysisSummary {
        warnings = List.copyOf(warnings);
    }
}
