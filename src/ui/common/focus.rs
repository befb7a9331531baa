//! Moving keyboard focus where the user's attention should go.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

fn focus(el: web_sys::Element) {
    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
}

/// Moves focus to an element, scrolled to the top of the view, if it is there.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
        focus(el);
    }
}

/// Moves focus to an element once the browser has rendered the change that shows it (a
/// form just opened, a question just selected); the browser scrolls only as far as needed.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            focus(el);
        }
    });
}

/// Moves focus to the first field marked invalid, once rendered, so that keyboard and
/// screen-reader users land where the problem is.
pub fn focus_first_invalid() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector("[aria-invalid=\"true\"]")
            .ok()
            .flatten()
        {
            focus(el);
        }
    });
}
