-- 0010: identities that survive copies. A register's records are merged with those of its work copies (issue 19),
-- so a record must be known by the same name on every computer. Most already are, by a natural key the official
-- sees (a procedure's code; a Biểu 06 row's period, field and procedure; a plan's year and number; a quota's year and
-- category; an assessment's year and criterion code). The records known only by a local integer get a random UUID
-- (version 4, as text): given here to every existing row, and by a trigger to every row inserted without one, so
-- that no insert can forget it. Nothing a user sees changes.

ALTER TABLE person ADD COLUMN uid TEXT;
UPDATE person SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX person_uid ON person (uid);
CREATE TRIGGER person_uid AFTER INSERT ON person WHEN NEW.uid IS NULL
BEGIN
    UPDATE person SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE task ADD COLUMN uid TEXT;
UPDATE task SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX task_uid ON task (uid);
CREATE TRIGGER task_uid AFTER INSERT ON task WHEN NEW.uid IS NULL
BEGIN
    UPDATE task SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_announcement ADD COLUMN uid TEXT;
UPDATE iso_announcement SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_announcement_uid ON iso_announcement (uid);
CREATE TRIGGER iso_announcement_uid AFTER INSERT ON iso_announcement WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_announcement SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_audit ADD COLUMN uid TEXT;
UPDATE iso_audit SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_audit_uid ON iso_audit (uid);
CREATE TRIGGER iso_audit_uid AFTER INSERT ON iso_audit WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_audit SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_nonconformity ADD COLUMN uid TEXT;
UPDATE iso_nonconformity SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_nonconformity_uid ON iso_nonconformity (uid);
CREATE TRIGGER iso_nonconformity_uid AFTER INSERT ON iso_nonconformity WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_nonconformity SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_review ADD COLUMN uid TEXT;
UPDATE iso_review SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_review_uid ON iso_review (uid);
CREATE TRIGGER iso_review_uid AFTER INSERT ON iso_review WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_review SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_action ADD COLUMN uid TEXT;
UPDATE iso_action SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_action_uid ON iso_action (uid);
CREATE TRIGGER iso_action_uid AFTER INSERT ON iso_action WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_action SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE iso_legal_change ADD COLUMN uid TEXT;
UPDATE iso_legal_change SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX iso_legal_change_uid ON iso_legal_change (uid);
CREATE TRIGGER iso_legal_change_uid AFTER INSERT ON iso_legal_change WHEN NEW.uid IS NULL
BEGIN
    UPDATE iso_legal_change SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;

ALTER TABLE evidence ADD COLUMN uid TEXT;
UPDATE evidence SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
CREATE UNIQUE INDEX evidence_uid ON evidence (uid);
CREATE TRIGGER evidence_uid AFTER INSERT ON evidence WHEN NEW.uid IS NULL
BEGIN
    UPDATE evidence SET uid = (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
        || substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))
    WHERE id = NEW.id;
END;
