package io.seamline.casefile;

import java.nio.file.Path;
import java.util.List;

/**
 * Files to bring into the case, as both front ends ask for it: the files, the kind to use when the
 * format alone does not say ({@code null} to infer it) and a note kept with each item.
 */
public record ImportRequest(List<Path> files, EvidenceKind asKind, String note) {
    public ImportRequest {
        files = List.copyOf(files);
        note = note == null ? "" : note;
    }
}
