//! The readers and writers against fixture files written from the formats' descriptions
//! (`tests/data/interop/`), and the import plan against stored contacts; one file per
//! format, the shared fixtures here.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::csv::{self, Separator};
use super::ical::{Calendar, EventTexts};
use super::linkedin::{connected_on, read_connections};
use super::matching::{plan, Choices, Counts, Outcome};
use super::vcard::{self, push_folded, NoteLabels, MAX_LINE_OCTETS};
use super::*;
use crate::domain::contacts::draft::new_contact;
use crate::domain::record::{Birthday, Circle, FollowUp, FollowUpKind, Meta, Photo};

mod calendars;
mod connections;
mod messages;
mod slices;
mod spreadsheets;
mod vcards;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 10, 0, 0).unwrap()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/data/interop/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    file_text(&bytes).unwrap().into_owned()
}

fn ids() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("new-{n}")
    }
}

fn stored(id: &str, first: &str, last: &str) -> Contact {
    let mut c = new_contact(Meta::new(id, now()));
    c.meta.revision = 3;
    c.first_name = first.into();
    c.last_name = last.into();
    c
}

#[test]
fn file_slugs() {
    assert_eq!(file_slug("Dr. Anna-Lena Weiß"), "dr-anna-lena-weiß");
    assert_eq!(file_slug("  <script>/../"), "script");
    assert_eq!(file_slug("🙂"), "contact");
    assert_eq!(file_slug(&"ab ".repeat(30)).len(), 40);
}

/// Unfolds a folded text as a reader does: a line break followed by a space or tab
/// continues the line.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

fn full_contact() -> Contact {
    let mut c = stored("v1", "Zoë 👩🏽‍💻", "Müller, Jr.; \\ عربى");
    c.company = "Acme; Inc., \"Q\"".into();
    c.role = "Lead".into();
    c.field = "UX research".into();
    c.email = "zoe@example.org".into();
    c.phone = "+49 221 1".into();
    c.links = vec![
        "https://www.linkedin.com/in/zoe".into(),
        "https://www.xing.com/profile/Zoe".into(),
    ];
    c.city = "Köln".into();
    c.birthday = Some(Birthday {
        month: 2,
        day: 29,
        year: None,
    });
    c.tags = vec!["UX, Research".into(), "Köln".into()];
    c.notes = "First line\nsecond; with, marks \\n literal".into();
    c.met.occasion = "UX Barcamp".into();
    c.met.date = NaiveDate::from_ymd_opt(2026, 11, 3);
    c.met.hook = "talked about 🚲".into();
    c.circle = Circle::Core;
    c.cadence_days = Some(21);
    c
}

/// The Big List of Naughty Strings (`tests/data/blns.json`).
fn naughty_strings() -> Vec<String> {
    let path = format!("{}/tests/data/blns.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}
