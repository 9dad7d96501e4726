package io.seamline.casefile;

import java.nio.file.Path;

/**
 * A problem with an input the user named (a case file or an evidence file): its message is one line
 * that names the file and what is wrong, and the case is unchanged when it is thrown.
 */
public class CaseFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public CaseFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public CaseFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file the problem is about. */
    public Path file() {
        return file;
    }
}
