//! The plan builder's form for a question of the user's own: added to the plan, and if
//! wanted kept in the question library for later plans.

use leptos::prelude::*;

use super::parts::{family_label, question_error_text, PlanEditor};
use crate::domain::code::{Code, Coded};
use crate::domain::interviews::library::Family;
use crate::domain::interviews::plan::{
    add_item, own_item, typed_question, DEFAULT_MINUTES, MAX_DURATION,
};
use crate::domain::record::{Meta, Question, MAX_LINE_CHARS};
use crate::i18n::*;
use crate::ui::common::select::EnumSelect;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::feedback::{report_save, use_feedback};
use crate::ui::library_store::use_library;

/// Adds a question the user words themselves to the plan.
#[component]
pub fn OwnQuestionForm(
    /// The plan being built.
    editor: PlanEditor,
    /// Where the builder announces what changed, for screen readers.
    announce: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let library = use_library();
    let data = use_data();
    let feedback = use_feedback();
    let own_text = RwSignal::new(String::new());
    let own_minutes = RwSignal::new(DEFAULT_MINUTES.to_string());
    let own_save = RwSignal::new(false);
    // The key, in a signal of text: a signal of a type of its own would bring its own
    // reactive code into the download.
    let own_family = RwSignal::new(Family::Advice.key().to_string());
    let own_error = RwSignal::new(None::<String>);
    let add_own = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (text, minutes) =
            match typed_question(&own_text.get_untracked(), &own_minutes.get_untracked()) {
                Ok(typed) => typed,
                Err(e) => {
                    own_error.set(Some(question_error_text(i18n, e)));
                    return;
                }
            };
        own_error.set(None);
        let mut item = own_item(&text, minutes);
        if own_save.get_untracked() {
            let q = Question {
                meta: Meta::new(new_id(), now()),
                text: text.clone(),
                family: Coded::from(own_family.get_untracked()),
                minutes,
                hint: String::new(),
                archived: false,
            };
            item.question_id = Some(q.meta.id.clone());
            // Not stored (the database is unavailable, which `database` reports): the
            // question is still added to this plan.
            if let Some(db) = feedback.database(data) {
                leptos::task::spawn_local(async move {
                    match db.save(q, now()).await {
                        Ok(saved) => {
                            library.put_question(saved);
                            data.changed();
                        }
                        Err(e) => feedback.error(report_save(e)),
                    }
                });
            }
        }
        editor.edit(|p| {
            add_item(&mut p.items, item);
        });
        announce.set(t_string!(i18n, interviews.builder.added, question = text).to_string());
        own_text.set(String::new());
    };
    view! {
        <form class="own-question" novalidate on:submit=add_own>
            <h3>{tr!(i18n, interviews.builder.own_title)}</h3>
            <div class="field-row">
                <div class="field field--grow">
                    <label for="own-text">{tr!(i18n, interviews.builder.own_text)}</label>
                    <input id="own-text" type="text" maxlength=MAX_LINE_CHARS prop:value=move || own_text.get() on:input=move |ev| own_text.set(event_target_value(&ev)) />
                </div>
                <div class="field field--narrow">
                    <label for="own-minutes">{tr!(i18n, interviews.builder.own_minutes)}</label>
                    <input id="own-minutes" type="number" min="1" max=MAX_DURATION inputmode="numeric" prop:value=move || own_minutes.get() on:input=move |ev| own_minutes.set(event_target_value(&ev)) />
                </div>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=move || own_save.get() on:change=move |ev| own_save.set(event_target_checked(&ev)) />
                {tr!(i18n, interviews.builder.own_save)}
            </label>
            {move || own_save.get().then(|| view! {
                <div class="field">
                    <label for="own-family">{tr!(i18n, interviews.library.family)}</label>
                    <EnumSelect id="own-family" label=family_label
                        value={move || Some(Coded::from(own_family.get()))}
                        on_pick={move |f: Option<Family>| if let Some(f) = f { own_family.set(f.key().to_string()) }} />
                </div>
            })}
            {move || own_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit" class="button button--secondary">{tr!(i18n, interviews.builder.own_add)}</button>
        </form>
    }
}
