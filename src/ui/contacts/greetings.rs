//! The year-end greetings list, with check-offs kept per year.

use chrono::Datelike;
use leptos::prelude::*;

use super::labels::circle_label;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::occasions::set_greeted;
use crate::i18n::*;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{now, use_data};
use crate::ui::feedback::{report_save, use_feedback};
use crate::ui::link::AppLink;
use crate::ui::title::use_page_title;

/// How many greetings rows show at first; more on request.
const GREETINGS_PAGE: usize = 100;

/// December: whom to send year-end greetings, with check-offs kept per year.
#[component]
pub fn GreetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let feedback = use_feedback();
    use_page_title(move || t_string!(i18n, contacts.greetings.title).to_string());
    let year = move || store.clock.get().today.year();
    let list = Memo::new(move |_| store.network.with(|n| n.greetings_list(year())));
    let shown = RwSignal::new(GREETINGS_PAGE);
    let toggle = move |id: String, on: bool| {
        let Some(c) = store.network.with_untracked(|n| n.contact(&id).cloned()) else {
            return;
        };
        let updated = set_greeted(&c, year(), on);
        let Some(db) = feedback.database(data) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match db.save(updated, now()).await {
                Ok(saved) => {
                    store.network.update(|n| n.set_contact(saved));
                    data.changed();
                }
                Err(e) => {
                    feedback.error(report_save(e));
                    feedback.reloaded(store.reload_contact(&id).await);
                }
            }
        });
    };
    view! {
        <h1>{move || t!(i18n, contacts.greetings.title_year, year = year())}</h1>
        <p class="lead">{tr!(i18n, contacts.greetings.lead)}</p>
        <p role="status">{move || {
            let (done, all) = list.with(|l| (l.iter().filter(|(_, d)| *d).count(), l.len()));
            t_string!(i18n, contacts.greetings.progress, done = done, total = all).to_string()
        }}</p>
        <Show when=move || { store.loaded.get() >= Loaded::Contacts } fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
        <ul class="card list-plain greetings">
            {move || list.get().into_iter().take(shown.get()).map(|(id, done)| {
                let box_id = format!("greet-{id}");
                let circle = store.network.with_untracked(|n| n.contact(&id).map(|c| circle_label(i18n, c.circle))).unwrap_or_default();
                let name = store.network.with_untracked(|n| n.contact(&id).map(display_name)).unwrap_or_default();
                let id2 = id.clone();
                view! {
                    <li class="greeting">
                        <input type="checkbox" id=box_id.clone() prop:checked=done on:change=move |ev| toggle(id2.clone(), event_target_checked(&ev)) />
                        <label for=box_id>{name}</label>
                        <span class="muted">{circle}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {move || (list.with(Vec::len) > shown.get()).then(|| view! {
            <button type="button" class="button button--secondary" on:click=move |_| shown.update(|n| *n += GREETINGS_PAGE)>{tr!(i18n, contacts.greetings.more)}</button>
        })}
        </Show>
        <p><AppLink href="/">{tr!(i18n, contacts.back_to_today)}</AppLink></p>
    }
}
