//! The network's shift: per month, how many conversations were with people in the field
//! the user is moving into, in the one they come from, and elsewhere; and how many people
//! of the new field joined the network.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{first_of_month, is_conversation};
use crate::domain::contacts::search::fold;
use crate::domain::record::{Contact, Interaction};

/// The fields the user named, each folded (lower case, without accents) for matching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    /// Where they are going.
    pub target: Vec<String>,
    /// Where they come from.
    pub former: Vec<String>,
}

impl Fields {
    /// The fields of the profile's two texts, several separated by commas or semicolons.
    pub fn of(target: &str, former: &str) -> Fields {
        let split = |text: &str| {
            text.split([',', ';'])
                .map(fold)
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect()
        };
        Fields {
            target: split(target),
            former: split(former),
        }
    }

    /// Whether no target field is named (the picture has nothing to compare).
    pub fn is_empty(&self) -> bool {
        self.target.is_empty()
    }

    /// Where a contact whose field is `field` belongs: one that names a target field is in
    /// the target field, even if it names a former one too ("UX research, formerly
    /// engineering" counts for the move).
    pub fn side(&self, field: &str) -> Side {
        let field = fold(field);
        let names = |wanted: &[String]| wanted.iter().any(|w| field.contains(w.as_str()));
        if field.trim().is_empty() {
            Side::Other
        } else if names(&self.target) {
            Side::Target
        } else if names(&self.former) {
            Side::Former
        } else {
            Side::Other
        }
    }
}

/// Which field a contact is in, as far as the user's fields tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The field the user is moving into.
    Target,
    /// The field they come from.
    Former,
    /// Neither (or no field recorded).
    Other,
}

/// One month of the shift.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Month {
    /// Its first day.
    pub first: NaiveDate,
    /// Conversations with people in the target field.
    pub target: usize,
    /// Conversations with people in the former field.
    pub former: usize,
    /// Other conversations.
    pub other: usize,
    /// People of the target field met this month (by the day met, else the day added).
    pub new_target: usize,
}

impl Month {
    /// Every conversation of the month.
    pub fn conversations(&self) -> usize {
        self.target + self.former + self.other
    }

    /// The target field's share of the month's conversations, 0.0 to 1.0.
    pub fn target_share(&self) -> Option<f64> {
        let all = self.conversations();
        (all > 0).then(|| self.target as f64 / all as f64)
    }
}

/// The months from `from` (`None`: the first conversation) to `today`'s, oldest first,
/// empty months included.
pub fn shift(
    contacts: &[&Contact],
    interactions: &[Interaction],
    fields: &Fields,
    from: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Month> {
    let sides: HashMap<&str, Side> = contacts
        .iter()
        .map(|c| (c.meta.id.as_str(), fields.side(&c.field)))
        .collect();
    let conversations: Vec<&Interaction> = interactions
        .iter()
        .filter(|i| is_conversation(i.kind) && i.date <= today)
        .collect();
    let start = match from {
        Some(f) => first_of_month(f),
        None => match conversations.iter().map(|i| i.date).min() {
            Some(d) => first_of_month(d),
            None => first_of_month(today),
        },
    };
    // At most ten years of months: older ones are not a shift any more.
    let start = start.max(
        first_of_month(today)
            .checked_sub_months(chrono::Months::new(119))
            .unwrap_or(start),
    );
    let mut months: BTreeMap<NaiveDate, Month> = BTreeMap::new();
    let mut month = start;
    while month <= today {
        months.insert(
            month,
            Month {
                first: month,
                ..Month::default()
            },
        );
        month = match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => next,
            None => break,
        };
    }
    for i in conversations {
        let Some(m) = months.get_mut(&first_of_month(i.date)) else {
            continue;
        };
        match sides.get(i.contact_id.as_str()) {
            Some(Side::Target) => m.target += 1,
            Some(Side::Former) => m.former += 1,
            _ => m.other += 1,
        }
    }
    for c in contacts {
        if sides.get(c.meta.id.as_str()) != Some(&Side::Target) {
            continue;
        }
        let met = c.met.date.unwrap_or_else(|| c.meta.created.date_naive());
        if let Some(m) = months.get_mut(&first_of_month(met)) {
            m.new_target += 1;
        }
    }
    months.into_values().collect()
}
