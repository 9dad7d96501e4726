package io.seamline.casefile;

import java.time.Instant;

/**
 * One line of the append-only custody log: what was done, by whom, when, and the hashes that chain
 * it to the entry before (see {@link CustodyLog#canonicalForm} for what is hashed).
 */
public record CustodyEntry(long seq, Instant timeUtc, Actor actor, String action, String subject, String detailsJson,
        String prevHash, String hash) {
}
