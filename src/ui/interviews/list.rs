//! The interviews overview: plans by stage, templates to start from, and the way to the
//! question library.

use leptos::prelude::*;

use super::parts::{person_of, stage_label};
use super::store::use_interviews;
use crate::domain::interviews::plan::{prep_progress, stage, Stage};
use crate::domain::interviews::template::{own_templates, BUILTIN_TEMPLATES};
use crate::domain::record::{InterviewPlan, Template};
use crate::domain::sorting::sort_by_key;
use crate::i18n::*;
use crate::ui::common::dates::when_text;
use crate::ui::data::use_data;
use crate::ui::editor::delete_with_undo;
use crate::ui::feedback::use_feedback;
use crate::ui::library_store::use_library;
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

/// One plan as a list row: whom, when, stage and preparation.
#[component]
pub fn PlanRow(plan: InterviewPlan) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let person = person_of(&plan);
    let person = if person.is_empty() {
        t_string!(i18n, interviews.unnamed).to_string()
    } else {
        person
    };
    let (done, total) = prep_progress(&plan);
    let stage = stage(&plan);
    let when = plan.scheduled.map(|at| when_text(i18n, at));
    let href = app_path(&format!("/interviews/{}", plan.meta.id));
    let goal = plan.goal.lines().next().unwrap_or_default().to_string();
    view! {
        <li class="plan-row">
            <a href=href class="plan-row__name">{person}</a>
            <span class="plan-row__meta">
                {when.map(|w| view! { <span>{w}</span> })}
                <span class="badge">{stage_label(i18n, stage)}</span>
                {(stage < Stage::Held).then(|| view! {
                    <span class=move || if done == total { "prep prep--done" } else { "prep" }>
                        {t!(i18n, interviews.prep.progress, done = done, total = total)}
                    </span>
                })}
            </span>
            {(!goal.is_empty()).then(|| view! { <span class="plan-row__goal muted">{goal}</span> })}
        </li>
    }
}

/// `/interviews`.
#[component]
pub fn InterviewsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let library = use_library();
    use_page_title(move || t_string!(i18n, interviews.title).to_string());
    let groups = Memo::new(move |_| {
        store.plans.with(|plans| {
            let mut active: Vec<InterviewPlan> = Vec::new();
            let mut drafts = Vec::new();
            let mut done = Vec::new();
            for p in plans {
                match stage(p) {
                    Stage::Draft => drafts.push(p.clone()),
                    Stage::Done => done.push(p.clone()),
                    _ => active.push(p.clone()),
                }
            }
            sort_by_key(&mut active, |p| p.scheduled);
            sort_by_key(&mut drafts, |p| std::cmp::Reverse(p.meta.updated));
            sort_by_key(&mut done, |p| std::cmp::Reverse(p.scheduled));
            (active, drafts, done)
        })
    });
    let section = move |title: String, list: Vec<InterviewPlan>, id: &'static str| {
        (!list.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    <ul class="list-plain plan-list">
                        {list.into_iter().map(|p| view! { <PlanRow plan=p /> }).collect_view()}
                    </ul>
                </section>
            }
        })
    };
    view! {
        <h1>{tr!(i18n, interviews.title)}</h1>
        <p class="lead">{tr!(i18n, interviews.lead)}</p>
        <p class="button-row">
            <AppLink href="/interviews/new" class="button">{tr!(i18n, interviews.new_plan)}</AppLink>
            <AppLink href="/interviews/questions" class="button button--secondary">{tr!(i18n, interviews.library.title)}</AppLink>
        </p>
        {move || {
            if !store.loaded.get() {
                return view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any();
            }
            let (active, drafts, done) = groups.get();
            if active.is_empty() && drafts.is_empty() && done.is_empty() {
                return view! {
                    <section class="card empty-state" aria-labelledby="interviews-empty">
                        <h2 id="interviews-empty">{tr!(i18n, interviews.empty.title)}</h2>
                        <p>{tr!(i18n, interviews.empty.text)}</p>
                        <ul class="checklist">
                            <li>{tr!(i18n, interviews.empty.point_short)}</li>
                            <li>{tr!(i18n, interviews.empty.point_questions)}</li>
                            <li>{tr!(i18n, interviews.empty.point_after)}</li>
                        </ul>
                    </section>
                }.into_any();
            }
            view! {
                {section(t_string!(i18n, interviews.group.active).to_string(), active, "plans-active")}
                {section(t_string!(i18n, interviews.group.drafts).to_string(), drafts, "plans-drafts")}
                {section(t_string!(i18n, interviews.group.done).to_string(), done, "plans-done")}
            }.into_any()
        }}
        // Shown with the plans, not before them: the plans fill in above once the store
        // has loaded, and would push a section already on screen down (a layout shift).
        <Show when=move || store.loaded.get() && library.loaded.get()>
            <TemplateSection />
        </Show>
    }
}

/// Built-in and own templates to start a plan from.
#[component]
fn TemplateSection() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_library();
    let data = use_data();
    let feedback = use_feedback();
    let app_path = use_app_path();
    let templates = Memo::new(move |_| {
        store.templates.with(|t| {
            own_templates(t)
                .into_iter()
                .cloned()
                .collect::<Vec<Template>>()
        })
    });
    let delete_template = move |t: Template| {
        let id = t.meta.id.clone();
        delete_with_undo(
            data,
            feedback,
            t,
            t_string!(i18n, interviews.templates.deleted).to_string(),
            move || store.remove_template(&id),
            move |t| store.put_template(t),
        );
    };
    view! {
        <section class="card" aria-labelledby="templates">
            <h2 id="templates">{tr!(i18n, interviews.templates.title)}</h2>
            <p class="muted">{tr!(i18n, interviews.templates.lead)}</p>
            <ul class="list-plain template-list">
                {BUILTIN_TEMPLATES.iter().map(|t| {
                    let href = app_path(&format!("/interviews/new?template={}", t.id));
                    view! {
                        <li>
                            <a href=href>{move || t.name(i18n.lang()).to_string()}</a>
                            <span class="muted">{t!(i18n, interviews.templates.minutes, minutes = t.duration)}</span>
                        </li>
                    }
                }).collect_view()}
                <For each=move || templates.get() key=|t| (t.meta.id.clone(), t.meta.revision) children=move |t| {
                    let href = app_path(&format!("/interviews/new?template={}", t.meta.id));
                    let name = t.name.clone();
                    let label = t_string!(i18n, interviews.templates.delete, name = name.clone()).to_string();
                    view! {
                        <li>
                            <a href=href>{name}</a>
                            <span class="muted">{tr!(i18n, interviews.templates.own)}</span>
                            <button type="button" class="button button--quiet" aria-label=label on:click=move |_| delete_template(t.clone())>
                                {tr!(i18n, interviews.remove)}
                            </button>
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}
