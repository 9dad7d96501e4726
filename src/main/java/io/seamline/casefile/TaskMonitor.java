package io.seamline.casefile;

/**
 * The plain listener through which a long core operation reports progress and learns of
 * cancellation. The command line draws it as a terminal bar; the window turns it into properties on
 * the FX thread. Implementations must be cheap: they are called from the working thread.
 */
public interface TaskMonitor {
    /** A monitor that shows nothing and never cancels. */
    TaskMonitor NONE = new TaskMonitor() {
    };

    /**
     * Reports that {@code done} of {@code total} units of the named stage are finished; {@code total}
     * is negative when unknown.
     */
    default void progress(String stage, long done, long total) {
    }

    /** True once the user asked to stop; the operation then rolls back and throws {@link CancelledException}. */
    default boolean isCancelled() {
        return false;
    }
}
