//! The outreach overview: every message by status, with counts, newest first.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::parts::{channel_label, purpose_label, recipient_name, status_label};
use super::store::use_outreach;
use crate::domain::messages::model::{Channel, Purpose, Status};
use crate::i18n::*;
use crate::ui::contacts::parts::show_date;
use crate::ui::interviews::parts::local_time;
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
            .map(|s| Status::from_key(&s))
    });
    let counts = Memo::new(move |_| {
        outreach.messages.with(|list| {
            Status::ALL.map(|s| {
                (
                    s,
                    list.iter()
                        .filter(|m| Status::from_key(&m.status) == s)
                        .count(),
                )
            })
        })
    });
    let shown = Memo::new(move |_| {
        let f = filter.get();
        let mut list: Vec<_> = outreach.messages.with(|l| {
            l.iter()
                .filter(|m| f.is_none_or(|s| Status::from_key(&m.status) == s))
                .cloned()
                .collect()
        });
        list.sort_by_key(|m| std::cmp::Reverse(m.sent.unwrap_or(m.meta.updated)));
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
        <h1>{t!(i18n, messages.title)}</h1>
        <p class="lead">{t!(i18n, messages.lead)}</p>
        <p><AppLink href="/messages/new" class="button">{t!(i18n, messages.write)}</AppLink></p>
        <nav class="card status-tabs" aria-label=move || t_string!(i18n, messages.by_status)>
            <ul class="list-plain">
                <li><a href=status_href(None) aria-current=move || filter.get().is_none().then_some("page")>
                    {t!(i18n, messages.all)}" "<span class="badge">{move || outreach.messages.with(Vec::len)}</span></a></li>
                {Status::ALL.into_iter().map(|s| {
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
            view! { <p class="muted">{t!(i18n, contacts.loading)}</p> }.into_any()
        } else if shown.with(Vec::is_empty) {
            view! {
                <section class="card empty-state" aria-labelledby="messages-empty">
                    <h2 id="messages-empty">{t!(i18n, messages.empty.title)}</h2>
                    <p>{t!(i18n, messages.empty.text)}</p>
                    <ul class="checklist">
                        <li>{t!(i18n, messages.empty.point_hook)}</li>
                        <li>{t!(i18n, messages.empty.point_short)}</li>
                        <li>{t!(i18n, messages.empty.point_ask)}</li>
                    </ul>
                </section>
            }.into_any()
        } else {
            view! {
                <ul class="list-plain card plan-list">
                    {shown.get().into_iter().map(|m| {
                        let href = app_path(&format!("/messages/{}", m.meta.id));
                        let name = recipient_name(&m);
                        let name = if name.is_empty() { t_string!(i18n, interviews.unnamed).to_string() } else { name };
                        let when = m.sent.map(|at| show_date(i18n, local_time(at).date()));
                        let status = Status::from_key(&m.status);
                        view! {
                            <li class="plan-row">
                                <a href=href class="plan-row__name">{name}</a>
                                <span class="plan-row__meta">
                                    <span>{purpose_label(i18n, Purpose::from_key(&m.purpose))}" · "{channel_label(i18n, Channel::from_key(&m.channel))}</span>
                                    <span class="badge">{status_label(i18n, status)}</span>
                                    {when.map(|w| view! { <span>{w}</span> })}
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
