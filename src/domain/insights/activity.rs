//! Activity: timeline entries per week, by kind, with the messages sent marked.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::{first_of_month, is_conversation, monday};
use crate::domain::code::Code;
use crate::domain::record::{Interaction, InteractionKind};

/// One week of activity.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Week {
    /// Its Monday.
    pub monday: NaiveDate,
    /// Timeline entries by kind, in the order of [`InteractionKind::ALL`].
    pub kinds: Vec<usize>,
    /// Outreach messages sent.
    pub sent: usize,
}

impl Week {
    /// Every timeline entry of the week.
    pub fn entries(&self) -> usize {
        self.kinds.iter().sum()
    }

    /// Entries of one kind.
    pub fn of(&self, kind: InteractionKind) -> usize {
        InteractionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .and_then(|i| self.kinds.get(i).copied())
            .unwrap_or(0)
    }

    /// Conversations (see [`is_conversation`]).
    pub fn conversations(&self) -> usize {
        InteractionKind::ALL
            .iter()
            .zip(&self.kinds)
            .filter(|(k, _)| is_conversation(**k))
            .map(|(_, n)| n)
            .sum()
    }
}

/// Activity over a span of weeks, and this month against the last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    /// Every week from the span's first to the current one, oldest first, empty weeks
    /// included (a gap is part of the picture).
    pub weeks: Vec<Week>,
    /// Conversations in the current month so far.
    pub this_month: usize,
    /// Conversations in the month before.
    pub last_month: usize,
}

impl Activity {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.weeks.iter().all(|w| w.entries() == 0 && w.sent == 0)
    }
}

/// The most weeks a picture shows: "everything" since 1990 would be 1,900 bars; older
/// activity is summed into the months' figures only.
pub const MAX_WEEKS: usize = 260;

/// Activity from `from` (the span's start; `None`: the first record) to `today`.
/// `sent` holds the local day each outreach message was sent.
pub fn activity(
    interactions: &[Interaction],
    sent: &[NaiveDate],
    from: Option<NaiveDate>,
    today: NaiveDate,
) -> Activity {
    let earliest = interactions
        .iter()
        .map(|i| i.date)
        .chain(sent.iter().copied())
        .filter(|d| *d <= today)
        .min();
    let from = match (from, earliest) {
        (Some(f), _) => f,
        (None, Some(e)) => e,
        (None, None) => today,
    };
    let last = monday(today);
    let first = monday(from).max(last - Days::new(7 * (MAX_WEEKS as u64 - 1)));
    let mut weeks: BTreeMap<NaiveDate, Week> = BTreeMap::new();
    let mut day = first;
    while day <= last {
        weeks.insert(
            day,
            Week {
                monday: day,
                kinds: vec![0; InteractionKind::ALL.len()],
                sent: 0,
            },
        );
        day = day + Days::new(7);
    }
    let this_month = first_of_month(today);
    let last_month = first_of_month(this_month.pred_opt().unwrap_or(this_month));
    let (mut now, mut before) = (0, 0);
    for i in interactions {
        if i.date > today {
            continue;
        }
        if is_conversation(i.kind) {
            if i.date >= this_month {
                now += 1;
            } else if i.date >= last_month {
                before += 1;
            }
        }
        if i.date < first {
            continue;
        }
        if let Some(week) = weeks.get_mut(&monday(i.date)) {
            if let Some(slot) = InteractionKind::ALL
                .iter()
                .position(|k| *k == i.kind)
                .and_then(|p| week.kinds.get_mut(p))
            {
                *slot += 1;
            }
        }
    }
    for day in sent {
        if *day >= first && *day <= today {
            if let Some(week) = weeks.get_mut(&monday(*day)) {
                week.sent += 1;
            }
        }
    }
    Activity {
        weeks: weeks.into_values().collect(),
        this_month: now,
        last_month: before,
    }
}
