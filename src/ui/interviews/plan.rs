//! The plan screen: details, the preparation checklist, the time budget and the question
//! builder (`builder.rs`). Everything saves itself a moment after each change.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::builder::Builder;
use super::parts::{format_label, person_memo, plan_editor, stage_label, PlanEditor};
use super::store::use_interviews;
use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::new_contact;
use crate::domain::interviews::markdown::{file_name, to_markdown};
use crate::domain::interviews::plan::{
    prep_progress, stage, step_done, Budget, PrepStep, Stage, MAX_DURATION, MIN_DURATION,
    PREPARED_QUESTIONS,
};
use crate::domain::interviews::wrap_up::split_name;
use crate::domain::record::{InterviewPlan, MeetingFormat, Meta, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::dates::{input_value, local_time, parse_input};
use crate::ui::common::select::EnumSelect;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::{delete_with_undo, SaveStatus, WhenFound};
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::files::{copy, download};
use crate::ui::interop::add_to_calendar;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// The plan being shown, from the route.
pub fn plan_id() -> impl Fn() -> String + Clone + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").unwrap_or_default())
}

/// `/interviews/:id`.
#[component]
pub fn PlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let id = plan_id();
    let editor = plan_editor(id.clone());
    let person = person_memo(editor, false);
    use_page_title(move || t_string!(i18n, interviews.plan_title, name = person.get()).to_string());
    // Only finding (or losing) the plan re-renders the screen, not every keystroke in it.
    let has_plan = Memo::new(move |_| editor.record.with(Option::is_some));
    view! {
        <WhenFound loaded=store.loaded found=has_plan back_href=use_app_path()("/interviews")
            missing=move || t_string!(i18n, interviews.not_found).to_string()
            back_text=tr!(i18n, interviews.back)>
            <PlanScreen editor=editor person=person />
        </WhenFound>
    }
}

#[component]
fn PlanScreen(editor: PlanEditor, person: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let Some(plan) = editor.shown() else {
        return ().into_any();
    };
    let id = editor
        .record
        .with_untracked(|p| p.as_ref().map(|p| p.meta.id.clone()).unwrap_or_default());
    let stage = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(stage))
            .unwrap_or(Stage::Draft)
    });
    let conduct = app_path(&format!("/interviews/{id}/conduct"));
    let wrap = app_path(&format!("/interviews/{id}/wrap-up"));
    let print = app_path(&format!("/interviews/{id}/print"));
    view! {
        <p class="breadcrumb"><a href=app_path("/interviews")>{tr!(i18n, interviews.title)}</a></p>
        <h1>
            {move || {
                let name = person.get();
                if name.is_empty() { t_string!(i18n, interviews.unnamed).to_string() } else { t_string!(i18n, interviews.plan_title, name = name).to_string() }
            }}
            <span class="h1-sub">{move || stage_label(i18n, stage.get())}</span>
        </h1>
        <SaveStatus editor=editor />
        <div class="button-row plan-actions">
            {move || match stage.get() {
                Stage::Held => view! { <a class="button" href=wrap.clone()>{tr!(i18n, interviews.wrap.action)}</a> }.into_any(),
                Stage::Done => view! { <a class="button button--secondary" href=conduct.clone()>{tr!(i18n, interviews.conduct.review)}</a> }.into_any(),
                Stage::Running => view! { <a class="button" href=conduct.clone()>{tr!(i18n, interviews.conduct.resume)}</a> }.into_any(),
                _ => view! { <a class="button" href=conduct.clone()>{tr!(i18n, interviews.conduct.start)}</a> }.into_any(),
            }}
            <a class="button button--secondary" href=print>{tr!(i18n, interviews.print.action)}</a>
            <ExportButtons editor=editor person=person />
        </div>
        <Details editor=editor />
        <Preparation editor=editor />
        <Builder editor=editor />
        <section class="card" aria-labelledby="plan-notes-h">
            <h2 id="plan-notes-h">{tr!(i18n, interviews.notes)}</h2>
            <div class="field">
                <label for="plan-notes">{tr!(i18n, interviews.notes_label)}</label>
                <textarea id="plan-notes" rows="4" maxlength=MAX_TEXT_CHARS prop:value=move || plan().notes on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.notes = v) }></textarea>
            </div>
        </section>
        <DeletePlan editor=editor />
    }
    .into_any()
}

#[component]
fn ExportButtons(editor: PlanEditor, person: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let markdown = move || {
        let lang = i18n.lang_untracked();
        editor.record.with_untracked(|p| {
            p.as_ref().map(|p| {
                let when = p.scheduled.map(local_time);
                let name = person.get_untracked();
                (file_name(&name, when), to_markdown(p, &name, when, lang))
            })
        })
    };
    let export = move |_| {
        if let Some((name, text)) = markdown() {
            match download(&name, &text, "text/markdown") {
                Ok(()) => {
                    feedback.toast(t_string!(i18n, interviews.export.done, file = name).to_string())
                }
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
        }
    };
    let copy_it = move |_| {
        if let Some((_, text)) = markdown() {
            leptos::task::spawn_local(async move {
                match copy(&text).await {
                    Ok(()) => feedback.toast(t_string!(i18n, interviews.export.copied).to_string()),
                    Err(_) => {
                        feedback.toast(t_string!(i18n, interviews.export.copy_failed).to_string())
                    }
                }
            });
        }
    };
    let scheduled = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().is_some_and(|p| p.scheduled.is_some()))
    });
    let calendar = move |_| {
        let shared = editor.record.with_untracked(|p| {
            p.as_ref()
                .map(|p| add_to_calendar(i18n, p, &person.get_untracked()))
        });
        match shared {
            Some(Ok(file)) => feedback.toast(t_string!(i18n, interop.exported, file = file)),
            Some(Err(e)) => feedback.error(AppError::ActionFailed(e)),
            None => {}
        }
    };
    view! {
        // Only an interview with a time has a place in a calendar.
        <Show when=move || scheduled.get()>
            <button type="button" class="button button--secondary" on:click=calendar>{tr!(i18n, interop.add_calendar)}</button>
        </Show>
        <button type="button" class="button button--secondary" on:click=export>{tr!(i18n, interviews.export.download)}</button>
        <button type="button" class="button button--secondary" on:click=copy_it>{tr!(i18n, interviews.export.copy)}</button>
    }
}

#[component]
fn Details(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let Some(plan) = editor.shown() else {
        return ().into_any();
    };
    let duration_text = RwSignal::new(editor.record.with_untracked(|p| {
        p.as_ref()
            .map(|p| p.duration_minutes.to_string())
            .unwrap_or_default()
    }));
    let duration_error = RwSignal::new(false);
    let new_person = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().is_some_and(|p| p.contact_id.is_none()))
    });
    let date_error = RwSignal::new(false);
    let set_date = move |value: String| {
        let at = parse_input(&value);
        // A date the browser accepts but records may not hold (after 2200) is not taken.
        date_error.set(at.is_none() && !value.trim().is_empty());
        if date_error.get_untracked() {
            return;
        }
        let needs_contact = editor.record.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|p| p.contact_id.is_none() && !p.person_name.trim().is_empty())
        });
        if at.is_some() && needs_contact {
            // Scheduling makes the person real: they become a contact, in the same save.
            let (person, company) = editor.record.with_untracked(|p| {
                p.as_ref()
                    .map(|p| (p.person_name.clone(), p.person_company.clone()))
                    .unwrap_or_default()
            });
            let mut c = new_contact(Meta::new(new_id(), now()));
            (c.first_name, c.last_name) = split_name(&person);
            c.company = company.trim().to_string();
            c.met.occasion = t_string!(i18n, interviews.met_occasion).to_string();
            let cid = c.meta.id.clone();
            editor.edit_with(
                Dataset {
                    contacts: vec![c],
                    ..Dataset::default()
                },
                move |p| {
                    p.scheduled = at;
                    p.contact_id = Some(cid);
                },
            );
        } else {
            editor.edit(move |p| p.scheduled = at);
        }
    };
    view! {
        <section class="card" aria-labelledby="plan-details-h">
            <h2 id="plan-details-h">{tr!(i18n, interviews.details)}</h2>
            {move || new_person.get().then(|| view! {
                <div class="field-row">
                    <div class="field">
                        <label for="plan-person">{tr!(i18n, interviews.person_name)}</label>
                        <input id="plan-person" type="text" maxlength=MAX_LINE_CHARS prop:value=move || plan().person_name on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.person_name = v) } />
                    </div>
                    <div class="field">
                        <label for="plan-company">{tr!(i18n, interviews.person_company)}</label>
                        <input id="plan-company" type="text" maxlength=MAX_LINE_CHARS prop:value=move || plan().person_company on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.person_company = v) } />
                    </div>
                </div>
                <p class="hint">{tr!(i18n, interviews.new_person_hint)}</p>
            })}
            <div class="field">
                <label for="plan-goal">{tr!(i18n, interviews.goal)}</label>
                <textarea id="plan-goal" rows="2" maxlength=MAX_TEXT_CHARS prop:value=move || plan().goal on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.goal = v) }></textarea>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="plan-when">{tr!(i18n, interviews.when)}</label>
                    <input id="plan-when" type="datetime-local" min="1900-01-01T00:00" max="2200-12-31T23:59"
                        aria-invalid=move || date_error.get().then_some("true")
                        aria-describedby=move || date_error.get().then_some("plan-when-error")
                        prop:value=move || input_value(plan().scheduled) on:change=move |ev| set_date(event_target_value(&ev)) />
                    {move || date_error.get().then(|| view! { <span class="error" id="plan-when-error">{tr!(i18n, date_range)}</span> })}
                </div>
                <div class="field">
                    <label for="plan-duration">{tr!(i18n, interviews.duration)}</label>
                    <input id="plan-duration" type="number" inputmode="numeric" min=MIN_DURATION max=MAX_DURATION step="5"
                        aria-describedby="plan-duration-hint" aria-invalid=move || duration_error.get().then_some("true")
                        prop:value=move || duration_text.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            duration_text.set(v.clone());
                            match v.trim().parse::<u32>() {
                                Ok(n) if (MIN_DURATION..=MAX_DURATION).contains(&n) => {
                                    duration_error.set(false);
                                    editor.edit(|p| p.duration_minutes = n);
                                }
                                _ => duration_error.set(true),
                            }
                        } />
                    <p class=move || if duration_error.get() { "hint error" } else { "hint" } id="plan-duration-hint">
                        {t!(i18n, interviews.duration_hint, min = MIN_DURATION, max = MAX_DURATION)}
                    </p>
                </div>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="plan-format">{tr!(i18n, interviews.format_label)}</label>
                    <EnumSelect id="plan-format" label=format_label
                        value={move || editor.part(|p| p.format.into())}
                        on_pick={move |f: Option<MeetingFormat>| if let Some(f) = f { editor.edit(|p| p.format = f) }} />
                </div>
                <div class="field">
                    <label for="plan-place">{tr!(i18n, interviews.place)}</label>
                    <input id="plan-place" type="text" maxlength=MAX_LINE_CHARS prop:value=move || plan().place on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.place = v) } />
                </div>
            </div>
        </section>
    }
    .into_any()
}

fn step_label(i18n: I18n, step: PrepStep) -> String {
    match step {
        PrepStep::Organisation => t_string!(i18n, interviews.prep.organisation).to_string(),
        PrepStep::Person => t_string!(i18n, interviews.prep.person).to_string(),
        PrepStep::Field => t_string!(i18n, interviews.prep.field).to_string(),
        PrepStep::Intro => t_string!(i18n, interviews.prep.intro).to_string(),
        PrepStep::Hopes => t_string!(i18n, interviews.prep.hopes).to_string(),
        PrepStep::Questions => {
            t_string!(i18n, interviews.prep.questions, count = PREPARED_QUESTIONS).to_string()
        }
    }
}

#[component]
fn Preparation(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let Some(plan) = editor.shown() else {
        return ().into_any();
    };
    let progress = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(prep_progress))
            .unwrap_or((0, 6))
    });
    let ticked = |step: PrepStep| {
        move |p: &mut InterviewPlan, on: bool| match step {
            PrepStep::Organisation => p.prep.organisation = on,
            PrepStep::Person => p.prep.person = on,
            _ => p.prep.field = on,
        }
    };
    view! {
        <section class="card" aria-labelledby="plan-prep-h">
            <h2 id="plan-prep-h">{tr!(i18n, interviews.prep.title)}</h2>
            <p id="prep-progress-label">{move || { let (d, t) = progress.get(); t_string!(i18n, interviews.prep.progress, done = d, total = t).to_string() }}</p>
            <progress aria-labelledby="prep-progress-label" max=move || progress.get().1 value=move || progress.get().0></progress>
            <ul class="list-plain prep-list">
                {[PrepStep::Organisation, PrepStep::Person, PrepStep::Field].into_iter().map(|step| {
                    let set = ticked(step);
                    view! {
                        <li>
                            <label class="choice">
                                <input type="checkbox" prop:checked=move || editor.record.with(|p| p.as_ref().is_some_and(|p| step_done(p, step)))
                                    on:change=move |ev| { let on = event_target_checked(&ev); editor.edit(|p| set(p, on)) } />
                                {move || step_label(i18n, step)}
                            </label>
                        </li>
                    }
                }).collect_view()}
                {[PrepStep::Intro, PrepStep::Hopes, PrepStep::Questions].into_iter().map(|step| {
                    let done = move || editor.record.with(|p| p.as_ref().is_some_and(|p| step_done(p, step)));
                    view! {
                        <li class=move || if done() { "auto-step auto-step--done" } else { "auto-step" }>
                            <span aria-hidden="true" class="auto-step__mark">{move || if done() { "✓" } else { "○" }}</span>
                            {move || step_label(i18n, step)}
                            <span class="visually-hidden">{move || if done() { t_string!(i18n, interviews.prep.done) } else { t_string!(i18n, interviews.prep.open) }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field">
                <label for="plan-intro">{tr!(i18n, interviews.intro)}</label>
                <textarea id="plan-intro" rows="3" maxlength=MAX_TEXT_CHARS aria-describedby="plan-intro-hint" prop:value=move || plan().my_intro on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.my_intro = v) }></textarea>
                <p class="hint" id="plan-intro-hint">{tr!(i18n, interviews.intro_hint)}</p>
            </div>
            <div class="field">
                <label for="plan-hopes">{tr!(i18n, interviews.hopes)}</label>
                <textarea id="plan-hopes" rows="2" maxlength=MAX_TEXT_CHARS prop:value=move || plan().hopes on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|p| p.hopes = v) }></textarea>
            </div>
        </section>
    }
    .into_any()
}

/// The time budget as a bar and a sentence; a warning when the plan runs over.
#[component]
pub fn BudgetBar(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let budget = Memo::new(move |_| editor.record.with(|p| p.as_ref().map(Budget::of)));
    let width = move |part: u32| {
        budget
            .get()
            .map(|b| {
                let scale = b.total().max(b.planned).max(1);
                format!("{:.2}%", f64::from(part) * 100.0 / f64::from(scale))
            })
            .unwrap_or_default()
    };
    let marker = move || {
        budget
            .get()
            .map(|b| {
                let scale = b.total().max(b.planned).max(1);
                format!("{:.2}%", f64::from(b.planned) * 100.0 / f64::from(scale))
            })
            .unwrap_or_default()
    };
    view! {
        <div class="budget">
            <div class="budget__bar" aria-hidden="true" class:budget__bar--over=move || budget.get().is_some_and(|b| b.over() > 0)>
                <span class="budget__part budget__part--talk" style:width=move || width(budget.get().map_or(0, |b| b.small_talk))></span>
                <span class="budget__part budget__part--questions" style:width=move || width(budget.get().map_or(0, |b| b.questions))></span>
                <span class="budget__part budget__part--wrap" style:width=move || width(budget.get().map_or(0, |b| b.wrap_up))></span>
                <span class="budget__marker" style:left=marker></span>
            </div>
            <p class="budget__legend">
                {move || budget.get().map(|b| t_string!(i18n, interviews.budget.parts, talk = b.small_talk, questions = b.questions, wrap = b.wrap_up).to_string())}
            </p>
            {move || budget.get().map(|b| if b.over() > 0 {
                view! {
                    <p class="budget__status budget__status--over" role="alert">
                        <strong>{t!(i18n, interviews.budget.over, over = b.over(), total = b.total(), planned = b.planned)}</strong>
                        " "{tr!(i18n, interviews.budget.over_hint)}
                    </p>
                }.into_any()
            } else {
                view! {
                    <p class="budget__status" role="status">
                        {t!(i18n, interviews.budget.fits, total = b.total(), planned = b.planned, left = b.left())}
                    </p>
                }.into_any()
            })}
            {move || budget.get().is_some_and(|b| b.longer_than_usual()).then(|| view! {
                <p class="hint">{tr!(i18n, interviews.budget.long)}</p>
            })}
        </div>
    }
}

#[component]
fn DeletePlan(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let data = use_data();
    let feedback = use_feedback();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let delete = move |_| {
        let Some(plan) = editor.record.get_untracked() else {
            return;
        };
        let navigate = navigate.clone();
        let id = plan.meta.id.clone();
        delete_with_undo(
            data,
            feedback,
            plan,
            t_string!(i18n, interviews.deleted).to_string(),
            move || {
                store.remove_plan(&id);
                navigate("/interviews", Default::default());
            },
            move |p| store.put_plan(p),
        );
    };
    view! {
        <section class="card danger-zone" aria-labelledby="plan-delete-h">
            <h2 id="plan-delete-h">{tr!(i18n, interviews.delete_title)}</h2>
            {move || if asking.get() {
                view! {
                    <p role="alert">{tr!(i18n, interviews.delete_confirm)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--danger" on:click=delete.clone()>{tr!(i18n, interviews.delete_yes)}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>{tr!(i18n, interviews.cancel)}</button>
                    </div>
                }.into_any()
            } else {
                view! { <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>{tr!(i18n, interviews.delete)}</button> }.into_any()
            }}
        </section>
    }
}
