-- 0006: official reports: the yearly outgoing-document register (sổ văn bản đi) and the report sections an official edited.

-- Sổ đăng ký văn bản đi: the running number of the year, given by the văn thư when a document is issued; numbering
-- restarts every year. Printing a draft takes no number. A report made by the app names its kind and period; each
-- report is issued once.
CREATE TABLE outgoing_document (
    id            INTEGER PRIMARY KEY,
    year          INTEGER NOT NULL,
    number        INTEGER NOT NULL CHECK (number > 0),
    symbol        TEXT NOT NULL,
    date          TEXT NOT NULL,
    subject       TEXT NOT NULL,
    signer        TEXT NOT NULL,
    recipients    TEXT NOT NULL DEFAULT '[]',
    report_kind   TEXT CHECK (report_kind IN ('periodic', 'stats')),
    report_period TEXT,
    created_at    TEXT NOT NULL,
    UNIQUE (year, number),
    UNIQUE (report_kind, report_period)
);

-- The text of one section of one report as the official wrote it. Sections without a row are drafted again from the
-- register each time the report is printed; an edited text is kept until the official resets it.
CREATE TABLE report_section (
    report_kind TEXT NOT NULL CHECK (report_kind IN ('periodic', 'stats')),
    period      TEXT NOT NULL,
    section     TEXT NOT NULL,
    text        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (report_kind, period, section)
);
