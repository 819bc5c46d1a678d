-- 0011: work copies and their changes merged back (issue 19). A register gets an identity of its own (a UUID
-- given once, here or when it is created), so that a changes file is only ever merged into the register its work
-- copy was taken from. A work copy (a copy of the office register opened on another computer) holds one
-- `work_copy` row and, in `work_copy_base`, each mergeable record as it was when the copy was taken or when its
-- last changes file was written: its changes are the difference from that base. The office keeps the copies it
-- gave out and every changes file it merged, in order; each change-log entry a merge writes names where it came
-- from (`origin`).

CREATE TABLE register_identity (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    uid TEXT NOT NULL
);
INSERT INTO register_identity (id, uid) VALUES (1, (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))));

CREATE TABLE work_copy (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    copy_uid    TEXT NOT NULL,
    person      TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    sent        INTEGER NOT NULL DEFAULT 0,
    last_sha256 TEXT,
    -- The change-log entry the base stands at: changes after it are what the next changes file sends.
    base_log    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE work_copy_base (
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    row TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
) WITHOUT ROWID;

CREATE TABLE work_copy_given (
    copy_uid TEXT PRIMARY KEY,
    person   TEXT NOT NULL,
    taken_at TEXT NOT NULL
);

CREATE TABLE changes_merged (
    copy_uid  TEXT NOT NULL,
    sequence  INTEGER NOT NULL,
    sha256    TEXT NOT NULL,
    person    TEXT NOT NULL,
    merged_at TEXT NOT NULL,
    applied   INTEGER NOT NULL,
    conflicts INTEGER NOT NULL,
    PRIMARY KEY (copy_uid, sequence)
);

ALTER TABLE change_log ADD COLUMN origin TEXT;
