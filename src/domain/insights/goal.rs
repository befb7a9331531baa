//! The weekly goal: a few messages, conversations and informational interviews a week,
//! counted from the timeline and the messages (never typed twice).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::activity::Week;
use super::monday;
use crate::domain::record::InteractionKind;

/// The most a goal may ask per week: beyond it the number is a typing slip.
pub const MAX_PER_WEEK: u32 = 50;

/// What the user wants to do each week; 0 is no goal for that count, all 0 is off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WeeklyGoal {
    /// Outreach messages sent.
    pub messages: u32,
    /// Conversations (every timeline entry but introductions and favours).
    pub conversations: u32,
    /// Informational interviews held.
    pub interviews: u32,
}

impl WeeklyGoal {
    /// Whether no goal is set.
    pub fn is_off(self) -> bool {
        self.messages == 0 && self.conversations == 0 && self.interviews == 0
    }

    /// The goal with every count within 0..=[`MAX_PER_WEEK`] (a stored value from
    /// elsewhere is not trusted).
    pub fn clamped(self) -> WeeklyGoal {
        WeeklyGoal {
            messages: self.messages.min(MAX_PER_WEEK),
            conversations: self.conversations.min(MAX_PER_WEEK),
            interviews: self.interviews.min(MAX_PER_WEEK),
        }
    }

    /// Whether `week` met every count that has a goal.
    pub fn met_in(self, week: &Week) -> bool {
        !self.is_off()
            && week.sent >= self.messages as usize
            && week.conversations() >= self.conversations as usize
            && week.of(InteractionKind::InformationalInterview) >= self.interviews as usize
    }
}

/// One count against its goal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Done this week.
    pub done: usize,
    /// The goal; 0 when none is set.
    pub goal: u32,
}

impl Progress {
    /// Whether the goal is reached.
    pub fn met(self) -> bool {
        self.done >= self.goal as usize
    }

    /// How far, from 0.0 to 1.0 (more than the goal is still 1.0).
    pub fn share(self) -> f64 {
        if self.goal == 0 {
            return 1.0;
        }
        (self.done as f64 / f64::from(self.goal)).min(1.0)
    }
}

/// This week against the goal, and the weeks met in a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GoalWeek {
    /// Messages sent.
    pub messages: Progress,
    /// Conversations.
    pub conversations: Progress,
    /// Informational interviews.
    pub interviews: Progress,
    /// Weeks in a row that met the goal, up to the last one that ended (this week counts
    /// once it is met).
    pub streak: usize,
}

/// The goal's week for `today`, from `weeks` (oldest first, as activity gives them; the
/// last one is the current week).
pub fn goal_week(goal: WeeklyGoal, weeks: &[Week], today: NaiveDate) -> GoalWeek {
    let current = weeks.last().filter(|w| w.monday == monday(today));
    let progress = |done: usize, goal: u32| Progress { done, goal };
    let (sent, conversations, interviews) = current.map_or((0, 0, 0), |w| {
        (
            w.sent,
            w.conversations(),
            w.of(InteractionKind::InformationalInterview),
        )
    });
    let ended = match current {
        Some(_) => &weeks[..weeks.len() - 1],
        None => weeks,
    };
    let mut streak = ended.iter().rev().take_while(|w| goal.met_in(w)).count();
    if current.is_some_and(|w| goal.met_in(w)) {
        streak += 1;
    }
    GoalWeek {
        messages: progress(sent, goal.messages),
        conversations: progress(conversations, goal.conversations),
        interviews: progress(interviews, goal.interviews),
        streak,
    }
}

/// This week against the goal, counted straight from the week's entries and the local
/// days messages were sent (what Today shows; no streak). Smaller than going through
/// [`crate::domain::insights::activity::activity`], which Today's first download need
/// not carry.
pub fn this_week(
    goal: WeeklyGoal,
    entries: &[crate::domain::record::Interaction],
    sent: &[NaiveDate],
    today: NaiveDate,
) -> GoalWeek {
    let start = monday(today);
    let week = |d: NaiveDate| d >= start && d <= today;
    let in_week = entries.iter().filter(|e| week(e.date));
    let conversations = in_week
        .clone()
        .filter(|e| super::is_conversation(e.kind))
        .count();
    let interviews = in_week
        .filter(|e| e.kind == InteractionKind::InformationalInterview)
        .count();
    GoalWeek {
        messages: Progress {
            done: sent.iter().filter(|d| week(**d)).count(),
            goal: goal.messages,
        },
        conversations: Progress {
            done: conversations,
            goal: goal.conversations,
        },
        interviews: Progress {
            done: interviews,
            goal: goal.interviews,
        },
        streak: 0,
    }
}
