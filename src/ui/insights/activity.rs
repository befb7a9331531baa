//! The activity picture: timeline entries per week stacked by kind, messages sent marked,
//! the weekly conversation goal as a line.

use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::code::Code;
use crate::domain::format;
use crate::domain::insights::activity::{Activity, Week};
use crate::domain::insights::goal::WeeklyGoal;
use crate::domain::record::InteractionKind;
use crate::i18n::*;
use crate::ui::common::dates::show_date;
use crate::ui::contacts::labels::interaction_label;
use crate::ui::insights::chart::{use_width, TableToggle};
use crate::ui::link::AppLink;

/// The drawing's height in CSS pixels; its width is the width it is given.
const HEIGHT: f64 = 220.0;
/// Room for the axis labels.
const LEFT: f64 = 28.0;
const BOTTOM: f64 = 24.0;
const TOP: f64 = 12.0;

/// "This month: 14 conversations, 3 more than last month."
fn summary(i18n: I18n, a: &Activity) -> String {
    let lang = i18n.lang_untracked();
    let count = format::integer(a.this_month as i64, lang);
    let diff = format::integer((a.this_month as i64 - a.last_month as i64).abs(), lang);
    match a.this_month.cmp(&a.last_month) {
        std::cmp::Ordering::Greater => {
            t_string!(i18n, insights.summary_more, count = count, diff = diff).to_string()
        }
        std::cmp::Ordering::Less => {
            t_string!(i18n, insights.summary_fewer, count = count, diff = diff).to_string()
        }
        std::cmp::Ordering::Equal => {
            t_string!(i18n, insights.summary_same, count = count).to_string()
        }
    }
}

/// The activity section for `activity` (`None` while it is counted).
#[component]
pub fn ActivitySection(
    activity: Memo<Option<Activity>>,
    goal: WeeklyGoal,
    streak: Memo<usize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chart_box = NodeRef::<leptos::html::Div>::new();
    let width = use_width(chart_box);
    view! {
        <section class="card insight" aria-labelledby="insights-activity">
            <h2 id="insights-activity">{tr!(i18n, insights.activity_title)}</h2>
            {move || activity.with(|a| match a {
                None => view! { <p class="muted">{tr!(i18n, insights.loading)}</p> }.into_any(),
                Some(a) if a.is_empty() => view! {
                    <p>{tr!(i18n, insights.activity_empty)}</p>
                    <p><AppLink href="/contacts" class="button button--secondary">{tr!(i18n, insights.activity_action)}</AppLink></p>
                }.into_any(),
                Some(a) => {
                    let table_weeks = a.weeks.clone();
                    let drawn = a.clone();
                    view! {
                        <p class="insight__summary">{summary(i18n, a)}</p>
                        <div class="chart-box" node_ref=chart_box>{move || picture(i18n, &drawn, goal, width.get())}</div>
                        {legend(i18n)}
                        <TableToggle id="activity-table" table=move || table(i18n, &table_weeks) />
                    }.into_any()
                }
            })}
            <p class="hint">{move || goal_text(i18n, goal, streak.get())}</p>
            {goal.is_off().then(|| view! {
                <p><AppLink href="/settings#goal">{tr!(i18n, insights.goal_set)}</AppLink></p>
            })}
        </section>
    }
}

fn goal_text(i18n: I18n, goal: WeeklyGoal, streak: usize) -> String {
    if goal.is_off() {
        return t_string!(i18n, insights.goal_off).to_string();
    }
    match streak {
        0 => t_string!(i18n, insights.streak_none).to_string(),
        1 => t_string!(i18n, insights.streak_one).to_string(),
        n => t_string!(i18n, insights.streak, count = n).to_string(),
    }
}

/// The bars: one per week, stacked by kind in the order of the legend.
fn picture(i18n: I18n, a: &Activity, goal: WeeklyGoal, width: f64) -> impl IntoView {
    let width = width.max(200.0);
    let weeks = &a.weeks;
    let top = weeks
        .iter()
        .map(|w| w.entries().max(w.sent))
        .max()
        .unwrap_or(0)
        .max(goal.conversations as usize)
        .max(1) as f64;
    let plot_h = HEIGHT - BOTTOM - TOP;
    let y = move |v: f64| TOP + plot_h - v / top * plot_h;
    let step = (width - LEFT) / weeks.len().max(1) as f64;
    let bar_w = (step * 0.72).max(1.0);
    let mut shapes = Vec::new();
    for (i, w) in weeks.iter().enumerate() {
        let x = LEFT + i as f64 * step + (step - bar_w) / 2.0;
        let mut base = 0.0;
        for (kind, &n) in InteractionKind::ALL.iter().zip(&w.kinds) {
            if n == 0 {
                continue;
            }
            let (y0, y1) = (y(base), y(base + n as f64));
            base += n as f64;
            shapes.push(view! {
                <rect class=format!("bar kind-{}", kind.key()) x=x y=y1 width=bar_w height=(y0 - y1).max(0.5) />
            }.into_any());
        }
        if w.sent > 0 {
            shapes.push(view! {
                <circle class="sent-mark" cx=x + bar_w / 2.0 cy=y(w.sent as f64) r=(bar_w / 2.0).clamp(2.0, 4.0) />
            }.into_any());
        }
    }
    // A month's name under its first week, where there is room after the one before.
    let lang = i18n.lang_untracked();
    let mut labels = Vec::new();
    let mut free_from = f64::MIN;
    for (i, w) in weeks.iter().enumerate() {
        let first_week_of_month = i == 0 || weeks[i - 1].monday.month() != w.monday.month();
        let x = LEFT + i as f64 * step;
        if !first_week_of_month || x < free_from {
            continue;
        }
        // The year where it changes, so that a long span reads unambiguously.
        let with_year = w.monday.month() == 1 || i == 0;
        let text = if with_year {
            format!(
                "{} {}",
                format::month_short(w.monday, lang),
                w.monday.year()
            )
        } else {
            format::month_short(w.monday, lang)
        };
        free_from = x + if with_year { 64.0 } else { 36.0 };
        labels.push(view! {
            <text class="axis-label" x=x y=HEIGHT - 6.0>{text}</text>
        });
    }
    let goal_line = (goal.conversations > 0).then(|| {
        let gy = y(f64::from(goal.conversations));
        view! {
            <line class="goal-line" x1=LEFT x2=width y1=gy y2=gy />
            <text class="axis-label goal-label" x=width - 4.0 y=gy - 4.0 text-anchor="end">
                {t_string!(i18n, insights.goal_line, count = goal.conversations)}
            </text>
        }
    });
    view! {
        <svg class="chart" width=width height=HEIGHT viewBox=format!("0 0 {width} {HEIGHT}") aria-hidden="true" focusable="false">
            <line class="axis" x1=LEFT x2=width y1=y(0.0) y2=y(0.0) />
            <text class="axis-label" x=LEFT - 4.0 y=y(0.0) text-anchor="end">"0"</text>
            <text class="axis-label" x=LEFT - 4.0 y=y(top) + 8.0 text-anchor="end">{format::integer(top as i64, lang)}</text>
            {shapes}
            {labels}
            {goal_line}
        </svg>
    }
}

/// The kinds' colours, and the messages' mark.
fn legend(i18n: I18n) -> impl IntoView {
    view! {
        <ul class="legend" aria-hidden="true">
            {InteractionKind::ALL.iter().map(|k| view! {
                <li><span class=format!("swatch kind-{}", k.key())></span>{interaction_label(i18n, *k)}</li>
            }).collect_view()}
            <li><span class="swatch swatch--sent"></span>{tr!(i18n, insights.sent_marked)}</li>
        </ul>
    }
}

/// The same numbers, a row per week.
fn table(i18n: I18n, weeks: &[Week]) -> AnyView {
    let lang = i18n.lang_untracked();
    let n = move |v: usize| format::integer(v as i64, lang);
    view! {
        <table class="numbers">
            <caption>{tr!(i18n, insights.activity_table)}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!(i18n, insights.col_week)}</th>
                    {InteractionKind::ALL.iter().map(|k| view! { <th scope="col">{interaction_label(i18n, *k)}</th> }).collect_view()}
                    <th scope="col">{tr!(i18n, insights.col_conversations)}</th>
                    <th scope="col">{tr!(i18n, insights.col_sent)}</th>
                </tr>
            </thead>
            <tbody>
                {weeks.iter().map(|w| view! {
                    <tr>
                        <th scope="row">{show_date(i18n, w.monday)}</th>
                        {w.kinds.iter().map(|k| view! { <td>{n(*k)}</td> }).collect_view()}
                        <td>{n(w.conversations())}</td>
                        <td>{n(w.sent)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
