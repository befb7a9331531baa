//! Conduct mode: a calm full-screen view for the conversation. The current question
//! large, the rest in order, an elapsed timer against the plan, an answer note per
//! question, and quick capture of people suggested and promises made. Everything saves
//! itself while typing; the timer runs from the stored start, so a reload loses nothing.

use std::time::Duration;

use chrono::{DateTime, Utc};

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::parts::{person_memo, plan_editor, PlanEditor};
use super::plan::plan_id;
use super::store::use_interviews;
use crate::domain::interviews::plan::{
    asked_count, clock_text, current_index, elapsed_seconds, next_open, stage, Budget, ItemState,
    Stage,
};
use crate::domain::record::{PlanItem, SuggestedPerson, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::focus::focus_after_render;
use crate::ui::data::now;
use crate::ui::editor::{SaveStatus, WhenFound};
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// `/interviews/:id/conduct`.
#[component]
pub fn ConductPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let editor = plan_editor(plan_id());
    let person = person_memo(editor, true);
    use_page_title(move || {
        t_string!(i18n, interviews.conduct.title, name = person.get()).to_string()
    });
    // Only finding (or losing) the plan re-renders the screen, not every keystroke in it.
    let has_plan = Memo::new(move |_| editor.record.with(Option::is_some));
    // Opening conduct mode starts the clock, once; the start is stored with the plan.
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        let fresh = editor.record.with(|p| {
            p.as_ref()
                .map(|p| p.started.is_none() && stage(p) < Stage::Held)
        });
        if fresh == Some(true) && !started.get_value() {
            started.set_value(true);
            editor.edit(|p| p.started = Some(now()));
        }
    });
    view! {
        <WhenFound loaded=store.loaded found=has_plan back_href=use_app_path()("/interviews")
            missing=move || t_string!(i18n, interviews.not_found).to_string()
            back_text=tr!(i18n, interviews.back)>
            <Conduct editor=editor person=person />
        </WhenFound>
    }
}

#[component]
fn Conduct(editor: PlanEditor, person: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let _app_path = use_app_path();
    let navigate = use_navigate();
    let id = editor
        .record
        .with_untracked(|p| p.as_ref().map(|p| p.meta.id.clone()).unwrap_or_default());
    let clock = RwSignal::new(now());
    if let Ok(handle) = set_interval_with_handle(move || clock.set(now()), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let items = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default())
    });
    let selected = RwSignal::new(editor.record.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| current_index(&p.items))
            .unwrap_or(0)
    }));
    let finished = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().is_some_and(|p| p.finished.is_some()))
    });
    let mark = move |state: ItemState| {
        let at = selected.get_untracked();
        let mut next = None;
        editor.edit(|p| {
            if let Some(item) = p.items.get_mut(at) {
                item.state = state.into();
            }
            next = next_open(&p.items, at);
        });
        if let Some(n) = next {
            selected.set(n);
        }
        focus_after_render("conduct-answer");
    };
    let wrap_path = format!("/interviews/{id}/wrap-up");
    let end = move |()| {
        editor.edit(|p| {
            if p.finished.is_none() {
                p.finished = Some(now());
            }
        });
        editor.flush();
        navigate(&wrap_path, Default::default());
    };
    let current = move || items.with(|l| l.get(selected.get()).cloned());
    // The answer field must survive typing into it: it re-renders only when a question
    // appears or disappears, not with every change of the plan.
    let has_current = Memo::new(move |_| items.with(|l| selected.get() < l.len()));
    view! {
        <div class="conduct">
            <ConductBar editor person items finished clock end=Callback::new(end) />
            <div class="conduct__body">
                <section class="conduct__main" aria-labelledby="conduct-current">
                    {move || current().map(|item| {
                        let state = item.state.or(ItemState::Open);
                        view! {
                            <p class="conduct__number">{move || t_string!(i18n, interviews.conduct.question_of, n = selected.get() + 1, total = items.with(Vec::len)).to_string()}
                                {state_label(i18n, state).map(|s| view! { " · "<span class="badge">{s}</span> })}
                            </p>
                            <h2 id="conduct-current" class="conduct__question">{item.text.clone()}</h2>
                        }
                    })}
                    {move || has_current.get().then(|| view! {
                        <div class="field">
                            <label for="conduct-answer">{tr!(i18n, interviews.conduct.answer)}</label>
                            <textarea id="conduct-answer" rows="7" maxlength=MAX_TEXT_CHARS
                                prop:value=move || items.with(|l| l.get(selected.get()).map(|i| i.answer.clone()).unwrap_or_default())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    let at = selected.get_untracked();
                                    editor.edit(|p| if let Some(i) = p.items.get_mut(at) { i.answer = v });
                                }></textarea>
                        </div>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| mark(ItemState::Asked)>{tr!(i18n, interviews.conduct.asked_next)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| mark(ItemState::Skipped)>{tr!(i18n, interviews.conduct.skip)}</button>
                        </div>
                    })}
                    {move || items.with(Vec::is_empty).then(|| view! { <p>{tr!(i18n, interviews.conduct.no_questions)}</p> })}
                    <QuestionList items selected />
                </section>
                <aside class="conduct__side">
                    <Suggested editor=editor />
                    <Promised editor=editor />
                </aside>
            </div>
        </div>
    }
}

/// The bar above the conversation: who, the time taken against the time planned, how
/// many questions were asked, and the way out (to the plan, or ending it).
#[component]
fn ConductBar(
    editor: PlanEditor,
    person: Memo<String>,
    items: Memo<Vec<PlanItem>>,
    finished: Memo<bool>,
    clock: RwSignal<DateTime<Utc>>,
    end: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let id = editor
        .record
        .with_untracked(|p| p.as_ref().map(|p| p.meta.id.clone()).unwrap_or_default());
    let elapsed = move || {
        editor
            .record
            .with(|p| p.as_ref().map(|p| elapsed_seconds(p, clock.get())))
            .unwrap_or(0)
    };
    let planned = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| Budget::of(p).planned))
            .unwrap_or(30)
    });
    let over_time = move || elapsed() > i64::from(planned.get()) * 60;
    view! {
    <header class="conduct__bar">
        <div>
            <h1 class="conduct__title">{move || t_string!(i18n, interviews.conduct.title, name = person.get()).to_string()}</h1>
            <SaveStatus editor=editor />
        </div>
        <p class="conduct__timer" class:conduct__timer--over=over_time>
            <span class="visually-hidden">{tr!(i18n, interviews.conduct.elapsed)}</span>
            <span role="timer" aria-live="off">{move || clock_text(elapsed())}</span>
            <span class="muted">" / "{move || clock_text(i64::from(planned.get()) * 60)}</span>
        </p>
        <p class="conduct__progress">{move || { let (a, t) = items.with(|l| asked_count(l)); t_string!(i18n, interviews.conduct.asked_of, asked = a, total = t).to_string() }}</p>
        <div class="button-row">
            <FullScreenToggle />
            <a class="button button--secondary" href=app_path(&format!("/interviews/{id}"))>{tr!(i18n, interviews.conduct.to_plan)}</a>
            <button type="button" class="button" on:click=move |_| end.run(())>
                {move || if finished.get() { t_string!(i18n, interviews.conduct.to_wrap_up) } else { t_string!(i18n, interviews.conduct.end) }}
            </button>
        </div>
    </header>
    }
}

/// Every question of the plan, marked asked or skipped; choosing one makes it current.
#[component]
fn QuestionList(items: Memo<Vec<PlanItem>>, selected: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
    <h2 class="conduct__list-title" id="conduct-all">{tr!(i18n, interviews.conduct.all)}</h2>
    <ol class="list-plain conduct__list" aria-labelledby="conduct-all">
        {move || items.get().into_iter().enumerate().map(|(at, item)| {
            let state = item.state.or(ItemState::Open);
            let mark = match state { ItemState::Asked => "✓", ItemState::Skipped => "–", ItemState::Open => "" };
            view! {
                <li>
                    <button type="button" class="conduct__item"
                        class:conduct__item--current=move || selected.get() == at
                        class:conduct__item--done=state != ItemState::Open
                        aria-current=move || (selected.get() == at).then_some("step")
                        on:click=move |_| selected.set(at)>
                        <span class="conduct__mark" aria-hidden="true">{mark}</span>
                        <span>{at + 1}". "{item.text.clone()}</span>
                        {state_label(i18n, state).map(|s| view! { <span class="visually-hidden">" ("{s}")"</span> })}
                    </button>
                </li>
            }
        }).collect_view()}
    </ol>
    }
}

/// "asked" or "skipped"; nothing for an open question.
fn state_label(i18n: I18n, state: ItemState) -> Option<String> {
    match state {
        ItemState::Asked => Some(t_string!(i18n, interviews.conduct.state_asked).to_string()),
        ItemState::Skipped => Some(t_string!(i18n, interviews.conduct.state_skipped).to_string()),
        ItemState::Open => None,
    }
}

#[component]
fn Suggested(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let may_mention = RwSignal::new(false);
    let people = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| p.suggested.clone()).unwrap_or_default())
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            return;
        }
        let person = SuggestedPerson {
            name: n,
            company: company.get_untracked().trim().to_string(),
            note: note.get_untracked().trim().to_string(),
            may_mention: may_mention.get_untracked(),
        };
        editor.edit(|p| p.suggested.push(person));
        name.set(String::new());
        company.set(String::new());
        note.set(String::new());
        may_mention.set(false);
    };
    view! {
        <section class="card" aria-labelledby="suggested-h">
            <h2 id="suggested-h">{tr!(i18n, interviews.conduct.suggested)}</h2>
            <ul class="list-plain capture-list">
                {move || people.get().into_iter().enumerate().map(|(at, p)| {
                    let label = t_string!(i18n, interviews.conduct.remove_named, name = p.name.clone()).to_string();
                    view! {
                        <li>
                            <span><strong>{p.name.clone()}</strong>{(!p.company.is_empty()).then(|| format!(" ({})", p.company))}
                                {(!p.note.is_empty()).then(|| view! { <br /><span class="muted">{p.note.clone()}</span> })}
                                {p.may_mention.then(|| view! { <br /><span class="muted">{tr!(i18n, interviews.conduct.may_mention_short)}</span> })}
                            </span>
                            <button type="button" class="icon-button" aria-label=label on:click=move |_| editor.edit(|p| { if at < p.suggested.len() { p.suggested.remove(at); } })>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="stack" novalidate on:submit=add>
                <div class="field">
                    <label for="sugg-name">{tr!(i18n, interviews.conduct.sugg_name)}</label>
                    <input id="sugg-name" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="sugg-company">{tr!(i18n, interviews.person_company)}</label>
                    <input id="sugg-company" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || company.get() on:input=move |ev| company.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="sugg-note">{tr!(i18n, interviews.conduct.sugg_note)}</label>
                    <input id="sugg-note" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                </div>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || may_mention.get() on:change=move |ev| may_mention.set(event_target_checked(&ev)) />
                    {tr!(i18n, interviews.conduct.may_mention)}
                </label>
                <button type="submit" class="button button--secondary" disabled=move || name.with(|n| n.trim().is_empty())>{tr!(i18n, interviews.conduct.add_person)}</button>
            </form>
        </section>
    }
}

#[component]
fn Promised(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let promised = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| p.promised.clone()).unwrap_or_default())
    });
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = text.get_untracked().trim().to_string();
        if t.is_empty() {
            return;
        }
        editor.edit(|p| p.promised.push(t));
        text.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="promised-h">
            <h2 id="promised-h">{tr!(i18n, interviews.conduct.promised)}</h2>
            <ul class="list-plain capture-list">
                {move || promised.get().into_iter().enumerate().map(|(at, p)| {
                    let label = t_string!(i18n, interviews.conduct.remove_named, name = p.clone()).to_string();
                    view! {
                        <li>
                            <span>{p}</span>
                            <button type="button" class="icon-button" aria-label=label on:click=move |_| editor.edit(|p| { if at < p.promised.len() { p.promised.remove(at); } })>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="stack" novalidate on:submit=add>
                <div class="field">
                    <label for="promise-text">{tr!(i18n, interviews.conduct.promise_text)}</label>
                    <input id="promise-text" type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--secondary" disabled=move || text.with(|n| n.trim().is_empty())>{tr!(i18n, interviews.conduct.add_promise)}</button>
            </form>
        </section>
    }
}

/// Puts the whole screen at the conversation's service (the browser's own bars hidden).
/// Shown only where the browser allows it; Escape leaves, as everywhere.
#[component]
fn FullScreenToggle() -> impl IntoView {
    let i18n = use_i18n();
    let document = document();
    let enabled = document.fullscreen_enabled();
    let full = RwSignal::new(document.fullscreen_element().is_some());
    // The browser leaves full screen on its own too (Escape, F11): follow it.
    let changed = window_event_listener_untyped("fullscreenchange", move |_| {
        full.set(leptos::prelude::document().fullscreen_element().is_some());
    });
    on_cleanup(move || {
        changed.remove();
        let document = leptos::prelude::document();
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    });
    let toggle = move |_| {
        let document = leptos::prelude::document();
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        } else if let Some(root) = document.document_element() {
            // Refused requests (no user gesture, a policy) leave the overlay as it is.
            let _ = root.request_fullscreen();
        }
    };
    enabled.then(|| {
        view! {
            <button type="button" class="button button--secondary" aria-pressed=move || full.get().to_string() on:click=toggle>
                {tr!(i18n, interviews.conduct.full_screen)}
            </button>
        }
    })
}
