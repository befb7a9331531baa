//! The start screen: what Netzweber is for, why the data is private, how to set it up.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::link::AppLink;
use crate::ui::title::use_page_title;

/// The start screen.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, nav.start).to_string());
    view! {
        <section class="card" aria-labelledby="home-title">
            <h1 id="home-title">{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
        </section>
        <section class="card" aria-labelledby="home-private">
            <h2 id="home-private">{t!(i18n, home.private_title)}</h2>
            <p>{t!(i18n, home.private_text)}</p>
        </section>
        <section class="card" aria-labelledby="home-setup">
            <h2 id="home-setup">{t!(i18n, home.setup_title)}</h2>
            <ol class="stack">
                <li>{t!(i18n, home.step_language)}</li>
                <li>{t!(i18n, home.step_profile)}</li>
                <li>{t!(i18n, home.step_storage)}</li>
                <li>{t!(i18n, home.step_backup)}</li>
            </ol>
            <p>
                <AppLink href="/settings" class="button">{t!(i18n, home.go_settings)}</AppLink>
            </p>
        </section>
    }
}
