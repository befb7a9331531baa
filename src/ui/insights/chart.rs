//! What the pictures share: the table toggle and the "too few to tell" rate text.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::insights::Rate;
use crate::i18n::*;

/// "58 % (7 of 12)", or "too few messages to tell (3 of 4)" below the minimum count.
pub fn rate_text(i18n: I18n, rate: Rate) -> String {
    let lang = i18n.lang_untracked();
    let hits = format::integer(rate.hits as i64, lang);
    let of = format::integer(rate.of as i64, lang);
    match rate.percent() {
        Some(p) => {
            let percent = format::percent(f64::from(p) / 100.0, lang);
            t_string!(i18n, insights.rate, percent = percent, hits = hits, of = of).to_string()
        }
        None => t_string!(i18n, insights.too_few, hits = hits, of = of).to_string(),
    }
}

/// The pictures' stylesheet (`style/insights.css`), which only these views need: it
/// arrives with them instead of with the first download.
#[component]
pub fn InsightsStyle() -> impl IntoView {
    view! { <link rel="stylesheet" href="insights.css" /> }
}

/// A button that shows and hides `table` (the picture's numbers).
#[component]
pub fn TableToggle(
    /// The id of the table's container, for `aria-controls`.
    id: &'static str,
    /// The table, built when first shown.
    table: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    table_toggle(id, Arc::new(table))
}

/// The view of [`TableToggle`], not generic: each picture adds its table, not a copy of
/// the button.
fn table_toggle(id: &'static str, table: Arc<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    view! {
        <button type="button" class="button button--secondary button--small" aria-expanded=move || open.get().to_string()
            aria-controls=id on:click=move |_| open.update(|o| *o = !*o)>
            {move || if open.get() { t_string!(i18n, insights.hide_table) } else { t_string!(i18n, insights.show_table) }}
        </button>
        <div id=id class="table-scroll" tabindex="0">{move || open.get().then(|| table())}</div>
    }
    .into_any()
}

/// The width in CSS pixels of the element `node` refers to, following the window's
/// size: a picture drawn in its own pixels keeps its labels readable from 360 px to a
/// desktop, where a scaled drawing would shrink or blow them up.
pub fn use_width(node: NodeRef<leptos::html::Div>) -> ReadSignal<f64> {
    let (width, set_width) = signal(600.0);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let w = f64::from(el.client_width());
            // A resize that leaves the width as it was (a phone's address bar sliding
            // away, the height changing) must not redraw: the focused dot would lose focus.
            if w > 0.0 && w != width.get_untracked() {
                set_width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let listener = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || listener.remove());
    width
}
