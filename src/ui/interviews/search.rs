//! Searching the question library: the query, its results in the user's language, and the
//! search and topic fields. The library page and the plan builder's picker both use it.

use leptos::prelude::*;

use super::parts::family_label;
use crate::domain::code::{Code, Coded};
use crate::domain::interviews::library::{entries, filter, Entry, Family, Filter};
use crate::i18n::*;
use crate::ui::common::select::EnumSelect;
use crate::ui::library_store::use_library;

/// What the user typed and chose; the results follow from it.
#[derive(Clone, Copy)]
pub struct LibraryQuery {
    text: RwSignal<String>,
    /// The key of the topic chosen, empty for all (a signal of text, as elsewhere: a
    /// signal of a type of its own would bring its own reactive code into the download).
    family: RwSignal<String>,
    /// Hidden built-ins and archived own questions are included when this is true.
    pub show_hidden: RwSignal<bool>,
    /// The matching questions, in library order.
    pub results: Memo<Vec<Entry>>,
}

impl LibraryQuery {
    /// An empty query over the user's questions and the built-ins.
    pub fn new() -> Self {
        let i18n = use_i18n();
        let store = use_library();
        let text = RwSignal::new(String::new());
        let family = RwSignal::new(String::new());
        let show_hidden = RwSignal::new(false);
        let library = Memo::new(move |_| {
            let lang = i18n.lang();
            store.questions.with(|q| entries(q, lang))
        });
        let results = Memo::new(move |_| {
            let f = Filter {
                text: text.get(),
                family: Family::from_key(&family.get()),
                show_hidden: show_hidden.get(),
            };
            library.with(|l| filter(l, &f).into_iter().cloned().collect())
        });
        Self {
            text,
            family,
            show_hidden,
            results,
        }
    }
}

/// The search field and the topic choice; `id` keeps their element ids unique on a page.
#[component]
pub fn LibraryQueryFields(query: LibraryQuery, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let LibraryQuery { text, family, .. } = query;
    let search_id = format!("{id}-search");
    let family_id = format!("{id}-family");
    view! {
        <div class="field-row">
            <div class="field field--grow">
                <label for=search_id.clone()>{tr!(i18n, interviews.library.search)}</label>
                <input id=search_id type="search" autocomplete="off" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=family_id.clone()>{tr!(i18n, interviews.library.filter_family)}</label>
                <EnumSelect id=family_id label=family_label none=move || t_string!(i18n, interviews.library.all_families)
                    value={move || Family::from_key(&family.get()).map(Coded::from)}
                    on_pick={move |f: Option<Family>| family.set(f.map_or(String::new(), |f| f.key().to_string()))} />
            </div>
        </div>
    }
}
