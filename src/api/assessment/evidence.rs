//! `App` methods of the evidence documents of a self-assessment: the register of documents, files copied into the
//! evidence store by their SHA-256 (20 MiB at most), links from a leaf to its documents.

use super::*;

impl App {
    /// Every evidence document of the register, by id.
    pub fn evidence_list(&self) -> Result<Vec<Evidence>> {
        self.register.evidence_list()
    }

    /// Adds an evidence document, with a copy of its file (at most `EVIDENCE_FILE_LIMIT` bytes) in the evidence
    /// store beside the register, named by its SHA-256; the original name is kept. The same file added twice is
    /// stored once.
    pub fn add_evidence<'a>(&mut self, input: EvidenceInput, file: Option<Source<'a>>) -> Result<Evidence> {
        let input = input.cleaned();
        let mut findings = input.validate();
        let mut content = None;
        if let Some(source) = &file {
            let name = source_name(source);
            let size = match source {
                Source::Path(path) => std::fs::metadata(path).map_err(|e| Error::io(*path, e))?.len(),
                Source::Bytes { bytes, .. } => bytes.len() as u64,
            };
            if size > EVIDENCE_FILE_LIMIT {
                findings.push(
                    Finding::new(FindingCode::FileTooLarge, Place::field("file"))
                        .with("value", &name)
                        .with("size", size)
                        .with("limit", EVIDENCE_FILE_LIMIT),
                );
            } else {
                content = Some((name, source_bytes(source)?));
            }
        }
        if !findings.is_empty() {
            return Err(Error::Invalid(findings));
        }
        let stored = match content {
            Some((name, bytes)) => Some(self.store_file(&name, &bytes)?),
            None => None,
        };
        let stamp = self.stamp();
        self.register.insert_evidence(&input, stored.as_ref(), &stamp)
    }

    /// Where the copy of an evidence document's file is, if it has one.
    pub fn evidence_file(&self, id: i64) -> Result<Option<PathBuf>> {
        let evidence = self.register.evidence(id)?.ok_or(Error::NotFound { what: "evidence", key: id.to_string() })?;
        Ok(evidence.file.map(|f| self.evidence_dir().join(stored_name(&f.sha256, &f.original_name))))
    }

    /// Links a document to a leaf of the assessment of `year` (while a draft or at the explanation stage).
    pub fn link_evidence(&mut self, year: i32, code: &str, evidence_id: i64) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if !matches!(assessment.stage, Stage::Draft | Stage::Explanation) {
            return Err(wrong_stage(&assessment, "link"));
        }
        self.register
            .evidence(evidence_id)?
            .ok_or(Error::NotFound { what: "evidence", key: evidence_id.to_string() })?;
        let stamp = self.stamp();
        self.register.link_evidence(&assessment, &leaf.node.code, evidence_id, &stamp)?;
        self.entry(&assessment, &leaf.node.code)
    }

    pub fn unlink_evidence(&mut self, year: i32, code: &str, evidence_id: i64) -> Result<ScoreEntry> {
        let (assessment, set, _) = self.open_assessment(year)?;
        let leaf = leaf_of(&set, code)?;
        if !matches!(assessment.stage, Stage::Draft | Stage::Explanation) {
            return Err(wrong_stage(&assessment, "link"));
        }
        let stamp = self.stamp();
        self.register.unlink_evidence(&assessment, &leaf.node.code, evidence_id, &stamp)?;
        self.entry(&assessment, &leaf.node.code)
    }

    pub(in crate::api) fn evidence_dir(&self) -> PathBuf {
        self.register.path().parent().unwrap_or(Path::new(".")).join(EVIDENCE_DIR)
    }

    /// Copies content into the evidence store under its SHA-256 (written through a locked partial file, then
    /// renamed, so a half-written file never carries a hash name). An existing copy is kept.
    pub(super) fn store_file(&self, name: &str, bytes: &[u8]) -> Result<StoredFile> {
        let sha256: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        let dir = self.evidence_dir();
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let target = dir.join(stored_name(&sha256, name));
        if !target.exists() {
            crate::partial::write(&target, bytes, crate::partial::Folder::Own)?;
        }
        Ok(StoredFile { sha256, original_name: text::clean(name), size: bytes.len() as i64 })
    }
}

/// The name of a stored copy: the SHA-256, with the original extension so the system opens it with the right
/// program.
pub(in crate::api) fn stored_name(sha256: &str, original: &str) -> String {
    match Path::new(original).extension().and_then(|e| e.to_str()) {
        Some(ext) if !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric()) => {
            format!("{sha256}.{}", ext.to_ascii_lowercase())
        }
        _ => sha256.to_string(),
    }
}
