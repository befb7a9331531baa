//! Spreadsheets from other tools (Google Contacts, Outlook, a list kept by hand, our own
//! export): the user maps each column to a contact field; common English and German
//! header names are guessed.

use chrono::DateTime;
use chrono::Utc;

use super::csv::{self, Row};
use super::{ImportError, Parsed, Reader, MAX_IMPORT_PEOPLE};
use crate::domain::code::Code;
use crate::domain::contacts::draft::new_contact;
use crate::domain::format::{digits, parse_iso_date};
use crate::domain::link::SafeLink;
use crate::domain::record::{in_range, Birthday, Circle, Meta};

/// The contact field a column goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Not imported.
    Ignore,
    /// Given name.
    FirstName,
    /// Family name.
    LastName,
    /// The whole name in one column ("Anna Müller"): the last word is the family name.
    FullName,
    /// Employer.
    Company,
    /// Job title.
    Role,
    /// Field or industry.
    Field,
    /// City.
    City,
    /// E-mail address (the first non-empty column wins; further ones go to the notes).
    Email,
    /// Phone number (likewise).
    Phone,
    /// Profile links or web sites (several per cell, separated by spaces).
    Links,
    /// Tags (separated by commas; Google's " ::: " too).
    Tags,
    /// Notes (several columns are joined).
    Notes,
    /// Birthday (`1980-04-14`, `--04-14`, `14.04.1980`, `14.04.`).
    Birthday,
    /// Where they met.
    Occasion,
    /// When they met (ISO or German date).
    MetOn,
    /// The hook.
    Hook,
    /// Circle (`core`, `network`, `periphery`).
    Circle,
    /// Keep-in-touch rhythm in days (0: no reminders).
    Cadence,
}

impl Code for Target {
    const ALL: &'static [Self] = &[
        Target::Ignore,
        Target::FirstName,
        Target::LastName,
        Target::FullName,
        Target::Company,
        Target::Role,
        Target::Field,
        Target::City,
        Target::Email,
        Target::Phone,
        Target::Links,
        Target::Tags,
        Target::Notes,
        Target::Birthday,
        Target::Occasion,
        Target::MetOn,
        Target::Hook,
        Target::Circle,
        Target::Cadence,
    ];

    fn key(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::FirstName => "first_name",
            Target::LastName => "last_name",
            Target::FullName => "full_name",
            Target::Company => "company",
            Target::Role => "role",
            Target::Field => "field",
            Target::City => "city",
            Target::Email => "email",
            Target::Phone => "phone",
            Target::Links => "links",
            Target::Tags => "tags",
            Target::Notes => "notes",
            Target::Birthday => "birthday",
            Target::Occasion => "occasion",
            Target::MetOn => "met_on",
            Target::Hook => "hook",
            Target::Circle => "circle",
            Target::Cadence => "cadence",
        }
    }
}

/// The field a column named `header` most likely holds, from common English and German
/// names (Google Contacts, Outlook, Netzweber's own export in either language).
pub fn guess(header: &str) -> Target {
    let h = header.trim().to_lowercase();
    let exact = match h.as_str() {
        "first name" | "given name" | "vorname" | "firstname" => Some(Target::FirstName),
        "last name" | "family name" | "surname" | "nachname" | "lastname" => Some(Target::LastName),
        "name" | "full name" | "display name" | "vollständiger name" | "anzeigename" => {
            Some(Target::FullName)
        }
        "company"
        | "organization"
        | "organisation"
        | "firma"
        | "unternehmen"
        | "organization 1 - name"
        | "organization name" => Some(Target::Company),
        // Not "title": Outlook's "Title" is the honorific (Dr., Mr.).
        "role"
        | "job title"
        | "position"
        | "rolle"
        | "berufsbezeichnung"
        | "organization 1 - title"
        | "organization title" => Some(Target::Role),
        "field" | "field or industry" | "industry" | "branche" => Some(Target::Field),
        "city" | "ort" | "stadt" | "business city" | "home city" => Some(Target::City),
        "notes" | "note" | "notizen" | "notiz" | "anmerkungen" => Some(Target::Notes),
        "birthday" | "geburtstag" => Some(Target::Birthday),
        "tags" | "labels" | "categories" | "kategorien" | "schlagwörter" | "group membership" => {
            Some(Target::Tags)
        }
        "where we met" | "kennengelernt bei" => Some(Target::Occasion),
        "met on" | "kennengelernt am" => Some(Target::MetOn),
        "hook" | "aufhänger" => Some(Target::Hook),
        "circle" | "kreis" => Some(Target::Circle),
        "keep in touch (days)" | "kontakt halten (tage)" => Some(Target::Cadence),
        "links" | "website" | "web page" | "webseite" | "url" | "linkedin" | "xing" => {
            Some(Target::Links)
        }
        _ => None,
    };
    exact.unwrap_or_else(|| {
        let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
        // "E-mail 1 - Value", "E-Mail-Adresse", "Phone 2 - Value", "Mobiltelefon" …
        if has(&["label", "type", "typ", "display", "angezeigt"]) {
            Target::Ignore
        } else if has(&["mail"]) {
            Target::Email
        } else if has(&["phone", "telefon", "mobil", "handy"]) {
            Target::Phone
        } else if has(&["website", "web page", "webseite", "linkedin", "xing"]) {
            Target::Links
        } else {
            Target::Ignore
        }
    })
}

/// The guessed target of every column of `header`; a target that only one column can
/// fill (all but e-mail, phone, links, tags and notes) goes to the first column only.
pub fn guess_all(header: &Row) -> Vec<Target> {
    let mut taken = Vec::new();
    header
        .fields
        .iter()
        .map(|h| {
            let t = guess(h);
            let many = matches!(
                t,
                Target::Email | Target::Phone | Target::Links | Target::Tags | Target::Notes
            );
            if !many && taken.contains(&t) {
                return Target::Ignore;
            }
            taken.push(t);
            t
        })
        .collect()
}

/// A spreadsheet's rows, the header first; refuses a file without a row after the header.
pub fn read_rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let sep = csv::detect_separator(text);
    let rows: Vec<Row> = csv::read(text, sep)
        .map_err(|e| match e {
            csv::CsvError::UnclosedQuote(line) => ImportError::UnclosedQuote(line),
        })?
        .into_iter()
        .filter(|r| !r.is_blank())
        .collect();
    match rows.len() {
        0 => Err(ImportError::Empty),
        1 => Err(ImportError::NoPeople),
        n if n - 1 > MAX_IMPORT_PEOPLE => Err(ImportError::TooMany(n - 1)),
        _ => Ok(rows),
    }
}

/// `14.04.1980`, `14.04.`, `1980-04-14`, `--04-14`, `--0414`.
fn birthday(value: &str) -> Option<Birthday> {
    let v = value.trim();
    let b = if let Some(rest) = v.strip_prefix("--") {
        let d: String = rest.chars().filter(char::is_ascii_digit).collect();
        Birthday {
            month: digits(d.get(..2)?, 2, 2)?,
            day: digits(d.get(2..)?, 2, 2)?,
            year: None,
        }
    } else if let Some(date) = parse_iso_date(v) {
        use chrono::Datelike;
        Birthday {
            month: date.month(),
            day: date.day(),
            year: Some(date.year()),
        }
    } else {
        let mut parts = v.split('.');
        let day = digits(parts.next()?.trim(), 1, 2)?;
        let month = digits(parts.next()?.trim(), 1, 2)?;
        let year = match parts.next().map(str::trim) {
            None | Some("") => None,
            Some(y) => Some(digits(y, 4, 4)? as i32),
        };
        Birthday { month, day, year }
    };
    b.is_valid().then_some(b)
}

/// `2026-03-01` or `1.3.2026`.
fn date(value: &str) -> Option<chrono::NaiveDate> {
    let v = value.trim();
    let d = parse_iso_date(v).or_else(|| {
        let mut parts = v.split('.');
        let day = digits(parts.next()?.trim(), 1, 2)?;
        let month = digits(parts.next()?.trim(), 1, 2)?;
        let year = digits(parts.next()?.trim(), 4, 4)?;
        chrono::NaiveDate::from_ymd_opt(year as i32, month, day)
    })?;
    in_range(d).then_some(d)
}

/// The people of `rows` (the header first) with each column going to `targets`. Values
/// that cannot be read (a date that is no date, a link that is not safe) are left out of
/// the contact; a row with no name is listed as left out.
pub fn read_mapped(rows: &[Row], targets: &[Target], now: DateTime<Utc>) -> Parsed {
    let mut reader = MappedReader::new(rows, targets, now);
    while reader.step(usize::MAX) {}
    reader.parsed
}

/// [`read_mapped`] a slice of rows at a time.
pub struct MappedReader<'a> {
    /// The header and the rows after it.
    rows: &'a [Row],
    targets: &'a [Target],
    /// The next row to read (the header is row 0).
    next: usize,
    parsed: Parsed,
    now: DateTime<Utc>,
}

impl<'a> MappedReader<'a> {
    /// Reads `rows` (the header first) with the column `i` holding `targets[i]`.
    pub fn new(rows: &'a [Row], targets: &'a [Target], now: DateTime<Utc>) -> MappedReader<'a> {
        MappedReader {
            rows,
            targets,
            next: 1,
            parsed: Parsed::default(),
            now,
        }
    }
}

impl Reader for MappedReader<'_> {
    fn step(&mut self, people: usize) -> bool {
        let end = self.next.saturating_add(people).min(self.rows.len());
        let rows = self.rows;
        for row in &rows[self.next.min(end)..end] {
            let mut c = new_contact(Meta::new(String::new(), self.now));
            let mut more = Vec::new();
            let mut notes = Vec::new();
            for (i, value) in row.fields.iter().enumerate() {
                let value = csv::unguard(value.trim()).trim();
                let target = self.targets.get(i).copied().unwrap_or(Target::Ignore);
                if value.is_empty() {
                    continue;
                }
                let line = || value.split_whitespace().collect::<Vec<_>>().join(" ");
                let fill = |slot: &mut String, more: &mut Vec<String>| {
                    if slot.is_empty() {
                        *slot = line();
                    } else if *slot != line() {
                        more.push(line());
                    }
                };
                match target {
                    Target::Ignore => {}
                    Target::FirstName => c.first_name = line(),
                    Target::LastName => c.last_name = line(),
                    Target::FullName => {
                        let full = line();
                        match full.rsplit_once(' ') {
                            Some((first, last)) => {
                                c.first_name = first.to_string();
                                c.last_name = last.to_string();
                            }
                            None => c.first_name = full,
                        }
                    }
                    Target::Company => c.company = line(),
                    Target::Role => c.role = line(),
                    Target::Field => c.field = line(),
                    Target::City => c.city = line(),
                    Target::Email => fill(&mut c.email, &mut more),
                    Target::Phone => fill(&mut c.phone, &mut more),
                    Target::Links => {
                        for link in value.split_whitespace() {
                            if let Ok(l) = SafeLink::parse_web(link) {
                                if !c.links.iter().any(|x| x == l.href()) {
                                    c.links.push(l.href().to_string());
                                }
                            }
                        }
                    }
                    Target::Tags => {
                        for tag in value.split([',', ';']).flat_map(|t| t.split(":::")) {
                            let tag = tag.trim().trim_start_matches('*').trim();
                            if !tag.is_empty() && !c.tags.iter().any(|t| t == tag) {
                                c.tags.push(tag.to_string());
                            }
                        }
                    }
                    Target::Notes => notes.push(value.to_string()),
                    Target::Birthday => c.birthday = birthday(value),
                    Target::Occasion => c.met.occasion = line(),
                    Target::MetOn => c.met.date = date(value),
                    Target::Hook => c.met.hook = value.to_string(),
                    Target::Circle => c.circle = Circle::from_key(value).unwrap_or(c.circle),
                    Target::Cadence => c.cadence_days = value.parse().ok(),
                }
            }
            notes.extend(more);
            c.notes = notes.join("\n\n");
            self.parsed.take(row.line, c);
        }
        self.next = end;
        end < self.rows.len()
    }

    fn progress(&self) -> (usize, usize) {
        let total = self.rows.len().saturating_sub(1);
        (self.next.saturating_sub(1).min(total), total)
    }

    fn finish(self) -> Result<Parsed, ImportError> {
        Ok(self.parsed)
    }
}
