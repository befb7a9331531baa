//! Composing a message: the text with live automatic checks and the manual ones, the
//! summary ("7 of 17 checks met"), and the actions: copy, open in the mail program, mark
//! as sent (which logs it and starts the 3B7 reminders) and record the answer.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::checks_panel::ChecksPanel;
use super::parts::{
    address_name, channel_label, check_context, lang_name, own_message_templates, purpose_label,
    reason_text, recipient, recipient_name, status_label, template_text, template_values,
};
use super::store::use_outreach;
use crate::domain::backup::Dataset;
use crate::domain::lang::Lang;
use crate::domain::messages::checks::{failing, run, Draft};
use crate::domain::messages::model::{Address, Channel, Purpose, Status};
use crate::domain::messages::own::template_from;
use crate::domain::messages::send::{close, mark_sent as sent_records, SendError, SendTexts};
use crate::domain::messages::templates::unfilled;
use crate::domain::record::{Message, Meta, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::{coded_label, EnumSelect};
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::{delete_with_undo, Creator, Editor, SaveStatus, WhenFound};
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::files::copy;
use crate::ui::library_store::use_library;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

type MessageEditor = Editor<Message>;

/// `/messages/:id`.
#[component]
pub fn MessagePage() -> impl IntoView {
    let i18n = use_i18n();
    let outreach = use_outreach();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let editor: MessageEditor = Editor::new(
        id,
        move |id| outreach.message(id),
        move |m| outreach.put_message(m),
    );
    let has = Memo::new(move |_| editor.record.with(Option::is_some));
    let name = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(recipient_name))
            .unwrap_or_default()
    });
    use_page_title(move || t_string!(i18n, messages.compose_title, name = name.get()).to_string());
    view! {
        <WhenFound loaded=outreach.loaded found=has back_href=use_app_path()("/messages")
            missing=move || t_string!(i18n, messages.not_found).to_string()
            back_text=tr!(i18n, messages.title)>
            <Compose editor=editor name=name />
        </WhenFound>
    }
}

/// What waits for confirmation because checks fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Act {
    Copy,
    Mail,
    Send,
}

#[component]
fn Compose(editor: MessageEditor, name: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let feedback = use_feedback();
    let Some(m) = editor.shown() else {
        return ().into_any();
    };
    let channel = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(|m| m.channel.or(Channel::Email)))
            .unwrap_or(Channel::Email)
    });
    let purpose = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(|m| m.purpose.or(Purpose::Interview)))
            .unwrap_or(Purpose::Interview)
    });
    let lang = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.lang.known()))
            .unwrap_or_default()
    });
    // `None` for a status this version does not know: not a draft, so the text stays as
    // it is, and no action of this version's outreach steps applies.
    let status = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.status.known()))
    });
    let draft = move || status.get() == Some(Status::Draft);
    let outcomes = Memo::new(move |_| {
        editor.record.with(|m| {
            m.as_ref()
                .map(|m| {
                    let ctx = check_context(m);
                    run(
                        &Draft {
                            channel: m.channel.or(Channel::Email),
                            purpose: m.purpose.or(Purpose::Interview),
                            lang: m.lang.or(Lang::default()),
                            body: &m.body,
                        },
                        &ctx,
                    )
                })
                .unwrap_or_default()
        })
    });
    let open_placeholders = Memo::new(move |_| {
        editor.record.with(|m| {
            m.as_ref()
                .map(|m| {
                    let mut list = unfilled(&m.subject);
                    for p in unfilled(&m.body) {
                        if !list.contains(&p) {
                            list.push(p);
                        }
                    }
                    list
                })
                .unwrap_or_default()
        })
    });
    let pending = RwSignal::new(None::<Act>);
    let words = Memo::new(move |_| {
        editor
            .record
            .with(|m| {
                m.as_ref().map(|m| {
                    (
                        crate::domain::messages::words::word_count(&m.body),
                        m.body.trim().chars().count(),
                    )
                })
            })
            .unwrap_or((0, 0))
    });

    // Which template "Replace" uses: empty for the built-in suggestion, else an own one.
    let template = RwSignal::new(String::new());
    let templates = Memo::new(move |_| own_message_templates(purpose.get()));
    let has_own = Memo::new(move |_| templates.with(|t| !t.is_empty()));
    let apply_template = move |_| {
        let Some(current) = editor.record.get_untracked() else {
            return;
        };
        let Some((subject, body)) = template_text(&template.get_untracked(), &current) else {
            return;
        };
        let (old_subject, old_body) = (current.subject.clone(), current.body.clone());
        editor.edit(|m| {
            m.body = body;
            if m.channel.or(Channel::Email).has_subject() {
                m.subject = subject;
            }
        });
        feedback.offer_undo(
            t_string!(i18n, messages.template_applied).to_string(),
            move || {
                let (s, b) = (old_subject.clone(), old_body.clone());
                editor.edit(|m| {
                    m.subject = s;
                    m.body = b;
                });
            },
        );
    };
    let copy_now = move || {
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
    };
    let mailto = Memo::new(move |_| {
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
    });
    let open_mail = move || {
        if let Some(url) = mailto.get_untracked() {
            let _ = window().location().set_href(&url);
        }
    };
    let send = mark_sent(editor);
    let act = move |a: Act, confirmed: bool| {
        if !confirmed && outcomes.with_untracked(|o| !failing(o).is_empty()) {
            pending.set(Some(a));
            return;
        }
        pending.set(None);
        match a {
            Act::Copy => copy_now(),
            Act::Mail => open_mail(),
            Act::Send => send(),
        }
    };
    let link_path = app_path.clone();
    let contact_link = move || {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.contact_id.clone()))
            .map(|c| link_path(&format!("/contacts/{c}")))
    };
    view! {
        <p class="breadcrumb"><a href=app_path("/messages")>{tr!(i18n, messages.title)}</a></p>
        <h1>{move || t_string!(i18n, messages.compose_title, name = name.get()).to_string()}
            <span class="h1-sub">{move || format!("{} · {} · {}", purpose_label(i18n, purpose.get()), channel_label(i18n, channel.get()), editor.part(|m| coded_label(i18n, &m.status, status_label)).unwrap_or_default())}</span>
        </h1>
        <SaveStatus editor=editor />
        <div class="compose">
            <div class="compose__main">
                <section class="card" aria-labelledby="compose-text-h">
                    <h2 id="compose-text-h">{tr!(i18n, messages.text)}</h2>
                    <div class="field-row">
                        <div class="field">
                            <label for="compose-channel">{tr!(i18n, messages.channel_label)}</label>
                            <EnumSelect id="compose-channel" disabled=Signal::derive(move || !draft()) label=channel_label
                                value=Signal::derive(move || editor.part(|m| m.channel.clone()))
                                on_pick={move |c: Option<Channel>| if let Some(c) = c { editor.edit(|m| m.channel = c.into()) }} />
                        </div>
                        <div class="field">
                            <label for="compose-purpose">{tr!(i18n, messages.purpose_label)}</label>
                            <EnumSelect id="compose-purpose" disabled=Signal::derive(move || !draft()) label=purpose_label
                                value=Signal::derive(move || editor.part(|m| m.purpose.clone()))
                                on_pick={move |p: Option<Purpose>| if let Some(p) = p { editor.edit(|m| m.purpose = p.into()) }} />
                        </div>
                    </div>
                    <div class="field-row">
                        <div class="field">
                            <label for="compose-lang">{tr!(i18n, messages.language)}</label>
                            <EnumSelect id="compose-lang" disabled=Signal::derive(move || !draft()) label=lang_name
                                value=Signal::derive(move || editor.part(|m| m.lang.clone()))
                                on_pick={move |l: Option<Lang>| if let Some(l) = l { editor.edit(|m| m.lang = l.into()) }} />
                        </div>
                        {move || (lang.get() == Lang::De).then(|| view! {
                            <div class="field">
                                <label for="compose-address">{tr!(i18n, messages.address)}</label>
                                <EnumSelect id="compose-address" disabled=Signal::derive(move || !draft()) label=address_name
                                    value=Signal::derive(move || editor.part(|m| m.address.clone()))
                                    on_pick={move |a: Option<Address>| if let Some(a) = a { editor.edit(|m| m.address = a.into()) }} />
                            </div>
                        })}
                    </div>
                    {move || draft().then(|| view! {
                        <div class="field-row field-row--end">
                            {move || has_own.get().then(|| view! {
                                <div class="field">
                                    <label for="compose-template">{tr!(i18n, messages.template_label)}</label>
                                    <select id="compose-template" on:change=move |ev| template.set(event_target_value(&ev))>
                                        <option value="" selected=move || template.with(String::is_empty)>{tr!(i18n, messages.suggested_template)}</option>
                                        {move || templates.get().into_iter().map(|t| {
                                            let id = t.meta.id.clone();
                                            view! { <option value=t.meta.id.clone() selected=move || template.get() == id>{t.name.clone()}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                            })}
                            <button type="button" class="button button--secondary" on:click=apply_template>{tr!(i18n, messages.use_template)}</button>
                        </div>
                    })}
                    {move || channel.get().has_subject().then(|| view! {
                        <div class="field">
                            <label for="compose-subject">{tr!(i18n, messages.subject)}</label>
                            <input id="compose-subject" type="text" maxlength=MAX_LINE_CHARS readonly=move || !draft() prop:value=move || m().subject on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|m| m.subject = v) } />
                        </div>
                    })}
                    <div class="field">
                        <label for="compose-body">{tr!(i18n, messages.body)}</label>
                        <textarea id="compose-body" rows="12" maxlength=MAX_TEXT_CHARS readonly=move || !draft() aria-describedby="compose-count"
                            prop:value=move || m().body on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|m| m.body = v) }></textarea>
                        <p class="hint" id="compose-count">{move || {
                            let (w, c) = words.get();
                            match channel.get().char_limit(use_outreach().premium.get()) {
                                Some(limit) => t_string!(i18n, messages.count_limit, words = w, chars = c, limit = limit).to_string(),
                                None => t_string!(i18n, messages.count, words = w, chars = c).to_string(),
                            }
                        }}</p>
                    </div>
                    {move || (!open_placeholders.with(Vec::is_empty)).then(|| view! {
                        <p class="banner banner--warn" role="status">{t!(i18n, messages.unfilled, names = open_placeholders.get().iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", "))}</p>
                    })}
                    <SaveAsTemplate editor=editor />
                </section>
                <Actions editor=editor status=status pending=pending act=Callback::new(move |(a, c): (Act, bool)| act(a, c)) outcomes=outcomes mailto=mailto channel=channel contact_link=Signal::derive(contact_link) />
            </div>
            <ChecksPanel editor outcomes purpose />
        </div>
    }
    .into_any()
}

#[component]
fn Actions(
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

/// Marking as sent: the message, its timeline entry and the two 3B7 reminders in one
/// transaction; someone not saved yet becomes a contact with it.
fn mark_sent(editor: MessageEditor) -> impl Fn() + Clone + 'static {
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

/// Keeps a message that worked as one of the user's templates, with this recipient's
/// details turned back into placeholders.
#[component]
fn SaveAsTemplate(editor: MessageEditor) -> impl IntoView {
    let i18n = use_i18n();
    let library = use_library();
    let feedback = use_feedback();
    let creator = Creator::new();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(
                t_string!(i18n, messages.template_name_missing).to_string(),
            ));
            return;
        }
        error.set(None);
        let t = template_from(Meta::new(new_id(), now()), &n, &m, &template_values(&m));
        creator.create(t, move |saved| {
            let shown = saved.name.clone();
            library.put_template(saved);
            name.set(String::new());
            feedback.toast(t_string!(i18n, messages.template_saved, name = shown).to_string());
        });
    };
    view! {
        <details class="save-template">
            <summary>{tr!(i18n, messages.save_template_title)}</summary>
            <form class="stack" novalidate on:submit=save>
                <p class="hint" id="template-name-hint">{tr!(i18n, messages.save_template_hint)}</p>
                <div class="field">
                    <label for="template-name">{tr!(i18n, messages.template_name)}</label>
                    <input id="template-name" type="text" maxlength=MAX_LINE_CHARS aria-describedby="template-name-hint"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="button button--secondary" disabled=move || creator.busy.get()>{tr!(i18n, messages.save_template)}</button>
            </form>
        </details>
    }
}
