//! Moving keyboard focus where the user's attention should go.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Moves focus to an element, scrolled into view, if it is there.
pub fn focus_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
