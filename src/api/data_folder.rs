//! The data folder: where the user's own register lives, chosen the same way by the window and the command line.
//!
//! Both ask the operating system for its per-user data folder (`%APPDATA%` on Windows, `~/.local/share` on Linux:
//! `dirs::data_dir()` in the command line, Tauri's `data_dir()` in the window — the same `dirs` call) and append
//! [`APP_IDENTIFIER`], which is also the window's Tauri identifier, so Tauri's own `app_data_dir()` is this folder
//! too. `cchc.exe` without `--register` therefore opens the register the window shows.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The app's identifier (`tauri.conf.json`'s `identifier`) and the name of its folder in the user's data folder.
pub const APP_IDENTIFIER: &str = "vn.cchc.desktop";

/// Replaces the data folder when set and not empty (the end-to-end tests point it at a temporary folder).
pub const DATA_DIR_VAR: &str = "CCHC_DATA_DIR";

/// The user's own register inside the data folder.
pub const LIVE_FILE: &str = "register.cchc";

/// The data folder: `CCHC_DATA_DIR` when set and not empty, else the app's folder inside the operating system's
/// per-user data folder (`os_data_dir`, asked only when needed).
pub fn choose<E>(env_value: Option<OsString>, os_data_dir: impl FnOnce() -> Result<PathBuf, E>) -> Result<PathBuf, E> {
    match env_value.filter(|v| !v.is_empty()) {
        Some(value) => Ok(PathBuf::from(value)),
        None => Ok(app_folder(&os_data_dir()?)),
    }
}

/// The app's folder inside the operating system's per-user data folder.
pub fn app_folder(os_data_dir: &Path) -> PathBuf {
    os_data_dir.join(APP_IDENTIFIER)
}

/// The user's own register in a data folder.
pub fn live_register(data: &Path) -> PathBuf {
    data.join(LIVE_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    fn roaming() -> Result<PathBuf, Infallible> {
        Ok(PathBuf::from(r"C:\Users\Nguyễn Thị Lan\AppData\Roaming"))
    }

    #[test]
    fn the_register_is_in_the_apps_folder_of_appdata() {
        let data = choose(None, roaming).unwrap();
        assert_eq!(data, Path::new(r"C:\Users\Nguyễn Thị Lan\AppData\Roaming").join("vn.cchc.desktop"));
        assert_eq!(live_register(&data), data.join("register.cchc"));
    }

    #[test]
    fn the_variable_replaces_the_folder_and_an_empty_one_does_not() {
        assert_eq!(choose(Some("/tmp/e2e".into()), roaming).unwrap(), Path::new("/tmp/e2e"));
        assert_eq!(choose(Some(OsString::new()), roaming).unwrap(), choose(None, roaming).unwrap());
        assert!(choose(Some("/d".into()), || -> Result<PathBuf, &str> { Err("no home") }).is_ok());
        assert!(choose(None, || -> Result<PathBuf, &str> { Err("no home") }).is_err());
    }
}
