//! Small preferences kept in `localStorage` under `netzweber.*` keys.
//!
//! Reads never fail loudly: a missing or unreadable value means "not chosen yet" and the
//! caller falls back to a default. Writes return an error the UI must show.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

use super::StorageError;
use crate::domain::code::Code;
use crate::domain::contacts::keep_in_touch::CadenceSettings;
use crate::domain::insights::goal::WeeklyGoal;
use crate::domain::lang::Lang;
use crate::domain::profile::Profile;
use crate::domain::theme::Theme;

/// Storage key of the chosen UI language.
pub const LANG_KEY: &str = "netzweber.lang";
/// Storage key of the chosen theme.
pub const THEME_KEY: &str = "netzweber.theme";
/// Storage key of the user's profile before it moved into the database (schema v1).
pub const LEGACY_PROFILE_KEY: &str = "netzweber.profile";
/// Storage key of the backup reminder interval in days (`0` = off).
pub const REMINDER_DAYS_KEY: &str = "netzweber.backup-reminder-days";
/// Storage key of when the backup reminder was last dismissed.
pub const REMINDER_DISMISSED_KEY: &str = "netzweber.backup-reminder-dismissed";
/// Storage key of the keep-in-touch settings (cadence per circle, dormancy threshold).
pub const CADENCE_KEY: &str = "netzweber.keep-in-touch";
/// localStorage key of the LinkedIn Premium setting.
pub const LINKEDIN_PREMIUM_KEY: &str = "netzweber.linkedin-premium";
/// Storage key noting that persistent storage was requested after the first save.
pub const PERSIST_ASKED_KEY: &str = "netzweber.persist-asked";
/// Key of the weekly goal.
pub const WEEKLY_GOAL_KEY: &str = "netzweber.weekly-goal";
/// Key of the occasion quick capture used last, and when.
pub const LAST_OCCASION_KEY: &str = "netzweber.last-occasion";
/// Key of the auto-lock choice (protection with a passphrase).
pub const AUTO_LOCK_KEY: &str = "netzweber.auto-lock";

fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

fn write<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    LocalStorage::set(key, value).map_err(StorageError::from)
}

/// The language the user picked, if any.
pub fn load_lang() -> Option<Lang> {
    read::<String>(LANG_KEY).and_then(|code| Lang::from_tag(&code))
}

/// Remembers the user's language.
pub fn save_lang(lang: Lang) -> Result<(), StorageError> {
    write(LANG_KEY, &lang.key())
}

/// The theme the user picked, or the default.
pub fn load_theme() -> Theme {
    read::<String>(THEME_KEY)
        .and_then(|id| Theme::from_key(&id))
        .unwrap_or_default()
}

/// Remembers the user's theme.
pub fn save_theme(theme: Theme) -> Result<(), StorageError> {
    write(THEME_KEY, &theme.key())
}

/// The profile as the foundation release kept it, for the migration into the database.
pub fn load_legacy_profile() -> Option<Profile> {
    read(LEGACY_PROFILE_KEY)
}

/// Removes the foundation release's copy of the profile once the database holds it.
pub fn forget_legacy_profile() {
    LocalStorage::delete(LEGACY_PROFILE_KEY);
}

/// Writes a profile where the foundation release kept it (migration tests only).
pub fn save_legacy_profile(profile: &Profile) -> Result<(), StorageError> {
    write(LEGACY_PROFILE_KEY, profile)
}

/// Days between backup reminders; `None` when switched off.
pub fn load_reminder_days() -> Option<u32> {
    match read::<u32>(REMINDER_DAYS_KEY) {
        Some(0) => None,
        Some(days) => Some(days),
        None => Some(crate::domain::backup::DEFAULT_REMINDER_DAYS),
    }
}

/// After how long without use a protected Netzweber locks itself.
pub fn load_auto_lock() -> crate::domain::privacy::lock::AutoLock {
    read::<String>(AUTO_LOCK_KEY)
        .and_then(|k| crate::domain::privacy::lock::AutoLock::from_key(&k))
        .unwrap_or_default()
}

/// Remembers the auto-lock choice.
pub fn save_auto_lock(choice: crate::domain::privacy::lock::AutoLock) -> Result<(), StorageError> {
    write(AUTO_LOCK_KEY, &choice.key())
}

/// Forgets the last occasion: protection keeps no name of an event in plain text.
pub fn forget_last_occasion() {
    LocalStorage::delete(LAST_OCCASION_KEY);
}

/// Remembers the backup reminder interval (`None` = off).
pub fn save_reminder_days(days: Option<u32>) -> Result<(), StorageError> {
    write(REMINDER_DAYS_KEY, &days.unwrap_or(0))
}

/// The occasion quick capture used last, and when.
pub fn load_last_occasion() -> Option<(String, DateTime<Utc>)> {
    read(LAST_OCCASION_KEY)
}

/// Remembers `occasion` as used at `at` (an empty one forgets it).
pub fn save_last_occasion(occasion: &str, at: DateTime<Utc>) -> Result<(), StorageError> {
    if occasion.trim().is_empty() {
        LocalStorage::delete(LAST_OCCASION_KEY);
        return Ok(());
    }
    write(LAST_OCCASION_KEY, &(occasion.trim(), at))
}

/// When the backup reminder was last dismissed.
pub fn load_reminder_dismissed() -> Option<DateTime<Utc>> {
    read(REMINDER_DISMISSED_KEY)
}

/// Remembers that the backup reminder was dismissed at `at`.
pub fn save_reminder_dismissed(at: DateTime<Utc>) -> Result<(), StorageError> {
    write(REMINDER_DISMISSED_KEY, &at)
}

/// Whether persistent storage was already requested after a first save.
pub fn persist_asked() -> bool {
    read::<bool>(PERSIST_ASKED_KEY).unwrap_or(false)
}

/// Notes that persistent storage was requested.
pub fn set_persist_asked() -> Result<(), StorageError> {
    write(PERSIST_ASKED_KEY, &true)
}

/// The keep-in-touch settings, defaults where nothing (readable) is stored.
pub fn load_cadence() -> CadenceSettings {
    read::<CadenceSettings>(CADENCE_KEY)
        .map(CadenceSettings::clamped)
        .unwrap_or_default()
}

/// Remembers the keep-in-touch settings.
pub fn save_cadence(settings: &CadenceSettings) -> Result<(), StorageError> {
    write(CADENCE_KEY, settings)
}

/// Whether the user has LinkedIn Premium (300 instead of 200 characters in a connection note).
pub fn load_linkedin_premium() -> bool {
    read::<bool>(LINKEDIN_PREMIUM_KEY).unwrap_or(false)
}

/// Remembers the LinkedIn Premium setting.
pub fn save_linkedin_premium(premium: bool) -> Result<(), StorageError> {
    write(LINKEDIN_PREMIUM_KEY, &premium)
}

/// The weekly goal; off where nothing (readable) is stored.
pub fn load_weekly_goal() -> WeeklyGoal {
    read::<WeeklyGoal>(WEEKLY_GOAL_KEY)
        .map(WeeklyGoal::clamped)
        .unwrap_or_default()
}

/// Remembers the weekly goal; no goal is no entry, so that [`weekly_goal_set`] can tell.
pub fn save_weekly_goal(goal: WeeklyGoal) -> Result<(), StorageError> {
    if goal.is_off() {
        LocalStorage::delete(WEEKLY_GOAL_KEY);
        return Ok(());
    }
    write(WEEKLY_GOAL_KEY, &goal.clamped())
}

/// Whether a weekly goal is set, without reading it: Today asks at start-up, and the code
/// that reads the goal arrives only where one is set.
pub fn weekly_goal_set() -> bool {
    LocalStorage::raw()
        .get_item(WEEKLY_GOAL_KEY)
        .ok()
        .flatten()
        .is_some()
}
