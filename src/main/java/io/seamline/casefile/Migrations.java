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
                        UNIQUE (evidence_id, chunk_index))""")));

    /** The version a case reaches after every migration this build knows. */
    static final int LATEST = ALL.get(ALL.size() - 1).version();

    private Migrations() {
    }
}
