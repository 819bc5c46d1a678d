//! The shell's state: which register is open (the user's own, the demo, or none) and why the user's own register
//! could not be opened, behind one lock.

use crate::error::CommandError;
use crate::paths::Paths;
use cchc::api::Progress;
use cchc::api::{BackupInfo, BackupReason};
use cchc::model::{UnitProfile, WorkCopyInfo};
use cchc::{App, Assets, Clock, Error};
use serde::Serialize;
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

/// Which register is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    None,
    Live,
    Demo,
}

/// What the UI needs to choose its first screen.
#[derive(Debug, Clone, Serialize)]
pub struct Session {
    pub mode: Mode,
    pub register_path: Option<PathBuf>,
    /// Whether the user's own register file exists (it may exist and still fail to open: see `error`).
    pub live_exists: bool,
    pub unit: Option<UnitProfile>,
    /// Why the user's own register could not be opened (at start or by the last `open_live`); `None` once it opens
    /// or is created.
    pub error: Option<CommandError>,
    /// With such an error: the newest verified copy the register could be restored from (`recover_live`).
    pub recovery: Option<BackupInfo>,
    /// The register open is a work copy: whose and taken when (every screen says so).
    pub work_copy: Option<WorkCopyInfo>,
}

/// Managed by Tauri; every command reaches `App` through it.
pub struct AppState {
    paths: Paths,
    inner: Mutex<Inner>,
}

struct Inner {
    app: Option<App>,
    mode: Mode,
    live_error: Option<CommandError>,
    /// With `live_error`: the newest verified copy, found once when the error is recorded (checking every copy reads
    /// them all, so it is not repeated for each `session`).
    recovery: Option<BackupInfo>,
}

/// The open register, borrowed for one command; holding it keeps other commands waiting, so each command takes it
/// once and lets it go when it returns.
pub struct OpenApp<'a>(MutexGuard<'a, Inner>);

impl AppState {
    /// The state at start: the user's own register is opened if it exists. If it cannot be opened (newer schema,
    /// damaged, not a register) nothing is open and the error is kept for `session`.
    pub fn start(paths: Paths) -> AppState {
        let state = AppState {
            paths,
            inner: Mutex::new(Inner { app: None, mode: Mode::None, live_error: None, recovery: None }),
        };
        if state.paths.live().exists() {
            // The failure is remembered in the state and reported by `session`.
            let _ = state.open_live();
        }
        state
    }

    pub fn paths(&self) -> &Paths {
        &self.paths
    }

    pub fn session(&self) -> Session {
        self.session_of(&self.lock())
    }

    /// The open register, or `NO_REGISTER`.
    pub fn app(&self) -> Result<OpenApp<'_>, CommandError> {
        let inner = self.lock();
        if inner.app.is_some() { Ok(OpenApp(inner)) } else { Err(CommandError::no_register()) }
    }

    // Opening and creating hold the lock throughout, so two clicks cannot build the same file twice.

    /// Creates the user's own register with the unit's profile and opens it (closing the demo if it was open).
    pub fn create_live(&self, profile: UnitProfile) -> Result<Session, CommandError> {
        let mut inner = self.lock();
        let app = App::create(&self.paths.live(), profile, Assets::bundled(), Clock::System)?;
        *inner = Inner { app: Some(app), mode: Mode::Live, live_error: None, recovery: None };
        Ok(self.session_of(&inner))
    }

    /// Opens the user's own register. On failure the register that was open stays open and the error is kept for
    /// `session`.
    pub fn open_live(&self) -> Result<Session, CommandError> {
        let mut inner = self.lock();
        if inner.mode != Mode::Live {
            match App::open(&self.paths.live(), Assets::bundled(), Clock::System) {
                Ok(app) => *inner = Inner { app: Some(app), mode: Mode::Live, live_error: None, recovery: None },
                Err(error) => {
                    let error = CommandError::from(error);
                    inner.live_error = Some(error.clone());
                    inner.recovery = App::recovery_candidates(&self.paths.live()).into_iter().next();
                    return Err(error);
                }
            }
        }
        Ok(self.session_of(&inner))
    }

    /// Puts the verified copy `copy` in place of the user's own register that could not be opened (the unusable
    /// file is moved aside untouched) and opens it.
    pub fn recover_live(&self, copy: &std::path::Path) -> Result<Session, CommandError> {
        let mut inner = self.lock();
        let app = App::recover(&self.paths.live(), copy, Assets::bundled(), Clock::System)?;
        *inner = Inner { app: Some(app), mode: Mode::Live, live_error: None, recovery: None };
        Ok(self.session_of(&inner))
    }

    /// Opens a work copy file (taken at the office) as this computer's register: written where the user's own
    /// register lives, which must not exist yet.
    pub fn open_work_copy(&self, file: &std::path::Path) -> Result<Session, CommandError> {
        let mut inner = self.lock();
        let app = App::open_work_copy(file, &self.paths.live(), Assets::bundled(), Clock::System)?;
        *inner = Inner { app: Some(app), mode: Mode::Live, live_error: None, recovery: None };
        Ok(self.session_of(&inner))
    }

    /// A copy of the user's own register if it changed since the newest copy (every 15 minutes and at exit). The
    /// demo is not copied. Returns the copy made, if any.
    pub fn backup_live_if_changed(&self, reason: BackupReason) -> Result<Option<BackupInfo>, CommandError> {
        let inner = self.lock();
        match (&inner.app, inner.mode) {
            (Some(app), Mode::Live) => Ok(app.backup_if_changed(reason)?),
            _ => Ok(None),
        }
    }

    /// Opens the demo register, making it first if it is missing; `progress` hears about the making.
    pub fn open_demo(&self, progress: Progress<'_>) -> Result<Session, CommandError> {
        let mut inner = self.lock();
        if inner.mode != Mode::Demo {
            let app = open_or_make_demo(&self.paths, progress)?;
            inner.app = Some(app);
            inner.mode = Mode::Demo;
        }
        Ok(self.session_of(&inner))
    }

    fn session_of(&self, inner: &Inner) -> Session {
        Session {
            mode: inner.mode,
            register_path: inner.app.as_ref().map(|app| app.register_path().to_path_buf()),
            live_exists: self.paths.live().exists(),
            unit: inner.app.as_ref().and_then(|app| app.unit().ok()),
            error: inner.live_error.clone(),
            recovery: inner.recovery.clone(),
            work_copy: inner.app.as_ref().and_then(|app| app.work_copy().ok().flatten()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A command that panicked while holding the lock left the register as SQLite left it (each write is one
        // transaction), so the state is still usable.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Deref for OpenApp<'_> {
    type Target = App;

    fn deref(&self) -> &App {
        self.0.app.as_ref().expect("OpenApp is only made when a register is open")
    }
}

impl DerefMut for OpenApp<'_> {
    fn deref_mut(&mut self) -> &mut App {
        self.0.app.as_mut().expect("OpenApp is only made when a register is open")
    }
}

/// The demo is built in a staging folder and moved into place when complete, so a build interrupted by closing the
/// app leaves no half-filled demo to be opened next time.
fn open_or_make_demo(paths: &Paths, progress: Progress<'_>) -> cchc::Result<App> {
    let demo = paths.demo();
    if !demo.exists() {
        let staging = paths.demo_staging_dir();
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        let (app, _summary) = App::create_demo(&staging, Assets::bundled(), Clock::System, progress)?;
        // Closing the connection folds SQLite's journal into the file, so the one file is the whole register.
        drop(app);
        let built = Paths::demo_file_in(&staging);
        std::fs::rename(&built, &demo).map_err(|e| Error::io(&built, e))?;
        std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    }
    App::open(&demo, Assets::bundled(), Clock::System)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Code;
    use cchc::ErrorCode;
    use std::convert::Infallible;

    fn paths_in(dir: &tempfile::TempDir) -> Paths {
        Paths::choose(Some(dir.path().as_os_str().to_owned()), || -> Result<PathBuf, Infallible> {
            unreachable!("the test gives the data folder")
        })
        .unwrap()
    }

    #[test]
    fn a_fresh_data_folder_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(paths_in(&dir));
        let session = state.session();
        assert_eq!((session.mode, session.live_exists), (Mode::None, false));
        assert!(session.error.is_none() && session.unit.is_none());
        assert_eq!(state.app().err().unwrap().code, Code::Shell(crate::error::ShellCode::NoRegister));
    }

    #[test]
    fn the_live_register_is_created_and_reopened_at_start() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(paths_in(&dir));
        let session = state.create_live(cchc::App::demo_unit()).unwrap();
        assert_eq!(session.mode, Mode::Live);
        assert_eq!(session.register_path.as_deref(), Some(dir.path().join("register.cchc").as_path()));
        drop(state);

        let state = AppState::start(paths_in(&dir));
        let session = state.session();
        assert_eq!((session.mode, session.live_exists), (Mode::Live, true));
        assert_eq!(session.unit.unwrap().name, cchc::App::demo_unit().name);
        let again = state.create_live(cchc::App::demo_unit()).unwrap_err();
        assert_eq!(again.code, Code::Core(ErrorCode::RegisterExists));
    }

    #[test]
    fn a_work_copy_opened_on_a_new_computer_becomes_its_register_and_every_session_says_whose_it_is() {
        let office_dir = tempfile::tempdir().unwrap();
        let office_state = AppState::start(paths_in(&office_dir));
        office_state.create_live(cchc::App::demo_unit()).unwrap();
        let file = office_dir.path().join("ban-lam-viec.cchclv");
        office_state.app().unwrap().take_work_copy(&file, "Trần Thị Mai", None, &|_, _| {}).unwrap();
        assert!(office_state.session().work_copy.is_none());

        let home = tempfile::tempdir().unwrap();
        let state = AppState::start(paths_in(&home));
        let session = state.open_work_copy(&file).unwrap();
        assert_eq!(session.mode, Mode::Live);
        assert_eq!(session.work_copy.as_ref().map(|c| c.person.as_str()), Some("Trần Thị Mai"));
        drop(state);
        // The next start opens it again, still a work copy; a second work copy cannot replace it.
        let state = AppState::start(paths_in(&home));
        assert!(state.session().work_copy.is_some());
        let again = state.open_work_copy(&file).unwrap_err();
        assert_eq!(again.code, Code::Core(ErrorCode::RegisterExists));
    }

    #[test]
    fn the_demo_is_a_separate_complete_file() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(paths_in(&dir));
        state.create_live(cchc::App::demo_unit()).unwrap();
        let ticks = std::cell::Cell::new(0);
        let session = state.open_demo(&|_, _| ticks.set(ticks.get() + 1)).unwrap();
        assert_eq!(session.mode, Mode::Demo);
        assert_eq!(session.register_path.as_deref(), Some(dir.path().join("demo/demo.cchc").as_path()));
        assert!(ticks.get() > 0, "making the demo reports progress");
        assert!(!state.paths().demo_staging_dir().exists(), "the staging folder is cleaned up");
        assert!(!state.app().unwrap().procedures(&Default::default()).unwrap().is_empty());
        assert!(state.paths().live().exists());

        // Back to the user's own register, then to the existing demo, which is opened as it is.
        assert_eq!(state.open_live().unwrap().mode, Mode::Live);
        let made_before = std::fs::metadata(state.paths().demo()).unwrap().modified().unwrap();
        assert_eq!(state.open_demo(&|_, _| {}).unwrap().mode, Mode::Demo);
        assert_eq!(std::fs::metadata(state.paths().demo()).unwrap().modified().unwrap(), made_before);
    }

    #[test]
    fn a_live_register_that_cannot_be_opened_is_reported_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("register.cchc"), b"not a register at all, just some text").unwrap();
        let state = AppState::start(paths_in(&dir));
        let session = state.session();
        assert_eq!((session.mode, session.live_exists), (Mode::None, true));
        assert_eq!(session.error.unwrap().code, Code::Core(ErrorCode::NotARegister));

        // The demo still opens, and the session keeps saying why the user's own register did not.
        let session = state.open_demo(&|_, _| {}).unwrap();
        assert_eq!(session.mode, Mode::Demo);
        assert_eq!(session.error.unwrap().code, Code::Core(ErrorCode::NotARegister));
        assert_eq!(state.open_live().unwrap_err().code, Code::Core(ErrorCode::NotARegister));
        assert_eq!(state.session().mode, Mode::Demo, "a failed open keeps the open register");
    }
}
