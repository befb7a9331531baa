//! The words for what a backup file holds wrong, shown before anything is written.

use crate::domain::backup::{BackupError, Issue, Problem, MAX_BACKUP_BYTES};
use crate::domain::format;
use crate::domain::privacy::envelope::EnvelopeProblem;
use crate::domain::record::RecordProblem;
use crate::i18n::*;

use super::kind_label;

/// Where an import stands.
/// Why a chosen file was not staged for import.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Failure {
    Backup(BackupError),
    Read(String),
    /// An encrypted backup that cannot be opened (damaged, or from a newer version).
    Envelope(EnvelopeProblem),
}

fn issue_text(i18n: I18n, issue: &Issue) -> String {
    match issue {
        Issue::Shape(detail) => {
            t_string!(i18n, settings.backup.issue_shape, detail = detail.clone()).to_string()
        }
        Issue::DuplicateId => t_string!(i18n, settings.backup.issue_duplicate).to_string(),
        Issue::CountMismatch { expected, found } => t_string!(
            i18n,
            settings.backup.issue_count,
            expected = *expected,
            found = *found
        )
        .to_string(),
        Issue::UnknownKind(name) => {
            t_string!(i18n, settings.backup.issue_unknown, name = name.clone()).to_string()
        }
        Issue::Record(problem) => match problem {
            RecordProblem::BadId => t_string!(i18n, settings.backup.issue_bad_id).to_string(),
            RecordProblem::TooLong { field, max } => t_string!(
                i18n,
                settings.backup.issue_too_long,
                field = *field,
                max = *max
            )
            .to_string(),
            RecordProblem::Missing(field) => {
                t_string!(i18n, settings.backup.issue_missing, field = *field).to_string()
            }
            RecordProblem::Invalid(field) => {
                t_string!(i18n, settings.backup.issue_invalid, field = *field).to_string()
            }
            RecordProblem::BadMeta => t_string!(i18n, settings.backup.issue_meta).to_string(),
        },
    }
}

fn problem_text(i18n: I18n, problem: &Problem) -> String {
    let kind = match problem.kind {
        Some(kind) => kind_label(i18n, kind),
        None => t_string!(i18n, settings.data.profile).to_string(),
    };
    let place = match (problem.position, &problem.id) {
        (Some(position), Some(id)) => t_string!(
            i18n,
            settings.backup.place_id,
            kind,
            position,
            id = id.clone()
        )
        .to_string(),
        (Some(position), None) => {
            t_string!(i18n, settings.backup.place, kind, position).to_string()
        }
        (None, _) => kind,
    };
    format!("{place}: {}", issue_text(i18n, &problem.issue))
}

/// The headline sentence for a refused file, and the listed problems if any.
pub(super) fn failure_text(i18n: I18n, failure: &Failure) -> (String, Vec<String>, usize) {
    let lang = i18n.lang();
    let one = |s: String| (s, Vec::new(), 0);
    match failure {
        Failure::Envelope(EnvelopeProblem::Damaged) => {
            one(t_string!(i18n, privacy.import_damaged).to_string())
        }
        Failure::Envelope(EnvelopeProblem::Unsupported) => {
            one(t_string!(i18n, privacy.import_unsupported).to_string())
        }
        Failure::Read(detail) => {
            one(t_string!(i18n, settings.backup.err_read, detail = detail.clone()).to_string())
        }
        Failure::Backup(error) => match error {
            BackupError::Empty => one(t_string!(i18n, settings.backup.err_empty).to_string()),
            BackupError::TooLarge { bytes } => one(t_string!(
                i18n,
                settings.backup.err_too_large,
                size = format::bytes(*bytes, lang),
                max = format::bytes(MAX_BACKUP_BYTES as u64, lang)
            )
            .to_string()),
            BackupError::Truncated => {
                one(t_string!(i18n, settings.backup.err_truncated).to_string())
            }
            BackupError::NotJson { line, column } => one(t_string!(
                i18n,
                settings.backup.err_not_json,
                line = *line,
                column = *column
            )
            .to_string()),
            BackupError::NotABackup => {
                one(t_string!(i18n, settings.backup.err_not_backup).to_string())
            }
            BackupError::FromTheFuture { found } => {
                one(t_string!(i18n, settings.backup.err_future, found = *found).to_string())
            }
            BackupError::BadHeader(detail) => {
                one(
                    t_string!(i18n, settings.backup.err_header, detail = detail.clone())
                        .to_string(),
                )
            }
            BackupError::Invalid { problems, total } => (
                t_string!(i18n, settings.backup.err_invalid, total = *total).to_string(),
                problems.iter().map(|p| problem_text(i18n, p)).collect(),
                total.saturating_sub(problems.len()),
            ),
        },
    }
}
