//! The compose screen's checks: the automatic checks of the text with their reasons, the
//! manual checks the user ticks, and how many of all are met.

use leptos::prelude::*;

use super::parts::{check_label, level_label, manual_text, reason_text};
use crate::domain::messages::checks::{summary, Level, Manual, Outcome};
use crate::domain::messages::model::Purpose;
use crate::domain::record::Message;
use crate::i18n::*;
use crate::ui::editor::Editor;

/// The checks beside the message being written.
#[component]
pub fn ChecksPanel(
    /// The message's editor (the manual checks are ticked on the message).
    editor: Editor<Message>,
    /// The automatic checks' outcomes for the text as it is.
    outcomes: Memo<Vec<Outcome>>,
    /// The message's purpose: which manual checks apply.
    purpose: Memo<Purpose>,
) -> impl IntoView {
    let i18n = use_i18n();
    let manual_ticked = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(|m| m.manual.clone()).unwrap_or_default())
    });
    let met =
        Memo::new(move |_| outcomes.with(|o| summary(o, purpose.get(), &manual_ticked.get())));
    view! {
        <aside class="compose__checks card" aria-labelledby="checks-h">
            <h2 id="checks-h">{tr!(i18n, messages.checks_title)}</h2>
            <p class="checks-summary" role="status">{move || { let (a, b) = met.get(); t_string!(i18n, messages.summary, met = a, total = b).to_string() }}</p>
            <h3>{tr!(i18n, messages.automatic)}</h3>
            <ul class="list-plain check-list">
                {move || outcomes.get().into_iter().map(|o| {
                    let class = match o.level { Level::Pass => "check check--pass", Level::Warn => "check check--warn", Level::Fail => "check check--fail" };
                    let icon = match o.level { Level::Pass => "✓", Level::Warn => "!", Level::Fail => "✗" };
                    view! {
                        <li class=class data-check=o.check.key()>
                            <span class="check__icon" aria-hidden="true">{icon}</span>
                            <span class="check__text">
                                <strong>{check_label(i18n, o.check)}</strong>
                                <span class="visually-hidden">{format!(" ({})", level_label(i18n, o.level))}</span>
                                <br /><span class="check__reason">{reason_text(i18n, &o.reason)}</span>
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || {
                let list: Vec<Manual> = Manual::ALL.into_iter().filter(|x| x.applies(purpose.get())).collect();
                (!list.is_empty()).then(|| view! {
                    <h3>{tr!(i18n, messages.manual_title)}</h3>
                    <ul class="list-plain check-list">
                        {list.into_iter().map(|x| {
                            let (label, why) = manual_text(i18n, x);
                            let id = format!("manual-{}", x.key());
                            let hint = format!("{id}-why");
                            view! {
                                <li class="manual">
                                    <input type="checkbox" id=id.clone() aria-describedby=hint.clone()
                                        prop:checked=move || manual_ticked.with(|t| t.iter().any(|k| k == x.key()))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            editor.edit(|m| {
                                                m.manual.retain(|k| k != x.key());
                                                if on { m.manual.push(x.key().to_string()); }
                                            });
                                        } />
                                    <label for=id>{label}</label>
                                    <p class="hint" id=hint>{why}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </aside>
    }
}
