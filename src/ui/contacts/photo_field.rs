//! The contact form's photo: a preview, picking a file (pasting is the form's, through
//! [`take_photo`]), removing it, and why an image could not be used.

use leptos::prelude::*;

use super::photo::{self, PhotoError};
use crate::domain::record::{Meta, Photo};
use crate::i18n::*;
use crate::storage::db::PhotoChange;
use crate::ui::data::{new_id, now};

/// What the form holds for the photo.
#[derive(Clone, Debug, PartialEq)]
pub enum PhotoState {
    /// As stored (or none).
    Stored(Option<Photo>),
    /// A new image, scaled: mime and base64.
    New(String, String),
    /// The user removed it.
    Removed,
}

impl PhotoState {
    /// What saving the contact `contact_id` does with its photo.
    pub fn change(self, contact_id: &str) -> PhotoChange {
        match self {
            PhotoState::Stored(_) => PhotoChange::Keep,
            PhotoState::Removed => PhotoChange::Remove,
            PhotoState::New(mime, data) => PhotoChange::Set(Photo {
                meta: Meta::new(new_id(), now()),
                contact_id: contact_id.to_string(),
                mime,
                data,
            }),
        }
    }
}

/// Takes an image pasted anywhere on the form as the photo.
pub fn paste_photo(
    ev: web_sys::ClipboardEvent,
    i18n: I18n,
    photo: RwSignal<PhotoState>,
    error: RwSignal<Option<String>>,
) {
    let file = ev
        .clipboard_data()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
        .filter(|f| f.type_().starts_with("image/"));
    if let Some(file) = file {
        ev.prevent_default();
        take_photo(i18n, photo, error, file);
    }
}

/// Scales a picked or pasted image into `photo`, or says in `error` why it cannot be used.
pub fn take_photo(
    i18n: I18n,
    photo: RwSignal<PhotoState>,
    error: RwSignal<Option<String>>,
    file: web_sys::File,
) {
    leptos::task::spawn_local(async move {
        match photo::scale(&file).await {
            Ok((mime, data)) => {
                error.set(None);
                photo.set(PhotoState::New(mime, data));
            }
            Err(PhotoError::NotAnImage) => {
                error.set(Some(t_string!(i18n, contacts.photo.not_image).to_string()))
            }
            Err(PhotoError::Unreadable) => {
                error.set(Some(t_string!(i18n, contacts.photo.unreadable).to_string()))
            }
        }
    });
}

/// The photo fieldset of the contact form.
#[component]
pub fn PhotoField(
    /// The photo as the form holds it.
    photo: RwSignal<PhotoState>,
    /// Why the last image could not be used.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_photo(i18n, photo, error, file);
        }
        input.set_value("");
    };
    let photo_src = move || match photo.get() {
        PhotoState::Stored(Some(p)) => Some(photo::data_url(&p.mime, &p.data)),
        PhotoState::New(mime, data) => Some(photo::data_url(&mime, &data)),
        _ => None,
    };
    view! {
        <fieldset>
            <legend>{tr!(i18n, contacts.photo.title)}</legend>
            <div class="photo-field">
                {move || match photo_src() {
                    Some(src) => view! { <img class="photo" src=src alt=tr!(i18n, contacts.photo.preview) width="96" height="96" /> }.into_any(),
                    None => view! { <span class="photo photo--empty" aria-hidden="true"></span> }.into_any(),
                }}
                <div>
                    <input id="photo-file" class="visually-hidden" type="file" accept="image/*" aria-describedby="photo-hint" on:change=on_file />
                    <label for="photo-file" class="button button--secondary">{tr!(i18n, contacts.photo.pick)}</label>
                    {move || photo_src().is_some().then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| photo.set(PhotoState::Removed)>
                            {tr!(i18n, contacts.photo.remove)}
                        </button>
                    })}
                    <p class="hint" id="photo-hint">{tr!(i18n, contacts.photo.hint)}</p>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </div>
            </div>
        </fieldset>
    }
}
