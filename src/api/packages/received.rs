//! The reports received: listed, one made current after a look, and their entries read back from the archived copy.

use super::write_file;
use crate::api::App;
use crate::error::{Error, Result};
use crate::model::{PeriodKey, ReceivedReport, ReceivedStatus, ReceivedSummary};
use crate::package::{self, EntryRecord, Manifest};
use crate::register::ReceivedBatch;
use std::path::Path;

impl App {
    /// The reports received (every status), by unit, root and revision; one period's, or all.
    pub fn received_reports(&self, period: Option<PeriodKey>) -> Result<Vec<ReceivedSummary>> {
        let all = self.register.received_index()?;
        Ok(all.into_iter().filter(|r| period.is_none_or(|p| r.period == p)).collect())
    }

    /// Makes a kept stale or conflicting report the current one of its unit and period, after the superior has
    /// looked at it (e.g. the ward re-installed and sent a new root). The report current until now becomes
    /// superseded; nothing is deleted.
    pub fn accept_received(&mut self, report_id: &str) -> Result<ReceivedSummary> {
        let chosen = self.received_report(report_id)?.summary;
        let mut batch = ReceivedBatch::default();
        for r in self.register.received_index()? {
            if r.unit_code == chosen.unit_code
                && r.period == chosen.period
                && r.status == ReceivedStatus::Current
                && r.report_id != chosen.report_id
            {
                batch.status_changes.push((r.report_id, ReceivedStatus::Superseded));
            }
        }
        batch.status_changes.push((chosen.report_id.clone(), ReceivedStatus::Current));
        let stamp = self.stamp();
        self.register.apply_received(&batch, &stamp)?;
        Ok(self.received_report(report_id)?.summary)
    }

    /// The entries of a received report besides its manifest (`data.json`, `reports/<kind>.pdf`,
    /// `evidence/<sha256>`), with their hashes and sizes, as its manifest lists them.
    pub fn received_entries(&self, report_id: &str) -> Result<Vec<EntryRecord>> {
        let report = self.received_report(report_id)?;
        let manifest: Manifest = serde_json::from_str(&report.manifest_json)
            .map_err(|e| Error::RegisterDamaged(format!("received manifest of {report_id}: {e}")))?;
        Ok(manifest.entries)
    }

    /// The bytes of one entry of a received report (e.g. `reports/periodic.pdf`), read from its archived copy and
    /// verified again like any file from outside.
    pub fn received_entry(&self, report_id: &str, path: &str) -> Result<Vec<u8>> {
        let report = self.received_report(report_id)?;
        let file = self.archive_path(&report.summary.file_sha256);
        let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
        let verified = package::read(&bytes, &self.package_limits)
            .map_err(|findings| Error::PackageRefused { path: file.clone(), findings })?;
        if path == package::DATA {
            return Ok(verified.data_json.into_bytes());
        }
        verified
            .extra
            .into_iter()
            .find(|(name, _)| name == path)
            .map(|(_, bytes)| bytes)
            .ok_or_else(|| Error::NotFound { what: "package_entry", key: path.to_string() })
    }

    /// Writes one entry of a received report to `out` (through a locked partial file beside it); returns its size.
    pub fn save_received_entry(&self, report_id: &str, path: &str, out: &Path) -> Result<u64> {
        let bytes = self.received_entry(report_id, path)?;
        write_file(out, &bytes)?;
        Ok(bytes.len() as u64)
    }

    /// One received report with its manifest and data as they arrived (the detail view of a unit).
    pub fn received_report(&self, report_id: &str) -> Result<ReceivedReport> {
        self.register
            .received_report(report_id)?
            .ok_or_else(|| Error::NotFound { what: "received_report", key: report_id.to_string() })
    }
}
