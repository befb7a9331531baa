//! iCalendar (RFC 5545) of interview appointments, open promises and birthdays.
//!
//! Promises are all-day events with an alarm, not tasks: most calendars ignore VTODO.
//! Every event's UID is made from its record's id, so importing a newer export updates
//! the same events instead of adding them again.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};

use super::vcard::push_folded;
use crate::domain::record::{Birthday, FollowUp, InterviewPlan};

/// The calendar's product id.
const PRODID: &str = "-//Netzweber//Netzweber//EN";

/// A UID domain that is ours, so UIDs never collide with another program's.
const UID_DOMAIN: &str = "netzweber.app";

/// Texts of the events, in the user's language.
pub struct EventTexts<'a> {
    /// "Informational interview with {name}", given the name.
    pub interview: &'a dyn Fn(&str) -> String,
    /// Before the goal in an interview's description.
    pub goal: &'a str,
    /// Before the question list in an interview's description.
    pub questions: &'a str,
    /// "Birthday: {name}", given the name.
    pub birthday: &'a dyn Fn(&str) -> String,
    /// A promise's summary, given its text and the contact's name ("" without one).
    pub promise: &'a dyn Fn(&str, &str) -> String,
}

/// A text value with `\`, `;`, `,` and line breaks escaped (RFC 5545 §3.3.11).
pub fn escape(value: &str) -> String {
    super::vcard::escape(value)
}

// By hand: chrono's `format` brings its strftime machinery into the wasm.
fn utc(t: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        day(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn day(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Builds a calendar, event by event.
pub struct Calendar {
    out: String,
    stamp: String,
}

impl Calendar {
    /// An empty calendar whose events are stamped `now` (DTSTAMP).
    pub fn new(now: DateTime<Utc>) -> Calendar {
        let mut out = String::new();
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!("PRODID:{PRODID}"),
            "CALSCALE:GREGORIAN",
        ] {
            push_folded(&mut out, line);
        }
        Calendar {
            out,
            stamp: utc(now),
        }
    }

    fn line(&mut self, name: &str, value: &str) {
        if !value.is_empty() {
            push_folded(&mut self.out, &format!("{name}:{value}"));
        }
    }

    fn begin(&mut self, uid: &str) {
        self.line("BEGIN", "VEVENT");
        self.line("UID", &format!("{uid}@{UID_DOMAIN}"));
        let stamp = self.stamp.clone();
        self.line("DTSTAMP", &stamp);
    }

    /// An interview with a time: its place or link, the goal and the question list.
    /// Plans without a time have no place in a calendar and are left out.
    pub fn interview(&mut self, plan: &InterviewPlan, name: &str, texts: &EventTexts) {
        let Some(start) = plan.scheduled else { return };
        let minutes = i64::from(plan.duration_minutes.max(15));
        self.begin(&format!("interview-{}", plan.meta.id));
        self.line("DTSTART", &utc(start));
        self.line("DTEND", &utc(start + Duration::minutes(minutes)));
        self.line("SUMMARY", &escape(&(texts.interview)(name)));
        self.line("LOCATION", &escape(plan.place.trim()));
        let mut description = Vec::new();
        if !plan.goal.trim().is_empty() {
            description.push(format!("{}: {}", texts.goal, plan.goal.trim()));
        }
        let questions: Vec<String> = plan
            .items
            .iter()
            .filter(|i| !i.text.trim().is_empty())
            .map(|i| format!("- {}", i.text.trim()))
            .collect();
        if !questions.is_empty() {
            description.push(format!("{}:\n{}", texts.questions, questions.join("\n")));
        }
        self.line("DESCRIPTION", &escape(&description.join("\n\n")));
        self.line("END", "VEVENT");
    }

    /// An open promise or follow-up with a due date: an all-day event with an alarm on
    /// the morning of the day. Done ones and ones without a date are left out.
    pub fn promise(&mut self, f: &FollowUp, name: &str, texts: &EventTexts) {
        let (Some(due), None) = (f.due, f.done) else {
            return;
        };
        self.begin(&format!("promise-{}", f.meta.id));
        self.line("DTSTART;VALUE=DATE", &day(due));
        self.line("DTEND;VALUE=DATE", &day(due + Duration::days(1)));
        let summary = (texts.promise)(f.text.trim(), name);
        self.line("SUMMARY", &escape(&summary));
        self.line("TRANSP", "TRANSPARENT");
        self.line("BEGIN", "VALARM");
        self.line("ACTION", "DISPLAY");
        self.line("DESCRIPTION", &escape(&summary));
        self.line("TRIGGER;RELATED=START", "PT9H");
        self.line("END", "VALARM");
        self.line("END", "VEVENT");
    }

    /// A birthday, every year: from the birth year when known, else from a leap year
    /// (so that 29 February has its day).
    pub fn birthday(&mut self, contact_id: &str, b: Birthday, name: &str, texts: &EventTexts) {
        let year = b.year.unwrap_or(2000);
        let Some(start) = NaiveDate::from_ymd_opt(year, b.month, b.day) else {
            return;
        };
        self.begin(&format!("birthday-{contact_id}"));
        self.line("DTSTART;VALUE=DATE", &day(start));
        self.line("DTEND;VALUE=DATE", &day(start + Duration::days(1)));
        let rule = if b.month == 2 && b.day == 29 {
            // Calendars skip 29 February in other years unless told where it goes.
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
        } else {
            "FREQ=YEARLY"
        };
        self.line("RRULE", rule);
        self.line("SUMMARY", &escape(&(texts.birthday)(name)));
        self.line("TRANSP", "TRANSPARENT");
        self.line("END", "VEVENT");
    }

    /// The finished file.
    pub fn finish(mut self) -> String {
        self.line("END", "VCALENDAR");
        self.out
    }
}
