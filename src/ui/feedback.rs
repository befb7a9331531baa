//! Feedback to the user: toasts for passing confirmations, banners for failures that must
//! not be missed, and the "new version" banner.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::integrity::Refusal;
use crate::domain::record::RecordProblem;
use crate::i18n::*;
use crate::storage::db::{Database, SaveError, UndoReport};
use crate::storage::StorageError;
use crate::ui::context::use_app_update;
use crate::ui::data::{Data, DbState};

/// How long a toast stays visible.
const TOAST_TIME: Duration = Duration::from_secs(5);
/// How long an undo offer stays: long enough to read it and reach the button (WCAG 2.2.1).
const UNDO_TIME: Duration = Duration::from_secs(30);

/// A failure shown in a banner until the user dismisses it.
#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// Saving to browser storage failed.
    SaveFailed(StorageError),
    /// Another storage operation (reading, exporting, deleting) failed.
    ActionFailed(StorageError),
    /// A save was refused because another tab saved the same entry meanwhile.
    Conflict,
    /// An undo could not be done; nothing was changed.
    UndoFailed(StorageError),
    /// The write succeeded, but re-reading it for this screen failed.
    ReloadFailed(StorageError),
    /// The part of the app an action needs could not be fetched (see `ui::lazy`).
    NotLoaded,
}

/// Toasts and error banners, provided once by the app.
#[derive(Clone, Copy)]
pub struct Feedback {
    toasts: RwSignal<Vec<(u64, String)>>,
    undo: RwSignal<Option<(u64, String)>>,
    undo_action: StoredValue<Option<Rc<dyn Fn()>>, LocalStorage>,
    errors: RwSignal<Vec<(u64, AppError)>>,
    next_id: StoredValue<u64>,
    i18n: I18n,
}

impl Feedback {
    /// Creates the feedback state and provides it as context.
    pub fn provide(i18n: I18n) -> Feedback {
        let feedback = Feedback {
            toasts: RwSignal::new(Vec::new()),
            undo: RwSignal::new(None),
            undo_action: StoredValue::new_local(None),
            errors: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            i18n,
        };
        provide_context(feedback);
        feedback
    }

    fn id(&self) -> u64 {
        self.next_id.update_value(|n| *n += 1);
        self.next_id.get_value()
    }

    /// Shows a short confirmation that disappears by itself.
    pub fn toast(&self, text: impl Into<String>) {
        let id = self.id();
        self.toasts.update(|t| t.push((id, text.into())));
        let toasts = self.toasts;
        set_timeout(
            move || toasts.update(|t| t.retain(|(i, _)| *i != id)),
            TOAST_TIME,
        );
    }

    /// Says what just happened and offers to take it back, for [`UNDO_TIME`] or until
    /// the next such offer.
    pub fn offer_undo(&self, text: impl Into<String>, undo: impl Fn() + 'static) {
        let id = self.id();
        self.undo.set(Some((id, text.into())));
        self.undo_action.set_value(Some(Rc::new(undo)));
        let (signal, action) = (self.undo, self.undo_action);
        set_timeout(
            move || {
                if signal.with_untracked(|u| u.as_ref().is_some_and(|(i, _)| *i == id)) {
                    signal.set(None);
                    action.set_value(None);
                }
            },
            UNDO_TIME,
        );
    }

    fn take_undo(&self) {
        let action = self.undo_action.with_value(Clone::clone);
        self.undo.set(None);
        self.undo_action.set_value(None);
        if let Some(action) = action {
            action();
        }
    }

    /// Shows a failure until the user dismisses it.
    pub fn error(&self, error: AppError) {
        let id = self.id();
        self.errors.update(|e| e.push((id, error)));
    }

    /// Says how an undo went: restored, or restored with some entries kept as another
    /// tab saved them.
    pub fn undone(&self, report: UndoReport) {
        let i18n = self.i18n;
        if report.kept > 0 {
            self.toast(t_string!(i18n, undo_kept, count = report.kept));
        } else {
            self.toast(t_string!(i18n, undo_done));
        }
    }

    /// Shows why re-reading after a successful write failed, if it did.
    pub fn reloaded(&self, result: Result<(), StorageError>) {
        if let Err(e) = result {
            self.error(AppError::ReloadFailed(e));
        }
    }

    /// The database to write to, or `None` after telling the user why there is none
    /// (still opening, blocked by another tab, failed): a click never does nothing silently.
    pub fn database(&self, data: Data) -> Option<Database> {
        data.db()
            .map_err(|e| self.error(AppError::SaveFailed(e)))
            .ok()
    }
}

/// Maps a save failure to the banner the user sees.
pub fn report_save<T>(error: SaveError<T>) -> AppError {
    match error {
        SaveError::Conflict(_) => AppError::Conflict,
        SaveError::Storage(e) => AppError::SaveFailed(e),
    }
}

/// Reads the [`Feedback`] provided by the app.
pub fn use_feedback() -> Feedback {
    expect_context()
}

/// The user-facing sentence for a storage failure.
pub fn storage_error_text(i18n: I18n, error: &StorageError) -> String {
    match error {
        StorageError::Unavailable => t_string!(i18n, errors.storage_unavailable).to_string(),
        StorageError::QuotaExceeded => t_string!(i18n, errors.storage_full).to_string(),
        StorageError::Corrupt(d) => {
            t_string!(i18n, errors.storage_corrupt, detail = d.clone()).to_string()
        }
        StorageError::Other(d) => {
            t_string!(i18n, errors.storage_other, detail = d.clone()).to_string()
        }
        StorageError::VersionChanged => t_string!(i18n, errors.storage_version_changed).to_string(),
        StorageError::NewerVersionOpen => t_string!(i18n, errors.storage_newer).to_string(),
        StorageError::UpgradeFailed(d) => {
            t_string!(i18n, errors.storage_upgrade_failed, detail = d.clone()).to_string()
        }
        StorageError::MigrationsNotLoaded => {
            t_string!(i18n, errors.storage_upgrade_not_loaded).to_string()
        }
        StorageError::WriterNotLoaded => {
            t_string!(i18n, errors.storage_writer_not_loaded).to_string()
        }
        StorageError::NotFound => t_string!(i18n, errors.storage_not_found).to_string(),
        StorageError::NotReady => t_string!(i18n, errors.storage_not_ready).to_string(),
        StorageError::Aborted => t_string!(i18n, errors.storage_aborted).to_string(),
        StorageError::Refused(refusal) => refusal_text(i18n, refusal),
        StorageError::Locked => t_string!(i18n, errors.storage_locked).to_string(),
        StorageError::WrongSecret => t_string!(i18n, errors.storage_wrong_secret).to_string(),
        StorageError::Undecryptable(store) => {
            let kind =
                match <crate::domain::record::Kind as crate::domain::code::Code>::from_key(store) {
                    Some(kind) => crate::ui::backup::kind_label(i18n, kind),
                    None => t_string!(i18n, settings.profile.title).to_string(),
                };
            t_string!(i18n, errors.storage_undecryptable, kind).to_string()
        }
        StorageError::CryptoUnavailable => {
            t_string!(i18n, errors.storage_crypto_unavailable).to_string()
        }
        StorageError::VaultUnsupported => {
            t_string!(i18n, errors.storage_vault_unsupported).to_string()
        }
    }
}

/// Why a write was refused, in the user's words.
pub fn refusal_text(i18n: I18n, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Invalid { problem, .. } => problem_text(i18n, problem),
        Refusal::Missing { target_kind, .. } => t_string!(
            i18n,
            errors.refused_reference,
            kind = crate::ui::backup::kind_label(i18n, *target_kind)
        )
        .to_string(),
    }
}

/// What is wrong with a record's field, in the user's words.
pub fn problem_text(i18n: I18n, problem: &RecordProblem) -> String {
    match problem {
        RecordProblem::TooLong { field, max } => {
            t_string!(i18n, errors.refused_too_long, field = *field, max = *max).to_string()
        }
        RecordProblem::Missing(field) => {
            t_string!(i18n, errors.refused_missing, field = *field).to_string()
        }
        RecordProblem::Invalid(field) => {
            t_string!(i18n, errors.refused_invalid, field = *field).to_string()
        }
        RecordProblem::BadId | RecordProblem::BadMeta => {
            t_string!(i18n, errors.refused_meta).to_string()
        }
    }
}

fn error_text(i18n: I18n, error: &AppError) -> String {
    match error {
        AppError::SaveFailed(e) => {
            let reason = storage_error_text(i18n, e);
            t_string!(i18n, errors.save_failed, reason).to_string()
        }
        AppError::ActionFailed(e) => {
            let reason = storage_error_text(i18n, e);
            t_string!(i18n, errors.action_failed, reason).to_string()
        }
        AppError::Conflict => {
            let reason = t_string!(i18n, errors.conflict).to_string();
            t_string!(i18n, errors.save_failed, reason).to_string()
        }
        AppError::UndoFailed(e) => {
            let reason = storage_error_text(i18n, e);
            t_string!(i18n, errors.undo_refused, reason).to_string()
        }
        AppError::ReloadFailed(e) => {
            let reason = storage_error_text(i18n, e);
            t_string!(i18n, errors.reload_failed, reason).to_string()
        }
        AppError::NotLoaded => t_string!(i18n, errors.not_loaded).to_string(),
    }
}

/// Failure banners, newest last, each with a dismiss button.
#[component]
pub fn ErrorBanners() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    view! {
        <For
            each=move || feedback.errors.get()
            key=|(id, _)| *id
            children=move |(id, error)| {
                view! {
                    <div class="banner banner--error" role="alert">
                        <p>{move || error_text(i18n, &error)}</p>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| feedback.errors.update(|e| e.retain(|(i, _)| *i != id))
                        >
                            {tr!(i18n, errors.dismiss)}
                        </button>
                    </div>
                }
            }
        />
    }
}

/// The live region for toasts. It always exists so screen readers announce additions.
#[component]
pub fn Toasts() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    view! {
        <div class="toasts" role="status" aria-live="polite" aria-label=tr!(i18n, notifications)>
            <For
                each=move || feedback.toasts.get()
                key=|(id, _)| *id
                children=|(_, text)| view! { <p class="toast">{text}</p> }
            />
            {move || {
                feedback
                    .undo
                    .get()
                    .map(|(_, text)| {
                        view! {
                            <div class="toast toast--undo">
                                <p>{text}</p>
                                <button type="button" class="button button--secondary" on:click=move |_| feedback.take_undo()>
                                    {tr!(i18n, undo)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// Offers the waiting new version; the switch happens only on the user's click.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let update = use_app_update();
    view! {
        <Show when=move || update.update_ready.get()>
            <div class="banner banner--info" role="status">
                <p>{tr!(i18n, update.available)}</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| leptos::task::spawn_local(crate::pwa::apply_update())
                >
                    {tr!(i18n, update.reload)}
                </button>
            </div>
        </Show>
    }
}

/// Explains a database that is not usable: waiting for another tab, upgraded by another
/// tab, or failed to open. Offers a reload where that is the way out.
#[component]
pub fn DbStateBanner() -> impl IntoView {
    let i18n = use_i18n();
    let data = crate::ui::data::use_data();
    let reload = move |_| {
        let _ = window().location().reload();
    };
    move || {
        let (text, can_reload) = match data.state.get() {
            DbState::Opening | DbState::Ready | DbState::Locked | DbState::Locking => return None,
            DbState::Blocked => (t_string!(i18n, db.blocked).to_string(), false),
            DbState::Outdated => (t_string!(i18n, db.outdated).to_string(), true),
            DbState::Failed(e) => {
                let reason = storage_error_text(i18n, &e);
                (t_string!(i18n, db.failed, reason).to_string(), true)
            }
        };
        Some(view! {
            <div class="banner banner--error" role="alert">
                <p>{text}</p>
                {can_reload.then(|| view! {
                    <button type="button" class="button" on:click=reload>{tr!(i18n, db.reload)}</button>
                })}
            </div>
        })
    }
}
