//! An editing screen's frame while its record loads or when it is not there.

use leptos::prelude::*;

use crate::i18n::*;

/// An editing screen's frame: "loading" until the store has read, a not-found heading with
/// a way back when the record is not there, else the screen.
#[component]
pub fn WhenFound(
    /// Whether the store has read its records.
    #[prop(into)]
    loaded: Signal<bool>,
    /// Whether the record is there.
    found: Memo<bool>,
    /// The heading when it is not.
    #[prop(into)]
    missing: Signal<String>,
    /// Where "back" leads (full path).
    back_href: String,
    /// The text of the way back.
    #[prop(into)]
    back_text: Signal<String>,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match (loaded.get(), found.get()) {
        (false, _) => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
        (true, false) => view! {
            <h1>{move || missing.get()}</h1>
            <p><a href=back_href.clone()>{move || back_text.get()}</a></p>
        }
        .into_any(),
        (true, true) => children().into_any(),
    }
}
