-- 0004: the yearly self-assessment of the CCHC index: criteria sets (every version kept), assessments and their stage, the score of each leaf in every round, evidence documents and their links to leaves.

-- A criteria set as imported: its JSON text is kept verbatim so that an old assessment reopens exactly as scored.
-- Only a newer version of a urn may be added; versions are never replaced or deleted.
CREATE TABLE criteria_set (
    id         INTEGER PRIMARY KEY,
    urn        TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1),
    name       TEXT NOT NULL,
    json       TEXT NOT NULL,
    -- 'bundled' for the sample set shipped with the program, otherwise the name of the imported file.
    source     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (urn, version)
);

-- Phiếu tự đánh giá: one per year.
CREATE TABLE assessment (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL UNIQUE,
    criteria_set_id INTEGER NOT NULL REFERENCES criteria_set (id) ON DELETE RESTRICT,
    stage           TEXT NOT NULL DEFAULT 'draft'
                    CHECK (stage IN ('draft', 'self_locked', 'appraisal1', 'explanation', 'appraisal2', 'final')),
    leader          TEXT NOT NULL DEFAULT '',
    locked_on       TEXT,
    deadline        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- The score of one leaf (by its code in the set) in every round. Points are integer hundredths (1,5 = 150).
CREATE TABLE assessment_score (
    assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    code            TEXT NOT NULL,
    self_points     INTEGER,
    not_applicable  INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
    note            TEXT NOT NULL DEFAULT '',
    explanation     TEXT NOT NULL DEFAULT '',
    suggested       INTEGER,
    trace           TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    round1          INTEGER,
    round1_note     TEXT NOT NULL DEFAULT '',
    reply           TEXT NOT NULL DEFAULT '',
    round2          INTEGER,
    round2_note     TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (assessment_id, code)
);

-- Tài liệu kiểm chứng: a document, optionally with a copy of its file in the evidence store beside the register
-- (named by the SHA-256 of its content).
CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL,
    number        TEXT NOT NULL DEFAULT '',
    date          TEXT,
    issuer        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL,
    file_sha256   TEXT,
    file_name     TEXT,
    file_size     INTEGER,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- One document supports many leaves; a leaf has many documents.
CREATE TABLE evidence_link (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    code          TEXT NOT NULL,
    evidence_id   INTEGER NOT NULL REFERENCES evidence (id) ON DELETE RESTRICT,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, code, evidence_id)
);
CREATE INDEX evidence_link_evidence ON evidence_link (evidence_id);
