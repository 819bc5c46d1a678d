-- 0009: a register can be kept by a superior level (Sở Nội vụ), a unit kind of its own: the roll-up, the received
-- report files and the expected units belong to it. SQLite cannot change a CHECK, so the one-row unit table is
-- rebuilt with the same columns and rows.

CREATE TABLE unit_new (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('xa', 'phuong', 'dac_khu', 'so_noi_vu')),
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
INSERT INTO unit_new SELECT * FROM unit;
DROP TABLE unit;
ALTER TABLE unit_new RENAME TO unit;
