//! "Introduce two contacts": both timelines record the introduction, and a follow-up asks
//! how it went.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::name::ContactName;
use super::picker::ContactPicker;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::introduce::{
    introduce, IntroduceError, Introduction, INTRO_CHECK_DAYS,
};
use crate::domain::format::iso_date;
use crate::domain::record::MAX_TEXT_CHARS;
use crate::i18n::*;
use crate::ui::common::dates::{parse_date, DATE_MAX, DATE_MIN};
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::title::use_page_title;

/// "Introduce two contacts": records the introduction on both timelines and, if wanted, a
/// follow-up to ask how it went.
#[component]
pub fn IntroducePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    use_page_title(move || t_string!(i18n, contacts.introduce.title).to_string());
    let first = RwSignal::new(use_query_map().with_untracked(|q| q.get("a")));
    let second = RwSignal::new(None::<String>);
    let why = RwSignal::new(String::new());
    let date = RwSignal::new(iso_date(store.clock.get_untracked().today));
    let remind = RwSignal::new(true);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<(String, String)>);
    let creator = Creator::new();
    let busy = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(a), Some(b)) = (first.get_untracked(), second.get_untracked()) else {
            error.set(Some(
                t_string!(i18n, contacts.introduce.pick_two).to_string(),
            ));
            return;
        };
        if busy.get_untracked() {
            return;
        }
        let Some(day) = parse_date(&date.get_untracked()) else {
            error.set(Some(
                t_string!(i18n, contacts.timeline.date_missing).to_string(),
            ));
            return;
        };
        let name_of = |id: &str| {
            store
                .network
                .with_untracked(|n| n.contact(id).map(display_name))
                .unwrap_or_default()
        };
        let why_text = why.get_untracked();
        let intro = Introduction {
            a: &a,
            b: &b,
            day,
            why: &why_text,
            reminder: remind.get_untracked().then(|| {
                t_string!(i18n, contacts.introduce.ask_text, other = name_of(&b)).to_string()
            }),
        };
        let today = store.clock.get_untracked().today;
        let records = match introduce(&intro, today, now(), &mut new_id) {
            Ok(records) => records,
            Err(IntroduceError::Same) => {
                error.set(Some(t_string!(i18n, contacts.introduce.same).to_string()));
                return;
            }
            Err(IntroduceError::DateOutOfRange) => {
                error.set(Some(t_string!(i18n, date_range).to_string()));
                return;
            }
        };
        error.set(None);
        creator.run(move |db| async move {
            match db.create(records, now()).await {
                Ok(_) => {
                    for id in [&a, &b] {
                        feedback.reloaded(store.reload_contact(id).await);
                    }
                    done.set(Some((a, b)));
                    first.set(None);
                    second.set(None);
                    why.set(String::new());
                }
                Err(e) => feedback.error(AppError::SaveFailed(e)),
            }
        });
    };
    view! {
        <h1>{tr!(i18n, contacts.introduce.title)}</h1>
        <p class="lead">{tr!(i18n, contacts.introduce.lead)}</p>
        {move || done.get().map(|(a, b)| view! {
            <div class="banner banner--ok" role="status">
                <p>{tr!(i18n, contacts.introduce.done)}" "<ContactName id=a />" & "<ContactName id=b /></p>
            </div>
        })}
        <Show when=move || store.loaded.get() == Loaded::All fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            <form class="card" novalidate on:submit=submit>
                <div class="field-row">
                    <ContactPicker id="intro-a" label=Signal::derive(move || t_string!(i18n, contacts.introduce.first).to_string()) selected=first />
                    <ContactPicker id="intro-b" label=Signal::derive(move || t_string!(i18n, contacts.introduce.second).to_string()) selected=second />
                </div>
                <div class="field">
                    <label for="intro-why">{tr!(i18n, contacts.introduce.why)}</label>
                    <textarea id="intro-why" rows="3" maxlength=MAX_TEXT_CHARS prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="intro-date">{tr!(i18n, contacts.timeline.date)}</label>
                    <input id="intro-date" type="date" min=DATE_MIN max=DATE_MAX prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
                </div>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || remind.get() on:change=move |ev| remind.set(event_target_checked(&ev)) />
                    {t!(i18n, contacts.introduce.remind, days = INTRO_CHECK_DAYS)}
                </label>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr!(i18n, contacts.introduce.save)}</button>
                </div>
            </form>
        </Show>
    }
}
