//! Choosing a person: a saved contact by typing part of the name, or someone not saved
//! yet by name and company.

use leptos::prelude::*;

use super::name::describe;
use crate::domain::contacts::search::fold;
use crate::domain::record::MAX_LINE_CHARS;
use crate::i18n::*;
use crate::ui::contacts::store::use_network;

/// How many matches the picker lists.
const PICKER_RESULTS: usize = 6;

/// Picks a contact by typing part of their name: a search field and a short list of
/// matches. `selected` holds the chosen id.
#[component]
pub fn ContactPicker(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    selected: RwSignal<Option<String>>,
    /// A contact that cannot be picked (the one being edited).
    #[prop(optional, into)]
    exclude: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = query.get();
        if fold(&q).is_empty() {
            return Vec::new();
        }
        let clock = store.clock.get();
        let cadence = store.cadence.get();
        store.network.with(|n| {
            let list = crate::domain::contacts::network::ListQuery {
                text: q,
                ..Default::default()
            };
            n.list(&list, clock, &cadence)
                .into_iter()
                .filter(|c| Some(c) != exclude.as_ref())
                .take(PICKER_RESULTS)
                .filter_map(|id| n.contact(&id).map(|c| (id, describe(c))))
                .collect::<Vec<_>>()
        })
    });
    let chosen = move || {
        selected
            .get()
            .and_then(|id| store.network.with(|n| n.contact(&id).map(describe)))
    };
    let input_id = id.clone();
    let results_id = format!("{id}-results");
    view! {
        <div class="picker">
            {move || match chosen() {
                Some(name) => view! {
                    <div class="field">
                        <span class="field__label" id=format!("{}-label", input_id)>{label.get()}</span>
                        <p class="picker__chosen">
                            <span>{name}</span>
                            <button type="button" class="button button--secondary" on:click=move |_| selected.set(None)>
                                {tr!(i18n, contacts.picker.change)}
                            </button>
                        </p>
                    </div>
                }.into_any(),
                None => {
                    let results_id = results_id.clone();
                    view! {
                        <div class="field">
                            <label for=input_id.clone()>{label.get()}</label>
                            <input
                                id=input_id.clone()
                                type="search"
                                autocomplete="off"
                                aria-controls=results_id.clone()
                                placeholder=move || t_string!(i18n, contacts.picker.placeholder)
                                prop:value=move || query.get()
                                on:input=move |ev| query.set(event_target_value(&ev))
                            />
                            <ul class="picker__results list-plain" id=results_id aria-live="polite">
                                <For
                                    each=move || matches.get()
                                    key=|(id, _)| id.clone()
                                    children=move |(id, text)| {
                                        view! {
                                            <li>
                                                <button type="button" class="picker__option" on:click=move |_| {
                                                    selected.set(Some(id.clone()));
                                                    query.set(String::new());
                                                }>{text}</button>
                                            </li>
                                        }
                                    }
                                />
                            </ul>
                        </div>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// Who a plan or message is for: a saved contact (picked by name) or someone not saved yet
/// (name and company typed). `saved` says which.
#[component]
pub fn PersonChooser(
    /// Prefix of the element ids.
    id: &'static str,
    /// The question above the choice ("With whom?").
    #[prop(into)]
    legend: Signal<String>,
    /// The picker's label ("Contact").
    #[prop(into)]
    label: Signal<String>,
    /// What happens to someone not saved yet.
    #[prop(into)]
    hint: Signal<String>,
    saved: RwSignal<bool>,
    contact: RwSignal<Option<String>>,
    name: RwSignal<String>,
    company: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = format!("{id}-who");
    let group2 = group.clone();
    view! {
        <fieldset class="choices">
            <legend>{move || legend.get()}</legend>
            <label class="choice">
                <input type="radio" name=group prop:checked=move || saved.get() on:change=move |_| saved.set(true) />
                {tr!(i18n, interviews.saved_contact)}
            </label>
            <label class="choice">
                <input type="radio" name=group2 prop:checked=move || !saved.get() on:change=move |_| saved.set(false) />
                {tr!(i18n, interviews.new_person)}
            </label>
        </fieldset>
        {move || if saved.get() {
            view! { <ContactPicker id=format!("{id}-contact") label=label selected=contact /> }.into_any()
        } else {
            view! {
                <div class="field-row">
                    <div class="field">
                        <label for=format!("{id}-person")>{tr!(i18n, interviews.person_name)}</label>
                        <input id=format!("{id}-person") type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=format!("{id}-company")>{tr!(i18n, interviews.person_company)}</label>
                        <input id=format!("{id}-company") type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || company.get() on:input=move |ev| company.set(event_target_value(&ev)) />
                    </div>
                </div>
                <p class="hint">{move || hint.get()}</p>
            }.into_any()
        }}
    }
}
