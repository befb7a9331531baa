//! Settings → Backup: export, and restoring a file (read, decrypt, check, then merge or
//! replace); what the chosen file would change is shown by `import_step.rs`.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::{
    preview, read_backup, Backup, BackupError, BackupInfo, ImportMode, Preview, MAX_BACKUP_BYTES,
};
use crate::domain::format;
use crate::domain::integrity::Repairs;
use crate::domain::privacy::envelope::{looks_encrypted, read_envelope, Envelope, EnvelopeProblem};
use crate::i18n::*;
use crate::storage::db::ImportReport;
use crate::storage::vault::backup::decrypt_backup;
use crate::storage::vault::Protection;
use crate::storage::StorageError;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{use_feedback, AppError, Feedback};

use super::import_step::ImportStep;
use super::problems::Failure;
use super::reminder::ReminderSetting;
use super::{export_backup_as, export_with_feedback, Sealing, SealingChoice, SealingForm};

/// Where a restore stands.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Step {
    Idle,
    Reading,
    Failed(Failure),
    /// An encrypted file waits for its passphrase.
    Encrypted(String),
    Preview(Staged),
    ConfirmReplace(Staged),
    Working,
    Done(String),
}

/// A checked file waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Staged {
    pub(super) file: String,
    pub(super) info: BackupInfo,
    pub(super) preview: Preview,
    pub(super) repairs: Repairs,
}

async fn read_file(file: web_sys::File) -> Result<String, Failure> {
    if file.size() > MAX_BACKUP_BYTES as f64 {
        return Err(Failure::Backup(BackupError::TooLarge {
            bytes: file.size() as u64,
        }));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| Failure::Read(format!("{e:?}")))?;
    text.as_string()
        .ok_or_else(|| Failure::Read("not text".into()))
}

fn written_total(report: &ImportReport) -> usize {
    report.written.values().sum()
}

/// Export, import (check, preview, merge or replace) and the reminder setting.
#[component]
pub fn BackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let data = use_data();
    let feedback = use_feedback();
    let step = RwSignal::new(Step::Idle);
    let exporting = RwSignal::new(false);
    // The checked file stays out of signals: it can be large and is never rendered whole.
    let checked = StoredValue::new_local(None::<Rc<Backup>>);
    let activity = LocalResource::new(move || {
        data.revision.track();
        let db = data.db();
        async move { db?.activity().await }
    });

    let restore = Restore {
        step,
        checked,
        sealed: StoredValue::new_local(None),
        open_error: RwSignal::new(None),
        opening: RwSignal::new(false),
        data,
        feedback,
    };
    let sealing = SealingForm::new();
    let protected = move || data.protection.get() != Protection::Off;
    let export = move |_| {
        let chosen = if data.protection.get_untracked() != Protection::Off {
            sealing.sealing(i18n)
        } else {
            Some(Sealing::Plain)
        };
        let Some(chosen) = chosen else {
            return;
        };
        export_with_feedback(i18n, feedback, exporting, async move {
            export_backup_as(data, chosen)
                .await
                .map_err(AppError::ActionFailed)
        })
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Choosing the same file again must start a new check.
        input.set_value("");
        restore.check(file);
    };
    let run_import = move |mode: ImportMode| restore.import(i18n, mode);

    let last_backup = move || {
        activity.get().map(|a| match a {
            Ok(a) => match a.last_export {
                Some(at) => format::date_long(at.date_naive(), lang()),
                None => t_string!(i18n, settings.backup.never).to_string(),
            },
            Err(e) => crate::ui::feedback::storage_error_text(i18n, &e),
        })
    };

    view! {
        <section class="card" id="backup" aria-labelledby="settings-backup">
            <h2 id="settings-backup">{tr!(i18n, settings.backup.title)}</h2>
            <p>{tr!(i18n, settings.backup.intro)}</p>
            <dl class="facts">
                <dt>{tr!(i18n, settings.backup.last)}</dt>
                <dd>
                    <Suspense fallback=|| "…">{last_backup}</Suspense>
                </dd>
            </dl>
            <Show when=protected>
                <SealingChoice form=sealing />
            </Show>
            <div class="button-row">
                <button
                    type="button"
                    class="button"
                    disabled=move || !data.ready() || exporting.get()
                    aria-busy=move || exporting.get().to_string()
                    on:click=export
                >
                    {tr!(i18n, settings.backup.export)}
                </button>
            </div>
            <ReminderSetting />
            <h3>{tr!(i18n, settings.backup.import_title)}</h3>
            <div class="field">
                <label for="backup-file">{tr!(i18n, settings.backup.import_label)}</label>
                <span class="hint" id="backup-file-hint">{tr!(i18n, settings.backup.import_hint)}</span>
                <input
                    id="backup-file"
                    type="file"
                    accept=".json,application/json"
                    aria-describedby="backup-file-hint"
                    disabled=move || !data.ready() || step.with(|s| matches!(s, Step::Reading | Step::Working))
                    on:change=on_file
                />
            </div>
            <div role="status" aria-live="polite" class="import-step">
                <ImportStep
                    step
                    run_import=Callback::new(run_import)
                    cancel=Callback::new(move |()| restore.cancel())
                    open=Callback::new(move |pass: String| restore.open_sealed(i18n, pass))
                    open_error=restore.open_error
                    opening=restore.opening
                />
            </div>
        </section>
    }
}

/// Restoring a backup: checking the chosen file, importing what was checked, or leaving it.
#[derive(Clone, Copy)]
struct Restore {
    step: RwSignal<Step>,
    /// The checked file, out of signals: it can be large and is never rendered whole.
    checked: StoredValue<Option<Rc<Backup>>, LocalStorage>,
    /// An encrypted file waiting for its passphrase, with its name.
    sealed: StoredValue<Option<Rc<(String, Envelope)>>, LocalStorage>,
    /// Why the last passphrase did not open it.
    open_error: RwSignal<Option<String>>,
    /// True while a passphrase is tried.
    opening: RwSignal<bool>,
    data: Data,
    feedback: Feedback,
}

impl Restore {
    /// Reads and checks `file` whole, then shows what importing it would change; nothing
    /// is written.
    fn check(self, file: web_sys::File) {
        let name = file.name();
        self.step.set(Step::Reading);
        leptos::task::spawn_local(async move {
            match read_file(file).await {
                Ok(text) => self.check_text(name, text).await,
                Err(f) => self.step.set(Step::Failed(f)),
            }
        });
    }

    /// Checks a file's text: an encrypted one asks for its passphrase first.
    async fn check_text(self, name: String, text: String) {
        let Restore {
            step,
            checked,
            data,
            feedback,
            ..
        } = self;
        if looks_encrypted(&text) {
            match read_envelope(&text) {
                Ok(envelope) => {
                    self.sealed
                        .set_value(Some(Rc::new((name.clone(), envelope))));
                    self.open_error.set(None);
                    step.set(Step::Encrypted(name));
                }
                Err(problem) => step.set(Step::Failed(Failure::Envelope(problem))),
            }
            return;
        }
        match read_backup(&text) {
            Err(e) => step.set(Step::Failed(Failure::Backup(e))),
            Ok(backup) => {
                let stamps = match data.db() {
                    Ok(db) => db.stamps().await,
                    Err(e) => Err(e),
                };
                match stamps {
                    Ok(stamps) => {
                        let staged = Staged {
                            file: name,
                            info: backup.info.clone(),
                            preview: preview(&backup.data, &stamps),
                            repairs: backup.repairs.clone(),
                        };
                        checked.set_value(Some(Rc::new(backup)));
                        step.set(Step::Preview(staged));
                    }
                    Err(e) => {
                        step.set(Step::Idle);
                        feedback.error(AppError::ActionFailed(e));
                    }
                }
            }
        }
    }

    /// Tries `pass` on the encrypted file; opened, it is checked as any other.
    fn open_sealed(self, i18n: I18n, pass: String) {
        let Some(sealed) = self.sealed.with_value(Clone::clone) else {
            return;
        };
        if self.opening.get_untracked() {
            return;
        }
        self.opening.set(true);
        leptos::task::spawn_local(async move {
            let outcome = decrypt_backup(&sealed.1, &pass).await;
            self.opening.set(false);
            match outcome {
                Ok(text) => {
                    self.sealed.set_value(None);
                    self.step.set(Step::Reading);
                    self.check_text(sealed.0.clone(), text).await;
                }
                Err(StorageError::WrongSecret) => {
                    self.open_error
                        .set(Some(t_string!(i18n, privacy.import_wrong).to_string()));
                    crate::ui::common::focus::focus_id("backup-open-passphrase");
                }
                Err(StorageError::Undecryptable(_)) => {
                    self.sealed.set_value(None);
                    self.step
                        .set(Step::Failed(Failure::Envelope(EnvelopeProblem::Damaged)));
                }
                Err(e) => self.feedback.error(AppError::ActionFailed(e)),
            }
        });
    }

    /// Imports the checked file in one transaction; when that fails, nothing changed and
    /// the preview is shown again.
    fn import(self, i18n: I18n, mode: ImportMode) {
        let Restore {
            step,
            checked,
            data,
            feedback,
            ..
        } = self;
        let previous = step.get_untracked();
        let Ok(db) = data
            .db()
            .map_err(|e| feedback.error(AppError::ActionFailed(e)))
        else {
            return;
        };
        step.set(Step::Working);
        leptos::task::spawn_local(async move {
            let Some(backup) = checked.with_value(|b| b.clone()) else {
                step.set(Step::Idle);
                return;
            };
            match db.import(&backup.data, mode, now()).await {
                Ok(report) => {
                    checked.set_value(None);
                    let written = written_total(&report);
                    let message = match (mode, written) {
                        (ImportMode::Merge, 0) => {
                            t_string!(i18n, settings.backup.nothing).to_string()
                        }
                        (ImportMode::Merge, n) => {
                            t_string!(i18n, settings.backup.merged, written = n).to_string()
                        }
                        (ImportMode::Replace, n) => {
                            t_string!(i18n, settings.backup.replaced, written = n).to_string()
                        }
                    };
                    step.set(Step::Done(message));
                    data.replaced();
                }
                Err(e) => {
                    // The transaction rolled back: the data is as before, the preview still holds.
                    step.set(match previous {
                        Step::ConfirmReplace(staged) => Step::Preview(staged),
                        other => other,
                    });
                    feedback.error(AppError::ActionFailed(e));
                }
            }
        });
    }

    /// Leaves the checked file without importing it.
    fn cancel(self) {
        self.checked.set_value(None);
        self.sealed.set_value(None);
        self.step.set(Step::Idle);
    }
}
