//! The question library: built-in questions (which can be hidden, not destroyed) and the
//! user's own (added, edited, archived), searchable and filtered by family.

use leptos::prelude::*;

use super::parts::{family_label, question_error_text};
use super::search::{LibraryQuery, LibraryQueryFields};
use crate::domain::code::{Code, Coded};
use crate::domain::interviews::library::{Entry, Family};
use crate::domain::interviews::plan::{typed_question, DEFAULT_MINUTES, MAX_DURATION};
use crate::domain::record::{Meta, Question, MAX_LINE_CHARS};
use crate::i18n::*;
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::EnumSelect;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::library_store::use_library;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// `/interviews/questions`.
#[component]
pub fn QuestionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_library();
    let data = use_data();
    let feedback = use_feedback();
    let app_path = use_app_path();
    use_page_title(move || t_string!(i18n, interviews.library.title).to_string());
    let query = LibraryQuery::new();
    let show_hidden = query.show_hidden;
    let shown = query.results;
    let editing = RwSignal::new(None::<String>);
    // Saves a question record: an own question, or a built-in's hidden state.
    let save = move |q: Question, done: &'static str| {
        let Some(db) = feedback.database(data) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match db.save(q, now()).await {
                Ok(saved) => {
                    store.put_question(saved);
                    data.changed();
                    let msg = match done {
                        "hidden" => t_string!(i18n, interviews.library.hidden_done),
                        "shown" => t_string!(i18n, interviews.library.shown_done),
                        "archived" => t_string!(i18n, interviews.library.archived_done),
                        _ => t_string!(i18n, interviews.library.saved_done),
                    };
                    feedback.toast(msg.to_string());
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    let toggle_hidden = move |e: Entry| {
        let stored = store
            .questions
            .with_untracked(|q| q.iter().find(|q| q.meta.id == e.id).cloned());
        let hide = !e.hidden;
        let q = match stored {
            Some(mut q) => {
                q.archived = hide;
                q
            }
            // A built-in's state is a record under the built-in's id; it keeps only the flag.
            None => Question {
                meta: Meta::new(e.id.clone(), now()),
                text: e.text.clone(),
                family: e.family.into(),
                minutes: e.minutes,
                hint: String::new(),
                archived: hide,
            },
        };
        let what = match (hide, e.own) {
            (true, true) => "archived",
            (true, false) => "hidden",
            (false, _) => "shown",
        };
        save(q, what);
    };
    view! {
        <p class="breadcrumb"><a href=app_path("/interviews")>{tr!(i18n, interviews.title)}</a></p>
        <h1>{tr!(i18n, interviews.library.title)}</h1>
        <p class="lead">{tr!(i18n, interviews.library.lead)}</p>
        <QuestionForm editing=editing on_save=Callback::new(move |q: Question| save(q, "saved")) />
        <section class="card" aria-labelledby="library-list-h">
            <h2 id="library-list-h">{tr!(i18n, interviews.library.questions)}</h2>
            <LibraryQueryFields query=query id="library" />
            <label class="choice">
                <input type="checkbox" prop:checked=move || show_hidden.get() on:change=move |ev| show_hidden.set(event_target_checked(&ev)) />
                {tr!(i18n, interviews.library.show_hidden)}
            </label>
            <p class="muted" role="status">{move || t_string!(i18n, interviews.library.count, count = shown.with(Vec::len)).to_string()}</p>
            <ul class="list-plain library-results">
                <For each=move || shown.get() key=|e| (e.id.clone(), e.text.clone(), e.hidden, e.minutes, e.family) children=move |e| {
                    let entry = e.clone();
                    let edit_id = e.id.clone();
                    let toggle_label = match (e.own, e.hidden) {
                        (true, false) => t_string!(i18n, interviews.library.archive, question = e.text.clone()).to_string(),
                        (false, false) => t_string!(i18n, interviews.library.hide, question = e.text.clone()).to_string(),
                        (_, true) => t_string!(i18n, interviews.library.show, question = e.text.clone()).to_string(),
                    };
                    let toggle_text = match (e.own, e.hidden) {
                        (true, false) => t_string!(i18n, interviews.library.archive_short),
                        (false, false) => t_string!(i18n, interviews.library.hide_short),
                        (_, true) => t_string!(i18n, interviews.library.show_short),
                    };
                    let edit_label = t_string!(i18n, interviews.library.edit, question = e.text.clone()).to_string();
                    view! {
                        <li class="library-entry" class:library-entry--hidden=e.hidden>
                            <span class="library-entry__text">{e.text.clone()}</span>
                            <span class="library-entry__meta muted">
                                {family_label(i18n, e.family)}" · "{t!(i18n, interviews.minutes, minutes = e.minutes)}
                                {e.own.then(|| view! { " · "{tr!(i18n, interviews.library.own)} })}
                                {e.hidden.then(|| view! { " · "{if e.own { t_string!(i18n, interviews.library.archived) } else { t_string!(i18n, interviews.library.hidden) }} })}
                            </span>
                            {(!e.hint.is_empty()).then(|| view! { <span class="library-entry__hint hint">{e.hint.clone()}</span> })}
                            <span class="button-row">
                                {e.own.then(|| view! {
                                    <button type="button" class="button button--secondary" aria-label=edit_label on:click=move |_| {
                                        editing.set(Some(edit_id.clone()));
                                        request_animation_frame(|| {

                                            focus_id("question-text");
                                        });
                                    }>{tr!(i18n, interviews.library.edit_short)}</button>
                                })}
                                <button type="button" class="button button--secondary" aria-label=toggle_label on:click=move |_| toggle_hidden(entry.clone())>{toggle_text}</button>
                            </span>
                        </li>
                    }
                } />
            </ul>
        </section>
    }
}

/// Adds an own question, or edits the one in `editing`.
#[component]
fn QuestionForm(editing: RwSignal<Option<String>>, on_save: Callback<Question>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_library();
    let text = RwSignal::new(String::new());
    // The key, in a signal of text: a signal of a type of its own would bring its own
    // reactive code into the download.
    let family = RwSignal::new(Family::Advice.key().to_string());
    let minutes = RwSignal::new(DEFAULT_MINUTES.to_string());
    let hint = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let editing_question = Memo::new(move |_| {
        editing.get().and_then(|id| {
            store
                .questions
                .with(|q| q.iter().find(|q| q.meta.id == id).cloned())
        })
    });
    // Choosing a question to edit fills the form once; typing afterwards is the user's.
    Effect::new(move |_| {
        if let Some(q) = editing_question.get() {
            text.set(q.text.clone());
            family.set(q.family.key().to_string());
            minutes.set(q.minutes.to_string());
            hint.set(q.hint.clone());
        }
    });
    let reset = move || {
        editing.set(None);
        text.set(String::new());
        minutes.set(DEFAULT_MINUTES.to_string());
        hint.set(String::new());
        error.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (t, m) = match typed_question(&text.get_untracked(), &minutes.get_untracked()) {
            Ok(typed) => typed,
            Err(e) => {
                error.set(Some(question_error_text(i18n, e)));
                return;
            }
        };
        let mut q = editing_question
            .get_untracked()
            .unwrap_or_else(|| Question {
                meta: Meta::new(new_id(), now()),
                text: String::new(),
                family: Family::Advice.into(),
                minutes: DEFAULT_MINUTES,
                hint: String::new(),
                archived: false,
            });
        q.text = t;
        q.family = Coded::from(family.get_untracked());
        q.minutes = m;
        q.hint = hint.get_untracked().trim().to_string();
        on_save.run(q);
        reset();
    };
    view! {
        <form class="card stack" novalidate on:submit=submit>
            <h2>{move || if editing.with(Option::is_some) { t_string!(i18n, interviews.library.edit_title) } else { t_string!(i18n, interviews.library.add_title) }}</h2>
            <div class="field">
                <label for="question-text">{tr!(i18n, interviews.library.text)}</label>
                <input id="question-text" type="text" maxlength=MAX_LINE_CHARS prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="question-family">{tr!(i18n, interviews.library.family)}</label>
                    <EnumSelect id="question-family" label=family_label
                        value={move || Some(Coded::from(family.get()))}
                        on_pick={move |f: Option<Family>| if let Some(f) = f { family.set(f.key().to_string()) }} />
                </div>
                <div class="field field--narrow">
                    <label for="question-minutes">{tr!(i18n, interviews.builder.own_minutes)}</label>
                    <input id="question-minutes" type="number" min="1" max=MAX_DURATION inputmode="numeric" prop:value=move || minutes.get() on:input=move |ev| minutes.set(event_target_value(&ev)) />
                </div>
            </div>
            <div class="field">
                <label for="question-hint">{tr!(i18n, interviews.library.hint)}</label>
                <input id="question-hint" type="text" maxlength=MAX_LINE_CHARS prop:value=move || hint.get() on:input=move |ev| hint.set(event_target_value(&ev)) />
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="button-row">
                <button type="submit" class="button">{move || if editing.with(Option::is_some) { t_string!(i18n, interviews.library.save) } else { t_string!(i18n, interviews.library.add) }}</button>
                {move || editing.with(Option::is_some).then(|| view! { <button type="button" class="button button--secondary" on:click=move |_| reset()>{tr!(i18n, interviews.cancel)}</button> })}
            </div>
        </form>
    }
}
