package io.seamline.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Seamline build, as Maven wrote it into {@code seamline-version.properties}. */
public final class SeamlineVersion {
    private static final String VERSION = load();

    private SeamlineVersion() {
    }

    /** The version string, e.g. {@code 0.1.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = SeamlineVersion.class.getResourceAsStream("/seamline-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
