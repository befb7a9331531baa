//! The outreach picture: what became of the messages sent (a funnel), and which kinds of
//! message get answered (reply rates by channel, purpose, language, checklist score and
//! the user's own templates).

use leptos::prelude::*;

use crate::domain::code::{Code, Coded};
use crate::domain::format;
use crate::domain::insights::outreach::{Group, Outreach};
use crate::domain::insights::Rate;
use crate::domain::lang::Lang;
use crate::domain::messages::model::{Channel, Purpose};
use crate::i18n::*;
use crate::ui::common::select::{coded_label, lang_name, Label};
use crate::ui::insights::chart::{rate_text, TableToggle};
use crate::ui::library_store::use_library;
use crate::ui::link::AppLink;
use crate::ui::messages::parts::{channel_label, purpose_label};

/// The outreach section for `outreach` (`None` while it is counted).
#[component]
pub fn OutreachSection(outreach: Memo<Option<Outreach>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card insight" aria-labelledby="insights-outreach">
            <h2 id="insights-outreach">{tr!(i18n, insights.outreach_title)}</h2>
            {move || outreach.with(|o| match o {
                None => view! { <p class="muted">{tr!(i18n, insights.loading)}</p> }.into_any(),
                Some(o) if o.funnel.sent == 0 => view! {
                    <p>{tr!(i18n, insights.outreach_empty)}</p>
                    <p><AppLink href="/messages/new" class="button button--secondary">{tr!(i18n, insights.outreach_action)}</AppLink></p>
                }.into_any(),
                Some(o) => {
                    let o2 = o.clone();
                    view! {
                        <p class="insight__summary">{summary(i18n, o)}</p>
                        {funnel(i18n, o)}
                        <TableToggle id="outreach-table" table=move || table(i18n, &o2) />
                        <h3>{tr!(i18n, insights.by_checks)}</h3>
                        <dl class="facts rates">
                            <dt>{tr!(i18n, insights.checks_mostly)}</dt><dd>{rate_text(i18n, o.mostly_met)}</dd>
                            <dt>{tr!(i18n, insights.checks_others)}</dt><dd>{rate_text(i18n, o.others)}</dd>
                        </dl>
                        {groups(i18n, t_string!(i18n, insights.by_channel).to_string(), &o.by_channel, label_of::<Channel>(channel_label))}
                        {groups(i18n, t_string!(i18n, insights.by_purpose).to_string(), &o.by_purpose, label_of::<Purpose>(purpose_label))}
                        {groups(i18n, t_string!(i18n, insights.by_lang).to_string(), &o.by_lang, label_of::<Lang>(lang_name))}
                        {templates(i18n, &o.by_template)}
                        {o.days_to_reply.map(|days| view! {
                            <p>{t_string!(i18n, insights.days_to_reply, days = format::decimal(days, 1, i18n.lang_untracked()))}</p>
                        })}
                    }.into_any()
                }
            })}
        </section>
    }
}

/// A group key's name: the value's label, or the key as stored for one this version
/// does not know.
fn label_of<T: Code>(label: Label<T>) -> impl Fn(I18n, &str) -> String {
    move |i18n, key| {
        let coded = T::from_key(key).map_or_else(|| Coded::Unknown(key.to_string()), Coded::Known);
        coded_label(i18n, &coded, label)
    }
}

/// "12 of 31 messages were answered (39 %)."
fn summary(i18n: I18n, o: &Outreach) -> String {
    let lang = i18n.lang_untracked();
    let rate = Rate {
        hits: o.funnel.replied,
        of: o.funnel.sent,
    };
    let replied = format::integer(rate.hits as i64, lang);
    let sent = format::integer(rate.of as i64, lang);
    match rate.percent() {
        Some(p) => {
            let percent = format::percent(f64::from(p) / 100.0, lang);
            t_string!(
                i18n,
                insights.outreach_summary,
                replied = replied,
                sent = sent,
                percent = percent
            )
            .to_string()
        }
        None => t_string!(
            i18n,
            insights.outreach_summary_few,
            replied = replied,
            sent = sent
        )
        .to_string(),
    }
}

/// The funnel's steps, each with its name and count.
fn steps(i18n: I18n, o: &Outreach) -> [(String, usize); 5] {
    let f = o.funnel;
    [
        (t_string!(i18n, insights.funnel_sent).to_string(), f.sent),
        (
            t_string!(i18n, insights.funnel_replied).to_string(),
            f.replied,
        ),
        (
            t_string!(i18n, insights.funnel_meeting).to_string(),
            f.meeting,
        ),
        (
            t_string!(i18n, insights.funnel_interview).to_string(),
            f.interviews,
        ),
        (
            t_string!(i18n, insights.funnel_suggested).to_string(),
            f.suggested,
        ),
    ]
}

/// The funnel: a bar per step, its length the step's share of the largest.
fn funnel(i18n: I18n, o: &Outreach) -> impl IntoView {
    let lang = i18n.lang_untracked();
    let steps = steps(i18n, o);
    let top = steps.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1) as f64;
    view! {
        <ul class="funnel" aria-hidden="true">
            {steps.into_iter().map(|(name, n)| {
                let w = n as f64 / top * 100.0;
                view! {
                    <li>
                        <span>{name}</span>
                        <svg class="funnel__bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
                            <rect x="0" y="0" width=w height="10" />
                        </svg>
                        <span class="funnel__count">{format::integer(n as i64, lang)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// One breakdown of the reply rate, as a list of groups.
fn groups(
    i18n: I18n,
    title: String,
    list: &[Group],
    label: impl Fn(I18n, &str) -> String,
) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h3>{title}</h3>
            <dl class="facts rates">
                {list.iter().map(|g| view! {
                    <dt>{label(i18n, &g.key)}</dt><dd>{rate_text(i18n, g.rate)}</dd>
                }).collect_view()}
            </dl>
        }
    })
}

/// The user's templates ranked by their reply rate, named as the library names them.
fn templates(i18n: I18n, ranked: &[Group]) -> impl IntoView {
    if ranked.is_empty() {
        return view! {
            <h3>{tr!(i18n, insights.by_template)}</h3>
            <p class="hint">{tr!(i18n, insights.by_template_empty)}</p>
        }
        .into_any();
    }
    let library = use_library();
    // Tracked: names appear once the library has been read.
    let name = move |_: I18n, id: &str| {
        library
            .templates
            .with(|all| all.iter().find(|t| t.meta.id == id).map(|t| t.name.clone()))
            .unwrap_or_else(|| t_string!(i18n, insights.template_gone).to_string())
    };
    groups(
        i18n,
        t_string!(i18n, insights.by_template).to_string(),
        ranked,
        name,
    )
    .into_any()
}

/// The funnel's numbers with the rate of each step from the one before.
fn table(i18n: I18n, o: &Outreach) -> AnyView {
    let lang = i18n.lang_untracked();
    let steps = steps(i18n, o);
    let mut before: Option<usize> = None;
    let rows: Vec<_> = steps
        .into_iter()
        .enumerate()
        .map(|(i, (name, n))| {
            // People suggested are people, not a share of the interviews.
            let share = before
                .filter(|b| *b > 0 && i < 4)
                .map(|b| format::percent(n as f64 / b as f64, lang))
                .unwrap_or_default();
            before = Some(n);
            view! {
                <tr><th scope="row">{name}</th><td>{format::integer(n as i64, lang)}</td><td>{share}</td></tr>
            }
        })
        .collect();
    view! {
        <table class="numbers">
            <caption>{tr!(i18n, insights.funnel_table)}</caption>
            <thead><tr>
                <th scope="col">{tr!(i18n, insights.col_step)}</th>
                <th scope="col">{tr!(i18n, insights.col_count)}</th>
                <th scope="col">{tr!(i18n, insights.col_share)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
