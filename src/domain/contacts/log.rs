//! Logging an interaction: the timeline entry the form describes, or what is wrong with it.

use chrono::{Duration, NaiveDate};

use crate::domain::format::parse_iso_date;
use crate::domain::record::{
    in_range, Interaction, InteractionKind, Meta, Record, RecordProblem, MAX_LINE_CHARS,
};

/// What the interaction form holds, as typed.
#[derive(Clone, Copy, Debug)]
pub struct LogForm<'a> {
    /// What happened.
    pub kind: InteractionKind,
    /// The date input's value, `YYYY-MM-DD`.
    pub date: &'a str,
    /// What was said or done.
    pub summary: &'a str,
    /// Comma-separated keywords.
    pub keywords: &'a str,
}

/// What is wrong with the form, naming the field it belongs to (`date`, `summary`,
/// `keywords`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    /// No date, or not a date.
    DateMissing,
    /// More than a year ahead: most likely a typo in the year.
    DateFar,
    /// Outside the years a record may have.
    DateOutOfRange,
    /// A keyword longer than a line may be.
    KeywordTooLong(usize),
    /// The entry breaks a record rule (a summary or keyword list too long).
    Record(RecordProblem),
}

impl LogError {
    /// The field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            LogError::DateMissing | LogError::DateFar | LogError::DateOutOfRange => "date",
            LogError::KeywordTooLong(_)
            | LogError::Record(RecordProblem::TooLong {
                field: "keywords", ..
            }) => "keywords",
            LogError::Record(_) => "summary",
        }
    }
}

/// How far ahead an entry may be dated.
const DAYS_AHEAD: i64 = 366;

/// The entry the form describes for `contact_id`: a new one with `meta`, or a correction of
/// `base`, which keeps the entry's id, revision (a change made meanwhile in another tab is
/// not overwritten) and the other person of an introduction.
pub fn logged(
    form: LogForm<'_>,
    contact_id: &str,
    base: Option<&Interaction>,
    meta: Meta,
    today: NaiveDate,
) -> Result<Interaction, LogError> {
    let day = parse_iso_date(form.date).ok_or(LogError::DateMissing)?;
    if today
        .checked_add_signed(Duration::days(DAYS_AHEAD))
        .is_some_and(|far| day > far)
    {
        return Err(LogError::DateFar);
    }
    if !in_range(day) {
        return Err(LogError::DateOutOfRange);
    }
    let keywords: Vec<String> = form
        .keywords
        .split(',')
        .map(|k| k.trim().to_string())
        .filter(|k| !k.is_empty())
        .collect();
    if keywords.iter().any(|k| k.chars().count() > MAX_LINE_CHARS) {
        return Err(LogError::KeywordTooLong(MAX_LINE_CHARS));
    }
    let record = Interaction {
        meta: base.map_or(meta, |e| e.meta.clone()),
        contact_id: contact_id.to_string(),
        kind: form.kind,
        date: day,
        summary: form.summary.trim().to_string(),
        keywords,
        other_contact_id: base.and_then(|e| e.other_contact_id.clone()),
        other_contact_name: base
            .map(|e| e.other_contact_name.clone())
            .unwrap_or_default(),
    };
    record.check().map_err(LogError::Record)?;
    Ok(record)
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::record::MAX_TEXT_CHARS;

    fn meta(id: &str) -> Meta {
        let at: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().unwrap();
        Meta::new(id, at)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    fn form<'a>(date: &'a str, summary: &'a str, keywords: &'a str) -> LogForm<'a> {
        LogForm {
            kind: InteractionKind::Call,
            date,
            summary,
            keywords,
        }
    }

    #[test]
    fn a_new_entry_takes_the_form_trimmed_and_the_keywords_split() {
        let e = logged(
            form("2026-11-30", "  Talked about UX ", " ux, , research ,"),
            "c1",
            None,
            meta("i1"),
            today(),
        )
        .unwrap();
        assert_eq!(e.meta.id, "i1");
        assert_eq!(e.contact_id, "c1");
        assert_eq!(e.kind, InteractionKind::Call);
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
        assert_eq!(e.summary, "Talked about UX");
        assert_eq!(e.keywords, ["ux", "research"]);
    }

    #[test]
    fn a_correction_keeps_id_revision_and_the_other_person() {
        let mut base =
            logged(form("2026-11-30", "x", ""), "c1", None, meta("i1"), today()).unwrap();
        base.meta.revision = 4;
        base.other_contact_id = Some("c2".into());
        base.other_contact_name = "Grace".into();
        let e = logged(
            form("2026-12-01", "y", ""),
            "c1",
            Some(&base),
            meta("new"),
            today(),
        )
        .unwrap();
        assert_eq!((e.meta.id.as_str(), e.meta.revision), ("i1", 4));
        assert_eq!(e.other_contact_id.as_deref(), Some("c2"));
        assert_eq!(e.other_contact_name, "Grace");
        assert_eq!(e.summary, "y");
    }

    #[test]
    fn dates_must_be_real_near_and_in_range() {
        let err =
            |date: &str| logged(form(date, "", ""), "c1", None, meta("i1"), today()).unwrap_err();
        assert_eq!(err(""), LogError::DateMissing);
        assert_eq!(err("2026-02-30"), LogError::DateMissing);
        assert_eq!(err("2028-01-01"), LogError::DateFar);
        assert_eq!(err("1899-12-31"), LogError::DateOutOfRange);
        assert_eq!(err("1899-12-31").field(), "date");
        // A year ahead is still fine (a planned meeting).
        assert!(logged(form("2027-12-02", "", ""), "c1", None, meta("i1"), today()).is_ok());
    }

    #[test]
    fn overlong_keywords_and_summaries_are_refused_with_their_field() {
        let long = "k".repeat(MAX_LINE_CHARS + 1);
        let e = logged(
            form("2026-12-01", "", &long),
            "c1",
            None,
            meta("i1"),
            today(),
        )
        .unwrap_err();
        assert_eq!(e, LogError::KeywordTooLong(MAX_LINE_CHARS));
        assert_eq!(e.field(), "keywords");
        let long = "s".repeat(MAX_TEXT_CHARS + 1);
        let e = logged(
            form("2026-12-01", &long, ""),
            "c1",
            None,
            meta("i1"),
            today(),
        )
        .unwrap_err();
        assert_eq!(e.field(), "summary");
    }
}
