//! A contact's page: who they are, how to reach them, how we met and who introduced
//! whom, keep-in-touch state, give and take, promises, the timeline, duplicates to merge,
//! and delete with undo.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::follow_ups::{AddFollowUp, FollowUpItem};
use super::labels::{channel_label, circle_label, lean_label, reason_label};
use super::log_interaction::AddInteraction;
use super::name::{avatar_text, describe, ContactName};
use super::photo;
use super::timeline::Timeline;
use crate::domain::contacts::draft::{display_name, work_line};
use crate::domain::contacts::duplicates::{merge_fields, suggestions};
use crate::domain::contacts::keep_in_touch;
use crate::domain::contacts::occasions::age_on;
use crate::domain::format;
use crate::domain::link::{LinkKind, SafeLink};
use crate::domain::record::{Contact, Photo};
use crate::domain::sorting::sort_by_key;
use crate::i18n::*;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::coded_label;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{now, use_data};
use crate::ui::editor::{refresh_after, undo_removal};
use crate::ui::feedback::report_save;
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

/// The contact screen.
#[component]
pub fn ContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let contact = Memo::new(move |_| store.network.with(|n| n.contact(&id.get()).cloned()));
    use_page_title(move || {
        contact
            .with(|c| c.as_ref().map(display_name))
            .unwrap_or_else(|| t_string!(i18n, contacts.title).to_string())
    });
    view! {
        {move || match (store.loaded.get(), contact.get()) {
            (_, Some(c)) => view! { <ContactView contact=c /> }.into_any(),
            (loaded, None) if loaded < Loaded::Contacts => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            (_, None) => view! {
                <h1>{tr!(i18n, contacts.not_found_title)}</h1>
                <p>{tr!(i18n, contacts.not_found)}</p>
                <p><AppLink href="/contacts">{tr!(i18n, contacts.back_to_list)}</AppLink></p>
            }.into_any(),
        }}
    }
}

#[component]
fn ContactView(contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let app_path = use_app_path();
    let id = contact.meta.id.clone();
    let photo_id = id.clone();
    let photo = LocalResource::new(move || {
        data.revision.track();
        let db = data.db();
        let id = photo_id.clone();
        async move {
            match db {
                Ok(db) => db
                    .by_contact::<Photo>(&id)
                    .await
                    .ok()
                    .and_then(|p| p.into_iter().next()),
                Err(_) => None,
            }
        }
    });
    let status = store.status_memo(id.clone());
    let summary_id = id.clone();
    let summary = Memo::new(move |_| store.network.with(|n| n.timeline(&summary_id)));
    let intro_id = id.clone();
    let introduced = Memo::new(move |_| {
        store.network.with(|n| {
            n.introduced_by(&intro_id)
                .into_iter()
                .map(|c| c.meta.id.clone())
                .collect::<Vec<_>>()
        })
    });

    let name = display_name(&contact);
    let photo_name = name.clone();
    let sub = work_line(&contact);
    let edit_path = app_path(&format!("/contacts/{id}/edit"));
    let introduce_path = app_path(&format!("/contacts/introduce?a={id}"));
    let message_path = app_path(&format!("/messages/new?contact={id}"));
    let cadence_text = {
        let c = contact.clone();
        move || match keep_in_touch::cadence(&c, &store.cadence.get()) {
            None => t_string!(i18n, contacts.keep.off).to_string(),
            Some(days) if c.cadence_days.is_none() => {
                t_string!(i18n, contacts.keep.every_default, days = days).to_string()
            }
            Some(days) => t_string!(i18n, contacts.keep.every, days = days).to_string(),
        }
    };
    let birthday = contact.birthday.map(|b| {
        let day = format::day_month(b.month, b.day, i18n.lang_untracked());
        match b.year {
            Some(y) => {
                let age = age_on(b, store.clock.get_untracked().today)
                    .map(|_| keep_in_touch_age(b, store.clock.get_untracked().today))
                    .unwrap_or_default();
                format!("{day} {y}{age}")
            }
            None => day,
        }
    });
    let links: Vec<SafeLink> = contact
        .links
        .iter()
        .filter_map(|l| SafeLink::parse(l).ok())
        .collect();
    let email = SafeLink::parse(&contact.email)
        .ok()
        .filter(|l| l.kind() == LinkKind::Email);
    let phone = SafeLink::parse(&format!("tel:{}", contact.phone.replace(' ', "")))
        .ok()
        .filter(|_| !contact.phone.trim().is_empty());

    let initials = avatar_text(&contact);
    view! {
        <header class="card contact-head">
            {move || match photo.get().flatten() {
                Some(p) => view! { <img class="photo" src=photo::data_url(&p.mime, &p.data) alt=t_string!(i18n, contacts.photo.of, name = photo_name.clone()).to_string() width="96" height="96" /> }.into_any(),
                None => view! { <span class="avatar avatar--large" aria-hidden="true">{initials.clone()}</span> }.into_any(),
            }}
            <div class="contact-head__text">
                <h1>{name.clone()}</h1>
                {(!sub.is_empty()).then(|| view! { <p class="lead">{sub.clone()}</p> })}
                <p class="muted">
                    {circle_label(i18n, contact.circle)}
                    {(!contact.city.trim().is_empty()).then(|| format!(" · {}", contact.city.trim()))}
                    {(!contact.field.trim().is_empty()).then(|| format!(" · {}", contact.field.trim()))}
                </p>
                <div class="button-row">
                    <a class="button" href=edit_path>{tr!(i18n, contacts.edit)}</a>
                    <button type="button" class="button button--secondary" on:click=|_| focus_log_form()>{tr!(i18n, contacts.timeline.log)}</button>
                    <a class="button button--secondary" href=introduce_path>{tr!(i18n, contacts.introduce.action)}</a>
                    <a class="button button--secondary" href=message_path>{tr!(i18n, messages.write)}</a>
                </div>
            </div>
        </header>

        <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{tr!(i18n, contacts.details)}</h2>
            <dl class="facts">
                {email.map(|l| view! { <dt>{tr!(i18n, contacts.field.email)}</dt><dd><a href=l.href().to_string()>{l.display().to_string()}</a></dd> })}
                {phone.map(|l| view! { <dt>{tr!(i18n, contacts.field.phone)}</dt><dd><a href=l.href().to_string()>{contact.phone.clone()}</a></dd> })}
                {(!links.is_empty()).then(|| view! {
                    <dt>{tr!(i18n, contacts.field.links)}</dt>
                    <dd><ul class="list-plain">{links.iter().map(|l| view! {
                        <li><a href=l.href().to_string() target="_blank" rel="noopener noreferrer">{link_name(l)}</a></li>
                    }).collect_view()}</ul></dd>
                })}
                {contact.preferred_channel.as_ref().map(|c| view! { <dt>{tr!(i18n, contacts.field.channel)}</dt><dd>{coded_label(i18n, c, channel_label)}</dd> })}
                {birthday.map(|b| view! { <dt>{tr!(i18n, contacts.field.birthday)}</dt><dd>{b}</dd> })}
                {(!contact.tags.is_empty()).then(|| view! {
                    <dt>{tr!(i18n, contacts.field.tags)}</dt>
                    <dd><ul class="tags">{contact.tags.iter().map(|t| view! { <li class="tag">{t.clone()}</li> }).collect_view()}</ul></dd>
                })}
                {(!contact.met.occasion.trim().is_empty() || contact.met.date.is_some()).then(|| {
                    let when = contact.met.date.map(|d| format::date_short(d, i18n.lang_untracked()));
                    let text = [Some(contact.met.occasion.trim().to_string()).filter(|s| !s.is_empty()), when].into_iter().flatten().collect::<Vec<_>>().join(", ");
                    view! { <dt>{tr!(i18n, contacts.field.occasion)}</dt><dd>{text}</dd> }
                })}
                {(!contact.met.hook.trim().is_empty()).then(|| view! { <dt>{tr!(i18n, contacts.field.hook)}</dt><dd class="prewrap">{contact.met.hook.clone()}</dd> })}
                {contact.introduced_by.clone().map(|by| view! { <dt>{tr!(i18n, contacts.field.introduced_by)}</dt><dd><ContactName id=by /></dd> })}
                {(contact.introduced_by.is_none() && !contact.introduced_by_name.is_empty()).then(|| view! {
                    <dt>{tr!(i18n, contacts.field.introduced_by)}</dt>
                    <dd class="muted">{t_string!(i18n, contacts.deleted_name, name = contact.introduced_by_name.clone()).to_string()}</dd>
                })}
                {move || (!introduced.with(Vec::is_empty)).then(|| view! {
                    <dt>{tr!(i18n, contacts.introduced_others)}</dt>
                    <dd><ul class="list-plain">{introduced.get().into_iter().map(|id| view! { <li><ContactName id /></li> }).collect_view()}</ul></dd>
                })}
            </dl>
            {(!contact.notes.trim().is_empty()).then(|| view! {
                <h3>{tr!(i18n, contacts.field.notes)}</h3>
                <p class="prewrap">{contact.notes.clone()}</p>
            })}
        </section>

        <div class="grid-2">
            <section class="card" aria-labelledby="keep-title">
                <h2 id="keep-title">{tr!(i18n, contacts.keep.title)}</h2>
                <dl class="facts">
                    <dt>{tr!(i18n, contacts.keep.cadence)}</dt><dd>{cadence_text}</dd>
                    <dt>{tr!(i18n, contacts.keep.last)}</dt>
                    <dd>{move || status.get().and_then(|s| s.last_contact).map(|d| show_date(i18n, d)).unwrap_or_else(|| t_string!(i18n, contacts.keep.never).to_string())}</dd>
                    <dt>{tr!(i18n, contacts.keep.next)}</dt>
                    <dd>{move || status.get().and_then(|s| s.next_due).map(|d| show_date(i18n, d)).unwrap_or_else(|| "–".to_string())}</dd>
                </dl>
                {move || status.get().map(|s| {
                    if s.dormant {
                        view! { <p class="status status--warn">{tr!(i18n, contacts.status.dormant)}</p> }.into_any()
                    } else if let Some(days) = s.overdue_days {
                        let text = super::labels::due_text(i18n, days);
                        view! { <p class="status status--warn">{text}</p> }.into_any()
                    } else {
                        view! { <p class="status status--ok">{tr!(i18n, contacts.status.in_touch)}</p> }.into_any()
                    }
                })}
            </section>
            <section class="card" aria-labelledby="give-title">
                <h2 id="give-title">{tr!(i18n, contacts.give.title)}</h2>
                <dl class="facts">
                    <dt>{tr!(i18n, contacts.give.given)}</dt><dd>{move || summary.get().balance.given}</dd>
                    <dt>{tr!(i18n, contacts.give.received)}</dt><dd>{move || summary.get().balance.received}</dd>
                    <dt>{tr!(i18n, contacts.give.introductions)}</dt><dd>{move || summary.get().balance.introductions}</dd>
                </dl>
                <p>{move || lean_label(i18n, summary.get().balance.lean())}</p>
            </section>
        </div>

        <section class="card" aria-labelledby="promises-title">
            <h2 id="promises-title">{tr!(i18n, contacts.promise.title)}</h2>
            <PromiseList id=id.clone() />
            <h3>{tr!(i18n, contacts.promise.new)}</h3>
            <AddFollowUp contact_id=id.clone() />
        </section>

        <ContactInterviews id=id.clone() />

        <section class="card" aria-labelledby="log" id="log-section">
            <h2 id="log" tabindex="-1">{tr!(i18n, contacts.timeline.title)}</h2>
            <AddInteraction contact_id=id.clone() id_prefix="log" />
            <Timeline id=id.clone() />
        </section>

        <Duplicates contact=contact.clone() />
        <DeleteContact contact=contact.clone() />
    }
}

/// Takes the user to the timeline form. A `#log` link would resolve against the
/// document's `<base>` and leave the screen when the app runs under a sub-path.
fn focus_log_form() {
    focus_id("log-kind");
}

/// " (36)" after a birthday with a known year.
fn keep_in_touch_age(b: crate::domain::record::Birthday, today: chrono::NaiveDate) -> String {
    match age_on(b, today) {
        Some(age) => format!(" ({age})"),
        None => String::new(),
    }
}

/// A link's visible name: LinkedIn, Xing, or the address.
fn link_name(link: &SafeLink) -> String {
    let host = link.href().split('/').nth(2).unwrap_or("").to_lowercase();
    if host.ends_with("linkedin.com") {
        format!("LinkedIn: {}", link.display())
    } else if host.ends_with("xing.com") {
        format!("Xing: {}", link.display())
    } else {
        link.display().to_string()
    }
}

#[component]
fn PromiseList(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let list = Memo::new(move |_| store.network.with(|n| n.follow_ups_of(&id)));
    view! {
        {move || if list.with(Vec::is_empty) {
            view! { <p class="muted">{tr!(i18n, contacts.promise.none)}</p> }.into_any()
        } else {
            view! {
                <ul class="follow-ups list-plain">
                    <For each=move || list.get() key=|f| (f.meta.id.clone(), f.meta.revision) children=|f| view! { <FollowUpItem follow_up=f /> } />
                </ul>
            }.into_any()
        }}
    }
}

/// Suggested duplicates of this contact, with a merge preview and confirmation.
#[component]
fn Duplicates(contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let feedback = use_feedback();
    let id = contact.meta.id.clone();
    let pairs = Memo::new(move |_| {
        store.network.with(|n| {
            suggestions(n.contacts())
                .into_iter()
                .filter(|s| s.a == id || s.b == id)
                .map(|s| (if s.a == id { s.b.clone() } else { s.a.clone() }, s.reasons))
                .collect::<Vec<_>>()
        })
    });
    let reviewing = RwSignal::new(None::<String>);
    let kept = contact.clone();
    let merging = RwSignal::new(false);
    let merge = move |other: String| {
        if merging.get_untracked() {
            return;
        }
        let Some(absorbed) = store.network.with_untracked(|n| n.contact(&other).cloned()) else {
            return;
        };
        let merged = merge_fields(&kept, &absorbed);
        let Some(db) = feedback.database(data) else {
            return;
        };
        merging.set(true);
        leptos::task::spawn_local(async move {
            match db.merge_contacts(merged, &absorbed.meta.id, now()).await {
                Ok(_) => {
                    reviewing.set(None);
                    // Plans, messages and other contacts may now name the kept contact:
                    // every store reads again, so none saves over the merge with a stale copy.
                    data.replaced();
                    feedback.toast(t_string!(
                        i18n,
                        contacts.merge.done,
                        name = display_name(&absorbed)
                    ));
                }
                Err(e) => feedback.error(report_save(e)),
            }
            merging.set(false);
        });
    };
    view! {
        {move || (!pairs.with(Vec::is_empty)).then(|| {
            let merge = merge.clone();
            let contact = contact.clone();
            view! {
                <section class="card" aria-labelledby="dup-title" id="duplicates">
                    <h2 id="dup-title">{tr!(i18n, contacts.merge.possible)}</h2>
                    <ul class="list-plain">
                        {pairs.get().into_iter().map(|(other, reasons)| {
                            let why = reasons.iter().map(|r| reason_label(i18n, *r)).collect::<Vec<_>>().join(", ");
                            let o = other.clone();
                            let other_name = store.network.with_untracked(|n| n.contact(&other).map(describe)).unwrap_or_default();
                            let review_label = t_string!(i18n, contacts.merge.review, name = other_name.clone()).to_string();
                            view! {
                                <li class="duplicate">
                                    <p><ContactName id=other.clone() />" — "{why}</p>
                                    <button type="button" class="button button--secondary" on:click=move |_| reviewing.set(Some(o.clone()))>{review_label}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {move || reviewing.get().map(|other| {
                        let merge = merge.clone();
                        let contact = contact.clone();
                        let preview = store.network.with_untracked(|n| n.contact(&other).map(|a| (merge_fields(&contact, a), a.clone())));
                        preview.map(|(merged, absorbed)| {
                            let other_id = other.clone();
                            view! {
                                <div class="confirm" role="group" aria-labelledby="merge-q">
                                    <p id="merge-q"><strong>{t!(i18n, contacts.merge.question, other = display_name(&absorbed), kept = display_name(&merged))}</strong></p>
                                    <p>{tr!(i18n, contacts.merge.explain)}</p>
                                    <p class="muted">{describe(&merged)}{(!merged.email.is_empty()).then(|| format!(" · {}", merged.email))}</p>
                                    <div class="button-row">
                                        <button type="button" class="button" disabled=move || merging.get() aria-busy=move || merging.get().to_string() on:click=move |_| merge(other_id.clone())>{tr!(i18n, contacts.merge.confirm)}</button>
                                        <button type="button" class="button button--secondary" on:click=move |_| reviewing.set(None)>{tr!(i18n, cancel)}</button>
                                    </div>
                                </div>
                            }
                        })
                    })}
                </section>
            }
        })}
    }
}

/// Delete with a confirmation that says what goes along and what stays, then an undo offer.
#[component]
fn DeleteContact(contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let feedback = use_feedback();
    let interviews = crate::ui::interviews::store::use_interviews();
    let outreach = crate::ui::messages::store::use_outreach();
    let navigate = use_navigate();
    let asking = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let id = contact.meta.id.clone();
    let counts_id = id.clone();
    let counts = Memo::new(move |_| {
        let (timeline, promises, introduced) = store.network.with(|n| {
            (
                n.timeline(&counts_id).count,
                n.follow_ups_of(&counts_id).len(),
                n.introduced_by(&counts_id).len(),
            )
        });
        let mine = |c: &Option<String>| c.as_deref() == Some(counts_id.as_str());
        let history = interviews
            .plans
            .with(|p| p.iter().any(|p| mine(&p.contact_id)))
            || outreach
                .messages
                .with(|m| m.iter().any(|m| mine(&m.contact_id)));
        (timeline, promises, introduced, history)
    });
    let name = display_name(&contact);
    let delete = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Some(db) = feedback.database(data) else {
            return;
        };
        let id = id.clone();
        let navigate = navigate.clone();
        let name = name.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match db.remove::<Contact>(&id, now()).await {
                Ok(removal) => {
                    // Leave the page first: removing the contact unmounts this component.
                    navigate("/contacts", Default::default());
                    store.contact_removed(&id);
                    refresh_after(data, &removal, false);
                    feedback.offer_undo(
                        t_string!(i18n, contacts.delete.done, name = name),
                        move || undo_removal(data, feedback, removal.clone(), |_| {}),
                    );
                }
                Err(e) => {
                    busy.set(false);
                    feedback.error(AppError::ActionFailed(e));
                }
            }
        });
    };
    let delete_path_name = display_name(&contact);
    view! {
        <section class="card" aria-labelledby="delete-title">
            <h2 id="delete-title">{tr!(i18n, contacts.delete.title)}</h2>
            {move || if asking.get() {
                let delete = delete.clone();
                let (interactions, follow_ups, introduced, history) = counts.get();
                let name = delete_path_name.clone();
                view! {
                    <div class="confirm" role="group" aria-labelledby="delete-q">
                        <p id="delete-q"><strong>{t!(i18n, contacts.delete.question, name = name.clone(), interactions = interactions, promises = follow_ups)}</strong></p>
                        {(introduced > 0).then(|| {
                            let text = if introduced == 1 {
                                t_string!(i18n, contacts.delete.introduced_one, name = name.clone()).to_string()
                            } else {
                                t_string!(i18n, contacts.delete.introduced, count = introduced, name = name.clone()).to_string()
                            };
                            view! { <p>{text}</p> }
                        })}
                        {history.then(|| view! { <p>{t_string!(i18n, contacts.delete.kept_history, name = name.clone()).to_string()}</p> })}
                        <div class="button-row">
                            <button type="button" class="button button--danger" disabled=move || busy.get() aria-busy=move || busy.get().to_string() on:click=delete>{tr!(i18n, contacts.delete.confirm)}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>{tr!(i18n, cancel)}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>{tr!(i18n, contacts.delete.action)}</button>
                }.into_any()
            }}
        </section>
    }
}

/// The contact's informational interviews, and the way to plan one.
#[component]
fn ContactInterviews(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let interviews = crate::ui::interviews::store::use_interviews();
    let app_path = use_app_path();
    let new_path = app_path(&format!("/interviews/new?contact={id}"));
    let plans = Memo::new(move |_| {
        let mut list: Vec<_> = interviews.plans.with(|p| {
            p.iter()
                .filter(|p| p.contact_id.as_deref() == Some(id.as_str()))
                .cloned()
                .collect()
        });
        sort_by_key(&mut list, |p| std::cmp::Reverse(p.scheduled));
        list
    });
    view! {
        <section class="card" aria-labelledby="interviews-title">
            <h2 id="interviews-title">{tr!(i18n, interviews.title)}</h2>
            {move || plans.with(Vec::is_empty).then(|| view! { <p class="muted">{tr!(i18n, interviews.contact_none)}</p> })}
            <ul class="list-plain plan-list">
                {move || plans.get().into_iter().map(|p| view! { <crate::ui::interviews::PlanRow plan=p /> }).collect_view()}
            </ul>
            <p><a class="button button--secondary" href=new_path>{tr!(i18n, interviews.plan_one)}</a></p>
        </section>
    }
}
