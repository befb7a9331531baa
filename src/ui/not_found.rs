//! Shown for any address that is not a screen.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::*;
use crate::ui::link::AppLink;
use crate::ui::title::use_page_title;

/// The not-found screen, with the address that failed and a way back.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    use_page_title(move || t_string!(i18n, not_found.title).to_string());
    view! {
        <section class="card empty-state" aria-labelledby="nf-title">
            <img src="icons/icon.svg" alt="" width="64" height="64" />
            <h1 id="nf-title">{tr!(i18n, not_found.title)}</h1>
            <p>{tr!(i18n, not_found.text)}</p>
            <p class="muted">
                {tr!(i18n, not_found.address)} ": " <code>{move || location.pathname.get()}</code>
            </p>
            <p>
                <AppLink href="/" class="button">{tr!(i18n, not_found.back)}</AppLink>
            </p>
        </section>
    }
}
