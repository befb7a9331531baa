//! Links within the app that respect the sub-path it is served from.
//!
//! leptos_router's `<A>` passes absolute paths through unchanged, so `/settings` would
//! leave `/netzweber/`. Every in-app link goes through [`AppLink`] instead.

use leptos::prelude::*;
use leptos_router::components::A;

/// The path the app is served under, without a trailing slash (`""` at a host's root).
#[derive(Clone, Debug)]
pub struct RouterBase(pub String);

/// The full path of an app screen, e.g. `/settings` → `/netzweber/settings`.
pub fn use_app_path() -> impl Fn(&str) -> String + Clone + 'static {
    let RouterBase(base) = expect_context::<RouterBase>();
    move |path: &str| format!("{base}{path}")
}

/// An in-app link; `href` is the screen's path as declared in the router (`/settings`).
#[component]
pub fn AppLink(
    href: &'static str,
    /// CSS class of the anchor.
    #[prop(optional)]
    class: &'static str,
    /// Mark as current only on an exact match (for the start screen).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let full = use_app_path()(href);
    view! {
        <A href=full exact=exact attr:class=(!class.is_empty()).then_some(class)>
            {children()}
        </A>
    }
}
