//! A labelled text field with its error message, the markup every small form repeats.

use leptos::prelude::*;

/// The `aria-describedby` of a field: its hint (if it has one) and its message while it
/// shows one.
pub fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let ids: Vec<&str> = hint_id
            .iter()
            .map(String::as_str)
            .chain(error.with(Option::is_some).then_some(error_id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The message of a form whose error names the field it belongs to (`("date", "…")`), as
/// the message of one field: `None` unless it is this one's.
pub fn error_of(
    error: RwSignal<Option<(&'static str, String)>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        error.with(|e| {
            e.as_ref()
                .filter(|(f, _)| *f == field)
                .map(|(_, message)| message.clone())
        })
    })
}

/// A labelled `<input>` (or, with `rows`, a `<textarea>`) bound to `value`, marked invalid
/// and described by its message while `error` holds one.
#[component]
pub fn TextField(
    /// The element's id; the message's is `{id}-error`.
    #[prop(into)]
    id: String,
    /// The label's text.
    #[prop(into)]
    label: TextProp,
    /// What the field holds.
    value: RwSignal<String>,
    /// This field's message, if any.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// The input's type (`text` when not given).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// A multi-line field of this many rows.
    #[prop(optional)]
    rows: Option<u32>,
    /// Longest accepted input, in characters.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Smallest and largest value, for dates and numbers.
    #[prop(optional)]
    min: Option<&'static str>,
    /// See `min`.
    #[prop(optional)]
    max: Option<&'static str>,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
    /// Extra classes of the wrapper (`field--grow`, …).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || error.with(Option::is_some);
    let described = {
        let error_id = error_id.clone();
        move || invalid().then(|| error_id.clone())
    };
    let input = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                maxlength=maxlength
                required=required
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                type=kind.unwrap_or("text")
                maxlength=maxlength
                min=min
                max=max
                required=required
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        }
        .into_any(),
    };
    view! {
        <div class=format!("field {class}")>
            <label for=id>{move || label.get()}</label>
            {input}
            {move || error.get().map(|e| view! { <span class="error" id=error_id.clone()>{e}</span> })}
        </div>
    }
}
