//! Choosing one of the user's own message templates, or the built-in suggestion.

use leptos::prelude::*;

use crate::domain::record::Template;
use crate::i18n::*;

/// A `<select>` of the user's templates `templates` with the built-in suggestion first
/// (the empty value); `chosen` holds the chosen template's id, and `on_pick` hears a choice
/// before `chosen` changes.
#[component]
pub fn OwnTemplateSelect(
    /// The element's id, for its `<label for>`.
    id: &'static str,
    /// The templates offered.
    templates: Memo<Vec<Template>>,
    /// The chosen template's id; empty for the suggestion.
    chosen: RwSignal<String>,
    /// Runs before `chosen` changes.
    #[prop(optional, into)]
    on_pick: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select id=id on:change=move |ev| {
            if let Some(picked) = on_pick {
                picked.run(());
            }
            chosen.set(event_target_value(&ev));
        }>
            <option value="" selected=move || chosen.with(String::is_empty)>{tr!(i18n, messages.suggested_template)}</option>
            {move || templates.get().into_iter().map(|t| {
                let id = t.meta.id.clone();
                view! { <option value=t.meta.id.clone() selected=move || chosen.get() == id>{t.name.clone()}</option> }
            }).collect_view()}
        </select>
    }
}
