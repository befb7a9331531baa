//! The wrap-up after an interview: choose what to create (thank-you, promises, the people
//! suggested as contacts introduced by the interviewee, a report-back date), see the
//! timeline entry, and write it all in one transaction together with the plan.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;

use super::parts::{person_memo, plan_editor, PlanEditor};
use super::plan::plan_id;
use super::store::use_interviews;
use crate::domain::interviews::plan::{stage, Stage};
use crate::domain::interviews::wrap_up::{
    complete, report_back, summary, Choices, Held, WrapUpError, WrapUpWrite, PROMISE_DAYS,
    REPORT_BACK_DAYS, SUGGESTED_DAYS, THANK_YOU_DAYS,
};
use crate::domain::record::SuggestedPerson;
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::common::dates::{local_time, show_date, when_text};
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::Creator;
use crate::ui::editor::WhenFound;
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// `/interviews/:id/wrap-up`.
#[component]
pub fn WrapUpPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let editor = plan_editor(plan_id());
    let person = person_memo(editor, true);
    use_page_title(move || t_string!(i18n, interviews.wrap.title, name = person.get()).to_string());
    // Only finding (or losing) the plan re-renders the screen, not every keystroke in it.
    let has_plan = Memo::new(move |_| editor.record.with(Option::is_some));
    view! {
        <WhenFound loaded=store.loaded found=has_plan back_href=use_app_path()("/interviews")
            missing=move || t_string!(i18n, interviews.not_found).to_string()
            back_text=tr!(i18n, interviews.back)>
            <WrapUp editor=editor person=person />
        </WhenFound>
    }
}

/// The wrap-up form. About 130 lines: its submit gathers every choice of the sections
/// below into one write.
#[component]
fn WrapUp(editor: PlanEditor, person: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let store = use_interviews();
    let data = use_data();
    let feedback = use_feedback();
    let app_path = use_app_path();
    let Some(plan) = editor.record.get_untracked() else {
        return ().into_any();
    };
    let id = plan.meta.id.clone();
    let choices = Choices::all(&plan);
    let thank_you = RwSignal::new(choices.thank_you);
    let promises: Vec<RwSignal<bool>> =
        choices.promises.iter().map(|c| RwSignal::new(*c)).collect();
    let people: Vec<RwSignal<bool>> = choices.people.iter().map(|c| RwSignal::new(*c)).collect();
    let report = RwSignal::new(true);
    let report_days = RwSignal::new(REPORT_BACK_DAYS.to_string());
    let error = RwSignal::new(None::<String>);
    let creator = Creator::new();
    let busy = creator.busy;
    let done = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().is_some_and(|p| stage(p) == Stage::Done))
    });
    // The interview's local date: the appointment, else the day it ended, else today.
    let day = plan
        .scheduled
        .or(plan.finished)
        .or(plan.started)
        .map(|at| local_time(at).date())
        .unwrap_or(network.clock.get_untracked().today);
    let lang = move || i18n.lang();
    let preview = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| summary(p, lang())).unwrap_or_default())
    });
    let contact_path = plan
        .contact_id
        .as_ref()
        .map(|c| app_path(&format!("/contacts/{c}")));
    let promise_list = plan.promised.clone();
    let people_list = plan.suggested.clone();
    let promises_c = promises.clone();
    let people_c = people.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(plan) = editor.record.get_untracked() else {
            return;
        };
        let report_back_days =
            match report_back(report.get_untracked(), &report_days.get_untracked()) {
                Ok(days) => days,
                Err(e) => {
                    error.set(Some(wrap_error_text(i18n, e)));
                    return;
                }
            };
        let choices = Choices {
            thank_you: thank_you.get_untracked(),
            promises: promises_c.iter().map(|s| s.get_untracked()).collect(),
            people: people_c.iter().map(|s| s.get_untracked()).collect(),
            report_back_days,
        };
        let saved = plan
            .contact_id
            .as_deref()
            .and_then(|c| network.network.with_untracked(|n| n.contact(c).cloned()));
        let name = person.get_untracked();
        let held = Held {
            name: &name,
            day,
            lang: i18n.lang_untracked(),
            now: now(),
            occasion: t_string!(i18n, interviews.met_occasion),
        };
        let write = match complete(&plan, saved.as_ref(), &held, &choices, &mut new_id) {
            Ok(write) => write,
            Err(e) => {
                error.set(Some(wrap_error_text(i18n, e)));
                return;
            }
        };
        error.set(None);
        let WrapUpWrite {
            plan,
            records,
            affected,
        } = write;
        creator.run(move |db| async move {
            match db.save_with(plan, records, now()).await {
                Ok((saved, _)) => {
                    editor.record.set(Some(saved.clone()));
                    store.put_plan(saved);
                    for c in &affected {
                        feedback.reloaded(network.reload_contact(c).await);
                    }
                    data.changed();
                }
                Err(SaveError::Conflict(_)) => {
                    error.set(Some(t_string!(i18n, interviews.wrap.conflict).to_string()));
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    view! {
        <p class="breadcrumb"><a href=app_path(&format!("/interviews/{id}"))>{move || t_string!(i18n, interviews.plan_title, name = person.get()).to_string()}</a></p>
        <h1>{move || t_string!(i18n, interviews.wrap.title, name = person.get()).to_string()}</h1>
        <WrapDone editor done />
        <form class="stack" novalidate on:submit=submit>
            <WrapPromises person done thank_you promises=promise_list.into_iter().zip(promises).collect() report report_days day />
            <WrapPeople person done people=people_list.into_iter().zip(people).collect() day />
            <WrapLog preview day contact_path />
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || (!done.get()).then(|| view! {
                <div class="button-row">
                    <button type="submit" class="button" disabled=move || busy.get()>{tr!(i18n, interviews.wrap.save)}</button>
                </div>
            })}
        </form>
    }
    .into_any()
}

/// The date `days` after the interview, in the user's language.
fn due_text(i18n: I18n, day: NaiveDate, days: i64) -> String {
    day.checked_add_signed(Duration::days(days))
        .map(|d| show_date(i18n, d))
        .unwrap_or_default()
}

/// After the wrap-up was saved: when, and where to go next; before it, what it is for.
#[component]
fn WrapDone(editor: PlanEditor, done: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    view! {
    {move || if done.get() {
        let at = editor.record.with(|p| p.as_ref().and_then(|p| p.wrapped_up)).map(|at| when_text(i18n, at)).unwrap_or_default();
        let contact_path = editor.record.with(|p| p.as_ref().and_then(|p| p.contact_id.clone())).map(|c| app_path(&format!("/contacts/{c}")));
        view! {
            <div class="banner banner--ok" role="status">
                <p>{t!(i18n, interviews.wrap.done, when = at)}</p>
                <p class="button-row">
                    {contact_path.map(|href| view! { <a class="button" href=href>{tr!(i18n, interviews.wrap.open_contact)}</a> })}
                    <a class="button button--secondary" href=app_path("/")>{tr!(i18n, interviews.wrap.open_today)}</a>
                </p>
            </div>
        }.into_any()
    } else {
        view! { <p class="lead">{tr!(i18n, interviews.wrap.lead)}</p> }.into_any()
    }}
    }
}

/// The thank-you, the promises the user made, and reporting back, each to tick.
#[component]
fn WrapPromises(
    person: Memo<String>,
    done: Memo<bool>,
    thank_you: RwSignal<bool>,
    /// Each promise made in the conversation, with whether to keep it as a follow-up.
    promises: Vec<(String, RwSignal<bool>)>,
    report: RwSignal<bool>,
    report_days: RwSignal<String>,
    /// The interview's day.
    day: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let due = move |days: i64| due_text(i18n, day, days);
    view! {
    <section class="card" aria-labelledby="wrap-promises-h">
        <h2 id="wrap-promises-h">{tr!(i18n, interviews.wrap.promises)}</h2>
        <ul class="list-plain stack">
            <li><label class="choice">
                <input type="checkbox" prop:checked=move || thank_you.get() on:change=move |ev| thank_you.set(event_target_checked(&ev)) disabled=move || done.get() />
                <span>{move || t_string!(i18n, interviews.wrap.thank_you, name = person.get()).to_string()}<span class="muted">" · "{due(THANK_YOU_DAYS)}</span></span>
            </label></li>
            {promises.into_iter().filter(|(p, _)| !p.trim().is_empty()).map(|(p, on)| view! {
                <li><label class="choice">
                    <input type="checkbox" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) disabled=move || done.get() />
                    <span>{p}<span class="muted">" · "{due(PROMISE_DAYS)}</span></span>
                </label></li>
            }).collect_view()}
            <li>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || report.get() on:change=move |ev| report.set(event_target_checked(&ev)) disabled=move || done.get() />
                    <span>{move || t_string!(i18n, interviews.wrap.report_back, name = person.get()).to_string()}</span>
                </label>
                <div class="field field--narrow field--indent">
                    <label for="wrap-days">{tr!(i18n, interviews.wrap.report_days)}</label>
                    <input id="wrap-days" type="number" min="1" max="365" inputmode="numeric" prop:value=move || report_days.get() on:input=move |ev| report_days.set(event_target_value(&ev)) disabled=move || done.get() || !report.get() />
                </div>
            </li>
        </ul>
    </section>
    }
}

/// The people the interviewee suggested, each to become a contact introduced by them.
#[component]
fn WrapPeople(
    person: Memo<String>,
    done: Memo<bool>,
    /// Each person suggested, with whether to create them.
    people: Vec<(SuggestedPerson, RwSignal<bool>)>,
    /// The interview's day.
    day: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let due = move |days: i64| due_text(i18n, day, days);
    let none = people.is_empty();
    view! {
    <section class="card" aria-labelledby="wrap-people-h">
        <h2 id="wrap-people-h">{tr!(i18n, interviews.wrap.people)}</h2>
        {none.then(|| view! { <p class="muted">{tr!(i18n, interviews.wrap.no_people)}</p> })}
        <ul class="list-plain stack">
            {people.into_iter().filter(|(p, _)| !p.name.trim().is_empty()).map(|(p, on)| {
                let line = if p.company.trim().is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.company) };
                view! {
                    <li><label class="choice">
                        <input type="checkbox" prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) disabled=move || done.get() />
                        <span>{t!(i18n, interviews.wrap.create_contact, name = line.clone())}
                            <span class="muted">" · "{move || t_string!(i18n, interviews.wrap.introduced_by, name = person.get()).to_string()}" · "{t!(i18n, interviews.wrap.nudge, date = due(SUGGESTED_DAYS))}</span>
                        </span>
                    </label></li>
                }
            }).collect_view()}
        </ul>
    </section>
    }
}

/// The timeline entry the wrap-up writes, as it will read.
#[component]
fn WrapLog(preview: Memo<String>, day: NaiveDate, contact_path: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
    <section class="card" aria-labelledby="wrap-log-h">
        <h2 id="wrap-log-h">{tr!(i18n, interviews.wrap.log)}</h2>
        <p class="muted">{t!(i18n, interviews.wrap.log_hint, date = show_date(i18n, day))}</p>
        <div class="timeline-preview">{move || preview.get()}</div>
        {contact_path.map(|href| view! { <p><a href=href>{tr!(i18n, interviews.wrap.open_contact)}</a></p> })}
    </section>
    }
}

/// A wrap-up problem in the user's language.
fn wrap_error_text(i18n: I18n, error: WrapUpError) -> String {
    match error {
        WrapUpError::NameMissing => t_string!(i18n, interviews.wrap.name_missing),
        WrapUpError::DaysInvalid => t_string!(i18n, interviews.wrap.days_invalid),
    }
    .to_string()
}
