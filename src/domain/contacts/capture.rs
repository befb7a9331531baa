//! Quick capture: a person recorded in seconds right after meeting them (name, company,
//! where, the hook, a few keywords, the profile link, what was promised), as advisers say
//! to do promptly. The same checks as the full contact form apply, so a captured contact
//! can be opened and saved there unchanged.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::contacts::draft::{new_contact, ContactDraft, DraftError, DraftField};
use crate::domain::contacts::log::{logged, LogError, LogForm};
use crate::domain::interviews::wrap_up::split_name;
use crate::domain::record::{
    Contact, FollowUp, FollowUpKind, Interaction, InteractionKind, Meta, Record, RecordProblem,
};

/// How long the occasion typed last stays filled in for the next person.
pub const OCCASION_MEMORY_MINUTES: i64 = 60;

/// The occasion to prefill: the last one used, if that was less than an hour ago.
pub fn remembered_occasion(last: Option<(&str, DateTime<Utc>)>, now: DateTime<Utc>) -> String {
    match last {
        Some((occasion, at))
            if at <= now + Duration::minutes(1)
                && now - at < Duration::minutes(OCCASION_MEMORY_MINUTES) =>
        {
            occasion.trim().to_string()
        }
        _ => String::new(),
    }
}

/// The sheet as typed.
#[derive(Clone, Copy, Debug, Default)]
pub struct CaptureForm<'a> {
    /// The whole name, as said: "Anna-Lena Weiß".
    pub name: &'a str,
    /// Company.
    pub company: &'a str,
    /// Where we met.
    pub occasion: &'a str,
    /// The hook.
    pub hook: &'a str,
    /// Comma-separated keywords of what was talked about.
    pub keywords: &'a str,
    /// A profile link.
    pub link: &'a str,
    /// "I promised …", due tomorrow.
    pub promise: &'a str,
}

/// The sheet's fields, for putting a message next to the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CaptureField {
    /// Name.
    Name,
    /// Company.
    Company,
    /// Where we met.
    Occasion,
    /// The hook.
    Hook,
    /// Keywords.
    Keywords,
    /// Profile link.
    Link,
    /// The promise.
    Promise,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaptureError {
    /// As the contact form would say it.
    Draft(DraftError),
    /// As the timeline's form would say it.
    Log(LogError),
    /// A record rule (text too long).
    Record(RecordProblem),
}

/// What saving the sheet writes, all in one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Captured {
    /// The person, met today.
    pub contact: Contact,
    /// Today's meeting (an event entry) with the keywords, when keywords were given.
    pub entry: Option<Interaction>,
    /// The promise, due tomorrow.
    pub promise: Option<FollowUp>,
}

/// Ids and the time for the records a capture creates.
#[derive(Clone, Debug)]
pub struct NewIds {
    /// For the contact.
    pub contact: Meta,
    /// For the timeline entry.
    pub entry: Meta,
    /// For the promise.
    pub promise: Meta,
}

/// The records the sheet describes, or every problem found, in the sheet's order.
pub fn captured(
    form: CaptureForm<'_>,
    ids: NewIds,
    today: NaiveDate,
) -> Result<Captured, Vec<(CaptureField, CaptureError)>> {
    let (first_name, last_name) = split_name(form.name);
    let draft = ContactDraft {
        first_name,
        last_name,
        company: form.company.to_string(),
        met_occasion: form.occasion.to_string(),
        met_date: today.format("%Y-%m-%d").to_string(),
        met_hook: form.hook.to_string(),
        links: form.link.trim().to_string(),
        ..ContactDraft::default()
    };
    let mut errors = Vec::new();
    let contact = match draft.to_contact(&new_contact(ids.contact), today) {
        Ok(c) => Some(c),
        Err(found) => {
            for (field, error) in found {
                let field = match field {
                    DraftField::Line("company") => CaptureField::Company,
                    DraftField::Line("met_occasion") => CaptureField::Occasion,
                    DraftField::Text(_) => CaptureField::Hook,
                    DraftField::Links => CaptureField::Link,
                    _ => CaptureField::Name,
                };
                errors.push((field, CaptureError::Draft(error)));
            }
            None
        }
    };
    let contact_id = contact
        .as_ref()
        .map(|c| c.meta.id.clone())
        .unwrap_or_default();
    let entry = if form.keywords.trim().is_empty() {
        None
    } else {
        let date = today.format("%Y-%m-%d").to_string();
        let log = LogForm {
            kind: InteractionKind::Event,
            date: &date,
            summary: form.occasion,
            keywords: form.keywords,
        };
        match logged(log, &contact_id, None, ids.entry, today) {
            Ok(e) => Some(e),
            Err(e) => {
                errors.push((CaptureField::Keywords, CaptureError::Log(e)));
                None
            }
        }
    };
    let promise = if form.promise.trim().is_empty() {
        None
    } else {
        let f = FollowUp {
            meta: ids.promise,
            contact_id: Some(contact_id),
            kind: FollowUpKind::IPromised,
            text: form.promise.trim().to_string(),
            due: today.succ_opt(),
            done: None,
            message_id: None,
        };
        match f.check() {
            Ok(()) => Some(f),
            Err(e) => {
                errors.push((CaptureField::Promise, CaptureError::Record(e)));
                None
            }
        }
    };
    match contact {
        Some(contact) if errors.is_empty() => Ok(Captured {
            contact,
            entry,
            promise,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{MAX_LINE_CHARS, MAX_TEXT_CHARS};

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn ids() -> NewIds {
        let now = at("2026-12-03T18:00:00Z");
        NewIds {
            contact: Meta::new("c1", now),
            entry: Meta::new("i1", now),
            promise: Meta::new("f1", now),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
    }

    #[test]
    fn the_occasion_is_remembered_for_an_hour() {
        let used = at("2026-12-03T18:00:00Z");
        let last = Some(("UX Barcamp Köln ", used));
        assert_eq!(remembered_occasion(last, used), "UX Barcamp Köln");
        assert_eq!(
            remembered_occasion(last, at("2026-12-03T18:59:00Z")),
            "UX Barcamp Köln"
        );
        assert_eq!(remembered_occasion(last, at("2026-12-03T19:00:00Z")), "");
        assert_eq!(remembered_occasion(None, used), "");
        // A clock set back (or a value from the future) is not trusted.
        assert_eq!(remembered_occasion(last, at("2026-12-03T17:00:00Z")), "");
    }

    #[test]
    fn a_capture_is_a_contact_met_today_with_keywords_and_a_promise() {
        let form = CaptureForm {
            name: "  Anna-Lena   Weiß ",
            company: "Acme",
            occasion: "UX Barcamp Köln",
            hook: "Both moved from engineering",
            keywords: "research ops, hiring",
            link: "linkedin.com/in/anna-lena-weiss",
            promise: "Send the barcamp notes",
        };
        let c = captured(form, ids(), today()).unwrap();
        assert_eq!(c.contact.first_name, "Anna-Lena");
        assert_eq!(c.contact.last_name, "Weiß");
        assert_eq!(c.contact.company, "Acme");
        assert_eq!(c.contact.met.occasion, "UX Barcamp Köln");
        assert_eq!(c.contact.met.date, Some(today()));
        assert_eq!(c.contact.met.hook, "Both moved from engineering");
        assert_eq!(
            c.contact.links,
            vec!["https://linkedin.com/in/anna-lena-weiss".to_string()]
        );
        let entry = c.entry.unwrap();
        assert_eq!(entry.contact_id, "c1");
        assert_eq!(entry.date, today());
        assert_eq!(entry.keywords, vec!["research ops", "hiring"]);
        assert_eq!(entry.summary, "UX Barcamp Köln");
        let promise = c.promise.unwrap();
        assert_eq!(promise.contact_id.as_deref(), Some("c1"));
        assert_eq!(promise.kind, FollowUpKind::IPromised);
        assert_eq!(promise.due, NaiveDate::from_ymd_opt(2026, 12, 4));
        assert!(c.contact.check().is_ok());
    }

    #[test]
    fn only_a_name_is_needed() {
        let c = captured(
            CaptureForm {
                name: "Madonna",
                ..CaptureForm::default()
            },
            ids(),
            today(),
        )
        .unwrap();
        assert_eq!(c.contact.first_name, "Madonna");
        assert_eq!(c.entry, None);
        assert_eq!(c.promise, None);
    }

    #[test]
    fn every_problem_is_named_at_its_field() {
        let long = "x".repeat(MAX_LINE_CHARS + 1);
        let text = "x".repeat(MAX_TEXT_CHARS + 1);
        let errors = captured(
            CaptureForm {
                name: "   ",
                company: &long,
                occasion: &long,
                hook: &text,
                keywords: &long,
                link: "javascript:alert(1)",
                promise: &text,
            },
            ids(),
            today(),
        )
        .unwrap_err();
        let fields: Vec<CaptureField> = errors.iter().map(|(f, _)| *f).collect();
        for f in [
            CaptureField::Name,
            CaptureField::Company,
            CaptureField::Occasion,
            CaptureField::Hook,
            CaptureField::Link,
            CaptureField::Keywords,
            CaptureField::Promise,
        ] {
            assert!(fields.contains(&f), "{f:?} in {errors:?}");
        }
    }
}
