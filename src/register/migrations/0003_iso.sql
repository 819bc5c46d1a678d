-- 0003: the ISO 9001 quality system (HTQLCL): version, announcements with their scope, internal audits, nonconformities, management reviews, their actions, legal changes and yearly reports.

-- The standard the unit applies; one row at most.
CREATE TABLE iso_system (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    TEXT NOT NULL CHECK (version IN ('TCVN ISO 9001:2008', 'TCVN ISO 9001:2015')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Quyết định công bố (or công bố lại) hệ thống quản lý chất lượng phù hợp TCVN ISO 9001.
CREATE TABLE iso_announcement (
    id         INTEGER PRIMARY KEY,
    number     TEXT NOT NULL,
    date       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('announce', 're_announce')),
    version    TEXT NOT NULL CHECK (version IN ('TCVN ISO 9001:2008', 'TCVN ISO 9001:2015')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (number, date)
);

-- The scope of an announcement: the procedures it covers, by code (the code is a procedure's identity). No foreign
-- key, so a procedure later deleted is still listed and the check can name it.
CREATE TABLE iso_scope (
    announcement_id INTEGER NOT NULL REFERENCES iso_announcement (id) ON DELETE CASCADE,
    procedure_code  TEXT NOT NULL,
    PRIMARY KEY (announcement_id, procedure_code)
);

-- Đánh giá nội bộ.
CREATE TABLE iso_audit (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    scope      TEXT NOT NULL DEFAULT '',
    findings   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX iso_audit_date ON iso_audit (date);

-- Điểm không phù hợp found by an internal audit.
CREATE TABLE iso_nonconformity (
    id          INTEGER PRIMARY KEY,
    audit_id    INTEGER NOT NULL REFERENCES iso_audit (id) ON DELETE RESTRICT,
    description TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Xem xét của lãnh đạo.
CREATE TABLE iso_review (
    id         INTEGER PRIMARY KEY,
    date       TEXT NOT NULL,
    decisions  TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX iso_review_date ON iso_review (date);

-- An action: the corrective action of a nonconformity, or an action decided by a management review.
CREATE TABLE iso_action (
    id                    INTEGER PRIMARY KEY,
    nonconformity_id      INTEGER REFERENCES iso_nonconformity (id) ON DELETE RESTRICT,
    review_id             INTEGER REFERENCES iso_review (id) ON DELETE RESTRICT,
    content               TEXT NOT NULL,
    owner                 TEXT NOT NULL,
    due                   TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    done_on               TEXT,
    effectiveness_checked TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    CHECK ((nonconformity_id IS NULL) <> (review_id IS NULL))
);
CREATE INDEX iso_action_due ON iso_action (due);

-- A new or changed legal text to bring into the system; due three months after it takes effect (computed).
CREATE TABLE iso_legal_change (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    effective  TEXT NOT NULL,
    done_on    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The yearly report on the system, sent.
CREATE TABLE iso_report (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL UNIQUE,
    number     TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
