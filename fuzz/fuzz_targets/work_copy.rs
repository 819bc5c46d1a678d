//! A work copy (`.cchclv`) opened on another computer: `App::open_work_copy`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::work_copy(data));
