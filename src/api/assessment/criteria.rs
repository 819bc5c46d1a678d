//! `App` methods of the criteria sets: those stored in the register (every version) and bundled, import from a
//! sheet or JSON with its dry run, export, the blank template; which set a year uses.

use super::*;

impl App {
    /// Every criteria set known: stored in the register (every version) and bundled with the program.
    pub fn criteria_sets(&self) -> Result<Vec<CriteriaSummary>> {
        let assessments = self.register.assessments()?;
        Ok(self
            .known_sets()?
            .iter()
            .map(|k| {
                let used_by = match &k.stored {
                    Some(s) => assessments.iter().filter(|(_, id)| *id == s.id).map(|(a, _)| a.year).collect(),
                    None => Vec::new(),
                };
                summary(&k.set, k.stored.as_ref().map_or("bundled", |s| s.source.as_str()), k.stored.is_some(), used_by)
            })
            .collect())
    }

    /// A set by "urn@version", or by "urn" for its latest version.
    pub fn criteria_set(&self, key: &str) -> Result<CriteriaSet> {
        Ok(self.find_set(key)?.set)
    }

    /// Imports a province's criteria set from a .json file, or from an .xlsx/.csv sheet with one row per node
    /// (docs/criteria-format.md). Every problem is reported at once; nothing is stored if any is an error. Only a
    /// version newer than every known version of its urn is accepted; older versions stay.
    pub fn import_criteria<'a>(&mut self, source: impl Into<Source<'a>>, dry_run: bool) -> Result<CriteriaImport> {
        let source = source.into();
        let name = source_name(&source);
        let (set, mut findings) = if name.to_lowercase().ends_with(".json") {
            let bytes = source_bytes(&source)?;
            let text = String::from_utf8_lossy(&bytes).to_string();
            match CriteriaSet::read_json(&text) {
                Ok(set) => {
                    let set = set.cleaned();
                    let findings = set.validate();
                    (Some(set), findings)
                }
                Err(findings) => (None, findings),
            }
        } else {
            let table = source.read()?;
            let parsed = transfer::parse_criteria(&table);
            let mut findings = parsed.findings;
            if let Some(set) = &parsed.set {
                let set = set.clone().cleaned();
                for mut f in set.validate() {
                    let code = f.place.record.as_deref().and_then(|r| r.strip_prefix("Tiêu chí ")).map(str::to_string);
                    if let Some(row) = code.and_then(|c| parsed.rows.get(&c).copied()) {
                        f.place.sheet = Some(table.sheet.clone());
                        f.place.row = Some(row);
                    }
                    findings.push(f);
                }
            }
            (parsed.set.map(CriteriaSet::cleaned), findings)
        };
        if let Some(set) = &set
            && !set.urn.is_empty()
        {
            let latest = self.known_sets()?.iter().filter(|k| k.set.urn == set.urn).map(|k| k.set.version).max();
            if let Some(latest) = latest
                && latest >= set.version
            {
                findings.push(
                    Finding::new(FindingCode::CriteriaNotNewer, Place::record("Bộ chỉ số"))
                        .with("value", &set.urn)
                        .with("version", set.version)
                        .with("latest", latest),
                );
            }
        }
        let has_errors = findings.iter().any(Finding::is_error) || set.is_none();
        if has_errors && !dry_run {
            return Err(Error::Invalid(findings));
        }
        let mut stored = false;
        if !has_errors && !dry_run {
            let set = set.as_ref().expect("checked above");
            let stamp = self.stamp();
            self.register.insert_criteria_set(set, &set.to_json(), &name, &stamp)?;
            stored = true;
        }
        Ok(CriteriaImport {
            dry_run,
            summary: set.as_ref().map(|s| summary(s, &name, stored, Vec::new())),
            stored,
            findings,
        })
    }

    /// Writes a criteria set ("urn@version" or "urn") as a sheet (.xlsx or .csv) in the import's columns, so that a
    /// province can start from the sample set in Excel. Returns the number of nodes.
    pub fn export_criteria(&self, key: &str, path: &Path) -> Result<usize> {
        let set = self.criteria_set(key)?;
        let table = transfer::criteria_table(&set);
        crate::sheet::write_table(path, &table)?;
        Ok(crate::model::node_totals(&set, &Default::default()).len())
    }

    /// Writes an empty criteria sheet with the Vietnamese headers (docs/criteria-format.md).
    pub fn write_criteria_template(path: &Path) -> Result<()> {
        crate::sheet::write_table(path, &transfer::criteria_template())
    }

    pub(super) fn known_sets(&self) -> Result<Vec<KnownSet>> {
        let mut known = Vec::new();
        for stored in self.register.criteria_sets()? {
            let set = parse_stored(&stored)?;
            known.push(KnownSet { set, stored: Some(stored) });
        }
        for json in &self.assets.criteria_sets_json {
            let set = CriteriaSet::from_json(json)
                .map_err(|f| Error::Storage(format!("bundled criteria set is invalid: {f:?}")))?;
            if !known.iter().any(|k| k.set.urn == set.urn && k.set.version == set.version) {
                known.push(KnownSet { set, stored: None });
            }
        }
        Ok(known)
    }

    pub(super) fn find_set(&self, key: &str) -> Result<KnownSet> {
        let key = text::clean(key);
        let (urn, version) = match key.rsplit_once('@') {
            Some((urn, v)) => (urn.to_string(), Some(v.parse::<i64>().map_err(|_| not_found_set(&key))?)),
            None => (key.clone(), None),
        };
        self.known_sets()?
            .into_iter()
            .filter(|k| k.set.urn == urn && version.is_none_or(|v| v == k.set.version))
            .max_by_key(|k| k.set.version)
            .ok_or_else(|| not_found_set(&key))
    }

    pub(super) fn default_set(&self, year: i32) -> Result<KnownSet> {
        let known = self.known_sets()?;
        let imported = known
            .iter()
            .filter(|k| k.stored.as_ref().is_some_and(|s| s.source != "bundled") && k.set.applies_to(year))
            .max_by_key(|k| k.stored.as_ref().map(|s| s.id))
            .map(|k| k.set.urn.clone());
        let urn = match imported {
            Some(urn) => urn,
            None => {
                let bundled = self.assets.criteria_sets_json.first().ok_or_else(|| not_found_set("bundled"))?;
                CriteriaSet::from_json(bundled).map_err(|_| not_found_set("bundled"))?.urn
            }
        };
        self.find_set(&urn)
    }
}

pub(super) fn parse_stored(stored: &StoredSet) -> Result<CriteriaSet> {
    serde_json::from_str::<CriteriaSet>(&stored.json)
        .map_err(|e| Error::RegisterDamaged(format!("criteria set {}@{}: {e}", stored.urn, stored.version)))
}

pub(super) fn summary(set: &CriteriaSet, source: &str, stored: bool, used_by: Vec<i32>) -> CriteriaSummary {
    CriteriaSummary {
        urn: set.urn.clone(),
        version: set.version,
        key: set.key(),
        name: set.name.clone(),
        province: set.province.clone(),
        decision_number: set.decision.number.clone(),
        years: set.years.clone(),
        note: set.note.clone(),
        source: source.to_string(),
        stored,
        used_by,
        leaves: set.leaves().len(),
    }
}

pub(super) fn not_found_set(key: &str) -> Error {
    Error::NotFound { what: "criteria_set", key: key.to_string() }
}
