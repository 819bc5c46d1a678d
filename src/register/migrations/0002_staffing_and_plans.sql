-- 0002: staffing (categories as data, quotas, entered headcounts, people) and reform plans with their tasks (areas as data).

-- Staff categories are data: the rules changed in 07/2025 (brief §4.2) and will change again.
CREATE TABLE staff_category (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    -- The last day the category exists (the commune-level non-specialised staff ended with the two-tier model).
    valid_until TEXT,
    position    INTEGER NOT NULL
);
INSERT INTO staff_category (code, name, valid_until, position) VALUES
    ('can_bo', 'Cán bộ', NULL, 1),
    ('cong_chuc', 'Công chức', NULL, 2),
    ('hop_dong', 'Hợp đồng lao động', NULL, 3),
    ('thon_to_dan_pho', 'Người hoạt động không chuyên trách ở thôn, tổ dân phố', NULL, 4),
    ('khong_chuyen_trach_xa', 'Người hoạt động không chuyên trách cấp xã', '2025-07-31', 5);

-- The quota (biên chế được giao) of one year and category, with the decision that set it.
CREATE TABLE staff_quota (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    category     TEXT NOT NULL REFERENCES staff_category (code),
    quota        INTEGER NOT NULL CHECK (quota >= 0),
    basis_number TEXT NOT NULL DEFAULT '',
    basis_date   TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (year, category)
);

-- Headcounts entered as totals, for units that keep no per-person records of a category.
CREATE TABLE staff_headcount (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    category   TEXT NOT NULL REFERENCES staff_category (code),
    count      INTEGER NOT NULL CHECK (count >= 0),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, category)
);

CREATE TABLE person (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    position            TEXT NOT NULL DEFAULT '',
    rank                TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL REFERENCES staff_category (code),
    joined              TEXT,
    left_on             TEXT,
    qualification_level TEXT NOT NULL DEFAULT '',
    qualification_field TEXT NOT NULL DEFAULT '',
    political_theory    TEXT NOT NULL DEFAULT '',
    state_management    TEXT NOT NULL DEFAULT '',
    standard_met        INTEGER NOT NULL DEFAULT 0,
    standard_deadline   TEXT,
    note                TEXT NOT NULL DEFAULT '',
    name_sort           BLOB NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX person_category ON person (category);
CREATE INDEX person_name_sort ON person (name_sort);

-- A reform plan (kế hoạch CCHC); numbers such as 01/KH-UBND repeat every year, so the year is part of the identity.
CREATE TABLE plan (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('annual', 'propaganda', 'tthc_control', 'self_inspection', 'other')),
    number     TEXT NOT NULL,
    date       TEXT NOT NULL,
    year       INTEGER NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (year, number)
);

-- The reform areas are data: the six areas of Nghị quyết 76/NQ-CP plus direction and impact.
CREATE TABLE reform_area (
    code     TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO reform_area (code, name, position) VALUES
    ('chi_dao_dieu_hanh', 'Công tác chỉ đạo, điều hành', 1),
    ('the_che', 'Cải cách thể chế', 2),
    ('tthc', 'Cải cách thủ tục hành chính', 3),
    ('bo_may', 'Cải cách tổ chức bộ máy', 4),
    ('cong_vu', 'Cải cách chế độ công vụ', 5),
    ('tai_chinh_cong', 'Cải cách tài chính công', 6),
    ('chinh_quyen_so', 'Xây dựng chính quyền điện tử, chính quyền số', 7),
    ('tac_dong', 'Tác động của cải cách hành chính', 8);

CREATE TABLE task (
    id              INTEGER PRIMARY KEY,
    plan_id         INTEGER NOT NULL REFERENCES plan (id) ON DELETE RESTRICT,
    area            TEXT NOT NULL REFERENCES reform_area (code),
    content         TEXT NOT NULL,
    owner           TEXT NOT NULL DEFAULT '',
    deadline        TEXT,
    expected_output TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'in_progress', 'done', 'cancelled')),
    percent         INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    evidence        TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (plan_id, content)
);
CREATE INDEX task_deadline ON task (deadline);
