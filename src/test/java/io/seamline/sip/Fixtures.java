package io.seamline.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads test fixtures from src/test/resources/io/seamline/sip. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String relative) {
        try (InputStream in = Fixtures.class.getResourceAsStream(relative)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + relative);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipMessage sip(String relative) throws SipParseException {
        return SipParser.parse(bytes(relative));
    }
}
