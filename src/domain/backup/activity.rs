//! When the user last exported, and when to remind them.

use super::*;

/// When the user last exported and how their data changed since, kept in the database
/// next to the data so that it changes in the same transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// When the last backup was exported.
    pub last_export: Option<DateTime<Utc>>,
    /// The first change after the last export (or ever, if never exported).
    pub changed_since_export: Option<DateTime<Utc>>,
    /// The latest change.
    pub last_change: Option<DateTime<Utc>>,
}

impl Activity {
    /// Records a change at `now`.
    pub fn changed(&mut self, now: DateTime<Utc>) {
        self.changed_since_export.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Records an export at `now`.
    pub fn exported(&mut self, now: DateTime<Utc>) {
        self.last_export = Some(now);
        self.changed_since_export = None;
    }

    /// Whether to suggest a backup: data changed since the last export, and that export
    /// (or, if there never was one, the first change) is at least `every_days` old.
    /// A dismissal quiets the reminder for [`REMINDER_SNOOZE_DAYS`].
    pub fn backup_due(
        &self,
        now: DateTime<Utc>,
        every_days: Option<u32>,
        dismissed: Option<DateTime<Utc>>,
    ) -> bool {
        let (Some(days), Some(changed)) = (every_days, self.changed_since_export) else {
            return false;
        };
        let since = self.last_export.unwrap_or(changed);
        let snoozed = dismissed.is_some_and(|d| now - d < Duration::days(REMINDER_SNOOZE_DAYS));
        now - since >= Duration::days(i64::from(days)) && !snoozed
    }
}

/// Days a dismissed backup reminder stays away.
pub const REMINDER_SNOOZE_DAYS: i64 = 7;

/// Default days between backup reminders.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;

/// A fresh [`Meta`] for a record created at `now`, already counted as saved once.
pub fn first_meta(id: impl Into<String>, now: DateTime<Utc>) -> Meta {
    Meta {
        revision: 1,
        ..Meta::new(id, now)
    }
}
