-- 0005: report files (.cchc): the revisions this unit sent, the superior's list of expected units, and the reports it received.

-- A file this unit exported. Exporting freezes the revision: a later export with other data is a new row whose
-- `supersedes` names the previous revision of the same root (the same period).
CREATE TABLE package_sent (
    report_id   TEXT PRIMARY KEY,
    root_id     TEXT NOT NULL,
    supersedes  TEXT REFERENCES package_sent (report_id),
    revision    INTEGER NOT NULL CHECK (revision >= 1),
    period      TEXT NOT NULL,
    data_sha256 TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    size        INTEGER NOT NULL,
    approver    TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (root_id, revision)
);
CREATE INDEX package_sent_period ON package_sent (period, revision);

-- The units the superior level expects reports from (its communes and wards), importable from Excel or CSV.
CREATE TABLE expected_unit (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    sort_key   BLOB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A report received at the superior level: the manifest's fields, the manifest and data JSON as received, the file's
-- hash (its bytes are in archive/<file_sha256>.cchc beside the register) and what became of it.
CREATE TABLE package_received (
    report_id        TEXT PRIMARY KEY,
    root_id          TEXT NOT NULL,
    supersedes       TEXT,
    revision         INTEGER NOT NULL,
    unit_code        TEXT NOT NULL,
    unit_name        TEXT NOT NULL,
    province         TEXT NOT NULL,
    report_kind      TEXT NOT NULL,
    period           TEXT NOT NULL,
    format_version   INTEGER NOT NULL,
    program_version  TEXT NOT NULL,
    criteria_urn     TEXT,
    criteria_version TEXT,
    created_at       TEXT NOT NULL,
    approved_at      TEXT,
    approver         TEXT,
    manifest         TEXT NOT NULL,
    data             TEXT NOT NULL,
    file_sha256      TEXT NOT NULL UNIQUE,
    size             INTEGER NOT NULL,
    file_name        TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('current', 'superseded', 'stale', 'conflict'))
);
CREATE INDEX package_received_unit ON package_received (unit_code, period, status);
CREATE INDEX package_received_root ON package_received (root_id, revision);
