//! The unit profile row and the unit's period overrides.

use super::{Register, Stamp, log_change, optional, storage};
use crate::error::Result;
use crate::model::{PeriodKey, PeriodWindow, SignAuthority, Signer, UnitKind, UnitProfile};
use rusqlite::params;

impl Register {
    pub fn unit(&self) -> Result<Option<UnitProfile>> {
        optional(self.conn.query_row(
            "SELECT name, kind, province, code, superior_line, issuer_line, place_name, signer_name, signer_title,
                    signer_authority, recipients, copies_to, user_name FROM unit WHERE id = 1",
            [],
            |row| {
                let kind: String = row.get(1)?;
                let authority: String = row.get(9)?;
                let list = |text: String| serde_json::from_str::<Vec<String>>(&text).unwrap_or_default();
                Ok(UnitProfile {
                    name: row.get(0)?,
                    kind: serde_json::from_value(serde_json::Value::String(kind)).unwrap_or(UnitKind::Xa),
                    province: row.get(2)?,
                    code: row.get(3)?,
                    superior_line: row.get(4)?,
                    issuer_line: row.get(5)?,
                    place_name: row.get(6)?,
                    signer: Signer {
                        name: row.get(7)?,
                        title: row.get(8)?,
                        authority: serde_json::from_value(serde_json::Value::String(authority))
                            .unwrap_or(SignAuthority::Tm),
                    },
                    recipients: list(row.get(10)?),
                    copies_to: list(row.get(11)?),
                    user_name: row.get(12)?,
                })
            },
        ))
    }

    /// Creates or replaces the profile; logs the change unless nothing changed. Returns whether it changed.
    pub fn save_unit(&mut self, profile: &UnitProfile, stamp: &Stamp) -> Result<bool> {
        let before = self.unit()?;
        if before.as_ref() == Some(profile) {
            return Ok(false);
        }
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO unit (id, name, kind, province, code, superior_line, issuer_line, place_name, signer_name,
                               signer_title, signer_authority, recipients, copies_to, user_name, created_at, updated_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
             ON CONFLICT (id) DO UPDATE SET name = ?1, kind = ?2, province = ?3, code = ?4, superior_line = ?5,
                issuer_line = ?6, place_name = ?7, signer_name = ?8, signer_title = ?9, signer_authority = ?10,
                recipients = ?11, copies_to = ?12, user_name = ?13, updated_at = ?14",
            params![
                profile.name,
                enum_key(&profile.kind),
                profile.province,
                profile.code,
                profile.superior_line,
                profile.issuer_line,
                profile.place_name,
                profile.signer.name,
                profile.signer.title,
                enum_key(&profile.signer.authority),
                serde_json::to_string(&profile.recipients).expect("strings serialise"),
                serde_json::to_string(&profile.copies_to).expect("strings serialise"),
                profile.user_name,
                stamp.at,
            ],
        )
        .map_err(storage)?;
        let action = if before.is_some() { "update" } else { "create" };
        let before = before.map(|b| serde_json::to_value(b).expect("profile serialises"));
        let after = serde_json::to_value(profile).expect("profile serialises");
        log_change(&tx, stamp, "unit", "1", action, before.as_ref(), Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(true)
    }

    pub fn period_setting(&self, key: PeriodKey) -> Result<Option<PeriodWindow>> {
        optional(self.conn.query_row(
            "SELECT start_date, end_date, deadline FROM period_setting WHERE period = ?1",
            [key.to_string()],
            |row| {
                let start: String = row.get(0)?;
                let end: String = row.get(1)?;
                let deadline: String = row.get(2)?;
                Ok((start, end, deadline))
            },
        ))?
        .map(|(start, end, deadline)| {
            Ok(PeriodWindow {
                key,
                start: parse_date(&start)?,
                end: parse_date(&end)?,
                deadline: parse_date(&deadline)?,
            })
        })
        .transpose()
    }

    pub fn save_period_setting(&mut self, window: &PeriodWindow, stamp: &Stamp) -> Result<()> {
        let before = self.period_setting(window.key)?;
        let tx = self.conn.transaction().map_err(storage)?;
        tx.execute(
            "INSERT INTO period_setting (period, start_date, end_date, deadline, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (period) DO UPDATE SET start_date = ?2, end_date = ?3, deadline = ?4, updated_at = ?5",
            params![window.key.to_string(), window.start.to_string(), window.end.to_string(), window.deadline.to_string(), stamp.at],
        )
        .map_err(storage)?;
        let action = if before.is_some() { "update" } else { "create" };
        let before = before.map(|b| serde_json::to_value(b).expect("window serialises"));
        let after = serde_json::to_value(window).expect("window serialises");
        log_change(&tx, stamp, "period_setting", &window.key.to_string(), action, before.as_ref(), Some(&after))?;
        tx.commit().map_err(storage)?;
        Ok(())
    }
}

/// The snake_case key serde gives a unit-only enum (the same strings the schema's CHECKs allow).
pub(super) fn enum_key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("unit-only enums serialise to strings"),
    }
}

pub(super) fn parse_date(text: &str) -> Result<chrono::NaiveDate> {
    text.parse().map_err(|_| crate::error::Error::RegisterDamaged(format!("bad date {text:?} in register")))
}
