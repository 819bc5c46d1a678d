-- 0001: the first register: unit profile, period overrides, procedures (TTHC), case statistics (Biểu 06) and the append-only change log.

CREATE TABLE unit (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('xa', 'phuong', 'dac_khu')),
    province         TEXT NOT NULL,
    code             TEXT NOT NULL DEFAULT '',
    superior_line    TEXT NOT NULL DEFAULT '',
    issuer_line      TEXT NOT NULL,
    place_name       TEXT NOT NULL,
    signer_name      TEXT NOT NULL DEFAULT '',
    signer_title     TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT 'tm' CHECK (signer_authority IN ('tm', 'kt', 'direct')),
    recipients       TEXT NOT NULL DEFAULT '[]',
    copies_to        TEXT NOT NULL DEFAULT '[]',
    user_name        TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

-- A unit's own data window and deadline for a period, where its province differs from the defaults.
CREATE TABLE period_setting (
    period     TEXT PRIMARY KEY,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    deadline   TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start_date <= end_date)
);

CREATE TABLE procedure (
    id                      INTEGER PRIMARY KEY,
    code                    TEXT NOT NULL UNIQUE,
    name                    TEXT NOT NULL,
    field                   TEXT NOT NULL,
    time_amount             REAL,
    time_unit               TEXT CHECK (time_unit IN ('working_days', 'days', 'working_hours')),
    fee                     TEXT NOT NULL DEFAULT '',
    legal_bases             TEXT NOT NULL DEFAULT '[]',
    announcement_number     TEXT NOT NULL DEFAULT '',
    announcement_date       TEXT,
    status                  TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'amended', 'replaced', 'abolished')),
    replaced_by             TEXT,
    online_level            TEXT NOT NULL DEFAULT 'none' CHECK (online_level IN ('full', 'partial', 'none')),
    one_stop                INTEGER NOT NULL DEFAULT 1,
    interlinked             INTEGER NOT NULL DEFAULT 0,
    postal                  INTEGER NOT NULL DEFAULT 0,
    boundary_free           INTEGER NOT NULL DEFAULT 0,
    internal_process_number TEXT NOT NULL DEFAULT '',
    internal_process_date   TEXT,
    in_iso_scope            INTEGER NOT NULL DEFAULT 0,
    retired_on              TEXT,
    -- Derived on every write: the diacritic-free search text and the Vietnamese sort keys (text::fold, text::sort_key).
    search_text             TEXT NOT NULL,
    name_sort               BLOB NOT NULL,
    field_sort              BLOB NOT NULL,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    CHECK ((time_amount IS NULL) = (time_unit IS NULL))
);
CREATE INDEX procedure_field ON procedure (field);
CREATE INDEX procedure_name_sort ON procedure (name_sort);

CREATE TABLE case_stats (
    id                  INTEGER PRIMARY KEY,
    period              TEXT NOT NULL,
    field               TEXT NOT NULL,
    -- NULL: the row counts the whole field.
    procedure_id        INTEGER REFERENCES procedure (id) ON DELETE RESTRICT,
    received_total      INTEGER NOT NULL DEFAULT 0,
    received_online     INTEGER NOT NULL DEFAULT 0,
    received_direct     INTEGER NOT NULL DEFAULT 0,
    carried_over        INTEGER NOT NULL DEFAULT 0,
    resolved_total      INTEGER NOT NULL DEFAULT 0,
    resolved_early      INTEGER NOT NULL DEFAULT 0,
    resolved_on_time    INTEGER NOT NULL DEFAULT 0,
    resolved_late       INTEGER NOT NULL DEFAULT 0,
    in_progress_total   INTEGER NOT NULL DEFAULT 0,
    in_progress_within  INTEGER NOT NULL DEFAULT 0,
    in_progress_overdue INTEGER NOT NULL DEFAULT 0,
    apology_letters     INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
-- One row per period, field and procedure (NULL procedure = whole field); SQLite treats NULLs as distinct in UNIQUE.
CREATE UNIQUE INDEX case_stats_key ON case_stats (period, field, ifnull(procedure_id, 0));
CREATE INDEX case_stats_procedure ON case_stats (procedure_id);

-- What changed, when and by whom; written in the same transaction as the change. Never updated, never deleted.
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'retire', 'delete')),
    before    TEXT,
    after     TEXT
);
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'change_log is append-only');
END;
