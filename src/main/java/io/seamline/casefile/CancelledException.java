package io.seamline.casefile;

/** A long operation stopped at the user's request; whatever it had begun was rolled back. */
public final class CancelledException extends Exception {
    private static final long serialVersionUID = 1L;

    public CancelledException(String what) {
        super(what + " cancelled; the case is unchanged");
    }
}
