//! `cchc`: the offline register of a commune's administrative reform (cải cách hành chính) and its reports.
//!
//! The public surface is [`App`] (module [`api`]) with the plain types it takes and returns ([`model`], [`error`],
//! and those `api` re-exports from the inner modules), plus the injected [`Clock`], the bundled [`Assets`] and the
//! [`text`] helpers. Every other module is private to the crate.
//!
//! Crate map (see ARCHITECTURE.md for the whole picture):
//! - [`api`]: `App`, the one surface the command line (`cli/`), the desktop shell and the tests call; one file per
//!   domain (unit and periods, procedures, statistics, imports, staffing, plans, ISO 9001, checks and deadlines,
//!   reports, backups, demo, criteria sets and the self-assessment, report files).
//! - [`register`]: the SQLite register; the only module that imports rusqlite.
//! - [`model`]: domain types and pure checks, no I/O (procedures, statistics, staffing, plans, ISO 9001, deadlines,
//!   criteria sets and the scoring of the self-assessment).
//! - [`sheet`] / [`transfer`]: Excel and CSV files, and the Vietnamese columns of each table (one file per table, each
//!   with one column specification from which parsing, templates and exports are derived).
//! - [`package`]: the `.cchc` report file sent to the superior level; the only module that imports zip.
//! - [`report`]: the official reports drafted from the register (periodic CCHC report, Biểu 06).
//! - [`layout`]: a report → pages of positioned text and rules in millimetres, with the fonts' metrics; pure.
//! - [`pdf`]: pages → PDF bytes; the only module that imports printpdf.
//! - [`demo`]: the demo ward and generated data for benchmarks.
//! - [`vocabulary`]: the words the command line and the window share (error and finding sentences, captions,
//!   Biểu 06's figure names); pure data.
//! - [`text`]: NFC, search folding, the Vietnamese sort key.
//! - [`clock`]: the only reader of the system clock.
//! - [`backups`]: names, records and rotation of the register's verified copies (the SQLite side is in `register`).
//! - [`partial`]: files written through a locked partial file and renamed into place; the sweeper of stale ones.
//!
//! Invariants (enforced by `tests/it/tidy.rs`): rusqlite only in `register`; zip only in `package`; printpdf only in
//! `pdf`; no Tauri and no command-line crate in the core; only `App` and its plain types public; the clock read only in `clock`; every source file opens with a `//!` line; migrations
//! numbered without gaps.

pub mod api;
pub mod assets;
mod backups;
pub mod clock;
mod demo;
pub mod error;
mod layout;
pub mod model;
mod package;
mod partial;
mod pdf;
mod register;
mod report;
mod sheet;
pub mod text;
mod transfer;
#[cfg(feature = "ts")]
pub mod typescript;
pub mod vocabulary;

pub use api::App;
pub use assets::Assets;
pub use clock::Clock;
pub use error::{Error, ErrorCode, Result};
