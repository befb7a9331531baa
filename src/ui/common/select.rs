//! A `<select>` over the values of an enumeration ([`Code`]), the one way screens offer a
//! choice among an enum's values.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::code::{Code, Coded};
use crate::domain::lang::Lang;
use crate::i18n::*;

/// The name of a value in the user's language.
pub type Label<T> = fn(I18n, T) -> String;

/// The key of the chosen value, read reactively.
type Selected = Arc<dyn Fn() -> String + Send + Sync>;

/// Hears the key picked.
type Pick = Arc<dyn Fn(&str) + Send + Sync>;

/// One option of a [`key_select`]: the stored key and its text, read reactively.
type KeyOption = (&'static str, Arc<dyn Fn() -> String + Send + Sync>);

/// A language's own name, the same in every UI language (a user who cannot read the
/// current one still finds theirs).
pub fn lang_name(_: I18n, lang: Lang) -> String {
    lang.native_name().to_string()
}

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
    value: impl Fn() -> Option<Coded<T>> + Send + Sync + 'static,
    /// Called with the value picked; `None` for the empty option.
    on_pick: impl Fn(Option<T>) + Send + Sync + 'static,
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
    // Plain shared closures, not a signal and a callback per enumeration: each type of
    // value (and each derived signal) would bring its own reactive code into the download.
    let selected: Selected = Arc::new(move || {
        value()
            .as_ref()
            .map(|v| v.key().to_string())
            .unwrap_or_default()
    });
    let pick: Pick = Arc::new(move |key: &str| on_pick(T::from_key(key)));
    key_select(KeySelect {
        id,
        selected,
        pick,
        options,
        none,
        disabled,
        describedby,
    })
}

/// What [`key_select`] shows.
struct KeySelect {
    id: String,
    selected: Selected,
    pick: Pick,
    options: Vec<KeyOption>,
    none: Option<TextProp>,
    disabled: Signal<bool>,
    describedby: Option<String>,
}

/// The view of [`EnumSelect`], not generic so that each enumeration adds only the few
/// lines above to the download, not a copy of this; a plain function, not a component,
/// for the same reason.
fn key_select(select: KeySelect) -> impl IntoView {
    let KeySelect {
        id,
        selected,
        pick,
        options,
        none,
        disabled,
        describedby,
    } = select;
    let keys: Vec<&'static str> = options.iter().map(|(key, _)| *key).collect();
    let unknown = {
        let selected = selected.clone();
        move || {
            let s = selected();
            (!s.is_empty() && !keys.contains(&s.as_str()))
                .then(|| view! { <option value=s.clone() selected>{s.clone()}</option> })
        }
    };
    let empty = {
        let selected = selected.clone();
        move || selected().is_empty()
    };
    view! {
        <select
            id=id
            disabled=move || disabled.get()
            aria-describedby=describedby
            on:change=move |ev| pick(&event_target_value(&ev))
        >
            {none.map(|text| view! {
                <option value="" selected=empty>{move || text.get()}</option>
            })}
            {options
                .into_iter()
                .map(|(key, text)| {
                    let selected = selected.clone();
                    view! {
                        <option value=key selected=move || selected() == key>{move || text()}</option>
                    }
                })
                .collect_view()}
            {unknown}
        </select>
    }
}

/// One radio button of a [`key_radios`]: the key, its text and hint, and its language.
struct KeyRadio {
    key: &'static str,
    text: Arc<dyn Fn() -> String + Send + Sync>,
    hint: Option<Arc<dyn Fn() -> String + Send + Sync>>,
    lang: Option<&'static str>,
}

/// Radio buttons for the values of `T` (all, or `values`) in a fieldset with `legend`,
/// each labelled by `label` and, with `hint`, explained under it.
#[component]
pub fn EnumRadios<T>(
    /// The radio group's name.
    name: &'static str,
    /// What the group chooses.
    #[prop(into)]
    legend: TextProp,
    /// Whether the legend is for screen readers only (the section's heading says it).
    #[prop(optional)]
    legend_hidden: bool,
    /// Classes of the fieldset.
    #[prop(optional)]
    class: &'static str,
    /// The chosen value.
    value: impl Fn() -> T + Send + Sync + 'static,
    /// Called with the value picked.
    on_pick: impl Fn(T) + Send + Sync + 'static,
    /// The name of a value in the user's language.
    label: Label<T>,
    /// A line under a value's name.
    #[prop(optional)]
    hint: Option<Label<T>>,
    /// The language a value's name is written in, when it is not the page's (a language
    /// picker names each language in itself).
    #[prop(optional)]
    lang_of: Option<fn(T) -> &'static str>,
    /// The values offered, when not all of `T::ALL`.
    #[prop(optional)]
    values: Option<&'static [T]>,
) -> impl IntoView
where
    T: Code + Send + Sync,
{
    let i18n = use_i18n();
    let radios = values
        .unwrap_or(T::ALL)
        .iter()
        .map(|&v| KeyRadio {
            key: v.key(),
            text: Arc::new(move || label(i18n, v)),
            hint: hint
                .map(|h| -> Arc<dyn Fn() -> String + Send + Sync> { Arc::new(move || h(i18n, v)) }),
            lang: lang_of.map(|l| l(v)),
        })
        .collect();
    let selected: Selected = Arc::new(move || value().key().to_string());
    let pick: Pick = Arc::new(move |key: &str| {
        if let Some(v) = T::from_key(key) {
            on_pick(v);
        }
    });
    key_radios(KeyRadios {
        name,
        legend,
        legend_hidden,
        class,
        selected,
        pick,
        radios,
    })
}

/// What [`key_radios`] shows.
struct KeyRadios {
    name: &'static str,
    legend: TextProp,
    legend_hidden: bool,
    class: &'static str,
    selected: Selected,
    pick: Pick,
    radios: Vec<KeyRadio>,
}

/// The view of [`EnumRadios`], a plain function for the same reasons as [`key_select`].
fn key_radios(group: KeyRadios) -> impl IntoView {
    let KeyRadios {
        name,
        legend,
        legend_hidden,
        class,
        selected,
        pick,
        radios,
    } = group;
    view! {
        <fieldset class=class>
            <legend class:visually-hidden=legend_hidden>{move || legend.get()}</legend>
            <div class="choice-group">
                {radios
                    .into_iter()
                    .map(|r| {
                        let key = r.key;
                        let text = r.text;
                        let label = match r.hint {
                            Some(hint) => view! {
                                <span>{move || text()}<span class="hint choice__hint">{move || hint()}</span></span>
                            }
                            .into_any(),
                            None => view! { {move || text()} }.into_any(),
                        };
                        let (selected, pick) = (selected.clone(), pick.clone());
                        view! {
                            <label class="choice" lang=r.lang>
                                <input
                                    type="radio"
                                    name=name
                                    value=key
                                    prop:checked=move || selected() == key
                                    on:change=move |_| pick(key)
                                />
                                {label}
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
