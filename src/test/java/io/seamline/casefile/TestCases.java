package io.seamline.casefile;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;

/** Fixture locations and a quick way to make a case for tests. */
public final class TestCases {
    private TestCases() {
    }

    /** The shared folder beside the repository (public captures and their references). */
    public static Path shared() {
        return Path.of(System.getProperty("seamline.shared", "../shared"));
    }

    /** A public capture by file name. */
    public static Path publicCapture(String name) {
        return shared().resolve("captures/public").resolve(name);
    }

    /** A fixture committed under src/test/resources/io/seamline/casefile/. */
    public static Path fixture(String name) {
        try {
            return Path.of(TestCases.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** Creates a case named case.seamline in {@code dir}. */
    public static CaseService newCase(Path dir) throws CaseFileException {
        return CaseService.create(new NewCaseRequest(dir.resolve("case.seamline"), "Failover on call 4711", "C-2026-17",
                "Dana Examiner", ZoneId.of("Europe/London")));
    }
}
