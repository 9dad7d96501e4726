package io.seamline.casefile;

import java.nio.file.Path;
import java.time.ZoneId;

/** What a user asks for when creating a case: where, and the case's identity. */
public record NewCaseRequest(Path path, String title, String caseNumber, String examiner, ZoneId timeZone) {
}
