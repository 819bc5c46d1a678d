//! The one module that chooses where registers live: the data folder, the user's own (live) register and the demo.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use cchc::api::data_folder;
pub use cchc::api::data_folder::DATA_DIR_VAR;

const DEMO_DIR: &str = "demo";
/// The name `App::create_demo` gives the file it makes in the folder it is handed.
const DEMO_FILE: &str = "demo.cchc";

/// Where this app keeps its registers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    data: PathBuf,
}

impl Paths {
    /// The data folder from `CCHC_DATA_DIR`, or else the app's folder in the operating system's per-user data
    /// folder (`os_data_dir`, Tauri's `data_dir()`, asked only when needed): the core's `data_folder::choose`, which
    /// the command line uses too, so both open the same register.
    pub fn choose<E>(
        env_value: Option<OsString>,
        os_data_dir: impl FnOnce() -> Result<PathBuf, E>,
    ) -> Result<Paths, E> {
        Ok(Paths { data: data_folder::choose(env_value, os_data_dir)? })
    }

    /// The data folder from the process environment, as at start.
    pub fn from_env<E>(os_data_dir: impl FnOnce() -> Result<PathBuf, E>) -> Result<Paths, E> {
        Paths::choose(std::env::var_os(DATA_DIR_VAR), os_data_dir)
    }

    pub fn data(&self) -> &Path {
        &self.data
    }

    /// The user's own register.
    pub fn live(&self) -> PathBuf {
        data_folder::live_register(&self.data)
    }

    /// The folder `App::create_demo` makes the demo in; nothing of the user's lives there.
    pub fn demo_dir(&self) -> PathBuf {
        self.data.join(DEMO_DIR)
    }

    /// The demo register.
    pub fn demo(&self) -> PathBuf {
        self.demo_dir().join(DEMO_FILE)
    }

    /// Where a new demo is built before it is moved into place, so that an interrupted build never leaves a half
    /// demo behind.
    pub fn demo_staging_dir(&self) -> PathBuf {
        self.demo_dir().join("building")
    }

    /// The name of the file `App::create_demo` writes inside the folder it is handed.
    pub fn demo_file_in(dir: &Path) -> PathBuf {
        dir.join(DEMO_FILE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::convert::Infallible;

    fn os_default() -> Result<PathBuf, Infallible> {
        Ok(PathBuf::from("/home/someone/.local/share"))
    }

    #[test]
    fn cchc_data_dir_replaces_the_data_folder() {
        let paths = Paths::choose(Some("/tmp/e2e-data".into()), os_default).unwrap();
        assert_eq!(paths.data(), Path::new("/tmp/e2e-data"));
        assert_eq!(paths.live(), Path::new("/tmp/e2e-data/register.cchc"));
        assert_eq!(paths.demo(), Path::new("/tmp/e2e-data/demo/demo.cchc"));
    }

    #[test]
    fn without_the_variable_the_os_folder_is_used() {
        for env_value in [None, Some(OsString::new())] {
            let paths = Paths::choose(env_value, os_default).unwrap();
            assert_eq!(paths.live(), Path::new("/home/someone/.local/share/vn.cchc.desktop/register.cchc"));
        }
    }

    #[test]
    fn the_os_folder_is_not_asked_for_when_the_variable_is_set() {
        let paths = Paths::choose(Some("/data".into()), || -> Result<PathBuf, &str> { Err("no home folder") });
        assert_eq!(paths.unwrap().data(), Path::new("/data"));
        assert!(Paths::choose(None, || -> Result<PathBuf, &str> { Err("no home folder") }).is_err());
    }

    #[test]
    fn the_demo_never_is_the_live_register() {
        for data in ["/tmp/x", "relative", "/tmp/x/demo", ".", "C:\\Users\\a\\AppData"] {
            let paths = Paths::choose(Some(data.into()), os_default).unwrap();
            assert_ne!(paths.demo(), paths.live(), "data folder {data}");
            assert!(paths.demo().starts_with(paths.demo_dir()));
            assert!(!paths.live().starts_with(paths.demo_dir()), "the live register must stay out of the demo folder");
            assert_eq!(Paths::demo_file_in(&paths.demo_dir()), paths.demo());
            assert!(!paths.demo_staging_dir().starts_with(paths.live()));
        }
    }
}
