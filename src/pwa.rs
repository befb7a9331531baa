//! Service worker registration and safe updates.
//!
//! A new build's worker installs in the background and waits. We only tell the user that a
//! new version is ready; the switch (SKIP_WAITING, then one reload) happens when they ask
//! for it, so the code never changes under a tab that is in use.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// How offline support came out, for the Settings screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfflineState {
    /// Still registering.
    Pending,
    /// The service worker is registered; the app works offline.
    Ready,
    /// Debug builds skip the worker so that edits show up on reload.
    DisabledInDevelopment,
    /// The browser has no service workers (or refuses them here).
    Unsupported,
    /// Registration failed; holds the browser's message.
    Failed(String),
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `sw.js` next to the app and calls `on_update_ready` whenever a new version has
/// finished installing while this page runs an older one.
pub async fn register(on_update_ready: impl Fn() + 'static) -> OfflineState {
    if cfg!(debug_assertions) {
        return OfflineState::DisabledInDevelopment;
    }
    let Some(container) = container() else {
        return OfflineState::Unsupported;
    };
    // Relative to <base>, so the app works from any sub-path.
    let registration = match JsFuture::from(container.register("sw.js")).await {
        Ok(r) => match r.dyn_into::<ServiceWorkerRegistration>() {
            Ok(registration) => registration,
            // Some environments (automation blocking workers, privacy extensions) resolve
            // the registration with nothing at all.
            Err(_) => return OfflineState::Unsupported,
        },
        Err(e) => {
            let msg = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| format!("{e:?}"));
            return OfflineState::Failed(msg);
        }
    };
    let on_update_ready = Rc::new(on_update_ready);
    // Only an update if a worker already controls this page; the very first install is not.
    let is_update = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && is_update() {
        on_update_ready();
    }
    let reg = registration.clone();
    let on_found = Closure::<dyn Fn()>::new(move || {
        let Some(worker) = reg.installing() else {
            return;
        };
        let watched = worker.clone();
        let on_update_ready = on_update_ready.clone();
        let is_update = is_update.clone();
        let on_state = Closure::<dyn Fn()>::new(move || {
            if watched.state() == ServiceWorkerState::Installed && is_update() {
                on_update_ready();
            }
        });
        worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        // The worker object lives as long as the page; so may its handler.
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
    on_found.forget();
    OfflineState::Ready
}

/// Activates the waiting version and reloads once it has taken control.
pub async fn apply_update() {
    let Some(container) = container() else { return };
    let registration = match JsFuture::from(container.get_registration()).await {
        Ok(r) if !r.is_undefined() => r.unchecked_into::<ServiceWorkerRegistration>(),
        _ => return reload(),
    };
    let Some(waiting): Option<ServiceWorker> = registration.waiting() else {
        return reload();
    };
    let reloaded = Rc::new(Cell::new(false));
    let on_change = Closure::<dyn Fn()>::new(move || {
        if !reloaded.replace(true) {
            reload();
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    if waiting.post_message(&message).is_err() {
        reload();
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Whether Netzweber runs as an installed app (standalone display, or Safari's home-screen
/// app on iOS) rather than in a browser tab.
pub fn is_installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let navigator: JsValue = window.navigator().into();
    standalone
        || js_sys::Reflect::get(&navigator, &"standalone".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
}

/// Shows `count` on the installed app's icon (cleared at 0), where the browser has app
/// badges (`navigator.setAppBadge`); elsewhere, and in a browser tab, nothing happens.
pub fn set_app_badge(count: usize) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if !is_installed() {
        return;
    }
    let navigator: JsValue = window.navigator().into();
    let (name, args) = if count == 0 {
        ("clearAppBadge", js_sys::Array::new())
    } else {
        (
            "setAppBadge",
            js_sys::Array::of1(&JsValue::from(count as u32)),
        )
    };
    if let Ok(f) = js_sys::Reflect::get(&navigator, &name.into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            // A refused badge (permission, platform) is cosmetic: the count is on Today.
            if let Ok(p) = f.apply(&navigator, &args) {
                if let Ok(p) = p.dyn_into::<js_sys::Promise>() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = JsFuture::from(p).await;
                    });
                }
            }
        }
    }
}
