//! The contact form, for new and existing contacts: every field, inline validation in the
//! user's language, a photo picked or pasted, and a warning before unsaved changes go.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::form_fields::{
    ConflictBanner, Field, FormErrors, MetSection, NameSection, RelationSection,
    WorkAndReachSection,
};
use super::photo_field::{paste_photo, PhotoField, PhotoState};
use crate::domain::contacts::draft::{display_name, new_contact, ContactDraft, DraftField};
use crate::domain::record::{Contact, Meta, Photo};
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::common::focus::focus_first_invalid;
use crate::ui::common::routes::contact_path;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::Creator;
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::guard::use_leave_guard;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// The "new contact" screen.
#[component]
pub fn NewContactPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, contacts.form.new_title).to_string());
    let store = use_network();
    let base = new_contact(Meta::new(new_id(), now()));
    view! {
        <h1>{tr!(i18n, contacts.form.new_title)}</h1>
        <Show when=move || store.loaded.get() != Loaded::Nothing fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            <ContactForm base=base.clone() photo=None />
        </Show>
    }
}

/// The "edit contact" screen.
#[component]
pub fn EditContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The form starts from the contact as it is when the screen opens; later saves from
    // elsewhere surface as a conflict on save rather than replacing what the user types.
    let base = Memo::new(move |before: Option<&Option<Contact>>| {
        if let Some(Some(c)) = before {
            if c.meta.id == id.get() {
                return Some(c.clone());
            }
        }
        store.network.with(|n| n.contact(&id.get()).cloned())
    });
    let photo = LocalResource::new(move || {
        let db = data.db();
        let id = id.get();
        async move {
            match db {
                Ok(db) => db
                    .by_contact::<Photo>(&id)
                    .await
                    .map(|p| p.into_iter().next()),
                Err(e) => Err(e),
            }
        }
    });
    use_page_title(move || {
        let name = base.with(|c| c.as_ref().map(display_name).unwrap_or_default());
        t_string!(i18n, contacts.form.edit_title, name = name).to_string()
    });
    // Which of loading, not found or the form to show. A memo, so that a reload of the
    // network elsewhere (another tab's change, which sets `loaded` again) does not build
    // the form anew and throw away what the user typed.
    let phase = Memo::new(move |_| {
        match (
            store.loaded.get(),
            base.with(Option::is_some),
            photo.with(Option::is_some),
        ) {
            (_, true, false) => Phase::Loading,
            (loaded, false, _) if loaded < Loaded::Contacts => Phase::Loading,
            (_, false, _) => Phase::Missing,
            (_, true, true) => Phase::Ready,
        }
    });
    view! {
        {move || {
            let name = base.with(|c| c.as_ref().map(display_name).unwrap_or_default());
            view! { <h1>{t!(i18n, contacts.form.edit_title, name = name)}</h1> }
        }}
        {move || match phase.get() {
            Phase::Loading => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            Phase::Missing => view! { <p>{tr!(i18n, contacts.not_found)}</p> }.into_any(),
            Phase::Ready => {
                // Read once: the form owns what the user types from here on.
                let c = base.get_untracked();
                let p = photo.get_untracked().and_then(|p| p.ok().flatten());
                c.map(|c| view! { <ContactForm base=c photo=p /> }.into_any())
                    .unwrap_or_else(|| ().into_any())
            }
        }}
    }
}

/// What the edit screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Loading,
    Missing,
    Ready,
}

#[component]
fn ContactForm(base: Contact, photo: Option<Photo>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    let navigate = use_navigate();
    let app_path = use_app_path();
    let is_new = base.meta.revision == 0;
    let initial = ContactDraft::from_contact(&base);
    let base = RwSignal::new(base);
    let draft = RwSignal::new(initial.clone());
    let photo = RwSignal::new(PhotoState::Stored(photo));
    let photo_error = RwSignal::new(None::<String>);
    let attempted = RwSignal::new(false);
    let creator = Creator::new();
    let saving = creator.busy;
    let conflict = RwSignal::new(None::<Option<Contact>>);
    let introduced_by = RwSignal::new(initial.introduced_by.clone());
    let initial_draft = StoredValue::new(initial);
    let dirty = Memo::new(move |_| {
        let mut d = draft.get();
        d.introduced_by = introduced_by.get();
        initial_draft.with_value(|i| *i != d) || !matches!(photo.get(), PhotoState::Stored(_))
    });
    let guard = use_leave_guard(dirty.into());
    let checked = Memo::new(move |_| {
        let mut d = draft.get();
        d.introduced_by = introduced_by.get();
        d.to_contact(&base.get(), store.clock.get().today)
    });
    let errors = FormErrors { attempted, checked };

    let on_paste = move |ev| paste_photo(ev, i18n, photo, photo_error);

    let cancel_path = {
        let id = base.with_untracked(|b| b.meta.id.clone());
        if is_new {
            app_path("/contacts")
        } else {
            app_path(&contact_path(&id))
        }
    };
    let save = move |keep_mine_over: Option<u32>| {
        if saving.get_untracked() {
            return;
        }
        attempted.set(true);
        let contact = match checked.get_untracked() {
            Ok(mut c) => {
                if let Some(revision) = keep_mine_over {
                    c.meta.revision = revision;
                }
                c
            }
            Err(_) => {
                focus_first_invalid();
                return;
            }
        };
        let change = photo.get_untracked().change(&contact.meta.id);
        let navigate = navigate.clone();
        creator.run(move |db| async move {
            match db.save_contact(contact, change, now()).await {
                Ok(saved) => {
                    conflict.set(None);
                    let id = saved.meta.id.clone();
                    feedback.reloaded(store.reload_contact(&id).await);
                    feedback.toast(t_string!(i18n, contacts.form.saved));
                    guard.release();
                    // The router adds its base itself.
                    navigate(&contact_path(&id), Default::default());
                }
                Err(SaveError::Conflict(theirs)) => conflict.set(Some(theirs.map(|b| *b))),
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    let save_again = save.clone();
    // Their version replaces the form and becomes what "unsaved changes" compares with.
    let take_theirs = move |t: Contact| {
        draft.set(ContactDraft::from_contact(&t));
        introduced_by.set(t.introduced_by.clone());
        initial_draft.set_value(ContactDraft::from_contact(&t));
        base.set(t);
        conflict.set(None);
    };
    let self_id = base.with_untracked(|b| b.meta.id.clone());

    view! {
        <form class="card contact-form" novalidate on:submit=move |ev| { ev.prevent_default(); save(None); } on:paste=on_paste>
            <ConflictBanner conflict save_again=move |r: u32| save_again(Some(r)) take_theirs />
            <p class="muted">{tr!(i18n, contacts.form.required_hint)}</p>
            <NameSection draft errors />
            <PhotoField photo error=photo_error />
            <WorkAndReachSection draft errors />
            <MetSection draft errors introduced_by self_id />
            <RelationSection draft errors />
            <Field id="notes" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.notes).to_string())
                draft get=|d| &d.notes set=|d| &mut d.notes error=errors.of(i18n, DraftField::Text("notes")) />
            <p role="status" class="form-status">
                {move || (attempted.get() && checked.with(Result::is_err)).then(|| view! {
                    <span class="error">{tr!(i18n, contacts.form.not_saved)}</span>
                })}
            </p>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>{tr!(i18n, contacts.form.save)}</button>
                <a class="button button--secondary" href=cancel_path>{tr!(i18n, cancel)}</a>
            </div>
        </form>
    }
}
