package io.seamline.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The case's identity: title, case number, examiner, the time zone local times are shown in, and
 * when the case was created (UTC).
 */
public record CaseInfo(String title, String caseNumber, String examiner, ZoneId timeZone, Instant createdUtc,
        String toolVersion) {
    public CaseInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(examiner, "examiner");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(createdUtc, "createdUtc");
        Objects.requireNonNull(toolVersion, "toolVersion");
        caseNumber = caseNumber == null ? "" : caseNumber;
    }
}
