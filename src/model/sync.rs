//! Work copies and their changes (issue 19), as data: a record's change between two states of a register, and the
//! pure three-way merge that decides, for each change a work copy sends, what the office register takes and what a
//! person must choose (a conflict).
//!
//! A record is named by its table and its stable key (the same on every computer: a procedure's code, a person's
//! UUID…), and held as its compared fields (`Fields`: column → JSON value; local integer ids, timestamps and
//! derived sort keys left out, references given as the stable key of the record they point to).

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A record's compared fields.
pub type Fields = BTreeMap<String, serde_json::Value>;

/// One record changed in a work copy: as it was (`before`, `None` when added) and as it is (`after`, `None` when
/// deleted), who changed it and when.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordChange {
    /// The kind of record (the register's table: `procedure`, `case_stats`, `person`…).
    pub table: String,
    /// The record's stable key, as JSON text.
    pub key: String,
    /// How a person names the record ("1.001234 — Đăng ký khai sinh").
    pub label: String,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub before: Option<Fields>,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown> | null"))]
    pub after: Option<Fields>,
    pub who: String,
    pub when: String,
}

/// What a change does to its record.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeAction {
    Added,
    Edited,
    Deleted,
}

impl RecordChange {
    pub fn action(&self) -> ChangeAction {
        match (&self.before, &self.after) {
            (None, _) => ChangeAction::Added,
            (Some(_), None) => ChangeAction::Deleted,
            (Some(_), Some(_)) => ChangeAction::Edited,
        }
    }

    /// The fields whose value differs between before and after (every field of an added or deleted record).
    pub fn fields(&self) -> Vec<FieldChange> {
        let empty = Fields::new();
        let before = self.before.as_ref().unwrap_or(&empty);
        let after = self.after.as_ref().unwrap_or(&empty);
        let names: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        names
            .into_iter()
            .filter_map(|name| {
                let (b, a) = (value(before, name), value(after, name));
                (b != a).then(|| FieldChange { field: name.clone(), before: b, after: a })
            })
            .collect()
    }
}

fn value(fields: &Fields, name: &str) -> serde_json::Value {
    fields.get(name).cloned().unwrap_or(serde_json::Value::Null)
}

/// One field's value before and after.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub before: serde_json::Value,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub after: serde_json::Value,
}

/// The register being used is a work copy: whose, taken when, and how many changes files it has written.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCopyInfo {
    pub copy_id: String,
    pub person: String,
    pub taken_at: String,
    /// Changes files written so far (the next one is numbered `sent + 1`).
    pub sent: u32,
}

/// Where a change merged into the office register came from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeOrigin {
    pub copy_id: String,
    pub person: String,
    /// The changes file's number in its copy's series.
    pub sequence: u32,
    /// When the change was made in the work copy.
    pub when: String,
}

/// Why a change cannot simply be taken.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The same field changed differently here and in the copy.
    BothEdited,
    /// Deleted in the copy, edited here since the copy was taken.
    DeletedThere,
    /// Edited in the copy, deleted here since the copy was taken.
    DeletedHere,
    /// Added here and in the copy with the same key, with different values.
    AddedBoth,
}

/// A conflict: both values side by side, for a person to choose.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Stable within a changes file: `table|key|field` (`*` for the whole record).
    pub id: String,
    pub table: String,
    pub key: String,
    pub label: String,
    pub kind: ConflictKind,
    /// The field in conflict; `None` when the whole record is (deleted on one side).
    pub field: Option<String>,
    /// The value at the office (the whole record for a record conflict; null when deleted here).
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub office: serde_json::Value,
    /// The value in the copy (null when deleted there).
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub copy: serde_json::Value,
    pub who: String,
    pub when: String,
}

/// A person's choice for one conflict.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Keep what the office register holds.
    Office,
    /// Take the work copy's.
    Copy,
}

/// The choices made for a merge: one per conflict id, or the office's for every conflict not chosen.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeChoices {
    #[serde(default)]
    pub choices: BTreeMap<String, Choice>,
    #[serde(default)]
    pub keep_office_for_rest: bool,
}

impl MergeChoices {
    pub fn keep_office() -> MergeChoices {
        MergeChoices { choices: BTreeMap::new(), keep_office_for_rest: true }
    }

    fn of(&self, id: &str) -> Option<Choice> {
        self.choices.get(id).copied().or(self.keep_office_for_rest.then_some(Choice::Office))
    }
}

/// What the office register does with one record.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Insert(Fields),
    /// The fields to set (the others stay).
    Update(Fields),
    Delete,
}

/// A change's outcome at the office: the conflicts it raises and, once they are chosen, what is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub conflicts: Vec<Conflict>,
    /// `None`: nothing to write (already there, or the office's kept).
    pub op: Option<Op>,
    /// The fields taken from the copy without a conflict.
    pub taken: Vec<FieldChange>,
}

/// The three-way merge of one change against the office's record (`office`, `None` when it has none). Conflicts
/// whose choice is missing from `choices` are listed and keep the office's value in `op`.
pub fn resolve(change: &RecordChange, office: Option<&Fields>, choices: &MergeChoices) -> Resolution {
    let conflict = |kind, field: Option<&str>, office: serde_json::Value, copy: serde_json::Value| Conflict {
        id: format!("{}|{}|{}", change.table, change.key, field.unwrap_or("*")),
        table: change.table.clone(),
        key: change.key.clone(),
        label: change.label.clone(),
        kind,
        field: field.map(str::to_string),
        office,
        copy,
        who: change.who.clone(),
        when: change.when.clone(),
    };
    let whole = |fields: Option<&Fields>| fields.map_or(serde_json::Value::Null, |f| serde_json::json!(f));
    let mut out = Resolution { conflicts: Vec::new(), op: None, taken: Vec::new() };
    match (&change.before, &change.after, office) {
        // Neither side has it (a change of nothing, only in a hand-made file): nothing to do.
        (_, None, None) | (None, None, Some(_)) => {}
        (None, Some(after), None) => {
            out.taken = change.fields();
            out.op = Some(Op::Insert(after.clone()));
        }
        (Some(before), None, Some(here)) => {
            if same(before, here) {
                out.taken = change.fields();
                out.op = Some(Op::Delete);
            } else {
                let c = conflict(ConflictKind::DeletedThere, None, whole(Some(here)), serde_json::Value::Null);
                if choices.of(&c.id) == Some(Choice::Copy) {
                    out.op = Some(Op::Delete);
                }
                out.conflicts.push(c);
            }
        }
        (Some(_), Some(after), None) => {
            let c = conflict(ConflictKind::DeletedHere, None, serde_json::Value::Null, whole(Some(after)));
            if choices.of(&c.id) == Some(Choice::Copy) {
                out.op = Some(Op::Insert(after.clone()));
            }
            out.conflicts.push(c);
        }
        (before, Some(after), Some(here)) => {
            let empty = Fields::new();
            let base = before.as_ref().unwrap_or(&empty);
            let mut set = Fields::new();
            let names: BTreeSet<&String> = base.keys().chain(after.keys()).chain(here.keys()).collect();
            for name in names {
                let (b, t, o) = (value(base, name), value(after, name), value(here, name));
                if o == t || (before.is_some() && t == b) {
                    continue;
                }
                if before.is_some() && o == b {
                    out.taken.push(FieldChange { field: name.clone(), before: o, after: t.clone() });
                    set.insert(name.clone(), t);
                    continue;
                }
                let kind = if before.is_some() { ConflictKind::BothEdited } else { ConflictKind::AddedBoth };
                let c = conflict(kind, Some(name), o, t.clone());
                if choices.of(&c.id) == Some(Choice::Copy) {
                    set.insert(name.clone(), t);
                }
                out.conflicts.push(c);
            }
            if !set.is_empty() {
                out.op = Some(Op::Update(set));
            }
        }
    }
    out
}

/// Two states of a record hold the same values (a missing field is null).
fn same(a: &Fields, b: &Fields) -> bool {
    a.keys().chain(b.keys()).all(|name| value(a, name) == value(b, name))
}

/// The changes between two states of the same records (`before` and `after`, each by table and key), as a work
/// copy sends them: in table order, then by key.
pub fn diff(
    before: &BTreeMap<(String, String), Fields>,
    after: &BTreeMap<(String, String), Fields>,
    order: &dyn Fn(&str) -> usize,
    label: &dyn Fn(&str, &Fields) -> String,
) -> Vec<RecordChange> {
    let keys: BTreeSet<&(String, String)> = before.keys().chain(after.keys()).collect();
    let mut changes: Vec<RecordChange> = keys
        .into_iter()
        .filter_map(|k| {
            let (b, a) = (before.get(k), after.get(k));
            let changed = match (b, a) {
                (Some(b), Some(a)) => !same(b, a),
                _ => true,
            };
            changed.then(|| RecordChange {
                table: k.0.clone(),
                key: k.1.clone(),
                label: label(&k.0, a.or(b).expect("one side exists")),
                before: b.cloned(),
                after: a.cloned(),
                who: String::new(),
                when: String::new(),
            })
        })
        .collect();
    changes.sort_by(|x, y| order(&x.table).cmp(&order(&y.table)).then_with(|| x.key.cmp(&y.key)));
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(pairs: &[(&str, serde_json::Value)]) -> Fields {
        pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
    }

    fn change(before: Option<Fields>, after: Option<Fields>) -> RecordChange {
        RecordChange {
            table: "person".into(),
            key: "\"u1\"".into(),
            label: "Nguyễn Văn A".into(),
            before,
            after,
            who: "Chị Lan".into(),
            when: "2026-03-01T08:00:00".into(),
        }
    }

    #[test]
    fn a_field_changed_only_in_the_copy_is_taken_and_one_changed_on_both_sides_is_a_conflict() {
        let base = fields(&[("name", json!("A")), ("rank", json!("01")), ("note", json!(null))]);
        let copy = fields(&[("name", json!("A")), ("rank", json!("02")), ("note", json!("x"))]);
        let office = fields(&[("name", json!("B")), ("rank", json!("01")), ("note", json!("y"))]);
        let c = change(Some(base), Some(copy));
        let r = resolve(&c, Some(&office), &MergeChoices::default());
        assert_eq!(r.op, Some(Op::Update(fields(&[("rank", json!("02"))]))));
        assert_eq!(r.conflicts.len(), 1);
        assert_eq!(r.conflicts[0].field.as_deref(), Some("note"));
        assert_eq!((r.conflicts[0].office.clone(), r.conflicts[0].copy.clone()), (json!("y"), json!("x")));
        let chosen = MergeChoices {
            choices: [(r.conflicts[0].id.clone(), Choice::Copy)].into_iter().collect(),
            keep_office_for_rest: false,
        };
        let r = resolve(&c, Some(&office), &chosen);
        assert_eq!(r.op, Some(Op::Update(fields(&[("note", json!("x")), ("rank", json!("02"))]))));
    }

    #[test]
    fn deleted_on_one_side_and_edited_on_the_other_is_a_conflict_never_a_silent_loss() {
        let base = fields(&[("name", json!("A"))]);
        let edited = fields(&[("name", json!("A2"))]);
        let deleted_there = resolve(&change(Some(base.clone()), None), Some(&edited), &MergeChoices::default());
        assert_eq!(deleted_there.conflicts[0].kind, ConflictKind::DeletedThere);
        assert_eq!(deleted_there.op, None);
        let deleted_here =
            resolve(&change(Some(base.clone()), Some(edited.clone())), None, &MergeChoices::keep_office());
        assert_eq!(deleted_here.conflicts[0].kind, ConflictKind::DeletedHere);
        assert_eq!(deleted_here.op, None);
        let unchanged_here = resolve(&change(Some(base.clone()), None), Some(&base), &MergeChoices::default());
        assert_eq!((unchanged_here.op, unchanged_here.conflicts.len()), (Some(Op::Delete), 0));
    }

    #[test]
    fn the_same_change_made_on_both_sides_or_merged_twice_changes_nothing() {
        let base = fields(&[("name", json!("A"))]);
        let after = fields(&[("name", json!("A2"))]);
        let r = resolve(&change(Some(base), Some(after.clone())), Some(&after), &MergeChoices::default());
        assert_eq!((r.op, r.conflicts.len()), (None, 0));
        let added = resolve(&change(None, Some(after.clone())), Some(&after), &MergeChoices::default());
        assert_eq!((added.op, added.conflicts.len()), (None, 0));
    }
}
