//! Who led to whom: the introduction forest as a tree under "You", each person a link to
//! their page. Three levels are open; deeper ones open on request.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::format;
use crate::domain::insights::introductions::{Introductions, Node};
use crate::i18n::*;
use crate::ui::common::routes::contact_path;
use crate::ui::link::use_app_path;

/// Levels shown open; below them a branch opens on request.
const OPEN_LEVELS: usize = 3;

/// The section for `forest` (`None` while it is counted).
#[component]
pub fn IntroductionsSection(
    forest: Memo<Option<Introductions>>,
    /// Whether the user named a target field (the summary then counts its people).
    has_target: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    view! {
        <section class="card insight" aria-labelledby="insights-led">
            <h2 id="insights-led">{tr!(i18n, insights.led_title)}</h2>
            {move || { let has_target = has_target.get(); forest.with(|f| match f {
                None => view! { <p class="muted">{tr!(i18n, insights.loading)}</p> }.into_any(),
                Some(f) if f.roots.is_empty() => view! { <p>{tr!(i18n, insights.led_empty)}</p> }.into_any(),
                Some(f) => {
                    let lang = i18n.lang_untracked();
                    let summary = f.top().map(|n| {
                        let count = format::integer(n.led_to as i64, lang);
                        let text = t_string!(i18n, insights.led_summary, name = n.name.clone(), count = count).to_string();
                        if has_target && n.led_to_target > 0 {
                            let target = format::integer(n.led_to_target as i64, lang);
                            format!("{text} {}", t_string!(i18n, insights.led_target, count = target))
                        } else {
                            text
                        }
                    });
                    let app_path = app_path.clone();
                    view! {
                        <p class="insight__summary">{summary}</p>
                        <ul class="tree">
                            <li>
                                <strong>{tr!(i18n, insights.led_you)}</strong>
                                <ul>{f.roots.iter().map(|n| node(i18n, n, 1, &app_path)).collect_view()}</ul>
                            </li>
                        </ul>
                    }.into_any()
                }
            })}}
        </section>
    }
}

/// One person and, below them, the people they introduced.
fn node(
    i18n: I18n,
    n: &Node,
    level: usize,
    app_path: &(impl Fn(&str) -> String + Clone + 'static),
) -> AnyView {
    let lang = i18n.lang_untracked();
    let count = (n.led_to > 0).then(|| {
        let text = match n.led_to {
            1 => t_string!(i18n, insights.led_one).to_string(),
            c => t_string!(
                i18n,
                insights.led_many,
                count = format::integer(c as i64, lang)
            )
            .to_string(),
        };
        view! { " "<span class="muted">{text}</span> }
    });
    let listed: usize = n.children.len();
    let hidden_below = n
        .led_to
        .saturating_sub(listed + n.children.iter().map(|c| c.led_to).sum::<usize>());
    let children = (!n.children.is_empty()).then(|| {
        let list = view! { <ul>{n.children.iter().map(|c| node(i18n, c, level + 1, app_path)).collect_view()}</ul> };
        if level < OPEN_LEVELS {
            list.into_any()
        } else {
            view! {
                <details>
                    <summary>{t_string!(i18n, insights.led_expand, count = format::integer(listed as i64, lang))}</summary>
                    {list}
                </details>
            }
            .into_any()
        }
    });
    let further = (hidden_below > 0).then(|| {
        view! { <p class="hint">{t_string!(i18n, insights.led_deeper, count = format::integer(hidden_below as i64, lang))}</p> }
    });
    let href = app_path(&contact_path(&n.id));
    let name = n.name.clone();
    view! {
        <li>
            <A href=href>{name}</A>
            {count}
            {children}
            {further}
        </li>
    }
    .into_any()
}
