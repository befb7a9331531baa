//! Contacts as a spreadsheet: one row each, every field, with the last contact and the
//! next due date computed. UTF-8 with a BOM, so that spreadsheet programs show umlauts.

use chrono::NaiveDate;

use super::csv::{write_row, Separator};
use crate::domain::code::Code;
use crate::domain::record::Contact;

/// The columns, in order. Their names are the caller's (in the user's language); the
/// values are the same in every language.
pub const COLUMNS: usize = 20;

/// What the export computes per contact from the timeline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Computed {
    /// The last interaction.
    pub last_contact: Option<NaiveDate>,
    /// When they are next due; `None` with reminders off.
    pub next_due: Option<NaiveDate>,
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(crate::domain::format::iso_date).unwrap_or_default()
}

/// Every contact as CSV: `headers` first, then one row per contact.
pub fn write(
    contacts: &[(&Contact, Computed)],
    headers: &[&str; COLUMNS],
    sep: Separator,
) -> String {
    let mut out = String::from('\u{feff}');
    write_row(&mut out, headers, sep);
    for (c, computed) in contacts {
        let birthday = c.birthday.map(|b| match b.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
            None => format!("--{:02}-{:02}", b.month, b.day),
        });
        let row: [String; COLUMNS] = [
            c.first_name.clone(),
            c.last_name.clone(),
            c.company.clone(),
            c.role.clone(),
            c.field.clone(),
            c.city.clone(),
            c.email.clone(),
            c.phone.clone(),
            c.links.join(" "),
            c.tags.join(", "),
            c.circle.key().to_string(),
            c.cadence_days.map(|d| d.to_string()).unwrap_or_default(),
            c.met.occasion.clone(),
            date(c.met.date),
            c.met.hook.clone(),
            birthday.unwrap_or_default(),
            c.preferred_channel
                .as_ref()
                .map(|p| p.key().to_string())
                .unwrap_or_default(),
            c.notes.clone(),
            date(computed.last_contact),
            date(computed.next_due),
        ];
        write_row(&mut out, &row, sep);
    }
    out
}
