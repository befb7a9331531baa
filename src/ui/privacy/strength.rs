//! The passphrase fields the privacy screens share, and the strength meter.

use leptos::prelude::*;

use crate::domain::privacy::passphrase::{strength, Strength};
use crate::i18n::*;
use crate::ui::common::field::described_by;

/// A labelled password field with an optional hint and message.
#[component]
pub fn PassphraseField(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label.
    #[prop(into)]
    label: Signal<String>,
    /// What is typed.
    value: RwSignal<String>,
    /// `new-password` or `current-password`, for password managers.
    autocomplete: &'static str,
    /// A hint under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// This field's message, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type="password" autocomplete=autocomplete spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described />
            {hint.map(|h| view! { <span class="hint" id=hint_id>{move || h.get()}</span> })}
            {move || error.get().map(|e| view! { <span class="error" id=error_id.clone()>{e}</span> })}
        </div>
    }
}

/// How strong the typed passphrase looks, as a meter and in words.
#[component]
pub fn StrengthMeter(value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let level = Memo::new(move |_| value.with(|v| strength(v)));
    let words = move || match level.get() {
        Strength::TooShort => t_string!(i18n, privacy.strength_too_short),
        Strength::Common => t_string!(i18n, privacy.strength_common),
        Strength::Fair => t_string!(i18n, privacy.strength_fair),
        Strength::Good => t_string!(i18n, privacy.strength_good),
        Strength::Strong => t_string!(i18n, privacy.strength_strong),
    };
    let step = move || match level.get() {
        Strength::TooShort | Strength::Common => 1,
        Strength::Fair => 2,
        Strength::Good => 3,
        Strength::Strong => 4,
    };
    view! {
        <Show when=move || value.with(|v| !v.is_empty())>
        <div class="strength" data-level=step>
            <meter min="0" max="4" low="2" high="3" optimum="4" value=step
                aria-label=move || t_string!(i18n, privacy.strength).to_string()
                aria-valuetext=words></meter>
            <span class="strength__words" aria-live="polite">
                {tr!(i18n, privacy.strength)}": "{words}
            </span>
        </div>
        </Show>
    }
}
