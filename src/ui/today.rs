//! Today, the start screen: what to do today. Promises due and overdue, contacts due for
//! a call, birthdays, a few dormant contacts worth reviving, and in December the year-end
//! greetings. On first run it explains what to record and why.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::network::{FollowUpGroups, TodayView};
use crate::domain::interviews::plan::{agenda, Agenda};
use crate::domain::record::{FollowUp, FollowUpKind, Meta};
use crate::i18n::*;
use crate::storage::prefs;
use crate::ui::app::screens;
use crate::ui::common::dates::{show_date, when_text};
use crate::ui::contacts::follow_ups::FollowUpItem;
use crate::ui::contacts::name::ContactName;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now, use_data};
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::interviews::parts::person_of;
use crate::ui::interviews::store::use_interviews;
use crate::ui::interviews::PlanRow;
use crate::ui::lazy::LazyPart;
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

/// How many days ahead Today lists interviews.
const INTERVIEW_DAYS: i64 = 14;

/// The Today screen.
#[component]
pub fn Today() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    use_page_title(move || t_string!(i18n, today.title).to_string());
    let date = move || crate::domain::format::date_long(store.clock.get().today, i18n.lang());
    view! {
        <div class="page-head">
            <h1>{tr!(i18n, today.title)}<span class="h1-sub">{date}</span></h1>
            <AppLink href="/contacts/capture" class="button capture-button">{tr!(i18n, capture.button)}</AppLink>
        </div>
        {prefs::weekly_goal_set().then(|| view! { <LazyPart load=screens::week_goal /> })}
        {move || match (store.loaded.get(), store.network.with(|n| n.is_empty())) {
            (Loaded::Nothing, _) => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            (_, true) => view! { <FirstRun /> }.into_any(),
            (_, false) => view! { <Agenda /> }.into_any(),
        }}
    }
}

#[component]
fn FirstRun() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card empty-state" aria-labelledby="first-run">
            <h2 id="first-run">{tr!(i18n, today.first.title)}</h2>
            <p class="lead">{tr!(i18n, home.lead)}</p>
            <p>{tr!(i18n, today.first.text)}</p>
            <ul class="checklist">
                <li>{tr!(i18n, contacts.empty.point_hook)}</li>
                <li>{tr!(i18n, contacts.empty.point_promise)}</li>
                <li>{tr!(i18n, contacts.empty.point_cadence)}</li>
            </ul>
            <p><AppLink href="/contacts/new" class="button">{tr!(i18n, contacts.empty.action)}</AppLink></p>
        </section>
        <section class="card" aria-labelledby="home-private">
            <h2 id="home-private">{tr!(i18n, home.private_title)}</h2>
            <p>{tr!(i18n, home.private_text)}</p>
        </section>
        <section class="card" aria-labelledby="home-setup">
            <h2 id="home-setup">{tr!(i18n, home.setup_title)}</h2>
            <ol class="stack">
                <li>{tr!(i18n, home.step_language)}</li>
                <li>{tr!(i18n, home.step_profile)}</li>
                <li>{tr!(i18n, home.step_storage)}</li>
                <li>{tr!(i18n, home.step_backup)}</li>
            </ol>
            <p><AppLink href="/settings" class="button button--secondary">{tr!(i18n, home.go_settings)}</AppLink></p>
        </section>
    }
}

#[component]
fn Agenda() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let feedback = use_feedback();
    let app_path = use_app_path();
    let view_data = Memo::new(move |_| {
        let clock = store.clock.get();
        let cadence = store.cadence.get();
        store.network.with(|n| n.today(clock, &cadence))
    });
    let full = move || store.loaded.get() == Loaded::All;
    let revive = move |id: String| {
        let name = store
            .network
            .with_untracked(|n| n.contact(&id).map(display_name))
            .unwrap_or_default();
        let record = FollowUp {
            meta: Meta::new(new_id(), now()),
            contact_id: Some(id),
            kind: FollowUpKind::Reminder,
            text: t_string!(i18n, today.dormant.revive_text, name = name).to_string(),
            due: Some(store.clock.get_untracked().today),
            done: None,
            message_id: None,
        };
        let Some(db) = feedback.database(data) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match db.save(record, now()).await {
                Ok(saved) => {
                    store.network.update(|n| n.set_follow_up(saved));
                    data.changed();
                    feedback.toast(t_string!(i18n, today.dormant.revived));
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    let interviews = use_interviews();
    let plans_agenda = Memo::new(move |_| {
        // Re-evaluated when the date changes; appointments an hour past count as held.
        store.clock.track();
        interviews.plans.with(|p| agenda(p, now(), INTERVIEW_DAYS))
    });
    let due_all = StoredValue::new(app_path("/contacts?only=due"));
    let write_base = StoredValue::new(app_path("/messages/new"));
    let dormant_all = StoredValue::new(app_path("/contacts?only=dormant"));
    view! {
        <Show when=full fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            {move || {
                let t = view_data.get();
                let f = &t.follow_ups;
                let nothing = f.overdue.is_empty() && f.today.is_empty() && f.soon.is_empty() && t.due.is_empty()
                    && t.birthdays.is_empty() && t.dormant.is_empty() && plans_agenda.with(|a| a.upcoming.is_empty() && a.to_wrap_up.is_empty() && a.unfinished.is_empty());
                view! {
                    {nothing.then(|| view! {
                        <section class="card" aria-labelledby="today-clear">
                            <h2 id="today-clear">{tr!(i18n, today.clear_title)}</h2>
                            <p>{tr!(i18n, today.clear_text)}</p>
                            <p><AppLink href="/contacts" class="button button--secondary">{tr!(i18n, today.open_contacts)}</AppLink></p>
                        </section>
                    })}
                    <TodayInterviews agenda=plans_agenda />
                    {promises_card(i18n, f)}
                    {due_card(i18n, &t, due_all.get_value())}
                    {birthdays_card(i18n, &t)}
                    {dormant_card(i18n, &t, dormant_all.get_value(), write_base.get_value(), revive)}
                    {greetings_card(i18n, &t)}
                }
            }}
        </Show>
    }
}

/// Interviews on Today: appointments in the next two weeks with their preparation,
/// conversations waiting for their wrap-up, and plans still being prepared.
#[component]
fn TodayInterviews(agenda: Memo<Agenda>) -> impl IntoView {
    let i18n = use_i18n();
    let interviews = use_interviews();
    let app_path = use_app_path();
    let plans = move |ids: Vec<String>| {
        ids.into_iter()
            .filter_map(|id| interviews.plan(&id))
            .collect::<Vec<_>>()
    };
    view! {
        {move || {
            let a = agenda.get();
            (!(a.upcoming.is_empty() && a.to_wrap_up.is_empty() && a.unfinished.is_empty())).then(|| {
                let upcoming = plans(a.upcoming);
                let wrap = plans(a.to_wrap_up);
                let unfinished = plans(a.unfinished);
                view! {
                    <section class="card" aria-labelledby="today-interviews">
                        <h2 id="today-interviews">{tr!(i18n, today.interviews.title)}</h2>
                        {(!wrap.is_empty()).then(|| view! {
                            <h3 class="group-title">{tr!(i18n, today.interviews.wrap_up)}</h3>
                            <ul class="list-plain">
                                {wrap.into_iter().map(|p| {
                                    let href = app_path(&format!("/interviews/{}/wrap-up", p.meta.id));
                                    let name = person_of(&p);
                                    let when = p.scheduled.or(p.finished).map(|at| when_text(i18n, at));
                                    view! {
                                        <li><a href=href>{t!(i18n, today.interviews.wrap_link, name = name)}</a>
                                            {when.map(|w| view! { " · "<span class="muted">{w}</span> })}</li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                        {(!upcoming.is_empty()).then(|| view! {
                            <h3 class="group-title">{tr!(i18n, today.interviews.upcoming)}</h3>
                            <ul class="list-plain plan-list">
                                {upcoming.into_iter().map(|p| view! { <PlanRow plan=p /> }).collect_view()}
                            </ul>
                        })}
                        {(!unfinished.is_empty()).then(|| view! {
                            <h3 class="group-title">{tr!(i18n, today.interviews.unfinished)}</h3>
                            <ul class="list-plain plan-list">
                                {unfinished.into_iter().map(|p| view! { <PlanRow plan=p /> }).collect_view()}
                            </ul>
                        })}
                    </section>
                }
            })
        }}
    }
}

/// The promises due: overdue, today, and soon.
fn promises_card(i18n: I18n, f: &FollowUpGroups) -> Option<impl IntoView> {
    (!(f.overdue.is_empty() && f.today.is_empty() && f.soon.is_empty())).then(|| {
        let group = |title: String, list: Vec<FollowUp>, class: &'static str| (!list.is_empty()).then(|| view! {
            <h3 class=class>{title}</h3>
            <ul class="follow-ups list-plain">
                {list.into_iter().map(|f| view! { <FollowUpItem follow_up=f show_contact=true /> }).collect_view()}
            </ul>
        });
        view! {
            <section class="card" aria-labelledby="today-promises">
                <h2 id="today-promises">{tr!(i18n, today.promises)}</h2>
                {group(t_string!(i18n, today.overdue).to_string(), f.overdue.clone(), "group-title group-title--overdue")}
                {group(t_string!(i18n, today.due_today).to_string(), f.today.clone(), "group-title")}
                {group(t_string!(i18n, today.soon).to_string(), f.soon.clone(), "group-title")}
            </section>
        }
    })
}

/// Contacts due for a conversation, the most overdue first.
fn due_card(i18n: I18n, t: &TodayView, due_all: String) -> Option<impl IntoView> {
    (!t.due.is_empty()).then(|| {
        let total = t.due_total;
                view! {
            <section class="card" aria-labelledby="today-due">
                <h2 id="today-due">{tr!(i18n, today.due_title)}</h2>
                <p class="muted">{tr!(i18n, today.due_hint)}</p>
                <ul class="list-plain">
                    {t.due.iter().map(|(id, days)| {
                        let text = crate::ui::contacts::labels::due_text(i18n, *days);
                        view! { <li><ContactName id=id.clone() />" · "<span class="muted">{text}</span></li> }
                    }).collect_view()}
                </ul>
                {(total > t.due.len()).then(|| view! { <p><A href=due_all>{t!(i18n, today.due_all, count = total)}</A></p> })}
            </section>
        }
    })
}

/// Birthdays in the next days.
fn birthdays_card(i18n: I18n, t: &TodayView) -> Option<impl IntoView> {
    (!t.birthdays.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="today-birthdays">
            <h2 id="today-birthdays">{tr!(i18n, today.birthdays)}</h2>
            <ul class="list-plain">
                {t.birthdays.iter().map(|b| {
                    let when = match b.in_days {
                        0 => t_string!(i18n, today.birthday_today).to_string(),
                        1 => t_string!(i18n, today.birthday_tomorrow).to_string(),
                        _ => show_date(i18n, b.date),
                    };
                    let turns = b.turns.map(|a| t_string!(i18n, today.turns, age = a).to_string());
                    view! { <li><ContactName id=b.id.clone() />" · "{when}{turns.map(|t| format!(" · {t}"))}</li> }
                }).collect_view()}
            </ul>
        </section>
    })
}

/// Contacts gone quiet, each to write to or to be reminded of.
fn dormant_card(
    i18n: I18n,
    t: &TodayView,
    dormant_all: String,
    write_base: String,
    revive: impl Fn(String) + Copy + 'static,
) -> Option<impl IntoView> {
    let store = use_network();
    (!t.dormant.is_empty()).then(|| {
        let total = t.dormant_total;
        view! {
            <section class="card" aria-labelledby="today-dormant">
                <h2 id="today-dormant">{tr!(i18n, today.dormant.title)}</h2>
                <p>{tr!(i18n, contacts.dormant_why)}</p>
                <ul class="list-plain">
                    {t.dormant.iter().map(|id| {
                        let id2 = id.clone();
                        let name = store.network.with_untracked(|n| n.contact(id).map(display_name)).unwrap_or_default();
                        let label = t_string!(i18n, today.dormant.revive_label, name = name.clone()).to_string();
                        let write = format!("{}?contact={id}&purpose=reconnect", write_base);
                        let write_label = t_string!(i18n, today.dormant.write_label, name = name.clone()).to_string();
                        view! {
                            <li class="row-between">
                                <ContactName id=id.clone() />
                                <span class="button-row">
                                    <a class="button button--secondary button--small" href=write aria-label=write_label>{tr!(i18n, today.dormant.write)}</a>
                                    <button type="button" class="button button--secondary button--small" aria-label=label on:click=move |_| revive(id2.clone())>
                                        {tr!(i18n, today.dormant.revive)}
                                    </button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p><A href=dormant_all>{t!(i18n, today.dormant.all, count = total)}</A></p>
            </section>
        }
    })
}

/// Year-end greetings, from December on.
fn greetings_card(i18n: I18n, t: &TodayView) -> Option<impl IntoView> {
    t.greetings.map(|(done, all)| view! {
        <section class="card" aria-labelledby="today-greetings">
            <h2 id="today-greetings">{tr!(i18n, contacts.greetings.title)}</h2>
            <p>{t!(i18n, contacts.greetings.progress, done = done, total = all)}</p>
            <p><AppLink href="/contacts/greetings" class="button button--secondary">{tr!(i18n, today.greetings_open)}</AppLink></p>
        </section>
    })
}
