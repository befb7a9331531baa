//! A contact as the other screens name them: a link to their page, one line with the
//! company, and the initials of their avatar.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::contacts::draft::{display_name, initials};
use crate::domain::record::Contact;
use crate::i18n::*;
use crate::ui::common::routes::contact_path;
use crate::ui::contacts::store::use_network;
use crate::ui::link::use_app_path;

/// The contact's name as a link to their page (or a note if they were deleted).
#[component]
pub fn ContactName(#[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let path = use_app_path()(&contact_path(&id));
    let name = move || store.network.with(|n| n.contact(&id).map(display_name));
    view! {
        {move || match name() {
            Some(name) => view! { <A href=path.clone()>{name}</A> }.into_any(),
            None => view! { <span class="muted">{tr!(i18n, contacts.unknown)}</span> }.into_any(),
        }}
    }
}

/// A contact as one line: name, then company.
pub fn describe(c: &Contact) -> String {
    let name = display_name(c);
    match c.company.trim() {
        "" => name,
        company => format!("{name} ({company})"),
    }
}

/// Initials for a contact's avatar.
pub fn avatar_text(c: &Contact) -> String {
    initials(c)
}
