//! What can be done with a message: copy it, open it in the mail program, mark it as sent
//! (which logs it and starts the 3B7 reminders), record the answer, or delete the draft.

use leptos::prelude::*;

use super::compose::{Act, MessageEditor};
use super::parts::{purpose_label, reason_text, recipient, recipient_name, status_label};
use super::store::use_outreach;
use crate::domain::backup::Dataset;
use crate::domain::messages::checks::failing;
use crate::domain::messages::model::{Channel, Status};
use crate::domain::messages::send::{close, mark_sent as sent_records, SendError, SendTexts};
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::coded_label;
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::delete_with_undo;
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::files::copy;
use crate::ui::link::use_app_path;

/// The actions that fit the message's status, with the confirmation when checks fail.
#[component]
pub fn Actions(
    editor: MessageEditor,
    status: Memo<Option<Status>>,
    pending: RwSignal<Option<Act>>,
    act: Callback<(Act, bool)>,
    outcomes: Memo<Vec<crate::domain::messages::checks::Outcome>>,
    mailto: Memo<Option<String>>,
    channel: Memo<Channel>,
    contact_link: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let network = use_network();
    let close = close_outreach(editor);
    let delete_draft = delete_message(editor);
    let reminders = Memo::new(move |_| {
        let Some(m) = editor.record.get() else {
            return Vec::new();
        };
        let Some(c) = m.contact_id.clone() else {
            return Vec::new();
        };
        let id = m.meta.id.clone();
        network
            .network
            .with(|n| n.follow_ups_of(&c))
            .into_iter()
            .filter(|f| f.message_id.as_deref() == Some(id.as_str()))
            .collect::<Vec<_>>()
    });
    view! {
        <section class="card" aria-labelledby="actions-h">
            <h2 id="actions-h">{tr!(i18n, messages.actions)}</h2>
            {move || pending.get().map(|a| {
                let fails = outcomes.with(|o| failing(o).into_iter().map(|f| format!("{}: {}", crate::ui::messages::parts::check_label(i18n, f.check), reason_text(i18n, &f.reason))).collect::<Vec<_>>());
                view! {
                    <div class="banner banner--warn" role="alert">
                        <p><strong>{tr!(i18n, messages.fails_title)}</strong></p>
                        <ul>{fails.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| { pending.set(None); focus_id("compose-body"); }>{tr!(i18n, messages.fix_first)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| act.run((a, true))>{tr!(i18n, messages.anyway)}</button>
                        </div>
                    </div>
                }
            })}
            <div class="button-row">
                <button type="button" class="button button--secondary" on:click=move |_| act.run((Act::Copy, false))>{tr!(i18n, messages.copy)}</button>
                {move || (channel.get() == Channel::Email && mailto.with(Option::is_some)).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| act.run((Act::Mail, false))>{tr!(i18n, messages.open_mail)}</button>
                })}
                {move || (status.get() == Some(Status::Draft)).then(|| view! {
                    <button type="button" class="button" on:click=move |_| act.run((Act::Send, false))>{tr!(i18n, messages.mark_sent)}</button>
                })}
            </div>
            {move || (status.get() == Some(Status::Draft)).then(|| view! {
                <p><button type="button" class="button button--quiet" on:click=move |_| delete_draft()>{tr!(i18n, messages.delete_draft)}</button></p>
            })}
            {move || (status.get() != Some(Status::Draft)).then(|| {
                let sent = editor.record.with(|m| m.as_ref().and_then(|m| m.sent)).map(|at| show_date(i18n, crate::ui::common::dates::local_time(at).date()));
                view! {
                    <p>{t!(i18n, messages.sent_on, date = sent.unwrap_or_default())}</p>
                    {move || (!reminders.with(Vec::is_empty)).then(|| view! {
                        <h3>{tr!(i18n, messages.reminders)}</h3>
                        <ul class="list-plain">
                            {reminders.get().into_iter().map(|f| {
                                let due = f.due.map(|d| show_date(i18n, d)).unwrap_or_default();
                                let done = f.done.is_some();
                                view! { <li class:muted=done>{f.text.clone()}" · "{due}{done.then(|| format!(" · {}", t_string!(i18n, messages.reminder_done)))}</li> }
                            }).collect_view()}
                        </ul>
                    })}
                    {move || contact_link.get().map(|href| view! { <p><a href=href>{tr!(i18n, messages.open_contact)}</a></p> })}
                }
            })}
            {move || (status.get() == Some(Status::Sent)).then(|| view! {
                <h3>{tr!(i18n, messages.outcome)}</h3>
                <div class="button-row">
                    {[Status::Replied, Status::MeetingAgreed, Status::Declined, Status::NoReply].into_iter().map(|s| {
                        let close = close.clone();
                        view! { <button type="button" class="button button--secondary" on:click=move |_| close(s)>{t!(i18n, messages.mark_as, status = status_label(i18n, s))}</button> }
                    }).collect_view()}
                </div>
            })}
            {move || (status.get() == Some(Status::MeetingAgreed)).then(|| {
                let href = editor.record.with(|m| m.as_ref().and_then(|m| m.contact_id.clone())).map(|c| app_path(&format!("/interviews/new?contact={c}")));
                href.map(|href| view! {
                    <div class="banner banner--ok" role="status">
                        <p>{tr!(i18n, messages.meeting_hint)}</p>
                        <p><a class="button" href=href>{tr!(i18n, interviews.plan_one)}</a></p>
                    </div>
                })
            })}
        </section>
    }
}

/// Copies the message (an e-mail's subject above its text) to the clipboard and says
/// whether that worked.
pub fn copy_message(editor: MessageEditor) -> impl Fn() + Copy + 'static {
    let i18n = use_i18n();
    let feedback = use_feedback();
    move || {
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let text = if m.channel.or(Channel::Email).has_subject() && !m.subject.trim().is_empty() {
            format!("{}\n\n{}", m.subject.trim(), m.body.trim())
        } else {
            m.body.trim().to_string()
        };
        leptos::task::spawn_local(async move {
            match copy(&text).await {
                Ok(()) => feedback.toast(t_string!(i18n, messages.copied).to_string()),
                Err(_) => feedback.toast(t_string!(i18n, messages.copy_failed).to_string()),
            }
        });
    }
}

/// The `mailto:` link that opens the message in the mail program, to the recipient's
/// stored address.
pub fn mailto_link(editor: MessageEditor) -> Memo<Option<String>> {
    Memo::new(move |_| {
        editor.record.with(|m| {
            m.as_ref().map(|m| {
                let email = recipient(m)
                    .map(|c| c.email.trim().to_string())
                    .unwrap_or_default();
                let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
                format!(
                    "mailto:{}?subject={}&body={}",
                    enc(&email),
                    enc(m.subject.trim()),
                    enc(m.body.trim())
                )
            })
        })
    })
}

/// Marking as sent: the message, its timeline entry and the two 3B7 reminders in one
/// transaction; someone not saved yet becomes a contact with it.
pub fn mark_sent(editor: MessageEditor) -> impl Fn() + Clone + 'static {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let network = use_network();
    let commit = commit_changes(editor);
    move || {
        if !editor.settle() {
            feedback.toast(t_string!(i18n, messages.still_saving).to_string());
            return;
        }
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let today = network.clock.get_untracked().today;
        let name = recipient_name(&m);
        let company = recipient(&m)
            .map(|c| c.company.trim().to_string())
            .unwrap_or_else(|| m.recipient_company.trim().to_string());
        let other_person = if company.is_empty() {
            t_string!(
                i18n,
                messages.reminder_other_no_company,
                name = name.clone()
            )
            .to_string()
        } else {
            t_string!(
                i18n,
                messages.reminder_other,
                name = name.clone(),
                company = company
            )
            .to_string()
        };
        let texts = SendTexts {
            met_occasion: t_string!(i18n, messages.met_occasion).to_string(),
            keyword: coded_label(i18n, &m.purpose, purpose_label),
            other_person,
            follow_up: t_string!(i18n, messages.reminder_follow_up, name = name.clone())
                .to_string(),
        };
        let changes = match sent_records(&m, &texts, today, now(), &mut new_id) {
            Ok(changes) => changes,
            Err(SendError::NameMissing) => {
                feedback.toast(t_string!(i18n, messages.name_missing).to_string());
                return;
            }
        };
        let contact_id = changes
            .messages
            .first()
            .and_then(|m| m.contact_id.clone())
            .unwrap_or_default();
        commit(
            changes,
            contact_id,
            t_string!(i18n, messages.sent_done).to_string(),
        );
    }
}

/// Recording the answer closes the outreach and ticks off its open reminders, together.
fn close_outreach(editor: MessageEditor) -> impl Fn(Status) + Clone + 'static {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let network = use_network();
    let commit = commit_changes(editor);
    move |to: Status| {
        if !editor.settle() {
            feedback.toast(t_string!(i18n, messages.still_saving).to_string());
            return;
        }
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let Some(contact_id) = m.contact_id.clone() else {
            return;
        };
        let follow_ups = network
            .network
            .with_untracked(|n| n.follow_ups_of(&contact_id));
        let Some(changes) = close(&m, to, &follow_ups, now()) else {
            return;
        };
        let done =
            t_string!(i18n, messages.closed_done, status = status_label(i18n, to)).to_string();
        commit(changes, contact_id, done);
    }
}

/// Writes an outreach change (the message and what goes with it) in one transaction, then
/// brings the editor, the message list and the contact's timeline up to date.
fn commit_changes(editor: MessageEditor) -> impl Fn(Dataset, String, String) + Clone + 'static {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let network = use_network();
    let outreach = use_outreach();
    // A second click while the first write runs would only meet a revision conflict.
    let busy = StoredValue::new(false);
    move |changes: Dataset, contact_id: String, done: String| {
        if busy.get_value() {
            return;
        }
        let Some(db) = feedback.database(data) else {
            return;
        };
        busy.set_value(true);
        leptos::task::spawn_local(async move {
            match db.save_changes(changes, now()).await {
                Ok(saved) => {
                    for m in saved.messages {
                        editor.record.set(Some(m.clone()));
                        outreach.put_message(m);
                    }
                    feedback.reloaded(network.reload_contact(&contact_id).await);
                    data.changed();
                    feedback.toast(done);
                }
                Err(SaveError::Conflict(_)) => {
                    feedback.toast(t_string!(i18n, messages.changed_meanwhile).to_string())
                }
                Err(e) => feedback.error(report_save(e)),
            }
            busy.set_value(false);
        });
    }
}

/// Deleting a draft, with an undo offer (the draft comes back as it was).
fn delete_message(editor: MessageEditor) -> impl Fn() + Copy + 'static {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let outreach = use_outreach();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    move || {
        if !editor.settle() {
            return;
        }
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let id = m.meta.id.clone();
        delete_with_undo(
            data,
            feedback,
            m,
            t_string!(i18n, messages.deleted).to_string(),
            move || {
                outreach.remove_message(&id);
                navigate.with_value(|go| go("/messages", Default::default()));
            },
            move |m| outreach.put_message(m),
        );
    }
}
