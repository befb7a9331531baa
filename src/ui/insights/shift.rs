//! The network's shift: per month, the share of conversations with people of the field
//! the user is moving into, of the one they come from, and of others.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::format;
use crate::domain::insights::shift::Month;
use crate::i18n::*;
use crate::ui::insights::chart::{use_width, TableToggle};
use crate::ui::link::AppLink;

const HEIGHT: f64 = 200.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 24.0;

/// What the section shows: the months, and the target field as the user wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct ShiftData {
    /// The months, oldest first.
    pub months: Vec<Month>,
    /// The field they are moving into, as typed; empty when none is named.
    pub target: String,
}

fn month_name(i18n: I18n, m: &Month) -> String {
    format!(
        "{} {}",
        format::month_name_of(m.first.month(), i18n.lang_untracked()),
        m.first.year()
    )
}

/// "38 % of your conversations in November 2026 were with people in UX research (was 5 %
/// in June 2026)."
fn summary(i18n: I18n, data: &ShiftData) -> Option<String> {
    let lang = i18n.lang_untracked();
    let with: Vec<&Month> = data
        .months
        .iter()
        .filter(|m| m.conversations() > 0)
        .collect();
    let last = with.last()?;
    let share = format::percent(last.target_share()?, lang);
    let field = data.target.clone();
    let now = t_string!(
        i18n,
        insights.shift_summary,
        share = share,
        month = month_name(i18n, last),
        field = field
    )
    .to_string();
    match with.first().filter(|f| f.first != last.first) {
        Some(first) => {
            let before = format::percent(first.target_share().unwrap_or(0.0), lang);
            Some(format!(
                "{} {}",
                now,
                t_string!(
                    i18n,
                    insights.shift_before,
                    share = before,
                    month = month_name(i18n, first)
                )
            ))
        }
        None => Some(now),
    }
}

/// The section for `data` (`None` while it is counted).
#[component]
pub fn ShiftSection(data: Memo<Option<ShiftData>>) -> impl IntoView {
    let i18n = use_i18n();
    let chart_box = NodeRef::<leptos::html::Div>::new();
    let width = use_width(chart_box);
    view! {
        <section class="card insight" aria-labelledby="insights-shift">
            <h2 id="insights-shift">{tr!(i18n, insights.shift_title)}</h2>
            {move || data.with(|d| match d {
                None => view! { <p class="muted">{tr!(i18n, insights.loading)}</p> }.into_any(),
                Some(d) if d.target.trim().is_empty() => view! {
                    <p>{tr!(i18n, insights.shift_no_field)}</p>
                    <p><AppLink href="/settings#profile" class="button button--secondary">{tr!(i18n, insights.shift_set_field)}</AppLink></p>
                }.into_any(),
                Some(d) if d.months.iter().all(|m| m.conversations() == 0 && m.new_target == 0) => view! {
                    <p>{tr!(i18n, insights.shift_empty)}</p>
                }.into_any(),
                Some(d) => {
                    let drawn = d.months.clone();
                    let rows = d.months.clone();
                    view! {
                        <p class="insight__summary">{summary(i18n, d)}</p>
                        <div class="chart-box" node_ref=chart_box>{move || picture(i18n, &drawn, width.get())}</div>
                        <ul class="legend" aria-hidden="true">
                            <li><span class="swatch swatch--target"></span>{d.target.clone()}</li>
                            <li><span class="swatch swatch--former"></span>{tr!(i18n, insights.shift_former)}</li>
                            <li><span class="swatch swatch--other"></span>{tr!(i18n, insights.shift_other)}</li>
                            <li>"+n "{tr!(i18n, insights.shift_new)}</li>
                        </ul>
                        <TableToggle id="shift-table" table=move || table(i18n, &rows) />
                    }.into_any()
                }
            })}
        </section>
    }
}

/// A bar per month, as tall as the picture: the three shares stacked, the people of the
/// new field who joined above it.
fn picture(i18n: I18n, months: &[Month], width: f64) -> impl IntoView {
    let lang = i18n.lang_untracked();
    let width = width.max(200.0);
    let step = width / months.len().max(1) as f64;
    let bar_w = (step * 0.7).clamp(2.0, 56.0);
    let plot = HEIGHT - TOP - BOTTOM;
    let mut shapes = Vec::new();
    let mut free_from = f64::MIN;
    for (i, m) in months.iter().enumerate() {
        let x = i as f64 * step + (step - bar_w) / 2.0;
        let all = m.conversations();
        if all > 0 {
            let mut y = TOP;
            for (class, n) in [
                ("shift-target", m.target),
                ("shift-former", m.former),
                ("shift-other", m.other),
            ] {
                let h = n as f64 / all as f64 * plot;
                if h > 0.0 {
                    shapes.push(view! { <rect class=format!("bar {class}") x=x y=y width=bar_w height=h /> }.into_any());
                }
                y += h;
            }
        } else {
            shapes.push(
                view! { <line class="axis" x1=x x2=x + bar_w y1=TOP + plot y2=TOP + plot /> }
                    .into_any(),
            );
        }
        if m.new_target > 0 {
            shapes.push(view! {
                <text class="axis-label new-target" x=x + bar_w / 2.0 y=TOP - 5.0 text-anchor="middle">{format!("+{}", m.new_target)}</text>
            }.into_any());
        }
        let label_x = x + bar_w / 2.0;
        if label_x >= free_from {
            let with_year = i == 0 || m.first.month() == 1;
            let text = if with_year {
                format!("{} {}", format::month_short(m.first, lang), m.first.year())
            } else {
                format::month_short(m.first, lang)
            };
            free_from = label_x + if with_year { 64.0 } else { 36.0 };
            shapes.push(view! {
                <text class="axis-label" x=label_x y=HEIGHT - 6.0 text-anchor="middle">{text}</text>
            }.into_any());
        }
    }
    view! {
        <svg class="chart" width=width height=HEIGHT viewBox=format!("0 0 {width} {HEIGHT}") aria-hidden="true" focusable="false">
            {shapes}
        </svg>
    }
}

fn table(i18n: I18n, months: &[Month]) -> AnyView {
    let lang = i18n.lang_untracked();
    let n = move |v: usize| format::integer(v as i64, lang);
    view! {
        <table class="numbers">
            <caption>{tr!(i18n, insights.shift_table)}</caption>
            <thead><tr>
                <th scope="col">{tr!(i18n, insights.col_month)}</th>
                <th scope="col">{tr!(i18n, insights.shift_target)}</th>
                <th scope="col">{tr!(i18n, insights.shift_former)}</th>
                <th scope="col">{tr!(i18n, insights.shift_other)}</th>
                <th scope="col">{tr!(i18n, insights.col_target_share)}</th>
                <th scope="col">{tr!(i18n, insights.shift_new)}</th>
            </tr></thead>
            <tbody>
                {months.iter().map(|m| view! {
                    <tr>
                        <th scope="row">{month_name(i18n, m)}</th>
                        <td>{n(m.target)}</td>
                        <td>{n(m.former)}</td>
                        <td>{n(m.other)}</td>
                        <td>{m.target_share().map(|s| format::percent(s, lang)).unwrap_or_default()}</td>
                        <td>{n(m.new_target)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
