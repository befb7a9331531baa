//! Introducing two contacts to each other: what gets written.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::backup::Dataset;
use crate::domain::record::{
    fit_text, in_range, FollowUp, FollowUpKind, Interaction, InteractionKind, Meta,
};

/// Days until "ask how the introduction went" is due.
pub const INTRO_CHECK_DAYS: i64 = 14;

/// What the user filled in on the introduce form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Introduction<'a> {
    /// One contact's id.
    pub a: &'a str,
    /// The other contact's id.
    pub b: &'a str,
    /// When.
    pub day: NaiveDate,
    /// Why they should meet.
    pub why: &'a str,
    /// The text of the reminder on `a` to ask how it went, if wanted.
    pub reminder: Option<String>,
}

/// Why an introduction cannot be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntroduceError {
    /// Both sides are the same person.
    Same,
    /// The date lies outside the years records may have.
    DateOutOfRange,
}

/// The records an introduction writes: an entry on both timelines naming the other, and
/// optionally a reminder on `a` [`INTRO_CHECK_DAYS`] after `today`. `new_id` hands out
/// record ids.
pub fn introduce(
    intro: &Introduction,
    today: NaiveDate,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Dataset, IntroduceError> {
    if intro.a == intro.b {
        return Err(IntroduceError::Same);
    }
    if !in_range(intro.day) {
        return Err(IntroduceError::DateOutOfRange);
    }
    let summary = fit_text(intro.why.trim());
    let mut entry = |of: &str, other: &str| Interaction {
        meta: Meta::new(new_id(), now),
        contact_id: of.to_string(),
        kind: InteractionKind::Introduction,
        date: intro.day,
        summary: summary.clone(),
        keywords: Vec::new(),
        other_contact_id: Some(other.to_string()),
        other_contact_name: String::new(),
    };
    let mut out = Dataset {
        interactions: vec![entry(intro.a, intro.b), entry(intro.b, intro.a)],
        ..Dataset::default()
    };
    if let Some(text) = &intro.reminder {
        out.follow_ups.push(FollowUp {
            meta: Meta::new(new_id(), now),
            contact_id: Some(intro.a.to_string()),
            kind: FollowUpKind::Reminder,
            text: fit_text(text),
            due: today.checked_add_signed(Duration::days(INTRO_CHECK_DAYS)),
            done: None,
            message_id: None,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{validate, Record, MAX_TEXT_CHARS};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    #[test]
    fn an_introduction_lands_on_both_timelines_with_a_reminder() {
        let now: DateTime<Utc> = "2026-05-01T10:00:00Z".parse().unwrap();
        let intro = Introduction {
            a: "c1",
            b: "c2",
            day: day("2026-05-01"),
            why: "  both work on accessibility  ",
            reminder: Some("Ask Ada how it went".into()),
        };
        let out = introduce(&intro, day("2026-05-01"), now, &mut ids()).unwrap();
        assert_eq!(out.interactions.len(), 2);
        assert_eq!(out.interactions[0].contact_id, "c1");
        assert_eq!(out.interactions[0].other_contact_id.as_deref(), Some("c2"));
        assert_eq!(out.interactions[1].contact_id, "c2");
        assert_eq!(out.interactions[1].summary, "both work on accessibility");
        assert_eq!(out.follow_ups[0].due, Some(day("2026-05-15")));
        assert_eq!(out.follow_ups[0].contact_id.as_deref(), Some("c1"));
        let mut stamped = out.interactions[0].clone();
        stamped.meta_mut().revision = 1;
        assert_eq!(validate(&stamped), Ok(()));
    }

    #[test]
    fn same_person_far_dates_and_huge_text_are_handled() {
        let now: DateTime<Utc> = "2026-05-01T10:00:00Z".parse().unwrap();
        let mut intro = Introduction {
            a: "c1",
            b: "c1",
            day: day("2026-05-01"),
            why: "",
            reminder: None,
        };
        assert_eq!(
            introduce(&intro, day("2026-05-01"), now, &mut ids()),
            Err(IntroduceError::Same)
        );
        intro.b = "c2";
        intro.day = day("2201-01-01");
        assert_eq!(
            introduce(&intro, day("2026-05-01"), now, &mut ids()),
            Err(IntroduceError::DateOutOfRange)
        );
        intro.day = day("2026-05-01");
        let long = "x".repeat(MAX_TEXT_CHARS + 10);
        intro.why = &long;
        let out = introduce(&intro, day("2026-05-01"), now, &mut ids()).unwrap();
        assert_eq!(out.interactions[0].summary.chars().count(), MAX_TEXT_CHARS);
        assert!(out.interactions[0].summary.ends_with('…'));
    }
}
