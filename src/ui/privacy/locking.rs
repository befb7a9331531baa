//! Locking: by the header's button, by auto-lock after a time without use (or in the
//! background), or because another tab locked.
//!
//! Locking unmounts the screens first (an autosaving editor saves what was typed, still
//! with the key), then drops the key and reloads the page: the reload is what guarantees
//! that no decrypted record stays in memory, in any store or closure.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::privacy::lock::AutoLock;
use crate::i18n::*;
use crate::storage::prefs;
use crate::storage::vault::Protection;
use crate::storage::StorageError;
use crate::ui::data::{use_data, Data, DbState};
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::guard::LeaveGuard;

/// How long the screens get to save what they hold before the page reloads.
const SAVE_GRACE: Duration = Duration::from_millis(600);

/// Locks this tab, and with `announce` the other tabs too (not when another tab's lock is
/// what asks).
pub fn lock_app(data: Data, announce: bool) {
    match data.state.get_untracked() {
        DbState::Locking => return,
        // Already locked: the other tab may have turned protection on or off; starting
        // afresh shows what is true now.
        DbState::Locked => {
            let _ = window().location().reload();
            return;
        }
        _ => {}
    }
    data.state.set(DbState::Locking);
    set_timeout(
        move || {
            if let Ok(db) = data.db() {
                db.lock(announce);
            }
            let _ = window().location().reload();
        },
        SAVE_GRACE,
    );
}

/// What an unlocked tab adds: the header's lock button and auto-lock. Shown only while
/// unlocked, and in the unlock screen's chunk: an unprotected visit downloads neither.
#[component]
pub fn LockControls() -> impl IntoView {
    view! {
        <AutoLocker />
        <LockButton />
    }
}

/// "Lock now" in the header.
#[component]
fn LockButton() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let guard = expect_context::<LeaveGuard>();
    let lock = move |_| {
        // A form with a save button and unsaved changes would lose them.
        if guard.is_dirty()
            && !window()
                .confirm_with_message(t_string!(i18n, privacy.unsaved_lock))
                .unwrap_or(false)
        {
            return;
        }
        guard.release();
        lock_app(data, true);
    };
    view! {
            // An icon: the header has no room for words next to the navigation; the
            // name is read out and shown as a tooltip.
            <button type="button" class="button button--secondary lock-button" on:click=lock
                aria-label=move || t_string!(i18n, privacy.lock_now).to_string()
                title=move || t_string!(i18n, privacy.lock_now).to_string()>
                <span class="lock-button__icon" aria-hidden="true"></span>
            </button>
    }
}

/// Locks after the chosen time without use (pointer, keys, scrolling) or in the
/// background; checks twice a minute and whenever the tab comes back.
#[component]
fn AutoLocker() -> impl IntoView {
    let data = use_data();
    let guard = expect_context::<LeaveGuard>();
    let last_use = StoredValue::new(js_sys::Date::now());
    let check = move || {
        let unlocked = data.protection.get_untracked() == Protection::Unlocked
            && data.state.get_untracked() == DbState::Ready;
        let idle = js_sys::Date::now() - last_use.get_value();
        // A form with unsaved changes waits: locking would lose them. It locks once the
        // form is saved or left.
        if unlocked && prefs::load_auto_lock().due(idle) && !guard.is_dirty() {
            lock_app(data, true);
        }
    };
    let used = move |_: web_sys::Event| {
        // Coming back after the limit locks before the touch counts as use.
        check();
        last_use.set_value(js_sys::Date::now());
    };
    // Removed when the lock controls go (protection turned off), so that turning it on
    // again in the same page does not watch twice.
    let listeners: Vec<_> = ["pointerdown", "keydown", "wheel", "touchstart"]
        .into_iter()
        .map(|event| window_event_listener_untyped(event, used))
        .chain([window_event_listener_untyped(
            "visibilitychange",
            move |_| check(),
        )])
        .collect();
    let interval = set_interval_with_handle(check, Duration::from_secs(30));
    if interval.is_err() {
        // Without the timer a tab left alone would never lock: say so.
        use_feedback().error(AppError::ActionFailed(StorageError::Other(
            "auto-lock timer".into(),
        )));
    }
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        if let Ok(interval) = interval {
            interval.clear();
        }
    });
}

/// The auto-lock choices, in the user's words.
pub fn auto_lock_label(i18n: I18n, choice: AutoLock) -> String {
    match choice {
        AutoLock::Minutes5 => t_string!(i18n, privacy.auto_lock_5),
        AutoLock::Minutes15 => t_string!(i18n, privacy.auto_lock_15),
        AutoLock::Minutes60 => t_string!(i18n, privacy.auto_lock_60),
        AutoLock::Never => t_string!(i18n, privacy.auto_lock_never),
    }
    .to_string()
}
