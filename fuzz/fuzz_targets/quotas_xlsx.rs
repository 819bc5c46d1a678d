//! Staff quotas as .xlsx: `import_quotas` dry run.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::sheet(cchc_fuzz::Sheet::Quotas, "xlsx", data));
