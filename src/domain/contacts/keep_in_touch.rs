//! Keep-in-touch rules: cadence per circle, when a contact is next due, which contacts
//! have gone dormant, and what "today" is in the user's time zone.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::record::{Circle, Contact};

/// The user's keep-in-touch settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CadenceSettings {
    /// Default days between contacts for the core circle.
    pub core_days: u32,
    /// … for the wider network.
    pub network_days: u32,
    /// … for the periphery.
    pub periphery_days: u32,
    /// Months without any interaction after which a contact counts as dormant.
    pub dormant_months: u32,
}

impl Default for CadenceSettings {
    fn default() -> Self {
        CadenceSettings {
            core_days: 30,
            network_days: 90,
            periphery_days: 180,
            dormant_months: 12,
        }
    }
}

/// Smallest and largest cadence and dormancy values accepted in Settings.
pub const CADENCE_DAYS: std::ops::RangeInclusive<u32> = 1..=3650;
/// Smallest and largest dormancy threshold in months.
pub const DORMANT_MONTHS: std::ops::RangeInclusive<u32> = 1..=120;

impl CadenceSettings {
    /// The default cadence for a circle.
    pub fn for_circle(&self, circle: Circle) -> u32 {
        match circle {
            Circle::Core => self.core_days,
            Circle::Network => self.network_days,
            Circle::Periphery => self.periphery_days,
        }
    }

    /// The values clamped into their allowed ranges (settings read from storage).
    pub fn clamped(self) -> CadenceSettings {
        let days = |d: u32| d.clamp(*CADENCE_DAYS.start(), *CADENCE_DAYS.end());
        CadenceSettings {
            core_days: days(self.core_days),
            network_days: days(self.network_days),
            periphery_days: days(self.periphery_days),
            dormant_months: self
                .dormant_months
                .clamp(*DORMANT_MONTHS.start(), *DORMANT_MONTHS.end()),
        }
    }
}

/// A contact's cadence in days; `None` when the user switched reminders off for them
/// (a cadence of 0): letting a contact rest on purpose is fine.
pub fn cadence(contact: &Contact, settings: &CadenceSettings) -> Option<u32> {
    match contact.cadence_days {
        Some(0) => None,
        Some(days) => Some(days),
        None => Some(settings.for_circle(contact.circle)),
    }
}

/// The date the keep-in-touch clock starts from: the last interaction, else the day they
/// met, else the day the contact was recorded.
pub fn reference_date(
    contact: &Contact,
    last_contact: Option<NaiveDate>,
    utc_offset_minutes: i32,
) -> NaiveDate {
    last_contact
        .or(contact.met.date)
        .unwrap_or_else(|| local_date(contact.meta.created, utc_offset_minutes))
}

/// When the contact is next due, or `None` if reminders are off for them.
pub fn next_due(
    contact: &Contact,
    last_contact: Option<NaiveDate>,
    settings: &CadenceSettings,
    utc_offset_minutes: i32,
) -> Option<NaiveDate> {
    let days = cadence(contact, settings)?;
    reference_date(contact, last_contact, utc_offset_minutes)
        .checked_add_signed(Duration::days(i64::from(days)))
}

/// Days past the due date (0 on the day itself, negative before it).
pub fn days_overdue(due: NaiveDate, today: NaiveDate) -> i64 {
    (today - due).num_days()
}

/// Whether a contact is dormant: no interaction for `months` months or more. Counted in
/// calendar months, so 31 March plus one month is 30 April, not 1 May.
pub fn is_dormant(
    contact: &Contact,
    last_contact: Option<NaiveDate>,
    months: u32,
    today: NaiveDate,
    utc_offset_minutes: i32,
) -> bool {
    reference_date(contact, last_contact, utc_offset_minutes)
        .checked_add_months(Months::new(months))
        .is_some_and(|limit| today >= limit)
}

/// The calendar date at `at` for a user whose clock is `utc_offset_minutes` ahead of UTC
/// (the negation of JavaScript's `getTimezoneOffset()`).
pub fn local_date(at: DateTime<Utc>, utc_offset_minutes: i32) -> NaiveDate {
    at.checked_add_signed(Duration::minutes(i64::from(utc_offset_minutes)))
        .unwrap_or(at)
        .date_naive()
}

/// Monday of the ISO week of `date`: dormant suggestions change once a week.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}
