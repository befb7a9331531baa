//! LinkedIn's `Connections.csv` (from "Get a copy of your data").
//!
//! Exports since about 2022 start with a `Notes:` preamble before the header; older ones
//! have no preamble, no `URL` column and dates like `1/8/18, 6:14 PM`. The header is found
//! by its column names and columns are mapped by name, so LinkedIn adding or reordering
//! columns does not break the import.

use chrono::{DateTime, NaiveDate, Utc};

use super::csv::{self, Row, Separator};
use super::{ImportError, Parsed, Reader, SkipReason, Skipped, MAX_IMPORT_PEOPLE};
use crate::domain::contacts::draft::new_contact;
use crate::domain::format::{digits, parse_iso_date};
use crate::domain::link::SafeLink;
use crate::domain::record::{in_range, Circle, Contact, Meta};

/// The occasion and tag imported connections get.
pub const LINKEDIN: &str = "LinkedIn";

/// How many rows the header may come after (the preamble is three lines today).
const HEADER_SEARCH_ROWS: usize = 20;

/// Where each known column is, by its name in the header.
#[derive(Default)]
struct Columns {
    first: Option<usize>,
    last: Option<usize>,
    url: Option<usize>,
    email: Option<usize>,
    company: Option<usize>,
    position: Option<usize>,
    connected: Option<usize>,
}

impl Columns {
    /// The columns of a header row; `None` when it names neither name column.
    fn of(row: &Row) -> Option<Columns> {
        let mut c = Columns::default();
        for (i, name) in row.fields.iter().enumerate() {
            let slot = match name.trim().to_ascii_lowercase().as_str() {
                "first name" => &mut c.first,
                "last name" => &mut c.last,
                "url" | "profile url" => &mut c.url,
                "email address" | "e-mail address" => &mut c.email,
                "company" => &mut c.company,
                "position" => &mut c.position,
                "connected on" => &mut c.connected,
                _ => continue,
            };
            slot.get_or_insert(i);
        }
        (c.first.is_some() || c.last.is_some()).then_some(c)
    }
}

/// The connections in a `Connections.csv`. Imported people are in the periphery circle
/// with reminders off (a cadence of 0), so a network of thousands never floods the due
/// list, and carry the tag and occasion "LinkedIn" with the day they connected.
pub fn read_connections(text: &str, now: DateTime<Utc>) -> Result<Parsed, ImportError> {
    ConnectionsReader::open(text, now)?.read_all()
}

/// [`read_connections`] a slice of rows at a time.
pub struct ConnectionsReader {
    /// The rows after the header, blank ones left out.
    rows: Vec<Row>,
    columns: Columns,
    next: usize,
    parsed: Parsed,
    now: DateTime<Utc>,
}

impl ConnectionsReader {
    /// Finds the header and counts the people; refuses a file that is not a connections
    /// list or holds too many.
    pub fn open(text: &str, now: DateTime<Utc>) -> Result<ConnectionsReader, ImportError> {
        let rows = csv::read(text, Separator::Comma).map_err(|e| match e {
            csv::CsvError::UnclosedQuote(line) => ImportError::UnclosedQuote(line),
        })?;
        let (header, columns) = rows
            .iter()
            .take(HEADER_SEARCH_ROWS)
            .enumerate()
            .find_map(|(i, row)| Columns::of(row).map(|c| (i, c)))
            .ok_or(ImportError::NoHeader)?;
        let rows: Vec<Row> = rows
            .into_iter()
            .skip(header + 1)
            .filter(|r| !r.is_blank())
            .collect();
        if rows.len() > MAX_IMPORT_PEOPLE {
            return Err(ImportError::TooMany(rows.len()));
        }
        Ok(ConnectionsReader {
            rows,
            columns,
            next: 0,
            parsed: Parsed::default(),
            now,
        })
    }
}

impl Reader for ConnectionsReader {
    fn step(&mut self, people: usize) -> bool {
        let end = self.next.saturating_add(people).min(self.rows.len());
        for row in &self.rows[self.next..end] {
            let first = clean(row.get(self.columns.first));
            let last = clean(row.get(self.columns.last));
            if first.is_empty() && last.is_empty() {
                self.parsed.skipped.push(Skipped {
                    place: row.line,
                    reason: SkipReason::HiddenProfile,
                });
                continue;
            }
            let contact = connection(row, &self.columns, first, last, self.now);
            self.parsed.take(row.line, contact);
        }
        self.next = end;
        end < self.rows.len()
    }

    fn progress(&self) -> (usize, usize) {
        (self.next, self.rows.len())
    }

    fn finish(self) -> Result<Parsed, ImportError> {
        if self.parsed.people.is_empty() && self.parsed.skipped.is_empty() {
            return Err(ImportError::NoPeople);
        }
        Ok(self.parsed)
    }
}

fn connection(
    row: &Row,
    columns: &Columns,
    first: String,
    last: String,
    now: DateTime<Utc>,
) -> Contact {
    let mut c = new_contact(Meta::new(String::new(), now));
    c.first_name = first;
    c.last_name = last;
    c.company = clean(row.get(columns.company));
    c.role = clean(row.get(columns.position));
    c.email = email(row.get(columns.email));
    c.links = profile_link(row.get(columns.url)).into_iter().collect();
    c.met.occasion = LINKEDIN.to_string();
    c.met.date = connected_on(row.get(columns.connected));
    c.tags = vec![LINKEDIN.to_string()];
    c.circle = Circle::Periphery;
    c.cadence_days = Some(0);
    c
}

/// A name or other line with white space (tabs included) trimmed and runs of it joined.
fn clean(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An e-mail address, or "" for what is not one: LinkedIn puts `urn:li:member:…` there
/// for people who hide their address.
fn email(value: &str) -> String {
    let v = value.trim();
    let looks_like_email = v.contains('@') && !v.contains(char::is_whitespace) && !v.contains(':');
    if looks_like_email {
        v.to_string()
    } else {
        String::new()
    }
}

/// The profile link, when it is a safe web link.
fn profile_link(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    SafeLink::parse_web(v).ok().map(|l| l.href().to_string())
}

/// "09 Oct 2024" (today's exports) or "1/8/18, 6:14 PM" (older ones, month first);
/// `None` for anything else or a date outside what a contact can hold.
pub fn connected_on(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    // By hand: chrono's `parse_from_str` brings its strftime machinery into the wasm.
    let date = day_month_year(v)
        .or_else(|| month_day_year(v.split(',').next()?.trim()))
        .or_else(|| parse_iso_date(v))?;
    in_range(date).then_some(date)
}

/// "09 Oct 2024": English month abbreviations, any case.
fn day_month_year(v: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let mut parts = v.split_whitespace();
    let day = digits(parts.next()?, 1, 2)?;
    let month = parts.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? as u32 + 1;
    let year = digits(parts.next()?, 4, 4)?;
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// "1/8/18" or "1/8/2018", month first; a two-digit year 70–99 is in the 1900s, as in
/// chrono and most `strptime`s.
fn month_day_year(v: &str) -> Option<NaiveDate> {
    let mut parts = v.split('/');
    let month = digits(parts.next()?, 1, 2)?;
    let day = digits(parts.next()?, 1, 2)?;
    let year = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    let year = match year.len() {
        2 => {
            let y = digits(year, 2, 2)? as i32;
            if y >= 70 {
                1900 + y
            } else {
                2000 + y
            }
        }
        _ => digits(year, 4, 4)? as i32,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}
