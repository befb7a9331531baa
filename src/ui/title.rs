//! The document title follows the current screen and language.

use leptos::prelude::*;

/// Keeps `document.title` at "`screen` · Netzweber" while the calling component lives.
pub fn use_page_title(screen: impl Fn() -> String + 'static) {
    follow_title(Box::new(screen));
}

/// The effect behind [`use_page_title`], not generic: each screen adds its closure to
/// the download, not a copy of the effect.
fn follow_title(screen: Box<dyn Fn() -> String>) {
    Effect::new(move |_| {
        let title = format!("{} · Netzweber", screen());
        document().set_title(&title);
    });
}
