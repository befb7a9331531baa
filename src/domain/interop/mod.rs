//! The user's network in the formats other programs read and write: LinkedIn's export,
//! vCard, CSV and iCalendar.
//!
//! Readers turn a file into [`Parsed`] people (checked, each with the line it came from)
//! and the rows they could not take; [`matching`] compares them with the stored contacts
//! and plans what an import writes. Writers turn records into files. Everything here is
//! pure: no clock (callers pass `now`), no ids drawn (callers pass a source of them).

pub mod columns;
pub mod contacts_csv;
pub mod csv;
pub mod ical;
pub mod linkedin;
pub mod linkedin_messages;
pub mod matching;
pub mod phone_contacts;
pub mod vcard;
pub mod vcard_read;

use std::borrow::Cow;
use std::fmt;

use crate::domain::record::{Contact, Photo, Record, RecordProblem};

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
    /// Its photo (vCard), checked as a stored photo is; `meta` and `contact_id` are
    /// placeholders until the plan gives them ids.
    pub photo: Option<Photo>,
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
    /// A card that never ends (a truncated file).
    Incomplete,
}

/// A row or card left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The line or card number.
    pub place: usize,
    /// Why.
    pub reason: SkipReason,
}

/// A file read a slice at a time: between slices the page paints and answers (a 20,000
/// person file is several long steps in one), and shows how far it got.
pub trait Reader {
    /// Reads up to `people` more people (rows or cards); `false` once the file is read.
    fn step(&mut self, people: usize) -> bool;
    /// How many of the file's people (rows or cards) are read so far, and of how many.
    fn progress(&self) -> (usize, usize);
    /// What was read, or why the file as a whole cannot be imported.
    fn finish(self) -> Result<Parsed, ImportError>;
    /// Reads the rest in one go.
    fn read_all(mut self) -> Result<Parsed, ImportError>
    where
        Self: Sized,
    {
        while self.step(usize::MAX) {}
        self.finish()
    }
}

/// What a reader found in a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The people it can import.
    pub people: Vec<Incoming>,
    /// What it left out.
    pub skipped: Vec<Skipped>,
    /// Places whose photo was left out (not JPEG, PNG or WebP, damaged, or too large).
    pub photos_left_out: Vec<usize>,
}

impl Parsed {
    /// Takes `contact` read from `place` if a contact can hold it, or notes why not.
    pub fn take(&mut self, place: usize, contact: Contact) {
        self.take_with_photo(place, contact, None);
    }

    /// [`Parsed::take`] with a photo, which is left out (and noted) when it is not one
    /// Netzweber can store.
    pub fn take_with_photo(&mut self, place: usize, contact: Contact, photo: Option<Photo>) {
        match contact.check() {
            Ok(()) => {
                let photo = photo.filter(|p| {
                    let ok = p.check().is_ok();
                    if !ok {
                        self.photos_left_out.push(place);
                    }
                    ok
                });
                self.people.push(Incoming {
                    place,
                    contact,
                    photo,
                })
            }
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
/// [`MAX_IMPORT_BYTES`], or not text (a BOM is removed). Text is UTF-8, except a vCard
/// file that is not: older Outlook versions write Windows-1252.
pub fn file_text(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    // Binary files hold NUL bytes; text never does.
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(csv::strip_bom(text)),
        Err(_) if vcard_read::is_vcard(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)])) => {
            Cow::Owned(vcard_read::windows_1252(bytes))
        }
        Err(_) => return Err(ImportError::NotText),
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

/// A name as part of a file name: letters and digits (umlauts kept) joined by `-`,
/// lower case, at most 40 characters; "contact" when nothing is left.
pub fn file_slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let slug: String = words.join("-").chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "contact".to_string()
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests;
