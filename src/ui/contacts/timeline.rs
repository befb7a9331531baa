//! A contact's timeline: what happened, newest first, with correcting and deleting an
//! entry (deleting offers an undo).

use leptos::prelude::*;

use super::labels::interaction_label;
use super::log_interaction::AddInteraction;
use super::name::ContactName;
use crate::domain::format;
use crate::domain::record::Interaction;
use crate::domain::sorting::sort_by;
use crate::i18n::*;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_id;
use crate::ui::contacts::store::use_network;
use crate::ui::data::use_data;
use crate::ui::editor::delete_with_undo;
use crate::ui::feedback::use_feedback;

/// The contact's timeline, newest first.
#[component]
pub fn Timeline(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let list_id = id.clone();
    let entries = LocalResource::new(move || {
        data.revision.track();
        let db = data.db();
        let id = list_id.clone();
        async move {
            let mut list: Vec<Interaction> = match db {
                Ok(db) => db.by_contact(&id).await?,
                Err(e) => return Err(e),
            };
            sort_by(&mut list, |a, b| {
                b.date
                    .cmp(&a.date)
                    .then_with(|| b.meta.created.cmp(&a.meta.created))
            });
            Ok(list)
        }
    });
    // The contact's summary (last contact) follows the timeline: reloaded after the
    // delete and after its undo.
    let reload = move |contact: String| {
        leptos::task::spawn_local(async move {
            feedback.reloaded(store.reload_contact(&contact).await);
        });
    };
    let remove = move |entry: Interaction| {
        let contact = entry.contact_id.clone();
        // The callbacks may run after this screen is gone (the undo offer outlives it):
        // they hold the contact's id itself, nothing owned by the screen.
        delete_with_undo(
            data,
            feedback,
            entry,
            t_string!(i18n, contacts.timeline.deleted).to_string(),
            move || reload(contact),
            move |entry: Interaction| reload(entry.contact_id),
        );
    };
    // The entry being corrected, shown as a form in its place.
    let editing = RwSignal::new(None::<String>);
    let contact_id = StoredValue::new(id);
    view! {
        {move || match entries.get() {
            None => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <p class="error">{crate::ui::feedback::storage_error_text(i18n, &e)}</p> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="muted">{tr!(i18n, contacts.timeline.none)}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ol class="timeline">
                    {list.into_iter().map(|entry| {
                        let e = entry.clone();
                        let kind = interaction_label(i18n, entry.kind);
                        let delete_label = t_string!(i18n, contacts.timeline.delete_label, kind = kind.clone(), date = show_date(i18n, entry.date)).to_string();
                        let edit_label = t_string!(i18n, contacts.timeline.edit_label, kind = kind.clone(), date = show_date(i18n, entry.date)).to_string();
                        let entry_id = entry.meta.id.clone();
                        if editing.with(|id| id.as_deref() == Some(entry_id.as_str())) {
                            let title = t_string!(i18n, contacts.timeline.edit_title, kind = kind.clone(), date = show_date(i18n, entry.date)).to_string();
                            return view! {
                                <li class="timeline__item timeline__item--editing">
                                    <h3 class="timeline__edit-title">{title}</h3>
                                    <AddInteraction contact_id=contact_id.get_value() id_prefix=format!("edit-{entry_id}") existing=entry.clone()
                                        on_done=Callback::new(move |_| editing.set(None)) />
                                </li>
                            }.into_any();
                        }
                        view! {
                            <li class="timeline__item">
                                <p class="timeline__head">
                                    <strong>{kind}</strong>
                                    " · "
                                    <time datetime=format::iso_date(entry.date)>{show_date(i18n, entry.date)}</time>
                                    {entry.other_contact_id.clone().map(|other| view! { " · " <ContactName id=other /> })}
                                    {(entry.other_contact_id.is_none() && !entry.other_contact_name.is_empty()).then(|| {
                                        let name = t_string!(i18n, contacts.deleted_name, name = entry.other_contact_name.clone()).to_string();
                                        view! { " · " <span class="muted">{name}</span> }
                                    })}
                                </p>
                                {(!entry.summary.is_empty()).then(|| view! { <p class="prewrap">{entry.summary.clone()}</p> })}
                                {(!entry.keywords.is_empty()).then(|| view! {
                                    <ul class="tags">{entry.keywords.iter().map(|k| view! { <li class="tag">{k.clone()}</li> }).collect_view()}</ul>
                                })}
                                <div class="button-row">
                                    <button type="button" class="button button--secondary button--small" aria-label=edit_label on:click=move |_| {
                                        editing.set(Some(entry_id.clone()));
                                        // The form replaces the entry: keyboard users continue in it.
                                        let field = format!("edit-{entry_id}-kind");
                                        request_animation_frame(move || focus_id(&field));
                                    }>
                                        {tr!(i18n, contacts.edit)}
                                    </button>
                                    <button type="button" class="button button--secondary button--small" aria-label=delete_label on:click=move |_| remove(e.clone())>
                                        {tr!(i18n, delete)}
                                    </button>
                                </div>
                            </li>
                        }.into_any()
                    }).collect_view()}
                </ol>
            }.into_any(),
        }}
    }
}
