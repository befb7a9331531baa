//! The unlock screen: shown instead of the app while the data is protected and this tab
//! holds no key. A chunk of its own: only protected users ever download it.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::privacy::lock::unlock_delay_secs;
use crate::i18n::*;
use crate::storage::vault::Secret;
use crate::storage::StorageError;
use crate::ui::common::focus::focus_id;
use crate::ui::data::use_data;
use crate::ui::feedback::storage_error_text;
use crate::ui::title::use_page_title;

use super::strength::PassphraseField;

/// The unlock screen.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    use_page_title(move || t_string!(i18n, privacy.unlock_title).to_string());
    let with_recovery = RwSignal::new(false);
    let secret = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let failures = StoredValue::new(0u32);
    let wait = RwSignal::new(0u32);

    let count_down = move || {
        fn tick(wait: RwSignal<u32>) {
            if wait.try_get_untracked().unwrap_or(0) == 0 {
                return;
            }
            set_timeout(
                move || {
                    if wait.try_update(|w| *w = w.saturating_sub(1)).is_some() {
                        tick(wait);
                    }
                },
                Duration::from_secs(1),
            );
        }
        tick(wait);
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || wait.get_untracked() > 0 {
            return;
        }
        let typed = secret.get_untracked();
        if typed.is_empty() {
            focus_id("unlock-secret");
            return;
        }
        let db = match data.db() {
            Ok(db) => db,
            Err(e) => {
                error.set(Some(storage_error_text(i18n, &e)));
                return;
            }
        };
        let recovery = with_recovery.get_untracked();
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let secret_value = if recovery {
                Secret::Recovery(typed)
            } else {
                Secret::Passphrase(typed)
            };
            let outcome = db.unlock(&secret_value).await;
            busy.set(false);
            match outcome {
                Ok(()) => data.opened(),
                Err(StorageError::WrongSecret) => {
                    failures.update_value(|n| *n += 1);
                    error.set(Some(if recovery {
                        t_string!(i18n, privacy.wrong_recovery).to_string()
                    } else {
                        t_string!(i18n, privacy.wrong_passphrase).to_string()
                    }));
                    wait.set(unlock_delay_secs(failures.get_value()));
                    count_down();
                    focus_id("unlock-secret");
                }
                Err(e) => error.set(Some(storage_error_text(i18n, &e))),
            }
        });
    };
    let switch = move |_| {
        with_recovery.update(|r| *r = !*r);
        secret.set(String::new());
        error.set(None);
        focus_id("unlock-secret");
    };
    Effect::new(move |_| focus_id("unlock-secret"));
    let label = Signal::derive(move || {
        if with_recovery.get() {
            t_string!(i18n, privacy.recovery_key).to_string()
        } else {
            t_string!(i18n, privacy.passphrase).to_string()
        }
    });
    view! {
        <main class="unlock" id="main">
            <div class="unlock__box">
                <img src="icons/icon.svg" alt="" width="56" height="56" />
                <h1>{tr!(i18n, privacy.unlock_title)}</h1>
                <p>{tr!(i18n, privacy.unlock_intro)}</p>
                <form on:submit=submit novalidate>
                    // Keyed by the mode, so a password manager offers the right secret.
                    {move || {
                        let autocomplete = if with_recovery.get() { "one-time-code" } else { "current-password" };
                        view! { <PassphraseField id="unlock-secret" label value=secret autocomplete error /> }
                    }}
                    <p class="unlock__wait" role="status">
                        {move || (wait.get() > 0).then(|| t_string!(i18n, privacy.wait, seconds = wait.get()).to_string())}
                    </p>
                    <button type="submit" class="button button--primary"
                        aria-disabled=move || (busy.get() || wait.get() > 0).then_some("true")>
                        {move || if busy.get() { t_string!(i18n, privacy.unlocking) } else { t_string!(i18n, privacy.unlock) }}
                    </button>
                </form>
                <button type="button" class="button button--secondary unlock__switch" on:click=switch>
                    {move || if with_recovery.get() { t_string!(i18n, privacy.use_passphrase) } else { t_string!(i18n, privacy.use_recovery) }}
                </button>
            </div>
        </main>
    }
}
