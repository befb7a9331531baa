//! Writing a backup file: the one export every button and the reminder use.

use std::future::Future;

use leptos::prelude::*;

use crate::domain::backup::write_backup;
use crate::domain::format;
use crate::i18n::*;
use crate::storage::vault::backup::encrypt_backup_with;
use crate::storage::vault::Protection;
use crate::storage::StorageError;

use super::Sealing;
use crate::ui::data::{now, Data};
use crate::ui::feedback::{AppError, Feedback};

/// Exports everything to a file and notes the export: encrypted with the device's
/// passphrase while protection is on. Returns the file name and how many entries it holds.
pub async fn export_backup(data: Data) -> Result<(String, usize), StorageError> {
    let sealing = match data.protection.get_untracked() {
        Protection::Off => Sealing::Plain,
        _ => Sealing::Device,
    };
    export_backup_as(data, sealing).await
}

/// [`export_backup`], sealed as the user chose.
pub async fn export_backup_as(
    data: Data,
    sealing: Sealing,
) -> Result<(String, usize), StorageError> {
    let db = data.db()?;
    let dataset = db.export().await?;
    let at = now();
    let text = write_backup(&dataset, env!("CARGO_PKG_VERSION"), at);
    let day = format::iso_date(at.date_naive());
    let (text, file) = match sealing {
        Sealing::Plain => (text, format!("netzweber-backup-{day}.json")),
        Sealing::Device => (
            db.encrypt_backup(&text).await?,
            format!("netzweber-backup-{day}.encrypted.json"),
        ),
        Sealing::Passphrase(p) => (
            encrypt_backup_with(&text, &p).await?,
            format!("netzweber-backup-{day}.encrypted.json"),
        ),
    };
    crate::ui::files::download(&file, &text, "application/json")?;
    db.mark_exported(at).await?;
    data.refresh();
    let count = dataset.counts().values().sum::<usize>() + usize::from(dataset.profile.is_some());
    Ok((file, count))
}

/// Runs `export` (an [`export_backup`], perhaps after fetching its chunk) and reports the
/// outcome as a toast or an error banner; `busy` is true until it is done, and a click
/// meanwhile does nothing.
pub fn export_with_feedback(
    i18n: I18n,
    feedback: Feedback,
    busy: RwSignal<bool>,
    export: impl Future<Output = Result<(String, usize), AppError>> + 'static,
) {
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match export.await {
            Ok((file, count)) => feedback.toast(t_string!(
                i18n,
                settings.backup.exported,
                file,
                count = format::integer(count as i64, i18n.lang_untracked())
            )),
            Err(e) => feedback.error(e),
        }
        busy.set(false);
    });
}
