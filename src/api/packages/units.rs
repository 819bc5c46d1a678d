//! The units the superior expects reports from: listed, imported from a sheet, exported in the import's columns.

use crate::api::{App, ImportReport, Progress};
use crate::error::Result;
use crate::model::ExpectedUnit;
use crate::sheet::{self, Source};
use crate::transfer;
use std::path::Path;

impl App {
    /// The units the superior expects reports from, in Vietnamese order.
    pub fn expected_units(&self) -> Result<Vec<ExpectedUnit>> {
        self.register.expected_units()
    }

    /// Imports the list of expected units (columns "Mã đơn vị", "Tên đơn vị") from .xlsx or .csv; every row checked
    /// first, nothing written if any has an error; matched by code, so importing twice changes nothing.
    pub fn import_expected_units<'a>(
        &mut self,
        source: impl Into<Source<'a>>,
        dry_run: bool,
        progress: Progress<'_>,
    ) -> Result<ImportReport> {
        let table = source.into().read()?;
        let parsed = transfer::parse_expected_units(&table);
        let rows: Vec<ExpectedUnit> = parsed.records.into_iter().map(|(_, u)| u).collect();
        self.apply_import(rows, parsed.findings, dry_run, progress, |register, rows, stamp, commit, tick| {
            register.upsert_expected_units(rows, stamp, commit, tick)
        })
    }

    /// Writes the expected units in the import's columns. Returns the row count.
    pub fn export_expected_units(&self, path: &Path) -> Result<usize> {
        let units = self.register.expected_units()?;
        sheet::write_table(path, &transfer::expected_units_table(&units))?;
        Ok(units.len())
    }
}
