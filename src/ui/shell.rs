//! The frame around every screen: skip link, header with navigation, main landmark,
//! banners, footer and the toast region.

use leptos::prelude::*;

use crate::i18n::*;
use crate::storage::vault::Protection;
use crate::ui::backup::BackupReminder;
use crate::ui::common::focus::focus_id;
use crate::ui::data::use_data;
use crate::ui::feedback::{DbStateBanner, ErrorBanners, Toasts, UpdateBanner};
use crate::ui::lazy::LazyPart;
use crate::ui::link::{use_app_path, AppLink};

/// The phone tab bar's "More": current on the screens it leads to.
#[component]
fn MoreLink() -> impl IntoView {
    let i18n = use_i18n();
    let location = leptos_router::hooks::use_location();
    let app_path = use_app_path();
    let under = ["/more", "/insights", "/settings"].map(&app_path);
    let current = move || {
        location.pathname.with(|p| {
            under
                .iter()
                .any(|u| p == u || p.starts_with(&format!("{u}/")))
                .then_some("page")
        })
    };
    view! { <a href=app_path("/more") aria-current=current>{tr!(i18n, nav.more)}</a> }
}

/// Moves focus to the main landmark. A plain `href="#main"` would resolve against the
/// `<base>` element and leave the current screen when the app runs under a sub-path.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_id("main");
}

/// The app frame; `children` is the current screen.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    view! {
        <div class="app">
            <a class="skip-link" href="#main" on:click=skip_to_main>
                {tr!(i18n, skip_to_content)}
            </a>
            <header class="app-header">
                <div class="app-header__inner">
                    <AppLink href="/" class="brand">
                        <img src="icons/icon.svg" alt="" width="32" height="32" />
                        <span>{tr!(i18n, app_name)}</span>
                    </AppLink>
                    // One list for both layouts: a header row on wide screens, a tab bar at
                    // the bottom on phones (CSS), where "More" stands for the last two.
                    <nav class="main-nav" aria-label=tr!(i18n, nav.label)>
                        <ul>
                            <li class="nav-today">
                                <AppLink href="/" exact=true>{tr!(i18n, nav.start)}</AppLink>
                            </li>
                            <li class="nav-contacts">
                                <AppLink href="/contacts">{tr!(i18n, nav.contacts)}</AppLink>
                            </li>
                            <li class="nav-interviews">
                                <AppLink href="/interviews">{tr!(i18n, nav.interviews)}</AppLink>
                            </li>
                            <li class="nav-messages">
                                <AppLink href="/messages">{tr!(i18n, nav.messages)}</AppLink>
                            </li>
                            <li class="nav-extra">
                                <AppLink href="/insights">{tr!(i18n, nav.insights)}</AppLink>
                            </li>
                            <li class="nav-extra">
                                <AppLink href="/settings">{tr!(i18n, nav.settings)}</AppLink>
                            </li>
                            <li class="nav-more">
                                <MoreLink />
                            </li>
                        </ul>
                    </nav>
                    <Show when=move || data.protection.get() == Protection::Unlocked>
                        <LazyPart load=crate::ui::app::screens::lock_controls />
                    </Show>
                </div>
            </header>
            <main id="main" tabindex="-1">
                // Sticky, so a failure is seen even when the button that caused it is far down.
                <div class="banners">
                    <UpdateBanner />
                    <DbStateBanner />
                    <ErrorBanners />
                    <BackupReminder />
                </div>
                {children()}
            </main>
            <footer class="app-footer">
                <p>{tr!(i18n, footer)}</p>
            </footer>
            <Toasts />
        </div>
    }
}
