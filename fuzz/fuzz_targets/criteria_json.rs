//! A criteria set as .json: `import_criteria` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Criteria, "json", data));
