//! The wrap-up after an interview: choose what to create (thank-you, promises, the people
//! suggested as contacts introduced by the interviewee, a report-back date), see the
//! timeline entry, and write it all in one transaction together with the plan.

use chrono::Duration;
use leptos::prelude::*;

use super::parts::{person_memo, plan_editor, PlanEditor};
use super::plan::plan_id;
use super::store::use_interviews;
use crate::domain::interviews::plan::{stage, Stage};
use crate::domain::interviews::wrap_up::{
    contact_for_person, summary, wrap_up, Choices, Conversation, PROMISE_DAYS, REPORT_BACK_DAYS,
    SUGGESTED_DAYS, THANK_YOU_DAYS,
};
use crate::domain::record::{Contact, Meta};
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::common::dates::{local_time, show_date, when_text};
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now, use_data};
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
    let busy = RwSignal::new(false);
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
        let Some(mut plan) = editor.record.get_untracked() else {
            return;
        };
        let report_back_days = if report.get_untracked() {
            match report_days.get_untracked().trim().parse::<u32>() {
                Ok(n) if (1..=365).contains(&n) => Some(n),
                _ => {
                    error.set(Some(
                        t_string!(i18n, interviews.wrap.days_invalid).to_string(),
                    ));
                    return;
                }
            }
        } else {
            None
        };
        error.set(None);
        let choices = Choices {
            thank_you: thank_you.get_untracked(),
            promises: promises_c.iter().map(|s| s.get_untracked()).collect(),
            people: people_c.iter().map(|s| s.get_untracked()).collect(),
            report_back_days,
        };
        let lang = i18n.lang_untracked();
        // Someone never saved becomes a contact now, in the same transaction.
        let mut extra_contact: Option<Contact> = None;
        let interviewee = match plan
            .contact_id
            .as_deref()
            .and_then(|c| network.network.with_untracked(|n| n.contact(c).cloned()))
        {
            Some(c) => c,
            None => {
                let occasion = t_string!(i18n, interviews.met_occasion).to_string();
                let meta = Meta::new(new_id(), now());
                let Ok(c) = contact_for_person(&plan, &occasion, day, meta) else {
                    error.set(Some(
                        t_string!(i18n, interviews.wrap.name_missing).to_string(),
                    ));
                    return;
                };
                plan.contact_id = Some(c.meta.id.clone());
                extra_contact = Some(c.clone());
                c
            }
        };
        let name = person.get_untracked();
        let mut records = wrap_up(
            &plan,
            &Conversation {
                interviewee: &interviewee,
                name: &name,
                day,
                lang,
                now: now(),
            },
            &choices,
            &mut new_id,
        );
        if let Some(c) = extra_contact {
            records.contacts.insert(0, c);
        }
        let affected: Vec<String> = std::iter::once(interviewee.meta.id.clone())
            .chain(records.contacts.iter().map(|c| c.meta.id.clone()))
            .collect();
        plan.wrapped_up = Some(now());
        if plan.finished.is_none() {
            plan.finished = Some(now());
        }
        let Some(db) = feedback.database(data) else {
            return;
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
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
            busy.set(false);
        });
    };
    let due = move |days: i64| {
        day.checked_add_signed(Duration::days(days))
            .map(|d| show_date(i18n, d))
            .unwrap_or_default()
    };
    view! {
        <p class="breadcrumb"><a href=app_path(&format!("/interviews/{id}"))>{move || t_string!(i18n, interviews.plan_title, name = person.get()).to_string()}</a></p>
        <h1>{move || t_string!(i18n, interviews.wrap.title, name = person.get()).to_string()}</h1>
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
        <form class="stack" novalidate on:submit=submit>
            <section class="card" aria-labelledby="wrap-promises-h">
                <h2 id="wrap-promises-h">{tr!(i18n, interviews.wrap.promises)}</h2>
                <ul class="list-plain stack">
                    <li><label class="choice">
                        <input type="checkbox" prop:checked=move || thank_you.get() on:change=move |ev| thank_you.set(event_target_checked(&ev)) disabled=move || done.get() />
                        <span>{move || t_string!(i18n, interviews.wrap.thank_you, name = person.get()).to_string()}<span class="muted">" · "{due(THANK_YOU_DAYS)}</span></span>
                    </label></li>
                    {promise_list.into_iter().zip(promises).filter(|(p, _)| !p.trim().is_empty()).map(|(p, on)| view! {
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
            <section class="card" aria-labelledby="wrap-people-h">
                <h2 id="wrap-people-h">{tr!(i18n, interviews.wrap.people)}</h2>
                {people_list.is_empty().then(|| view! { <p class="muted">{tr!(i18n, interviews.wrap.no_people)}</p> })}
                <ul class="list-plain stack">
                    {people_list.into_iter().zip(people).filter(|(p, _)| !p.name.trim().is_empty()).map(|(p, on)| {
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
            <section class="card" aria-labelledby="wrap-log-h">
                <h2 id="wrap-log-h">{tr!(i18n, interviews.wrap.log)}</h2>
                <p class="muted">{t!(i18n, interviews.wrap.log_hint, date = show_date(i18n, day))}</p>
                <div class="timeline-preview">{move || preview.get()}</div>
                {contact_path.map(|href| view! { <p><a href=href>{tr!(i18n, interviews.wrap.open_contact)}</a></p> })}
            </section>
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
