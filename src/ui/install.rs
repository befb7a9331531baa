//! Settings → Install: the browser's install offer as a button where it makes one
//! (`beforeinstallprompt`, kept by a line of script in `index.html` because it fires
//! before the app has started), the steps for Safari on iOS where it does not, and a
//! note once Netzweber runs installed.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::*;

/// The page-global name under which `index.html` keeps the install offer.
const OFFER: &str = "nwInstall";

fn offer() -> Option<JsValue> {
    let v = js_sys::Reflect::get(&window(), &OFFER.into()).ok()?;
    (!v.is_undefined() && !v.is_null()).then_some(v)
}

fn is_ios() -> bool {
    let navigator = window().navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    // iPadOS presents itself as a Mac, but a Mac has no touch screen.
    agent.contains("iPhone")
        || agent.contains("iPad")
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1)
}

/// How installing stands on this device.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Install {
    Installed,
    Offered,
    Ios,
    Elsewhere,
}

fn state() -> Install {
    if crate::pwa::is_installed() {
        Install::Installed
    } else if offer().is_some() {
        Install::Offered
    } else if is_ios() {
        Install::Ios
    } else {
        Install::Elsewhere
    }
}

/// Calls the offer's `prompt()`; the offer can be used once.
fn prompt() {
    let Some(event) = offer() else {
        return;
    };
    let _ = js_sys::Reflect::set(&window(), &OFFER.into(), &JsValue::UNDEFINED);
    if let Ok(f) = js_sys::Reflect::get(&event, &"prompt".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call0(&event);
        }
    }
}

/// The Install section of Settings.
#[component]
pub fn InstallSection() -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(state());
    // The offer may come after this screen opened, and goes once the app is installed.
    for event in ["nw-installable", "appinstalled"] {
        let handle = window_event_listener_untyped(event, move |_| now.set(state()));
        on_cleanup(move || handle.remove());
    }
    view! {
        <section class="card" aria-labelledby="settings-install">
            <h2 id="settings-install">{tr!(i18n, install.title)}</h2>
            {move || match now.get() {
                Install::Installed => view! { <p>{tr!(i18n, install.installed)}</p> }.into_any(),
                Install::Offered => view! {
                    <p>{tr!(i18n, install.why)}</p>
                    <p><button type="button" class="button" on:click=move |_| { prompt(); now.set(state()); }>
                        {tr!(i18n, install.button)}</button></p>
                }.into_any(),
                Install::Ios => view! {
                    <p>{tr!(i18n, install.why)}</p>
                    <p>{tr!(i18n, install.ios)}</p>
                }.into_any(),
                Install::Elsewhere => view! {
                    <p>{tr!(i18n, install.why)}</p>
                    <p class="hint">{tr!(i18n, install.menu)}</p>
                }.into_any(),
            }}
        </section>
    }
}
