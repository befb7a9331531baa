//! The user's network in the formats other programs read and write: LinkedIn's export,
//! vCard, CSV and iCalendar.
//!
//! Readers turn a file into [`Parsed`] people (checked, each with the line it came from)
//! and the rows they could not take; [`matching`] compares them with the stored contacts
//! and plans what an import writes. Writers turn records into files. Everything here is
//! pure: no clock (callers pass `now`), no ids drawn (callers pass a source of them).

pub mod contacts_csv;
pub mod csv;
pub mod ical;
pub mod linkedin;
pub mod matching;
pub mod vcard;

use std::fmt;

use crate::domain::record::{Contact, Record, RecordProblem};

/// The largest file an import reads.
pub const MAX_IMPORT_BYTES: usize = 40 * 1024 * 1024;

/// The most people one import takes.
pub const MAX_IMPORT_PEOPLE: usize = 20_000;

/// A person read from a file, not yet matched with the stored contacts: `meta` is a
/// placeholder until [`matching::plan`] gives new people their ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// The line (CSV) or card number (vCard) it came from, for messages.
    pub place: usize,
    /// The contact as read.
    pub contact: Contact,
}

/// Why a row or card was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// A LinkedIn connection whose profile is hidden: only the date is exported.
    HiddenProfile,
    /// Neither a first nor a last name.
    NoName,
    /// A field a contact cannot hold (too long, a link that is not safe …).
    Invalid(&'static str),
}

/// A row or card left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The line or card number.
    pub place: usize,
    /// Why.
    pub reason: SkipReason,
}

/// What a reader found in a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The people it can import.
    pub people: Vec<Incoming>,
    /// What it left out.
    pub skipped: Vec<Skipped>,
}

impl Parsed {
    /// Takes `contact` read from `place` if a contact can hold it, or notes why not.
    pub fn take(&mut self, place: usize, contact: Contact) {
        match contact.check() {
            Ok(()) => self.people.push(Incoming { place, contact }),
            Err(RecordProblem::Missing(_)) => self.skipped.push(Skipped {
                place,
                reason: SkipReason::NoName,
            }),
            Err(RecordProblem::TooLong { field, .. } | RecordProblem::Invalid(field)) => {
                self.skipped.push(Skipped {
                    place,
                    reason: SkipReason::Invalid(field),
                })
            }
            Err(_) => self.skipped.push(Skipped {
                place,
                reason: SkipReason::Invalid("meta"),
            }),
        }
    }
}

/// Why a file cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing in it.
    Empty,
    /// Larger than [`MAX_IMPORT_BYTES`]; holds its size.
    TooLarge(usize),
    /// Not text (a picture, a zip file …).
    NotText,
    /// More people than [`MAX_IMPORT_PEOPLE`]; holds how many.
    TooMany(usize),
    /// A quoted CSV field that never closes; holds its line.
    UnclosedQuote(usize),
    /// No header row naming the expected columns (not the file it should be).
    NoHeader,
    /// A header but no one in it.
    NoPeople,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the file is empty"),
            ImportError::TooLarge(n) => write!(f, "the file is too large ({n} bytes)"),
            ImportError::NotText => write!(f, "the file is not text"),
            ImportError::TooMany(n) => write!(f, "too many people ({n})"),
            ImportError::UnclosedQuote(l) => write!(f, "quote opened on line {l} never closes"),
            ImportError::NoHeader => write!(f, "no header row with the expected columns"),
            ImportError::NoPeople => write!(f, "no one in the file"),
        }
    }
}

/// The file's bytes as text, refusing what an import cannot read: empty, larger than
/// [`MAX_IMPORT_BYTES`], or not UTF-8 text (a BOM is removed).
pub fn file_text(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // Binary files that happen to be valid UTF-8 still hold control characters.
    if text.contains('\0') {
        return Err(ImportError::NotText);
    }
    let text = csv::strip_bom(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
