//! Choosing a passphrase: typed twice, its strength shown, checked before anything runs.
//! Turning protection on and changing the passphrase share it.

use leptos::prelude::*;

use crate::domain::privacy::passphrase::{strength, MIN_PASSPHRASE_CHARS};
use crate::i18n::*;
use crate::ui::common::field::error_of;
use crate::ui::common::focus::focus_id;

use super::strength::{PassphraseField, StrengthMeter};

/// The state of a passphrase being chosen, and the message at whichever field is wrong.
#[derive(Clone, Copy)]
pub struct NewPassphrase {
    /// Where the fields' ids start (`privacy`, `privacy-change`).
    prefix: &'static str,
    /// The new passphrase.
    pub new: RwSignal<String>,
    /// Its repetition.
    pub repeat: RwSignal<String>,
    /// The field with a message (`new`, `repeat`, or a caller's own) and the message.
    pub error: RwSignal<Option<(&'static str, String)>>,
}

impl NewPassphrase {
    /// Empty fields whose ids start with `prefix`.
    pub fn new(prefix: &'static str) -> NewPassphrase {
        NewPassphrase {
            prefix,
            new: RwSignal::new(String::new()),
            repeat: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// The message at `field`, if it has one.
    pub fn error_at(&self, field: &'static str) -> Signal<Option<String>> {
        error_of(self.error, field)
    }

    /// Shows `message` at `field` and moves focus there.
    pub fn fail(&self, field: &'static str, message: String) {
        self.error.set(Some((field, message)));
        focus_id(&format!("{}-{field}", self.prefix));
    }

    /// The passphrase when it is strong enough and typed the same twice; otherwise the
    /// message at the field to correct, and `None`.
    pub fn checked(&self, i18n: I18n) -> Option<String> {
        let (new, repeat) = (self.new.get_untracked(), self.repeat.get_untracked());
        if !strength(&new).accepted() {
            let message = if new.chars().count() < MIN_PASSPHRASE_CHARS {
                t_string!(i18n, privacy.strength_too_short)
            } else {
                t_string!(i18n, privacy.strength_common)
            };
            self.fail("new", message.to_string());
            return None;
        }
        if new != repeat {
            self.fail("repeat", t_string!(i18n, privacy.mismatch).to_string());
            return None;
        }
        self.error.set(None);
        Some(new)
    }

    /// Empties both fields after success.
    pub fn clear(&self) {
        self.new.set(String::new());
        self.repeat.set(String::new());
    }
}

/// The new passphrase, its strength and its repetition.
#[component]
pub fn NewPassphraseFields(
    /// The fields' state.
    form: NewPassphrase,
    /// The first field's label.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = |field: &str| format!("{}-{field}", form.prefix);
    view! {
        <PassphraseField id=id("new") label value=form.new autocomplete="new-password"
            hint=Signal::derive(move || t_string!(i18n, privacy.passphrase_hint).to_string())
            error=form.error_at("new") />
        <StrengthMeter value=form.new />
        <PassphraseField id=id("repeat") label=Signal::derive(move || t_string!(i18n, privacy.repeat).to_string())
            value=form.repeat autocomplete="new-password" error=form.error_at("repeat") />
    }
}
