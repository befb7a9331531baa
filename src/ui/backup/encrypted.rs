//! Encrypted backups in the backup section (issue 15): how an export is sealed while
//! protection is on, and the passphrase an encrypted file asks for before its preview.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::privacy::new_passphrase::{NewPassphrase, NewPassphraseFields};
use crate::ui::privacy::strength::PassphraseField;

/// How an export is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sealing {
    /// Readable by anyone with the file.
    Plain,
    /// Encrypted with this device's passphrase (the default while protected).
    Device,
    /// Encrypted with a passphrase typed for this backup.
    Passphrase(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Device,
    Other,
    Plain,
}

/// What the user picks for the next export while protection is on.
#[derive(Clone, Copy)]
pub struct SealingForm {
    choice: RwSignal<Choice>,
    /// "Another passphrase", typed twice like the device's: a typo would leave a backup
    /// nobody can open.
    other: NewPassphrase,
}

impl SealingForm {
    /// Encrypted with the device's passphrase, until the user picks otherwise.
    pub fn new() -> SealingForm {
        SealingForm {
            choice: RwSignal::new(Choice::Device),
            other: NewPassphrase::new("backup-passphrase"),
        }
    }

    /// The sealing chosen; `None` (with the message at the field to correct) while
    /// "another passphrase" is too weak or typed differently twice.
    pub fn sealing(&self, i18n: I18n) -> Option<Sealing> {
        match self.choice.get_untracked() {
            Choice::Device => Some(Sealing::Device),
            Choice::Plain => Some(Sealing::Plain),
            Choice::Other => self.other.checked(i18n).map(Sealing::Passphrase),
        }
    }
}

/// The choice of encryption for the next export, shown while protection is on.
#[component]
pub fn SealingChoice(form: SealingForm) -> impl IntoView {
    let i18n = use_i18n();
    let SealingForm { choice, other } = form;
    let radio = move |value: Choice, label: &'static str| {
        let text = move || match value {
            Choice::Device => t_string!(i18n, privacy.backup_encrypted),
            Choice::Other => t_string!(i18n, privacy.backup_other),
            Choice::Plain => t_string!(i18n, privacy.backup_plain),
        };
        view! {
            <label class="choice">
                <input type="radio" name="backup-sealing" value=label
                    prop:checked=move || choice.get() == value
                    on:change=move |_| choice.set(value) />
                {text}
            </label>
        }
    };
    view! {
        <fieldset class="choices">
            <legend>{tr!(i18n, privacy.backup_legend)}</legend>
            <div class="choice-group">
                {radio(Choice::Device, "device")}
                {radio(Choice::Other, "other")}
                {radio(Choice::Plain, "plain")}
            </div>
        </fieldset>
        <Show when=move || choice.get() == Choice::Other>
            <NewPassphraseFields form=other
                label=Signal::derive(move || t_string!(i18n, privacy.backup_passphrase).to_string()) />
        </Show>
        <Show when=move || choice.get() == Choice::Plain>
            <p class="status status--warn">{tr!(i18n, privacy.backup_plain_warning)}</p>
        </Show>
    }
}

/// The passphrase an encrypted backup file asks for; nothing is read into the app until
/// it opens the file.
#[component]
pub fn EncryptedStep(
    /// The file's name.
    file: String,
    /// Opens the file with the typed passphrase.
    open: Callback<String>,
    /// Why the last try failed.
    error: RwSignal<Option<String>>,
    /// True while a try runs.
    busy: RwSignal<bool>,
    /// Leaves the file.
    cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pass = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !busy.get_untracked() {
            open.run(pass.get_untracked());
        }
    };
    Effect::new(move |_| crate::ui::common::focus::focus_id("backup-open-passphrase"));
    view! {
        <form class="encrypted-step" on:submit=submit novalidate>
            <p><strong>{file}</strong></p>
            <p>{tr!(i18n, privacy.import_encrypted)}</p>
            <PassphraseField id="backup-open-passphrase"
                label=Signal::derive(move || t_string!(i18n, privacy.import_passphrase).to_string())
                value=pass autocomplete="current-password" error />
            <div class="button-row">
                <button type="submit" class="button button--primary" aria-busy=move || busy.get().to_string()
                    aria-disabled=move || busy.get().then_some("true")>
                    {move || if busy.get() { t_string!(i18n, privacy.import_opening) } else { t_string!(i18n, privacy.import_open) }}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| cancel.run(())>
                    {tr!(i18n, settings.backup.cancel)}
                </button>
            </div>
        </form>
    }
}
