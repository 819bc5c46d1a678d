//! The procedure list as .csv: `import_procedures` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Procedures, "csv", data));
