//! A contact's page: who they are, how to reach them, how we met and who introduced
//! whom, keep-in-touch state, give and take, promises, the timeline, duplicates to merge,
//! and delete with undo.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::facts::{ContactFacts, ContactHead, GiveTakeCard, KeepInTouchCard};
use super::follow_ups::{AddFollowUp, FollowUpItem};
use super::labels::reason_label;
use super::log_interaction::AddInteraction;
use super::name::{describe, ContactName};
use super::timeline::Timeline;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::duplicates::{merge_fields, suggestions};
use crate::domain::record::{Contact, Photo};
use crate::domain::sorting::sort_by_key;
use crate::i18n::*;
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
    let data = use_data();
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
    view! {
        <ContactHead contact=contact.clone() photo />
        <ContactFacts contact=contact.clone() />
        <div class="grid-2">
            <KeepInTouchCard contact=contact.clone() />
            <GiveTakeCard id=id.clone() />
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
