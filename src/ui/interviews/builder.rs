//! The plan's question builder: the questions in order (drag or arrow buttons), the
//! library to add from, a question of one's own, and saving the questions as a template.

use leptos::prelude::*;

use super::own_question::OwnQuestionForm;
use super::parts::{family_label, PlanEditor};
use super::plan::BudgetBar;
use super::save_template::SavePlanAsTemplate;
use super::search::{LibraryQuery, LibraryQueryFields};
use crate::domain::interviews::plan::{
    add_item, contains, item_of, move_down, move_item, move_up, MAX_DURATION,
};
use crate::domain::record::PlanItem;
use crate::i18n::*;
use crate::ui::common::focus::focus_after_render;

/// The plan's questions in order, and the ways to add to them.
#[component]
pub fn Builder(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    let items = Memo::new(move |_| {
        editor
            .record
            .with(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default())
    });
    let announce = RwSignal::new(String::new());
    let dragging = RwSignal::new(None::<usize>);
    let over = RwSignal::new(None::<usize>);
    let moved = move |to: usize, total: usize| {
        announce.set(
            t_string!(
                i18n,
                interviews.builder.moved,
                position = to + 1,
                total = total
            )
            .to_string(),
        );
    };
    let up = move |at: usize| {
        let mut result = None;
        editor.edit(|p| result = move_up(&mut p.items, at).map(|to| (to, p.items.len())));
        if let Some((to, total)) = result {
            moved(to, total);
            focus_after_render(if to == 0 {
                format!("q-down-{to}")
            } else {
                format!("q-up-{to}")
            });
        }
    };
    let down = move |at: usize| {
        let mut result = None;
        editor.edit(|p| result = move_down(&mut p.items, at).map(|to| (to, p.items.len())));
        if let Some((to, total)) = result {
            moved(to, total);
            focus_after_render(if to + 1 == total {
                format!("q-up-{to}")
            } else {
                format!("q-down-{to}")
            });
        }
    };
    let remove = move |at: usize| {
        let mut text = String::new();
        editor.edit(|p| {
            if at < p.items.len() {
                text = p.items.remove(at).text
            }
        });
        announce.set(t_string!(i18n, interviews.builder.removed, question = text).to_string());
    };
    let drop_at = move |to: usize| {
        if let Some(from) = dragging.get_untracked() {
            let mut result = None;
            editor
                .edit(|p| result = move_item(&mut p.items, from, to).map(|to| (to, p.items.len())));
            if let Some((to, total)) = result {
                moved(to, total);
            }
        }
        dragging.set(None);
        over.set(None);
    };
    view! {
        <section class="card" aria-labelledby="plan-questions-h">
            <h2 id="plan-questions-h">{tr!(i18n, interviews.builder.title)}</h2>
            <BudgetBar editor=editor />
            <p class="hint">{tr!(i18n, interviews.builder.reorder_hint)}</p>
            <ol class="list-plain question-list" aria-labelledby="plan-questions-h">
                <For
                    each=move || items.get().into_iter().enumerate()
                    key=|(at, item)| (*at, item.text.clone(), item.question_id.clone())
                    children=move |(at, item)| view! {
                        <QuestionRow editor at item items dragging over
                            up down remove drop_at />
                    }
                />
            </ol>
            {move || items.with(Vec::is_empty).then(|| view! { <p class="muted">{tr!(i18n, interviews.builder.empty)}</p> })}
            <p class="visually-hidden" role="status" aria-live="polite">{move || announce.get()}</p>
            <LibraryPicker editor=editor announce=announce />
            <OwnQuestionForm editor announce />
            <SavePlanAsTemplate editor />
        </section>
    }
}

/// One question of the plan: drag it, change its minutes, move it up or down, remove it.
#[component]
fn QuestionRow(
    editor: PlanEditor,
    /// Its position.
    at: usize,
    item: PlanItem,
    items: Memo<Vec<PlanItem>>,
    /// The position being dragged, and the one it is over.
    dragging: RwSignal<Option<usize>>,
    over: RwSignal<Option<usize>>,
    up: impl Fn(usize) + Copy + Send + Sync + 'static,
    down: impl Fn(usize) + Copy + Send + Sync + 'static,
    remove: impl Fn(usize) + Copy + Send + Sync + 'static,
    drop_at: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = at + 1;
    let last = move || items.with(|l| at + 1 >= l.len());
    view! {
        <li class="question-item"
            class:question-item--over=move || over.get() == Some(at) && dragging.get() != Some(at)
            class:question-item--dragging=move || dragging.get() == Some(at)
            draggable="true"
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data("text/plain", &at.to_string());
                    dt.set_effect_allowed("move");
                }
                dragging.set(Some(at));
            }
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(Some(at)); }
            on:drop=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drop_at(at); }
            on:dragend=move |_| { dragging.set(None); over.set(None); }
        >
            <span class="question-item__handle" aria-hidden="true">"⠿"</span>
            <span class="question-item__number">{n}"."</span>
            <span class="question-item__text">{item.text.clone()}</span>
            <label class="question-item__minutes">
                <span class="visually-hidden">{t!(i18n, interviews.builder.minutes_of, n = n)}</span>
                <input type="number" min="1" max=MAX_DURATION inputmode="numeric" prop:value=item.minutes.to_string()
                    on:input=move |ev| {
                        if let Ok(m) = event_target_value(&ev).trim().parse::<u32>() {
                            if (1..=MAX_DURATION).contains(&m) { editor.edit(|p| if let Some(i) = p.items.get_mut(at) { i.minutes = m }); }
                        }
                    } />
                <span aria-hidden="true">{tr!(i18n, interviews.min)}</span>
            </label>
            <span class="question-item__buttons">
                <button type="button" class="icon-button" id=format!("q-up-{at}") disabled={at == 0}
                    aria-label=t_string!(i18n, interviews.builder.move_up, n = n).to_string() on:click=move |_| up(at)>"↑"</button>
                <button type="button" class="icon-button" id=format!("q-down-{at}") disabled=last
                    aria-label=t_string!(i18n, interviews.builder.move_down, n = n).to_string() on:click=move |_| down(at)>"↓"</button>
                <button type="button" class="icon-button"
                    aria-label=t_string!(i18n, interviews.builder.remove, n = n).to_string() on:click=move |_| remove(at)>"×"</button>
            </span>
        </li>
    }
}

#[component]
fn LibraryPicker(editor: PlanEditor, announce: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let query = LibraryQuery::new();
    let shown = query.results;
    view! {
        <details class="library-picker">
            <summary>{tr!(i18n, interviews.builder.from_library)}</summary>
            <LibraryQueryFields query=query id="lib" />
            <ul class="list-plain library-results">
                <For each=move || shown.get() key=|e| e.id.clone() children=move |e| {
                    let id = e.id.clone();
                    let added = Memo::new(move |_| editor.record.with(|p| p.as_ref().is_some_and(|p| contains(&p.items, &id))));
                    let question = e.text.clone();
                    let label = move || if added.get() {
                        t_string!(i18n, interviews.builder.in_plan_named, question = question.clone()).to_string()
                    } else {
                        t_string!(i18n, interviews.builder.add_named, question = question.clone()).to_string()
                    };
                    let entry = e.clone();
                    view! {
                        <li class="library-entry">
                            <span class="library-entry__text">{e.text.clone()}</span>
                            <span class="library-entry__meta muted">{family_label(i18n, e.family)}" · "{t!(i18n, interviews.minutes, minutes = e.minutes)}</span>
                            {(!e.hint.is_empty()).then(|| view! { <span class="library-entry__hint hint">{e.hint.clone()}</span> })}
                            <button type="button" class="button button--secondary" aria-label=label disabled=move || added.get()
                                on:click=move |_| {
                                    let item = item_of(&entry);
                                    let text = item.text.clone();
                                    editor.edit(|p| { add_item(&mut p.items, item); });
                                    announce.set(t_string!(i18n, interviews.builder.added, question = text).to_string());
                                }>
                                {move || if added.get() { t_string!(i18n, interviews.builder.in_plan) } else { t_string!(i18n, interviews.builder.add) }}
                            </button>
                        </li>
                    }
                } />
            </ul>
        </details>
    }
}
