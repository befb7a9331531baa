//! The form that logs an interaction on a contact's timeline, or corrects one.

use leptos::prelude::*;

use super::labels::interaction_label;
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::log::{logged, LogError, LogForm};
use crate::domain::format::iso_date;
use crate::domain::record::{Interaction, InteractionKind, Meta, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::dates::{DATE_MAX, DATE_MIN};
use crate::ui::common::field::{error_of, TextField};
use crate::ui::common::select::EnumSelect;
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::feedback::{problem_text, report_save, use_feedback};

/// The form that logs an interaction, or corrects one already logged (`existing`, with a
/// way to cancel); `on_done` runs after a successful save or the cancel.
#[component]
pub fn AddInteraction(
    #[prop(into)] contact_id: String,
    /// Prefix for element ids, so two forms can be on one page.
    #[prop(into)]
    id_prefix: String,
    #[prop(optional, into)] on_done: Option<Callback<()>>,
    #[prop(optional)] existing: Option<Interaction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    let editing = existing.is_some();
    // The kind's key, in a signal of text: a signal of a type of its own would bring its
    // own reactive code into the download.
    let (kind, date, summary, keywords) = match &existing {
        Some(e) => (
            e.kind.key().to_string(),
            iso_date(e.date),
            e.summary.clone(),
            e.keywords.join(", "),
        ),
        None => (
            InteractionKind::default().key().to_string(),
            iso_date(store.clock.get_untracked().today),
            String::new(),
            String::new(),
        ),
    };
    let [kind, date, summary, keywords] = [kind, date, summary, keywords].map(RwSignal::new);
    let existing = StoredValue::new(existing);
    // The message and the field it belongs to ("date" or "keywords").
    let error = RwSignal::new(None::<(&'static str, String)>);
    let creator = Creator::new();
    let saving = creator.busy;
    let id = contact_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let (d, text, words) = (
            date.get_untracked(),
            summary.get_untracked(),
            keywords.get_untracked(),
        );
        let form = LogForm {
            kind: InteractionKind::from_key(&kind.get_untracked()).unwrap_or_default(),
            date: &d,
            summary: &text,
            keywords: &words,
        };
        let today = store.clock.get_untracked().today;
        let base = existing.get_value();
        let record = match logged(form, &id, base.as_ref(), Meta::new(new_id(), now()), today) {
            Ok(record) => record,
            Err(e) => {
                error.set(Some((e.field(), log_error_text(i18n, &e))));
                return;
            }
        };
        error.set(None);
        let id = id.clone();
        creator.run(move |db| async move {
            match db.save(record, now()).await {
                Ok(_) => {
                    summary.set(String::new());
                    keywords.set(String::new());
                    feedback.reloaded(store.reload_contact(&id).await);
                    feedback.toast(if editing {
                        t_string!(i18n, contacts.timeline.updated)
                    } else {
                        t_string!(i18n, contacts.timeline.added)
                    });
                    if let Some(done) = on_done {
                        done.run(());
                    }
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    let p = id_prefix;
    let kind_id = format!("{p}-kind");
    view! {
        <form class="stack-form" on:submit=submit novalidate>
            <div class="field-row">
                <div class="field">
                    <label for=kind_id.clone()>{tr!(i18n, contacts.timeline.kind)}</label>
                    <EnumSelect id=kind_id label=interaction_label
                        value={move || Some(Coded::from(kind.get()))}
                        on_pick={move |k: Option<InteractionKind>| if let Some(k) = k { kind.set(k.key().to_string()) }} />
                </div>
                <TextField id=format!("{p}-date") kind="date" required=true min=DATE_MIN max=DATE_MAX
                    label=move || t_string!(i18n, contacts.timeline.date) value=date error=error_of(error, "date") />
            </div>
            <TextField id=format!("{p}-summary") rows=3 maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, contacts.timeline.summary) value=summary error=error_of(error, "summary") />
            <TextField id=format!("{p}-keywords") maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, contacts.timeline.keywords) value=keywords error=error_of(error, "keywords") />
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>
                    {move || if editing { t_string!(i18n, contacts.timeline.save) } else { t_string!(i18n, contacts.timeline.add) }}
                </button>
                {editing.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        if let Some(done) = on_done {
                            done.run(());
                        }
                    }>{tr!(i18n, cancel)}</button>
                })}
            </div>
        </form>
    }
}

/// A logging problem in the user's language.
pub fn log_error_text(i18n: I18n, error: &LogError) -> String {
    match error {
        LogError::DateMissing => t_string!(i18n, contacts.timeline.date_missing).to_string(),
        LogError::DateFar => t_string!(i18n, contacts.timeline.date_far).to_string(),
        LogError::DateOutOfRange => t_string!(i18n, date_range).to_string(),
        LogError::KeywordTooLong(max) => {
            t_string!(i18n, contacts.timeline.keyword_long, max = max).to_string()
        }
        LogError::Record(problem) => problem_text(i18n, problem),
    }
}
