//! "More" (`/more`): on phones the tab bar has room for four sections; the others are
//! reached from here.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::link::AppLink;
use crate::ui::title::use_page_title;

/// The list of the sections the phone's tab bar has no room for.
#[component]
pub fn MorePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, more.title).to_string());
    view! {
        <h1>{tr!(i18n, more.title)}</h1>
        <ul class="more-list">
            <li>
                <AppLink href="/insights" class="more-list__link">{tr!(i18n, nav.insights)}</AppLink>
                <p class="muted">{tr!(i18n, more.insights)}</p>
            </li>
            <li>
                <AppLink href="/settings" class="more-list__link">{tr!(i18n, nav.settings)}</AppLink>
                <p class="muted">{tr!(i18n, more.settings)}</p>
            </li>
            <li>
                <AppLink href="/contacts/capture" class="more-list__link">{tr!(i18n, capture.title)}</AppLink>
                <p class="muted">{tr!(i18n, more.capture)}</p>
            </li>
        </ul>
    }
}
