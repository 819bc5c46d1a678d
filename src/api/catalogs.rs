//! `App` methods of the lists kept as data: staff categories and reform areas — renamed, a category ended, the
//! province's own added, an unused added entry removed.

use super::{App, refused};
use crate::error::{Error, Result};
use crate::model::{CatalogEntry, CatalogInput, CatalogKind, Finding, FindingCode, Place, code_from_name};

impl App {
    /// A list's entries in their order, each with whether it is seeded and how many records use it.
    pub fn catalog(&self, kind: CatalogKind) -> Result<Vec<CatalogEntry>> {
        self.register.catalog(kind)
    }

    /// Adds an entry (no code: one is made from the name) or changes an existing one's name and, for a staff
    /// category, its last day. A name the list already has is refused.
    pub fn save_catalog_entry(&mut self, input: CatalogInput) -> Result<CatalogEntry> {
        let input = input.cleaned();
        let entries = self.register.catalog(input.kind)?;
        let existing = input.code.as_ref().and_then(|code| entries.iter().find(|e| &e.code == code));
        let others: Vec<CatalogEntry> =
            entries.iter().filter(|e| Some(&e.code) != input.code.as_ref()).cloned().collect();
        let findings = input.validate(&others);
        if !findings.is_empty() {
            return Err(refused(input.kind.table(), findings));
        }
        let code = match &input.code {
            Some(code) => code.clone(),
            None => code_from_name(&input.name, &entries.iter().map(|e| e.code.as_str()).collect::<Vec<_>>()),
        };
        if let Some(before) = existing
            && before.name == input.name
            && before.valid_until == input.valid_until
        {
            return Ok(before.clone());
        }
        let entry = CatalogEntry {
            kind: input.kind,
            seeded: input.kind.is_seeded(&code),
            uses: existing.map_or(0, |e| e.uses),
            code,
            name: input.name,
            valid_until: input.valid_until,
        };
        let stamp = self.stamp();
        self.register.save_catalog_entry(&entry, existing, &stamp)?;
        Ok(entry)
    }

    /// Removes an entry the official added and no record uses; a seeded entry, or one in use, is refused.
    pub fn remove_catalog_entry(&mut self, kind: CatalogKind, code: &str) -> Result<()> {
        let entry = self
            .register
            .catalog(kind)?
            .into_iter()
            .find(|e| e.code == code.trim())
            .ok_or_else(|| Error::NotFound { what: kind.table(), key: code.trim().to_string() })?;
        let finding = if entry.seeded {
            Some(Finding::new(FindingCode::CatalogSeeded, Place::field("code")).with("value", &entry.name))
        } else if entry.uses > 0 {
            Some(
                Finding::new(FindingCode::CatalogInUse, Place::field("code"))
                    .with("value", &entry.name)
                    .with("count", entry.uses),
            )
        } else {
            None
        };
        if let Some(finding) = finding {
            return Err(refused(kind.table(), vec![finding]));
        }
        let stamp = self.stamp();
        self.register.delete_catalog_entry(&entry, &stamp)
    }
}
