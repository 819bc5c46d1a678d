//! A register copy to restore from (a backup, a USB stick): `App::check_file` and `restore_preview`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cchc_fuzz::backup(data));
