//! What the contact page shows about the person: the header with photo and actions, the
//! details, keep-in-touch and give and take.

use leptos::prelude::*;

use super::labels::{channel_label, circle_label, lean_label};
use super::name::{avatar_text, ContactName};
use super::photo;
use crate::domain::contacts::draft::{display_name, work_line};
use crate::domain::contacts::keep_in_touch;
use crate::domain::contacts::occasions::age_on;
use crate::domain::format;
use crate::domain::link::{LinkKind, SafeLink};
use crate::domain::record::{Contact, Photo};
use crate::i18n::*;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_id;
use crate::ui::common::select::coded_label;
use crate::ui::contacts::store::use_network;
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::interop::share_contact;
use crate::ui::link::use_app_path;

/// Photo (or initials), name, work, circle, and what to do next with them.
#[component]
pub fn ContactHead(contact: Contact, photo: LocalResource<Option<Photo>>) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let id = contact.meta.id.clone();
    let name = display_name(&contact);
    let photo_name = name.clone();
    let sub = work_line(&contact);
    let edit_path = app_path(&format!("/contacts/{id}/edit"));
    let introduce_path = app_path(&format!("/contacts/introduce?a={id}"));
    let message_path = app_path(&format!("/messages/new?contact={id}"));
    let initials = avatar_text(&contact);
    let feedback = use_feedback();
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
                <button type="button" class="button button--secondary" on:click=move |_| {
                    let shared = photo.with_untracked(|p| share_contact(i18n, &contact, p.as_ref().and_then(Option::as_ref)));
                    match shared {
                        Ok(file) => feedback.toast(t_string!(i18n, interop.exported, file = file)),
                        Err(e) => feedback.error(AppError::ActionFailed(e)),
                    }
                }>{tr!(i18n, interop.share_vcard)}</button>
            </div>
        </div>
    </header>
    }
}

/// Takes the user to the timeline form. A `#log` link would resolve against the
/// document's `<base>` and leave the screen when the app runs under a sub-path.
fn focus_log_form() {
    focus_id("log-kind");
}

/// How to reach them, how they were met, who introduced them (and whom they introduced),
/// and the notes.
#[component]
pub fn ContactFacts(contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let intro_id = contact.meta.id.clone();
    let introduced = Memo::new(move |_| {
        store.network.with(|n| {
            n.introduced_by(&intro_id)
                .into_iter()
                .map(|c| c.meta.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let birthday = contact.birthday.map(|b| {
        let day = format::day_month(b.month, b.day, i18n.lang_untracked());
        match b.year {
            Some(y) => format!(
                "{day} {y}{}",
                age_text(b, store.clock.get_untracked().today)
            ),
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
    view! {
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
    }
}

/// The keep-in-touch rhythm, the last and next contact, and whether they are due.
#[component]
pub fn KeepInTouchCard(contact: Contact) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let status = store.status_memo(contact.meta.id.clone());
    let cadence_text = move || match keep_in_touch::cadence(&contact, &store.cadence.get()) {
        None => t_string!(i18n, contacts.keep.off).to_string(),
        Some(days) if contact.cadence_days.is_none() => {
            t_string!(i18n, contacts.keep.every_default, days = days).to_string()
        }
        Some(days) => t_string!(i18n, contacts.keep.every, days = days).to_string(),
    };
    view! {
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
    }
}

/// Favours given and received and introductions, and which way it leans.
#[component]
pub fn GiveTakeCard(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let summary = Memo::new(move |_| store.network.with(|n| n.timeline(&id)));
    view! {
    <section class="card" aria-labelledby="give-title">
        <h2 id="give-title">{tr!(i18n, contacts.give.title)}</h2>
        <dl class="facts">
            <dt>{tr!(i18n, contacts.give.given)}</dt><dd>{move || summary.get().balance.given}</dd>
            <dt>{tr!(i18n, contacts.give.received)}</dt><dd>{move || summary.get().balance.received}</dd>
            <dt>{tr!(i18n, contacts.give.introductions)}</dt><dd>{move || summary.get().balance.introductions}</dd>
        </dl>
        <p>{move || lean_label(i18n, summary.get().balance.lean())}</p>
    </section>
    }
}

/// " (36)" after a birthday with a known year.
fn age_text(b: crate::domain::record::Birthday, today: chrono::NaiveDate) -> String {
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
