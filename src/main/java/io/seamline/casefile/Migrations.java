package io.seamline.casefile;

import java.util.List;

/**
 * The case file schema as a list of forward migrations; {@code PRAGMA user_version} records how many
 * have been applied. A migration is never edited once released: later schema changes append one.
 */
final class Migrations {
    /** One schema step: the version it produces and the statements that produce it. */
    record Migration(int version, String description, List<String> statements) {
    }

    static final List<Migration> ALL = List.of(
            new Migration(1, "case, evidence vault and custody log", List.of(
                    """
                    CREATE TABLE case_info (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        title TEXT NOT NULL,
                        case_number TEXT NOT NULL,
                        examiner TEXT NOT NULL,
                        time_zone TEXT NOT NULL,
                        created_utc TEXT NOT NULL,
                        tool_version TEXT NOT NULL)""",
                    """
                    CREATE TABLE custody (
                        seq INTEGER PRIMARY KEY,
                        time_utc TEXT NOT NULL,
                        examiner TEXT NOT NULL,
                        os_user TEXT NOT NULL,
                        host TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        details TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL)""",
                    """
                    CREATE TABLE custody_head (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        seq INTEGER NOT NULL,
                        hash TEXT NOT NULL)""",
                    """
                    CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody
                    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END""",
                    """
                    CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
                    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END""",
                    """
                    CREATE TABLE evidence (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        original_name TEXT NOT NULL,
                        original_path TEXT NOT NULL,
                        size_bytes INTEGER NOT NULL,
                        sha256 TEXT NOT NULL UNIQUE,
                        format TEXT NOT NULL,
                        imported_at_utc TEXT NOT NULL,
                        imported_by TEXT NOT NULL,
                        note TEXT NOT NULL,
                        chunk_count INTEGER NOT NULL,
                        custody_seq INTEGER REFERENCES custody(seq))""",
                    """
                    CREATE TABLE vault_chunk (
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        chunk_index INTEGER NOT NULL,
                        size_bytes INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        data BLOB NOT NULL,
                        UNIQUE (evidence_id, chunk_index))""")),
            new Migration(2, "derived analysis tables", List.of(
                    // Everything below is derived from the vault by `analyze` and replaced as a whole on each
                    // run; the run's custody entry carries a digest of these rows so edits are detected.
                    """
                    CREATE TABLE capture_summary (
                        evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id),
                        frames INTEGER NOT NULL,
                        first_utc TEXT,
                        last_utc TEXT,
                        details TEXT NOT NULL)""",
                    """
                    CREATE TABLE call (
                        id INTEGER PRIMARY KEY,
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        call_id TEXT NOT NULL,
                        details TEXT NOT NULL)""",
                    """
                    CREATE TABLE sip_message (
                        id INTEGER PRIMARY KEY,
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        frame INTEGER NOT NULL,
                        time_utc TEXT NOT NULL,
                        call_id TEXT NOT NULL,
                        src TEXT NOT NULL,
                        dst TEXT NOT NULL,
                        transport TEXT NOT NULL,
                        label TEXT NOT NULL,
                        raw TEXT NOT NULL)""",
                    """
                    CREATE TABLE rtp_stream (
                        id INTEGER PRIMARY KEY,
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        call_id TEXT NOT NULL,
                        start_utc TEXT NOT NULL,
                        details TEXT NOT NULL)""",
                    """
                    CREATE TABLE event (
                        id INTEGER PRIMARY KEY,
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        time_utc TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        call_id TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        details TEXT NOT NULL)""",
                    """
                    CREATE TABLE lane (
                        id INTEGER PRIMARY KEY,
                        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
                        channel INTEGER NOT NULL,
                        name TEXT NOT NULL,
                        details TEXT NOT NULL,
                        pyramid BLOB)""",
                    """
                    CREATE TABLE lane_pcm (
                        lane_id INTEGER NOT NULL REFERENCES lane(id),
                        chunk_index INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        UNIQUE (lane_id, chunk_index))""",
                    """
                    CREATE TABLE gap (
                        id INTEGER PRIMARY KEY,
                        lane_id INTEGER NOT NULL REFERENCES lane(id),
                        start_utc TEXT NOT NULL,
                        details TEXT NOT NULL)""",
                    """
                    CREATE TABLE alignment (
                        lane_id INTEGER PRIMARY KEY REFERENCES lane(id),
                        details TEXT NOT NULL)""")),
            new Migration(3, "annotations and stitched results", List.of(
                    // An examiner's note on a time range; its custody entry repeats every field so verify can
                    // compare the row with what was recorded.
                    """
                    CREATE TABLE annotation (
                        id INTEGER PRIMARY KEY,
                        start_utc TEXT NOT NULL,
                        end_utc TEXT NOT NULL,
                        lane_id INTEGER,
                        text TEXT NOT NULL,
                        custody_seq INTEGER NOT NULL REFERENCES custody(seq))""",
                    // A stitched recording written outside the case: its manifest and output hash, tied to the
                    // custody entry of the stitch.
                    """
                    CREATE TABLE stitch (
                        id INTEGER PRIMARY KEY,
                        created_utc TEXT NOT NULL,
                        output_path TEXT NOT NULL,
                        output_sha256 TEXT NOT NULL,
                        manifest TEXT NOT NULL,
                        custody_seq INTEGER NOT NULL REFERENCES custody(seq))""")),
            new Migration(4, "packet index of decoded capture lanes", List.of(
                    // Derived by `analyze` like lane_pcm: per chunk of a G.711 capture lane, where its packets'
                    // payloads lie in the vaulted capture, so the lane's audio is decoded on demand instead of
                    // stored. Rows go with their lane.
                    """
                    CREATE TABLE lane_packets (
                        lane_id INTEGER NOT NULL REFERENCES lane(id) ON DELETE CASCADE,
                        chunk_index INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        UNIQUE (lane_id, chunk_index))""")),
            new Migration(5, "file moves that finish a committed operation", List.of(
                    // Stitch and export write files beside the case, which cannot join its transaction. The
                    // rename that puts such a file in place is recorded with the operation and done after the
                    // commit; a kill in between is finished on the next open (roll forward), so the operation is
                    // complete or absent, never a file without its record.
                    """
                    CREATE TABLE pending_move (
                        id INTEGER PRIMARY KEY,
                        from_path TEXT NOT NULL,
                        to_path TEXT NOT NULL,
                        replace_existing INTEGER NOT NULL)""")));

    /** The version a case reaches after every migration this build knows. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
