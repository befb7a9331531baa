//! Backup and restore in Settings, the overview of stored data with "delete all", and the
//! reminder banner that suggests a backup when one is due.

mod encrypted;
mod export;
mod import_step;
mod problems;
mod reminder;
mod restore;
mod stored_data;

use crate::domain::record::Kind;
use crate::i18n::*;

pub use encrypted::Sealing;
use encrypted::{EncryptedStep, SealingChoice, SealingForm};
pub use export::{export_backup, export_backup_as, export_with_feedback};
pub use reminder::BackupReminder;
pub use restore::BackupSection;
pub use stored_data::DataSection;

/// The name a record kind has in the UI.
pub fn kind_label(i18n: I18n, kind: Kind) -> String {
    match kind {
        Kind::Contacts => t_string!(i18n, settings.data.kinds.contacts),
        Kind::Interactions => t_string!(i18n, settings.data.kinds.interactions),
        Kind::FollowUps => t_string!(i18n, settings.data.kinds.follow_ups),
        Kind::Photos => t_string!(i18n, settings.data.kinds.photos),
        Kind::InterviewPlans => t_string!(i18n, settings.data.kinds.interview_plans),
        Kind::Questions => t_string!(i18n, settings.data.kinds.questions),
        Kind::Templates => t_string!(i18n, settings.data.kinds.templates),
        Kind::Messages => t_string!(i18n, settings.data.kinds.messages),
    }
    .to_string()
}
