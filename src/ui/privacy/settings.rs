//! Settings → Privacy: turning protection on (with the recovery key shown once), and,
//! while on, auto-lock, locking, changing the passphrase and turning protection off.

use leptos::prelude::*;

use crate::domain::privacy::lock::AutoLock;
use crate::i18n::*;
use crate::storage::vault::{crypto, Protection, Secret};
use crate::storage::{prefs, StorageError};
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::EnumSelect;
use crate::ui::data::use_data;
use crate::ui::editor::Creator;
use crate::ui::feedback::{storage_error_text, use_feedback, AppError};

use super::locking::{auto_lock_label, lock_app};
use super::new_passphrase::{NewPassphrase, NewPassphraseFields};
use super::strength::PassphraseField;

/// Settings → Privacy.
#[component]
pub fn PrivacySection() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let recovery_key = RwSignal::new(None::<String>);
    let available = crypto::available();
    view! {
        <section class="card" id="privacy" aria-labelledby="settings-privacy">
            <h2 id="settings-privacy">{tr!(i18n, privacy.title)}</h2>
            {move || match (recovery_key.get(), data.protection.get()) {
                (Some(key), _) => view! { <RecoveryKey key done=move || recovery_key.set(None) /> }.into_any(),
                (None, Protection::Off) if !available => view! { <p>{tr!(i18n, privacy.unavailable)}</p> }.into_any(),
                (None, Protection::Off) => view! { <TurnOn shown=recovery_key /> }.into_any(),
                (None, _) => view! { <Protected /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn TurnOn(shown: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let form = NewPassphrase::new("privacy");
    let creator = Creator::new();
    let busy = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(pass) = form.checked(i18n) else {
            return;
        };
        creator.run(move |db| async move {
            let outcome = db.protect(&pass).await;
            match outcome {
                Ok(key) => {
                    prefs::forget_last_occasion();
                    form.clear();
                    shown.set(Some(key));
                    data.protection.set(db.protection());
                    feedback.toast(t_string!(i18n, privacy.turned_on));
                }
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
        });
    };
    view! {
        <p>{tr!(i18n, privacy.off_intro)}</p>
        <ul class="privacy-facts">
            <li>{tr!(i18n, privacy.protects)}</li>
            <li>{tr!(i18n, privacy.not_protects)}</li>
            <li><strong>{tr!(i18n, privacy.no_recovery)}</strong></li>
        </ul>
        <form on:submit=submit novalidate>
            <NewPassphraseFields form label=Signal::derive(move || t_string!(i18n, privacy.passphrase).to_string()) />
            <button type="submit" class="button button--primary" aria-busy=move || busy.get().to_string()
                aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { t_string!(i18n, privacy.encrypting) } else { t_string!(i18n, privacy.turn_on) }}
            </button>
        </form>
    }
}

/// The recovery key, shown once right after protection was turned on.
#[component]
fn RecoveryKey(key: String, done: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let saved = RwSignal::new(false);
    let copy_key = key.clone();
    let copy = move |_| {
        let text = copy_key.clone();
        leptos::task::spawn_local(async move {
            match crate::ui::files::copy(&text).await {
                Ok(()) => feedback.toast(t_string!(i18n, privacy.recovery_copied)),
                Err(_) => feedback.toast(t_string!(i18n, privacy.recovery_copy_failed)),
            }
        });
    };
    Effect::new(move |_| focus_id("recovery-title"));
    view! {
        <div class="recovery">
            <h3 id="recovery-title" tabindex="-1">{tr!(i18n, privacy.recovery_title)}</h3>
            <p>{tr!(i18n, privacy.recovery_intro)}</p>
            <p class="recovery__key"><code aria-label=t_string!(i18n, privacy.recovery_key).to_string()>{key}</code></p>
            <div class="button-row">
                <button type="button" class="button" on:click=copy>{tr!(i18n, privacy.recovery_copy)}</button>
                <button type="button" class="button" on:click=move |_| { let _ = window().print(); }>
                    {tr!(i18n, privacy.recovery_print)}
                </button>
            </div>
            <p>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || saved.get()
                        on:change=move |ev| saved.set(event_target_checked(&ev)) />
                    {tr!(i18n, privacy.recovery_saved)}
                </label>
            </p>
            <button type="button" class="button button--primary"
                aria-disabled=move || (!saved.get()).then_some("true")
                on:click=move |_| if saved.get_untracked() { done() }>
                {tr!(i18n, privacy.recovery_done)}
            </button>
        </div>
    }
}

/// While protection is on: auto-lock, lock now, change passphrase, turn off.
#[component]
fn Protected() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let auto_lock = RwSignal::new(prefs::load_auto_lock());
    let pick = move |choice: Option<AutoLock>| {
        let choice = choice.unwrap_or_default();
        auto_lock.set(choice);
        if let Err(e) = prefs::save_auto_lock(choice) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <p>{tr!(i18n, privacy.status_on)}" "{tr!(i18n, privacy.on_intro)}</p>
        <div class="field">
            <label for="privacy-auto-lock">{tr!(i18n, privacy.auto_lock)}</label>
            <EnumSelect id="privacy-auto-lock" value=move || Some(crate::domain::code::Coded::Known(auto_lock.get()))
                on_pick=pick label=auto_lock_label describedby="privacy-auto-lock-hint".to_string() />
            <span class="hint" id="privacy-auto-lock-hint">{tr!(i18n, privacy.auto_lock_hint)}</span>
        </div>
        <button type="button" class="button" on:click=move |_| lock_app(data, true)>{tr!(i18n, privacy.lock_now)}</button>
        <ChangePassphrase />
        <TurnOff />
    }
}

/// Tries `typed` as the passphrase, then, if it reads as one, as the recovery key.
async fn with_either<T, F>(typed: String, run: impl Fn(Secret) -> F) -> Result<T, StorageError>
where
    F: std::future::Future<Output = Result<T, StorageError>>,
{
    match run(Secret::Passphrase(typed.clone())).await {
        Err(StorageError::WrongSecret)
            if crate::domain::privacy::recovery::parse_recovery(&typed).is_some() =>
        {
            run(Secret::Recovery(typed)).await
        }
        other => other,
    }
}

#[component]
fn ChangePassphrase() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let current = RwSignal::new(String::new());
    let form = NewPassphrase::new("privacy-change");
    let creator = Creator::new();
    let busy = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let old = current.get_untracked();
        let Some(pass) = form.checked(i18n) else {
            return;
        };
        creator.run(move |db| async move {
            let outcome = with_either(old, |secret| {
                let (db, pass) = (db.clone(), pass.clone());
                async move { db.change_passphrase(&secret, &pass).await }
            })
            .await;
            match outcome {
                Ok(()) => {
                    current.set(String::new());
                    form.clear();
                    feedback.toast(t_string!(i18n, privacy.changed));
                }
                Err(StorageError::WrongSecret) => form.fail(
                    "current",
                    t_string!(i18n, privacy.wrong_passphrase).to_string(),
                ),
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
        });
    };
    view! {
        <details class="privacy-more">
        <summary>{tr!(i18n, privacy.change_title)}</summary>
        <form on:submit=submit novalidate>
            <PassphraseField id="privacy-change-current" label=Signal::derive(move || t_string!(i18n, privacy.current).to_string())
                value=current autocomplete="current-password" error=form.error_at("current") />
            <NewPassphraseFields form label=Signal::derive(move || t_string!(i18n, privacy.new).to_string()) />
            <button type="submit" class="button" aria-busy=move || busy.get().to_string()
                aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { t_string!(i18n, privacy.changing) } else { t_string!(i18n, privacy.change) }}
            </button>
        </form>
        </details>
    }
}

#[component]
fn TurnOff() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let current = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let creator = Creator::new();
    let busy = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = current.get_untracked();
        error.set(None);
        creator.run(move |db| async move {
            let outcome = with_either(typed, |secret| {
                let db = db.clone();
                async move { db.unprotect(&secret).await }
            })
            .await;
            match outcome {
                Ok(()) => {
                    current.set(String::new());
                    data.protection.set(db.protection());
                    feedback.toast(t_string!(i18n, privacy.turned_off));
                }
                Err(StorageError::WrongSecret) => {
                    error.set(Some(t_string!(i18n, privacy.wrong_passphrase).to_string()));
                    focus_id("privacy-off-current");
                }
                Err(e) => error.set(Some(storage_error_text(i18n, &e))),
            }
        });
    };
    view! {
        <details class="privacy-more">
        <summary>{tr!(i18n, privacy.off_title)}</summary>
        <p>{tr!(i18n, privacy.off_hint)}</p>
        <form on:submit=submit novalidate>
            <PassphraseField id="privacy-off-current" label=Signal::derive(move || t_string!(i18n, privacy.current).to_string())
                value=current autocomplete="current-password" error />
            <button type="submit" class="button button--danger" aria-busy=move || busy.get().to_string()
                aria-disabled=move || busy.get().then_some("true")>
                {move || if busy.get() { t_string!(i18n, privacy.turning_off) } else { t_string!(i18n, privacy.turn_off) }}
            </button>
        </form>
        </details>
    }
}
