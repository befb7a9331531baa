//! The document title follows the current screen and language.

use leptos::prelude::*;

/// Keeps `document.title` at "`screen` · Netzweber" while the calling component lives.
pub fn use_page_title(screen: impl Fn() -> String + 'static) {
    Effect::new(move |_| {
        let title = format!("{} · Netzweber", screen());
        document().set_title(&title);
    });
}
