//! Promises and follow-ups on a contact: one with its "done" checkbox, and the form
//! for a new one.

use chrono::Duration;
use leptos::prelude::*;

use super::labels::follow_up_label;
use super::name::ContactName;
use crate::domain::format::iso_date;
use crate::domain::record::{in_range, FollowUp, FollowUpKind, Meta, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::dates::{parse_date, show_date, DATE_MAX, DATE_MIN};
use crate::ui::common::field::{error_of, TextField};
use crate::ui::common::select::EnumSelect;
use crate::ui::contacts::store::{use_network, NetworkStore};
use crate::ui::data::{new_id, now, use_data, Data};
use crate::ui::editor::Creator;
use crate::ui::feedback::{report_save, use_feedback, AppError, Feedback};

/// Saves a follow-up and puts it into the network; on failure shows why and reloads the
/// contact's follow-ups so the screen shows what is stored.
async fn save_follow_up(
    data: Data,
    store: NetworkStore,
    feedback: Feedback,
    f: FollowUp,
) -> Option<FollowUp> {
    let db = data
        .db()
        .map_err(|e| feedback.error(AppError::SaveFailed(e)))
        .ok()?;
    let contact = f.contact_id.clone();
    match db.save(f, now()).await {
        Ok(saved) => {
            store.network.update(|n| n.set_follow_up(saved.clone()));
            data.changed();
            Some(saved)
        }
        Err(e) => {
            feedback.error(report_save(e));
            if let Some(id) = contact {
                feedback.reloaded(store.reload_contact(&id).await);
            }
            None
        }
    }
}

/// One promise or follow-up with a "done" checkbox.
#[component]
pub fn FollowUpItem(follow_up: FollowUp, #[prop(optional)] show_contact: bool) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let today = move || store.clock.get().today;
    let overdue = {
        let due = follow_up.due;
        move || follow_up.done.is_none() && due.is_some_and(|d| d < today())
    };
    let checkbox_id = format!("fu-{}", follow_up.meta.id);
    let done = follow_up.done.is_some();
    let busy = RwSignal::new(false);
    let toggle = {
        let f = follow_up.clone();
        move |_| {
            let mut f = f.clone();
            f.done = if f.done.is_some() { None } else { Some(now()) };
            busy.set(true);
            leptos::task::spawn_local(async move {
                let finished = f.done.is_some();
                let text = f.text.clone();
                if let Some(saved) = save_follow_up(data, store, feedback, f).await {
                    // Today lists open promises only, so a ticked one vanishes from there:
                    // say what happened and let a slip of the finger be taken back.
                    if finished {
                        feedback.offer_undo(
                            t_string!(i18n, contacts.promise.done_toast, text = text).to_string(),
                            move || {
                                let mut again = saved.clone();
                                again.done = None;
                                leptos::task::spawn_local(async move {
                                    save_follow_up(data, store, feedback, again).await;
                                });
                            },
                        );
                    }
                }
                busy.set(false);
            });
        }
    };
    let who = follow_up_label(i18n, follow_up.kind);
    let due = follow_up.due;
    let contact = follow_up.contact_id.clone().filter(|_| show_contact);
    view! {
        <li class="follow-up" class:follow-up--overdue=overdue class:follow-up--done=done>
            <input type="checkbox" id=checkbox_id.clone() checked=done disabled=move || busy.get() on:change=toggle />
            <label for=checkbox_id>
                <span class="follow-up__who">{who}</span>
                " "
                <span class="follow-up__text">{follow_up.text.clone()}</span>
            </label>
            <span class="follow-up__meta">
                {contact.map(|id| view! { <ContactName id /> " · " })}
                {move || due.map(|d| {
                    let text = show_date(i18n, d);
                    if overdue() {
                        t_string!(i18n, contacts.promise.overdue_since, date = text).to_string()
                    } else {
                        t_string!(i18n, contacts.promise.due_on, date = text).to_string()
                    }
                })}
            </span>
        </li>
    }
}

/// The form for a new promise or follow-up on a contact.
#[component]
pub fn AddFollowUp(#[prop(into)] contact_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let kind = RwSignal::new(FollowUpKind::IPromised);
    let text = RwSignal::new(String::new());
    // Advisers say: send what you promised right away, so it is due tomorrow by default.
    let tomorrow = move || iso_date(store.clock.get_untracked().today + Duration::days(1));
    let due = RwSignal::new(tomorrow());
    // The message and the field it belongs to ("text" or "due").
    let error = RwSignal::new(None::<(&'static str, String)>);
    let creator = Creator::new();
    let busy = creator.busy;
    let id = contact_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = text.get_untracked().trim().to_string();
        if body.is_empty() {
            error.set(Some((
                "text",
                t_string!(i18n, contacts.promise.text_missing).to_string(),
            )));
            return;
        }
        let due_day = parse_date(&due.get_untracked());
        if due_day.is_some_and(|d| !in_range(d)) {
            error.set(Some(("due", t_string!(i18n, date_range).to_string())));
            return;
        }
        error.set(None);
        let record = FollowUp {
            meta: Meta::new(new_id(), now()),
            contact_id: Some(id.clone()),
            kind: kind.get_untracked(),
            text: body,
            due: due_day,
            done: None,
            message_id: None,
        };
        let id = id.clone();
        creator.run(move |db| async move {
            match db.save(record, now()).await {
                Ok(saved) => {
                    store.network.update(|n| n.set_follow_up(saved));
                    data.changed();
                    text.set(String::new());
                    kind.set(FollowUpKind::IPromised);
                    due.set(tomorrow());
                    feedback.toast(t_string!(i18n, contacts.promise.added));
                }
                // The contact may be gone (deleted in another tab): show what is stored.
                Err(e) => {
                    feedback.error(report_save(e));
                    feedback.reloaded(store.reload_contact(&id).await);
                }
            }
        });
    };
    let prefix = format!("fu-new-{contact_id}");
    let kind_id = format!("{prefix}-kind");
    view! {
        <form class="inline-form" on:submit=submit novalidate>
            <div class="field">
                <label for=kind_id.clone()>{tr!(i18n, contacts.promise.kind)}</label>
                <EnumSelect id=kind_id label=follow_up_label
                    value={move || Some(kind.get().into())}
                    on_pick={move |k: Option<FollowUpKind>| if let Some(k) = k { kind.set(k) }} />
            </div>
            <TextField id=format!("{prefix}-text") class="field--grow" maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, contacts.promise.text) value=text error=error_of(error, "text") />
            <TextField id=format!("{prefix}-due") kind="date" min=DATE_MIN max=DATE_MAX
                label=move || t_string!(i18n, contacts.promise.due) value=due error=error_of(error, "due") />
            <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr!(i18n, contacts.promise.add)}</button>
        </form>
    }
}
