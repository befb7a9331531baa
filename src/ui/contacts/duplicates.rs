//! The overview of suggested duplicates, each pair linking to where the merge happens.

use leptos::prelude::*;

use super::labels::reason_label;
use super::name::ContactName;
use crate::domain::contacts::duplicates::suggestions;
use crate::i18n::*;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::title::use_page_title;

/// All suggested duplicate pairs, each linking to the contact page where the merge happens.
#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    use_page_title(move || t_string!(i18n, contacts.merge.title).to_string());
    let pairs = Memo::new(move |_| store.network.with(|n| suggestions(n.contacts())));
    view! {
        <h1>{tr!(i18n, contacts.merge.title)}</h1>
        <p class="lead">{tr!(i18n, contacts.merge.lead)}</p>
        {move || if store.loaded.get() < Loaded::Contacts {
            view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any()
        } else if pairs.with(Vec::is_empty) {
            view! { <p class="card">{tr!(i18n, contacts.merge.none)}</p> }.into_any()
        } else {
            view! {
                <ul class="card list-plain">
                    {pairs.get().into_iter().map(|p| {
                        let why = p.reasons.iter().map(|r| reason_label(i18n, *r)).collect::<Vec<_>>().join(", ");
                        view! { <li><ContactName id=p.a.clone() />" ↔ "<ContactName id=p.b.clone() />" — "{why}</li> }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
