-- 0007: the self-assessment report joins the report kinds, and an issued report keeps its printed copy.

-- SQLite cannot change a CHECK constraint in place: both tables are rebuilt with the new kind and their rows copied.
-- An issued report keeps the pages and the PDF it was issued with (`pages_json`, `pdf`), so printing it again gives
-- the same document however the register changes afterwards, appendices included. Reports issued before this
-- migration have no copy and are laid out again from their frozen section texts.
CREATE TABLE outgoing_document_new (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    number        INTEGER NOT NULL CHECK (number > 0),
    symbol        TEXT NOT NULL,
    date          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    signer        TEXT NOT NULL,
    recipients    TEXT NOT NULL DEFAULT '[]',
    report_kind   TEXT CHECK (report_kind IN ('periodic', 'stats', 'assessment')),
    report_period TEXT,
    created_at    TEXT NOT NULL,
    pages_json    TEXT,
    pdf           BLOB,
    UNIQUE (year, number),
    UNIQUE (report_kind, report_period)
);
INSERT INTO outgoing_document_new (id, year, number, symbol, date, subject, signer, recipients, report_kind,
    report_period, created_at)
SELECT id, year, number, symbol, date, subject, signer, recipients, report_kind, report_period, created_at
FROM outgoing_document;
DROP TABLE outgoing_document;
ALTER TABLE outgoing_document_new RENAME TO outgoing_document;

CREATE TABLE report_section_new (
    report_kind TEXT NOT NULL CHECK (report_kind IN ('periodic', 'stats', 'assessment')),
    period      TEXT NOT NULL,
    section     TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (report_kind, period, section)
);
INSERT INTO report_section_new SELECT report_kind, period, section, text, created_at, updated_at FROM report_section;
DROP TABLE report_section;
ALTER TABLE report_section_new RENAME TO report_section;
