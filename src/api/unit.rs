//! `App` methods of the unit's profile and its reporting periods (windows and deadlines, with the unit's
//! overrides).

use super::{App, refused, with_copies};
use crate::error::{Error, Result};
use crate::model::{Finding, FindingCode, PeriodKey, PeriodWindow, Place, UnitProfile};

impl App {
    /// The unit's profile. A "Nơi nhận" list never set (empty) is given as the standard lines the reports print,
    /// so that the window shows them to add recipients between.
    pub fn unit(&self) -> Result<UnitProfile> {
        let unit = self.register.unit()?;
        Ok(with_copies(unit.ok_or_else(|| Error::RegisterDamaged("the register has no unit profile".into()))?))
    }

    /// Saves the profile as given: its "Nơi nhận" list is the one printed, so a standard line the official deleted
    /// stays deleted; an empty list is kept as the standard lines.
    pub fn set_unit(&mut self, profile: UnitProfile) -> Result<UnitProfile> {
        let profile = with_copies(profile.cleaned());
        let findings = profile.validate();
        if !findings.is_empty() {
            return Err(refused("unit", findings));
        }
        // The change is recorded under the name the profile now gives.
        self.actor = profile.user_name.clone();
        let stamp = self.stamp();
        self.register.save_unit(&profile, &stamp)?;
        Ok(profile)
    }

    /// A period's window and deadline: the unit's override, or the default.
    pub fn period(&self, key: PeriodKey) -> Result<PeriodWindow> {
        Ok(self.register.period_setting(key)?.unwrap_or_else(|| key.default_window()))
    }

    /// The period being reported on today.
    pub fn current_period(&self) -> Result<PeriodWindow> {
        self.period(PeriodKey::current(self.clock.today()))
    }

    /// Overrides a period's window and deadline for this unit.
    pub fn set_period(&mut self, window: PeriodWindow) -> Result<PeriodWindow> {
        if window.start > window.end {
            let finding = Finding::new(FindingCode::BadDate, Place::field("end"))
                .with("start", window.start.format("%d/%m/%Y"))
                .with("end", window.end.format("%d/%m/%Y"));
            return Err(refused("period", vec![finding]));
        }
        // The report is due after the figures start being counted, never before.
        if window.deadline < window.start {
            let finding = Finding::new(FindingCode::BadDate, Place::field("deadline"))
                .with("start", window.start.format("%d/%m/%Y"))
                .with("end", window.deadline.format("%d/%m/%Y"));
            return Err(refused("period", vec![finding]));
        }
        let stamp = self.stamp();
        self.register.save_period_setting(&window, &stamp)?;
        Ok(window)
    }
}
