//! Plan tasks as .xlsx: `import_tasks` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Tasks, "xlsx", data));
