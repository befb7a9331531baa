//! The unsaved-changes guard: a form with changes registers itself here, and leaving it
//! (an in-app link, reload, closing the tab) asks first.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;

/// App-wide guard state; one form at a time can hold it.
#[derive(Clone, Copy)]
pub struct LeaveGuard {
    dirty: StoredValue<Option<Signal<bool>>>,
}

impl LeaveGuard {
    /// Installs the listeners (once, for the app's lifetime) and provides the guard.
    pub fn provide(i18n: I18n) {
        let guard = LeaveGuard {
            dirty: StoredValue::new(None),
        };
        provide_context(guard);
        let is_dirty = move || {
            guard
                .dirty
                .with_value(|d| d.is_some_and(|d| d.get_untracked()))
        };
        // Capture phase: runs before the router's own click handling, so a cancelled
        // navigation never starts.
        let on_click =
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                if !is_dirty() || ev.default_prevented() || ev.button() != 0 {
                    return;
                }
                let link = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("a[href]").ok().flatten());
                if link.is_none() {
                    return;
                }
                let message = t_string!(i18n, guard.leave).to_string();
                if !window().confirm_with_message(&message).unwrap_or(true) {
                    ev.prevent_default();
                    ev.stop_immediate_propagation();
                }
            });
        let on_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
            move |ev: web_sys::BeforeUnloadEvent| {
                if is_dirty() {
                    ev.prevent_default();
                    // Older browsers need a return value to show their dialog.
                    ev.set_return_value("unsaved");
                }
            },
        );
        let _ = window().add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        let _ = window()
            .add_event_listener_with_callback("beforeunload", on_unload.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        on_click.forget();
        on_unload.forget();
    }
}

/// Guards the calling form while `dirty` is true, until the form goes away.
pub fn use_leave_guard(dirty: Signal<bool>) -> LeaveGuard {
    let guard = expect_context::<LeaveGuard>();
    guard.dirty.set_value(Some(dirty));
    on_cleanup(move || guard.dirty.set_value(None));
    guard
}

impl LeaveGuard {
    /// Whether a form holds unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.dirty
            .try_with_value(|d| d.is_some_and(|d| d.get_untracked()))
            .unwrap_or(false)
    }

    /// Lets the next navigation through without asking (after a successful save).
    pub fn release(&self) {
        self.dirty.set_value(None);
    }
}
