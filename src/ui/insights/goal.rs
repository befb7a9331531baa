//! The weekly goal: its settings (Settings → Weekly goal) and its rings on Today.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::insights::goal::{this_week, GoalWeek, Progress, WeeklyGoal, MAX_PER_WEEK};
use crate::domain::insights::monday;
use crate::domain::record::Interaction;
use crate::i18n::*;
use crate::storage::prefs;
use crate::storage::StorageError;
use crate::ui::common::dates::local_time;
use crate::ui::contacts::store::use_network;
use crate::ui::data::reload_on_epoch;
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::insights::chart::InsightsStyle;
use crate::ui::link::AppLink;

/// Settings → Weekly goal: three numbers, each saved as it is changed.
#[component]
pub fn GoalSettings() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let goal = RwSignal::new(prefs::load_weekly_goal());
    let field = move |id: &'static str,
                      label: String,
                      get: fn(&WeeklyGoal) -> u32,
                      set: fn(&mut WeeklyGoal, u32)| {
        view! {
            <div class="field field--narrow">
                <label for=id>{label}</label>
                <input id=id type="number" inputmode="numeric" min="0" max=MAX_PER_WEEK.to_string() step="1"
                    prop:value=move || goal.with(|g| get(g).to_string())
                    on:change=move |ev| {
                        let value = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0);
                        let mut next = goal.get_untracked();
                        set(&mut next, value);
                        let next = next.clamped();
                        match prefs::save_weekly_goal(next) {
                            Ok(()) => goal.set(next),
                            Err(e) => {
                                // The field shows what is kept, not what failed to save.
                                goal.set(goal.get_untracked());
                                feedback.error(AppError::SaveFailed(e));
                            }
                        }
                    } />
            </div>
        }
    };
    view! {
        <section class="card" id="goal" aria-labelledby="settings-goal">
            <h2 id="settings-goal">{tr!(i18n, insights.goal_title)}</h2>
            <p>{tr!(i18n, insights.goal_intro)}</p>
            <div class="field-row">
                {field("goal-messages", t_string!(i18n, insights.goal_messages).to_string(), |g| g.messages, |g, v| g.messages = v)}
                {field("goal-conversations", t_string!(i18n, insights.goal_conversations).to_string(), |g| g.conversations, |g, v| g.conversations = v)}
                {field("goal-interviews", t_string!(i18n, insights.goal_interviews).to_string(), |g| g.interviews, |g, v| g.interviews = v)}
            </div>
            <p class="hint">{tr!(i18n, insights.goal_hint)}</p>
        </section>
    }
}

/// This week's entries and the local days its messages were sent.
type ThisWeek = (Vec<Interaction>, Vec<chrono::NaiveDate>);

/// Today's "This week" (in the Insights chunk, loaded where a goal is set): a ring per
/// goal, counted from this week's timeline entries and messages (read by their date
/// index, so the rest is not read at start-up).
#[component]
pub fn WeekGoal() -> impl IntoView {
    let goal = prefs::load_weekly_goal();
    (!goal.is_off()).then(|| view! { <WeekRings goal=goal /> })
}

#[component]
fn WeekRings(goal: WeeklyGoal) -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let week = RwSignal::new(None::<ThisWeek>);
    reload_on_epoch(
        move |db| {
            let monday = monday(network.clock.get_untracked().today);
            async move {
                let entries = db.dated_since::<Interaction>(monday).await?;
                // The index holds the UTC day; a message sent early on Monday in a zone
                // ahead of UTC is under Sunday.
                let sent = db.sent_since(monday.pred_opt().unwrap_or(monday)).await?;
                let sent = sent.into_iter().map(|at| local_time(at).date()).collect();
                Ok::<_, StorageError>((entries, sent))
            }
        },
        move |this_week| week.set(Some(this_week)),
    );
    let progress = Memo::new(move |_| {
        let today = network.clock.get().today;
        week.with(|w| {
            w.as_ref()
                .map(|(entries, sent)| this_week(goal, entries, sent, today))
        })
    });
    view! {
        <InsightsStyle />
        <section class="card week-goal" aria-labelledby="today-goal">
            <h2 id="today-goal">{tr!(i18n, insights.week_title)}</h2>
            {move || progress.get().map(|p| rings(i18n, goal, p))}
            <p class="hint"><AppLink href="/insights">{tr!(i18n, insights.week_more)}</AppLink></p>
        </section>
    }
}

fn rings(i18n: I18n, goal: WeeklyGoal, p: GoalWeek) -> impl IntoView {
    let lang = i18n.lang_untracked();
    let text = move |kind: usize, progress: Progress| {
        let done = format::integer(progress.done as i64, lang);
        let goal = format::integer(i64::from(progress.goal), lang);
        match kind {
            0 => t_string!(i18n, insights.ring_messages, done = done, goal = goal).to_string(),
            1 => t_string!(i18n, insights.ring_conversations, done = done, goal = goal).to_string(),
            _ => t_string!(i18n, insights.ring_interviews, done = done, goal = goal).to_string(),
        }
    };
    let all = [
        (goal.messages, p.messages),
        (goal.conversations, p.conversations),
        (goal.interviews, p.interviews),
    ];
    view! {
        <ul class="rings">
            {all.into_iter().enumerate().filter(|(_, (g, _))| *g > 0).map(|(kind, (_, progress))| {
                // A circle of circumference 100 draws the share as dash length.
                // Whole units: formatting a float would bring its printing code along.
                let share = format!("{} 100", (progress.share() * 100.0).round() as u32);
                view! {
                    <li class:ring--met=progress.met()>
                        <svg class="ring" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
                            <circle class="ring__track" cx="20" cy="20" r="15.9155" />
                            <circle class="ring__done" cx="20" cy="20" r="15.9155" stroke-dasharray=share />
                        </svg>
                        <span>{text(kind, progress)}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
