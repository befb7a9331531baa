//! The outreach overview: every message by status, with counts, newest first, and the
//! user's own templates.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::parts::{channel_label, purpose_label, recipient_name, status_label};
use super::store::use_outreach;
use crate::domain::code::Code;
use crate::domain::messages::model::Status;
use crate::domain::record::{Template, TemplatePurpose};
use crate::domain::sorting::{sort_by_cached_key, sort_by_key};
use crate::i18n::*;
use crate::ui::common::dates::{local_time, show_date};
use crate::ui::common::select::coded_label;
use crate::ui::common::select::lang_name;
use crate::ui::data::use_data;
use crate::ui::editor::delete_with_undo;
use crate::ui::feedback::use_feedback;
use crate::ui::library_store::use_library;
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

/// `/messages`, optionally `?status=KEY`.
#[component]
pub fn MessagesPage() -> impl IntoView {
    let i18n = use_i18n();
    let outreach = use_outreach();
    let app_path = use_app_path();
    use_page_title(move || t_string!(i18n, messages.title).to_string());
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query
            .with(|q| q.get("status"))
            .and_then(|s| Status::from_key(&s))
    });
    let counts = Memo::new(move |_| {
        outreach.messages.with(|list| {
            Status::ALL
                .iter()
                .map(|&s| (s, list.iter().filter(|m| m.status.is(s)).count()))
                .collect::<Vec<_>>()
        })
    });
    let shown = Memo::new(move |_| {
        let f = filter.get();
        let mut list: Vec<_> = outreach.messages.with(|l| {
            l.iter()
                .filter(|m| f.is_none_or(|s| m.status.is(s)))
                .cloned()
                .collect()
        });
        sort_by_key(&mut list, |m| {
            std::cmp::Reverse(m.sent.unwrap_or(m.meta.updated))
        });
        list
    });
    let status_href = {
        let app_path = app_path.clone();
        move |s: Option<Status>| match s {
            Some(s) => app_path(&format!("/messages?status={}", s.key())),
            None => app_path("/messages"),
        }
    };
    view! {
        <h1>{tr!(i18n, messages.title)}</h1>
        <p class="lead">{tr!(i18n, messages.lead)}</p>
        <p><AppLink href="/messages/new" class="button">{tr!(i18n, messages.write)}</AppLink></p>
        <nav class="card status-tabs" aria-label=tr!(i18n, messages.by_status)>
            <ul class="list-plain">
                <li><a href=status_href(None) aria-current=move || filter.get().is_none().then_some("page")>
                    {tr!(i18n, messages.all)}" "<span class="badge">{move || outreach.messages.with(Vec::len)}</span></a></li>
                {Status::ALL.iter().copied().map(|s| {
                    let href = status_href(Some(s));
                    view! {
                        <li><a href=href aria-current=move || (filter.get() == Some(s)).then_some("page")>
                            {move || status_label(i18n, s)}" "<span class="badge">{move || counts.with(|c| c.iter().find(|(x, _)| *x == s).map_or(0, |(_, n)| *n))}</span>
                        </a></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
        {move || if !outreach.loaded.get() {
            view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any()
        } else if shown.with(Vec::is_empty) {
            view! {
                <section class="card empty-state" aria-labelledby="messages-empty">
                    <h2 id="messages-empty">{tr!(i18n, messages.empty.title)}</h2>
                    <p>{tr!(i18n, messages.empty.text)}</p>
                    <ul class="checklist">
                        <li>{tr!(i18n, messages.empty.point_hook)}</li>
                        <li>{tr!(i18n, messages.empty.point_short)}</li>
                        <li>{tr!(i18n, messages.empty.point_ask)}</li>
                    </ul>
                </section>
            }.into_any()
        } else {
            view! {
                <section class="card">
                    <ul class="list-plain plan-list">
                        {shown.get().into_iter().map(|m| {
                            let href = app_path(&format!("/messages/{}", m.meta.id));
                            let name = recipient_name(&m);
                            let name = if name.is_empty() { t_string!(i18n, interviews.unnamed).to_string() } else { name };
                            let when = m.sent.map(|at| show_date(i18n, local_time(at).date()));
                            view! {
                                <li class="plan-row">
                                    <a href=href class="plan-row__name">{name}</a>
                                    <span class="plan-row__meta">
                                        <span>{coded_label(i18n, &m.purpose, purpose_label)}" · "{coded_label(i18n, &m.channel, channel_label)}</span>
                                        <span class="badge">{coded_label(i18n, &m.status, status_label)}</span>
                                        {when.map(|w| view! { <span>{w}</span> })}
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any()
        }}
        <OwnTemplates />
    }
}

/// The user's own message templates: write with one, or remove it.
#[component]
fn OwnTemplates() -> impl IntoView {
    let i18n = use_i18n();
    let library = use_library();
    let data = use_data();
    let feedback = use_feedback();
    // Show's children are re-run: they borrow the path builder instead of taking it.
    let app_path = StoredValue::new_local(use_app_path());
    let templates = Memo::new(move |_| {
        library.templates.with(|all| {
            let mut list: Vec<Template> = all
                .iter()
                .filter(|t| t.purpose.is(TemplatePurpose::Message))
                .cloned()
                .collect();
            sort_by_cached_key(&mut list, |t| t.name.to_lowercase());
            list
        })
    });
    let remove = move |t: Template| {
        let id = t.meta.id.clone();
        delete_with_undo(
            data,
            feedback,
            t,
            t_string!(i18n, messages.template_deleted).to_string(),
            move || library.remove_template(&id),
            move |t| library.put_template(t),
        );
    };
    view! {
        <Show when=move || !templates.with(Vec::is_empty)>
            <section class="card" aria-labelledby="own-templates-h">
                <h2 id="own-templates-h">{tr!(i18n, messages.own_title)}</h2>
                <p class="muted">{tr!(i18n, messages.own_lead)}</p>
                <ul class="list-plain template-list">
                    <For each=move || templates.get() key=|t| (t.meta.id.clone(), t.meta.revision) children=move |t| {
                        let href = app_path.with_value(|path| path(&format!("/messages/new?template={}", t.meta.id)));
                        let label = t_string!(i18n, messages.remove_template, name = t.name.clone()).to_string();
                        let purpose = t.message_purpose.as_ref().map(|p| coded_label(i18n, p, purpose_label));
                        let lang = coded_label(i18n, &t.lang, lang_name);
                        view! {
                            <li>
                                <a href=href>{t.name.clone()}</a>
                                <span class="muted">
                                    {purpose.map(|p| t_string!(i18n, messages.own_for, purpose = p).to_string())}
                                    " · "{lang}
                                </span>
                                <button type="button" class="button button--quiet" aria-label=label on:click=move |_| remove(t.clone())>
                                    {tr!(i18n, messages.remove)}
                                </button>
                            </li>
                        }
                    } />
                </ul>
            </section>
        </Show>
    }
}
