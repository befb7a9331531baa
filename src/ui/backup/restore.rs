//! Export, import (check, preview, merge or replace) and the reminder setting.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::{
    preview, read_backup, Backup, BackupError, BackupInfo, ImportMode, KindPreview, Preview,
    MAX_BACKUP_BYTES, MAX_LISTED_PROBLEMS,
};
use crate::domain::format;
use crate::domain::integrity::{Effect, Repairs};
use crate::domain::record::Kind;
use crate::i18n::*;
use crate::storage::db::ImportReport;
use crate::storage::prefs;
use crate::ui::context::use_preferences;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{use_feedback, AppError, Feedback};

use super::problems::{failure_text, Failure};
use super::{
    export_backup_as, export_with_feedback, kind_label, EncryptedStep, Sealing, SealingChoice,
    SealingForm,
};
use crate::domain::privacy::envelope::{looks_encrypted, read_envelope, Envelope, EnvelopeProblem};
use crate::storage::vault::backup::decrypt_backup;
use crate::storage::vault::Protection;
use crate::storage::StorageError;

#[derive(Clone, Debug, PartialEq)]
enum Step {
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
struct Staged {
    file: String,
    info: BackupInfo,
    preview: Preview,
    repairs: Repairs,
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
        let chosen = if protected() {
            sealing.sealing()
        } else {
            Some(Sealing::Plain)
        };
        let Some(chosen) = chosen else {
            crate::ui::common::focus::focus_id("backup-passphrase");
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

/// The table of what an import would change.
#[component]
fn PreviewView(staged: Staged) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let Staged {
        file,
        info,
        preview,
        repairs,
    } = staged;
    let written = move || {
        let date = info
            .created_at
            .map(|at| format::date_long(at.date_naive(), lang()))
            .unwrap_or_else(|| t_string!(i18n, settings.backup.unknown).to_string());
        let version = info
            .app_version
            .clone()
            .unwrap_or_else(|| t_string!(i18n, settings.backup.unknown).to_string());
        t_string!(
            i18n,
            settings.backup.preview_file,
            file = file.clone(),
            date,
            version
        )
        .to_string()
    };
    let mut rows: Vec<(Option<Kind>, KindPreview)> = preview
        .kinds
        .iter()
        .filter(|(_, p)| p.in_file + p.only_here > 0)
        .map(|(k, p)| (Some(*k), *p))
        .collect();
    if preview.profile.in_file + preview.profile.only_here > 0 {
        rows.push((None, preview.profile));
    }
    let total = preview.total();
    let cells = move |p: KindPreview| {
        [p.in_file, p.new, p.newer, p.kept, p.only_here]
            .into_iter()
            .map(|n| view! { <td>{move || format::integer(n as i64, lang())}</td> })
            .collect_view()
    };
    view! {
        <h3 id="import-preview-title">{tr!(i18n, settings.backup.preview_title)}</h3>
        <p>{written}</p>
        <RepairsView repairs />
        // Focusable, so keyboard users can scroll the table on a narrow screen.
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-preview-title">
            <table class="numbers">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, settings.backup.col_kind)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_in_file)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_new)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_newer)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_kept)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_only_here)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(kind, p)| view! {
                            <tr>
                                <th scope="row">
                                    {move || match kind {
                                        Some(k) => kind_label(i18n, k),
                                        None => t_string!(i18n, settings.data.profile).to_string(),
                                    }}
                                </th>
                                {cells(p)}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tr!(i18n, settings.backup.total)}</th>
                        {cells(total)}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// What the import will do about references to entries that are not in the file: the
/// same as deleting those entries would have done.
#[component]
fn RepairsView(repairs: Repairs) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let group = move |effect: Effect| {
        let found: Vec<_> = repairs
            .found
            .iter()
            .filter(|d| d.effect == effect)
            .cloned()
            .collect();
        (!found.is_empty()).then(|| {
            let count = found.len();
            let head = move || match (effect, count) {
                (Effect::Removed, 1) => t_string!(i18n, settings.backup.repair_removed_one).to_string(),
                (Effect::Removed, _) => {
                    t_string!(i18n, settings.backup.repair_removed, count = count).to_string()
                }
                (_, 1) => t_string!(i18n, settings.backup.repair_cleared_one).to_string(),
                _ => t_string!(i18n, settings.backup.repair_cleared, count = count).to_string(),
            };
            let more = count.saturating_sub(MAX_LISTED_PROBLEMS);
            let items = found
                .into_iter()
                .take(MAX_LISTED_PROBLEMS)
                .map(|d| {
                    view! {
                        <li>
                            {move || t_string!(
                                i18n,
                                settings.backup.repair_item,
                                kind = kind_label(i18n, d.kind),
                                id = d.id.clone(),
                                field = d.field,
                                target = d.target.clone()
                            )
                            .to_string()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice">
                    <p>{head}</p>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! {
                        <p>{move || t_string!(i18n, settings.backup.err_more, count = format::integer(more as i64, lang())).to_string()}</p>
                    })}
                </div>
            }
        })
    };
    view! {
        {group(Effect::Detached)}
        {group(Effect::Removed)}
    }
}

/// How often Netzweber suggests a backup when data changed (a preference of this browser).
#[component]
fn ReminderSetting() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let preferences = use_preferences();
    let reminder_options = [Some(7u32), Some(14), Some(30), Some(90), None];
    let on_reminder = move |ev: leptos::ev::Event| {
        let days = event_target_value(&ev)
            .parse::<u32>()
            .ok()
            .filter(|d| *d > 0);
        preferences.reminder_days.set(days);
        if let Err(e) = prefs::save_reminder_days(days) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <div class="field">
            <label for="backup-reminder">{tr!(i18n, settings.backup.reminder_label)}</label>
            <select id="backup-reminder" on:change=on_reminder>
                {reminder_options
                    .into_iter()
                    .map(|days| {
                        let value = days.unwrap_or(0).to_string();
                        view! {
                            <option
                                value=value
                                selected=move || preferences.reminder_days.get() == days
                            >
                                {move || match days {
                                    Some(d) => t_string!(i18n, settings.backup.reminder_days, days = d).to_string(),
                                    None => t_string!(i18n, settings.backup.reminder_off).to_string(),
                                }}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Where an import stands: reading, the preview with merge / replace, the confirmation of
/// a replace, working, done, or why the file was refused.
#[component]
fn ImportStep(
    /// The import's state.
    step: RwSignal<Step>,
    /// Writes the staged backup in the chosen mode.
    run_import: Callback<ImportMode>,
    /// Drops the staged backup.
    cancel: Callback<()>,
    /// Tries a passphrase on an encrypted file.
    open: Callback<String>,
    /// Why the last passphrase did not open it.
    open_error: RwSignal<Option<String>>,
    /// True while a passphrase is tried.
    opening: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match step.get() {
        Step::Idle => ().into_any(),
        Step::Reading => view! { <p class="muted">{tr!(i18n, settings.backup.reading)}</p> }.into_any(),
        Step::Working => view! { <p class="muted">{tr!(i18n, settings.backup.working)}</p> }.into_any(),
        Step::Done(message) => view! { <p class="status status--ok">{message}</p> }.into_any(),
        Step::Encrypted(file) => view! {
            <EncryptedStep file open error=open_error busy=opening cancel />
        }
        .into_any(),
        Step::Failed(failure) => {
            let (headline, items, more) = failure_text(i18n, &failure);
            view! {
                <div class="banner banner--error import-error">
                    <p><strong>{tr!(i18n, settings.backup.error_title)}</strong></p>
                    <p>{headline}</p>
                    {(!items.is_empty()).then(|| view! {
                        <ul class="stack">
                            {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                        </ul>
                    })}
                    {(more > 0).then(|| view! {
                        <p>{t!(i18n, settings.backup.err_more, count = more)}</p>
                    })}
                </div>
            }
            .into_any()
        }
        Step::Preview(staged) => view! {
            <PreviewView staged />
            <p class="muted">{tr!(i18n, settings.backup.merge_hint)}</p>
            <p class="muted">{tr!(i18n, settings.backup.replace_hint)}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| run_import.run(ImportMode::Merge)>
                    {tr!(i18n, settings.backup.merge)}
                </button>
                <button
                    type="button"
                    class="button button--danger"
                    on:click=move |_| step.update(|s| {
                        if let Step::Preview(staged) = s.clone() {
                            *s = Step::ConfirmReplace(staged);
                        }
                    })
                >
                    {tr!(i18n, settings.backup.replace)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    on:click=move |_| cancel.run(())
                >
                    {tr!(i18n, settings.backup.cancel)}
                </button>
            </div>
        }
        .into_any(),
        Step::ConfirmReplace(staged) => {
            let removed = staged.preview.total().only_here;
            view! {
                <PreviewView staged />
                <div class="confirm" role="alert">
                    <p>{t!(i18n, settings.backup.replace_confirm, removed)}</p>
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--danger"
                            on:click=move |_| run_import.run(ImportMode::Replace)
                        >
                            {tr!(i18n, settings.backup.replace_yes)}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| step.update(|s| {
                                if let Step::ConfirmReplace(staged) = s.clone() {
                                    *s = Step::Preview(staged);
                                }
                            })
                        >
                            {tr!(i18n, settings.backup.cancel)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
    }
}
