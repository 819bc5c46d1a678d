//! The lists kept as data: staff categories and reform areas, with how many records use each entry; every write
//! logged in its transaction.

use super::unit::parse_date;
use super::{Register, Stamp, log_change, query_all, storage};
use crate::error::Result;
use crate::model::{CatalogEntry, CatalogKind};
use rusqlite::params;

const STAFF_CATEGORIES: &str = "SELECT c.code, c.name, c.valid_until,
        (SELECT COUNT(*) FROM staff_quota WHERE category = c.code)
      + (SELECT COUNT(*) FROM staff_headcount WHERE category = c.code)
      + (SELECT COUNT(*) FROM person WHERE category = c.code)
    FROM staff_category c ORDER BY c.position";
const REFORM_AREAS: &str = "SELECT a.code, a.name, NULL, (SELECT COUNT(*) FROM task WHERE area = a.code)
    FROM reform_area a ORDER BY a.position";

impl Register {
    /// A list's entries in their order, each with how many records use it.
    pub fn catalog(&self, kind: CatalogKind) -> Result<Vec<CatalogEntry>> {
        let sql = match kind {
            CatalogKind::StaffCategory => STAFF_CATEGORIES,
            CatalogKind::ReformArea => REFORM_AREAS,
        };
        let rows = query_all(&self.conn, sql, [], |row| {
            let until: Option<String> = row.get(2)?;
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, until, row.get::<_, i64>(3)?))
        })?;
        rows.into_iter()
            .map(|(code, name, until, uses)| {
                Ok(CatalogEntry {
                    kind,
                    seeded: kind.is_seeded(&code),
                    code,
                    name,
                    valid_until: until.as_deref().map(parse_date).transpose()?,
                    uses,
                })
            })
            .collect()
    }

    /// Adds an entry at the end of its list (`before` none), or changes the name (and a category's last day) of the
    /// existing one `before`.
    pub fn save_catalog_entry(
        &mut self,
        entry: &CatalogEntry,
        before: Option<&CatalogEntry>,
        stamp: &Stamp,
    ) -> Result<()> {
        let until = entry.valid_until.map(|d| d.to_string());
        let tx = self.conn.transaction().map_err(storage)?;
        match (entry.kind, before) {
            (CatalogKind::StaffCategory, None) => tx.execute(
                "INSERT INTO staff_category (code, name, valid_until, position)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(position), 0) + 1 FROM staff_category))",
                params![entry.code, entry.name, until],
            ),
            (CatalogKind::StaffCategory, Some(_)) => tx.execute(
                "UPDATE staff_category SET name = ?2, valid_until = ?3 WHERE code = ?1",
                params![entry.code, entry.name, until],
            ),
            (CatalogKind::ReformArea, None) => tx.execute(
                "INSERT INTO reform_area (code, name, position)
                 VALUES (?1, ?2, (SELECT COALESCE(MAX(position), 0) + 1 FROM reform_area))",
                params![entry.code, entry.name],
            ),
            (CatalogKind::ReformArea, Some(_)) => {
                tx.execute("UPDATE reform_area SET name = ?2 WHERE code = ?1", params![entry.code, entry.name])
            }
        }
        .map_err(storage)?;
        let action = if before.is_some() { "update" } else { "create" };
        log_change(
            &tx,
            stamp,
            entry.kind.table(),
            &entry.code,
            action,
            before.map(logged).as_ref(),
            Some(&logged(entry)),
        )?;
        tx.commit().map_err(storage)
    }

    /// Removes an entry no record uses (the caller has checked).
    pub fn delete_catalog_entry(&mut self, entry: &CatalogEntry, stamp: &Stamp) -> Result<()> {
        let tx = self.conn.transaction().map_err(storage)?;
        let sql = match entry.kind {
            CatalogKind::StaffCategory => "DELETE FROM staff_category WHERE code = ?1",
            CatalogKind::ReformArea => "DELETE FROM reform_area WHERE code = ?1",
        };
        tx.execute(sql, [&entry.code]).map_err(storage)?;
        log_change(&tx, stamp, entry.kind.table(), &entry.code, "delete", Some(&logged(entry)), None)?;
        tx.commit().map_err(storage)
    }
}

/// An entry as the change log keeps it: what the official can change.
fn logged(entry: &CatalogEntry) -> serde_json::Value {
    serde_json::json!({"code": entry.code, "name": entry.name, "valid_until": entry.valid_until})
}
