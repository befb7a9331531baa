//! The numbers behind the Insights screen: what a list of records cannot show at a glance.
//! Am I keeping up this week? Which of my messages get answered? Every figure is computed
//! here from records the user already has (nothing is typed twice), natively tested; the
//! UI only draws it.
//!
//! Dates are the user's local calendar days: timeline entries hold one already, and the
//! caller turns a sent message's instant into its local day (the offset differs across a
//! daylight-saving change, so it is not one number for all of them).

pub mod activity;
pub mod goal;
pub mod introductions;
pub mod outreach;
pub mod rings;
pub mod shift;

#[cfg(test)]
mod rings_tests;
#[cfg(test)]
mod tests;

use chrono::{Datelike, Months, NaiveDate};

use crate::domain::code::Code;
use crate::domain::record::InteractionKind;

/// Below this many messages in a group, a rate says "too few to tell" instead of a
/// percentage that one more reply would turn upside down.
pub const MIN_COUNT: usize = 5;

/// The time the pictures look back over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Span {
    /// The last three months.
    #[default]
    Months3,
    /// The last six months.
    Months6,
    /// The last twelve months.
    Months12,
    /// Everything recorded.
    All,
}

impl Code for Span {
    const ALL: &'static [Self] = &[Span::Months3, Span::Months6, Span::Months12, Span::All];

    fn key(self) -> &'static str {
        match self {
            Span::Months3 => "3m",
            Span::Months6 => "6m",
            Span::Months12 => "12m",
            Span::All => "all",
        }
    }
}

impl Span {
    /// The first day the span covers, ending `today`; `None` for everything.
    pub fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        let months = match self {
            Span::Months3 => 3,
            Span::Months6 => 6,
            Span::Months12 => 12,
            Span::All => return None,
        };
        today.checked_sub_months(Months::new(months))
    }
}

/// The Monday of the ISO week `day` is in: weeks start on Monday.
pub fn monday(day: NaiveDate) -> NaiveDate {
    day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The first day of the month `day` is in.
pub fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Whether an entry of `kind` is a conversation with the person: everything but an
/// introduction and a favour, which are about someone or something else.
pub fn is_conversation(kind: InteractionKind) -> bool {
    !matches!(
        kind,
        InteractionKind::Introduction
            | InteractionKind::FavourGiven
            | InteractionKind::FavourReceived
    )
}

/// A share of a group, told as a percentage only when the group is large enough.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rate {
    /// How many of the group did it (replied, met …).
    pub hits: usize,
    /// How many the group has.
    pub of: usize,
}

impl Rate {
    /// The share in whole percent, rounded; `None` below [`MIN_COUNT`].
    pub fn percent(self) -> Option<u32> {
        (self.of >= MIN_COUNT).then(|| ((self.hits as f64 * 100.0) / self.of as f64).round() as u32)
    }
}
