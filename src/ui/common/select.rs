//! A `<select>` over the values of an enumeration ([`Code`]), the one way screens offer a
//! choice among an enum's values.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::code::{Code, Coded};
use crate::i18n::*;

/// The name of a value in the user's language.
pub type Label<T> = fn(I18n, T) -> String;

/// One option of a [`KeySelect`]: the stored key and its text, read reactively.
type KeyOption = (&'static str, Arc<dyn Fn() -> String + Send + Sync>);

/// The name of a stored value: its label, or the stored text of a value this version does
/// not know.
pub fn coded_label<T: Code>(i18n: I18n, value: &Coded<T>, label: Label<T>) -> String {
    match value {
        Coded::Known(v) => label(i18n, *v),
        Coded::Unknown(key) => key.clone(),
    }
}

/// A `<select>` offering the values of `T` (all, or `values`), each labelled by `label`.
///
/// A value this version does not know (a [`Coded::Unknown`] read from storage) is shown as
/// an extra option with its stored text, so the field neither pretends to hold the first
/// value nor changes it until the user picks another.
#[component]
pub fn EnumSelect<T>(
    /// The element's id, for its `<label for>`.
    #[prop(into)]
    id: String,
    /// The chosen value; `None` chooses the empty option.
    #[prop(into)]
    value: Signal<Option<Coded<T>>>,
    /// Called with the value picked; `None` for the empty option.
    #[prop(into)]
    on_pick: Callback<Option<T>>,
    /// The name of a value in the user's language.
    label: Label<T>,
    /// The text of an empty option first in the list ("any", "not chosen"); without it
    /// there is none.
    #[prop(optional, into)]
    none: Option<TextProp>,
    /// The values offered, when not all of `T::ALL`.
    #[prop(optional)]
    values: Option<&'static [T]>,
    /// Whether the field is disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// Ids of the elements that describe the field (hint, error).
    #[prop(optional, into)]
    describedby: Option<String>,
) -> impl IntoView
where
    T: Code + Send + Sync,
{
    let i18n = use_i18n();
    let options = values
        .unwrap_or(T::ALL)
        .iter()
        .map(|&v| -> KeyOption { (v.key(), Arc::new(move || label(i18n, v))) })
        .collect();
    let selected = Signal::derive(move || {
        value.with(|v| v.as_ref().map(|v| v.key().to_string()).unwrap_or_default())
    });
    let pick = Callback::new(move |key: String| on_pick.run(T::from_key(&key)));
    KeySelect(KeySelectProps {
        id,
        selected,
        pick,
        options,
        none,
        disabled,
        describedby,
    })
}

/// The view of [`EnumSelect`], not generic so that each enumeration adds only the few
/// lines above to the download, not a copy of this.
#[component]
fn KeySelect(
    id: String,
    selected: Signal<String>,
    pick: Callback<String>,
    options: Vec<KeyOption>,
    none: Option<TextProp>,
    disabled: Signal<bool>,
    describedby: Option<String>,
) -> impl IntoView {
    let keys: Vec<&'static str> = options.iter().map(|(key, _)| *key).collect();
    let unknown = move || {
        selected.with(|s| {
            (!s.is_empty() && !keys.contains(&s.as_str()))
                .then(|| view! { <option value=s.clone() selected>{s.clone()}</option> })
        })
    };
    view! {
        <select
            id=id
            disabled=move || disabled.get()
            aria-describedby=describedby
            on:change=move |ev| pick.run(event_target_value(&ev))
        >
            {none.map(|text| view! {
                <option value="" selected=move || selected.with(String::is_empty)>{move || text.get()}</option>
            })}
            {options
                .into_iter()
                .map(|(key, text)| view! {
                    <option value=key selected=move || selected.with(|s| s == key)>{move || text()}</option>
                })
                .collect_view()}
            {unknown}
        </select>
    }
}
