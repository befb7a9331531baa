//! The records Netzweber stores, and what every record has in common.
//!
//! Every record carries a [`Meta`]: an id, when it was created and last changed, and a
//! revision number that grows by one with every save. The revision is how a second tab
//! notices that the record changed under it (see `storage`).
//!
//! The module issues (contacts, interviews, messages) extend these types. New fields must
//! be `#[serde(default)]` so that records saved earlier keep loading; anything that cannot
//! be expressed that way needs a migration in [`super::schema`].

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

use super::backup::Dataset;
use super::code::{Code, Coded};

/// Longest accepted id, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Longest accepted single-line text (names, subjects, places), in characters.
pub const MAX_LINE_CHARS: usize = 500;
/// Longest accepted free text (notes, message bodies, answers), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Earliest year a stored date may have (birthdays, dates met, timeline entries, …).
pub const MIN_YEAR: i32 = 1900;
/// Latest year a stored date may have: far enough for any plan, near enough that date
/// arithmetic on it cannot overflow.
pub const MAX_YEAR: i32 = 2200;
/// Largest accepted photo, in bytes after decoding.
pub const MAX_PHOTO_BYTES: usize = 2 * 1024 * 1024;
/// Image types a stored photo may have.
pub const PHOTO_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// What every stored record carries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Stable identifier, unique within its kind.
    pub id: String,
    /// When the record was first saved.
    #[serde(deserialize_with = "timestamp::deserialize")]
    pub created: DateTime<Utc>,
    /// When the record was last saved.
    #[serde(deserialize_with = "timestamp::deserialize")]
    pub updated: DateTime<Utc>,
    /// Number of saves so far, starting at 1.
    pub revision: u32,
}

impl Meta {
    /// Meta for a record that has not been saved yet.
    pub fn new(id: impl Into<String>, now: DateTime<Utc>) -> Meta {
        Meta {
            id: id.into(),
            created: now,
            updated: now,
            revision: 0,
        }
    }
}

/// The kinds of record, one object store each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// [`Contact`]
    Contacts,
    /// [`Interaction`]
    Interactions,
    /// [`FollowUp`]
    FollowUps,
    /// [`Photo`]
    Photos,
    /// [`InterviewPlan`]
    InterviewPlans,
    /// [`Question`]
    Questions,
    /// [`Template`]
    Templates,
    /// [`Message`]
    Messages,
}

/// The key names the object store and the kind's section in backup files.
impl Code for Kind {
    /// In the order backups list them (referenced kinds first).
    const ALL: &'static [Self] = &[
        Kind::Contacts,
        Kind::Interactions,
        Kind::FollowUps,
        Kind::Photos,
        Kind::InterviewPlans,
        Kind::Questions,
        Kind::Templates,
        Kind::Messages,
    ];

    fn key(self) -> &'static str {
        match self {
            Kind::Contacts => "contacts",
            Kind::Interactions => "interactions",
            Kind::FollowUps => "follow_ups",
            Kind::Photos => "photos",
            Kind::InterviewPlans => "interview_plans",
            Kind::Questions => "questions",
            Kind::Templates => "templates",
            Kind::Messages => "messages",
        }
    }
}

/// A value an object-store index is built on.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexValue {
    /// Text keys: ids and ISO dates (which sort correctly as text).
    Text(String),
    /// Numeric keys: milliseconds since the epoch.
    Number(f64),
}

/// Why a record is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// The id is empty, too long or has characters other than `A-Z a-z 0-9 - _`.
    BadId,
    /// A text field is longer than allowed.
    TooLong {
        /// The field's name.
        field: &'static str,
        /// The most characters allowed.
        max: usize,
    },
    /// A required field is empty.
    Missing(&'static str),
    /// The field holds a value that is not allowed (e.g. a photo type or a duration).
    Invalid(&'static str),
    /// The revision is 0 (never saved) or `updated` lies before `created`.
    BadMeta,
}

/// How a record depends on a record it refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Link {
    /// The record belongs to the target and goes with it (a timeline entry with its
    /// contact).
    Owner,
    /// The record only mentions the target; when the target goes, the reference is
    /// cleared and the record stays (who introduced whom, the recipient of a message).
    Mention,
}

/// A reference from one record to another, as declared by [`Record::references`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference<'a> {
    /// The kind referred to.
    pub target: Kind,
    /// The id referred to.
    pub id: &'a str,
    /// The referring field, as named in backups (`items.question_id` for a list).
    pub field: &'static str,
    /// What happens to this record when the target goes.
    pub link: Link,
}

/// Where a reference is held, to clear or re-point it.
#[derive(Debug)]
pub enum Slot<'a> {
    /// A reference the record cannot be without.
    Required(&'a mut String),
    /// A reference that may be absent.
    Optional(&'a mut Option<String>),
}

/// A reference that can be changed, as declared by [`Record::references_mut`].
#[derive(Debug)]
pub struct ReferenceMut<'a> {
    /// The kind referred to.
    pub target: Kind,
    /// The referring field.
    pub field: &'static str,
    /// What happens to this record when the target goes.
    pub link: Link,
    /// The reference itself.
    pub slot: Slot<'a>,
}

impl<'a> Reference<'a> {
    /// A reference held in an optional field, if set.
    pub fn optional(
        target: Kind,
        field: &'static str,
        link: Link,
        id: &'a Option<String>,
    ) -> Option<Reference<'a>> {
        id.as_deref().map(|id| Reference {
            target,
            id,
            field,
            link,
        })
    }
}

impl ReferenceMut<'_> {
    /// The id referred to, if set.
    pub fn id(&self) -> Option<&str> {
        match &self.slot {
            Slot::Required(id) => Some(id.as_str()),
            Slot::Optional(id) => id.as_deref(),
        }
    }
}

/// A stored record of one [`Kind`].
///
/// [`Record::references`] and [`Record::references_mut`] are the one declaration of which
/// fields hold ids of other records: deleting, undoing, merging, importing and repairing
/// all walk it (see [`super::integrity`]), and a test fails when a field ending in `_id`
/// or `_by` is missing from it.
pub trait Record: Clone + Serialize + DeserializeOwned + 'static {
    /// The kind this type is stored as.
    const KIND: Kind;
    /// Its common fields.
    fn meta(&self) -> &Meta;
    /// Its common fields, to update on save.
    fn meta_mut(&mut self) -> &mut Meta;
    /// This kind's records in a dataset.
    fn list(data: &Dataset) -> &Vec<Self>;
    /// This kind's records in a dataset, to change.
    fn list_mut(data: &mut Dataset) -> &mut Vec<Self>;
    /// Values for the object store's indexes besides id and updated time.
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        Vec::new()
    }
    /// Records this one points to (only references that are set).
    fn references(&self) -> Vec<Reference<'_>> {
        Vec::new()
    }
    /// The same references as [`Record::references`], to change them (set or not).
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        Vec::new()
    }
    /// Keeps what is worth keeping of a contact this record mentioned in `field` and that
    /// is being removed: its name, so that history stays readable.
    fn remember_contact(&mut self, _field: &'static str, _name: &str, _company: &str) {}
    /// Checks field sizes and required fields.
    fn check(&self) -> Result<(), RecordProblem> {
        Ok(())
    }
}

/// Implements [`Record::meta`], [`Record::meta_mut`], [`Record::list`] and
/// [`Record::list_mut`] for a record whose common fields are its `meta` field, as they are
/// for every kind, and whose records are the dataset's field `$list`.
macro_rules! meta_field {
    ($list:ident) => {
        fn meta(&self) -> &Meta {
            &self.meta
        }
        fn meta_mut(&mut self) -> &mut Meta {
            &mut self.meta
        }
        fn list(data: &Dataset) -> &Vec<Self> {
            &data.$list
        }
        fn list_mut(data: &mut Dataset) -> &mut Vec<Self> {
            &mut data.$list
        }
    };
}

/// Checks what every record must satisfy, then the kind's own rules.
pub fn validate<R: Record>(record: &R) -> Result<(), RecordProblem> {
    let meta = record.meta();
    if !is_valid_id(&meta.id) {
        return Err(RecordProblem::BadId);
    }
    if meta.revision == 0
        || meta.updated < meta.created
        || !in_range(meta.created.date_naive())
        || !in_range(meta.updated.date_naive())
    {
        return Err(RecordProblem::BadMeta);
    }
    record.check()
}

/// Whether `id` can be used as a record id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn line(field: &'static str, value: &str) -> Result<(), RecordProblem> {
    limit(field, value, MAX_LINE_CHARS)
}

fn text(field: &'static str, value: &str) -> Result<(), RecordProblem> {
    limit(field, value, MAX_TEXT_CHARS)
}

fn limit(field: &'static str, value: &str, max: usize) -> Result<(), RecordProblem> {
    // Byte length bounds the char count from above, so most values skip the count.
    if value.len() > max && value.chars().count() > max {
        Err(RecordProblem::TooLong { field, max })
    } else {
        Ok(())
    }
}

fn lines(field: &'static str, values: &[String]) -> Result<(), RecordProblem> {
    values.iter().try_for_each(|v| line(field, v))
}

fn date_key(date: NaiveDate) -> IndexValue {
    IndexValue::Text(super::format::iso_date(date))
}

/// Whether `date` lies within [`MIN_YEAR`]..=[`MAX_YEAR`].
pub fn in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

fn date(field: &'static str, value: NaiveDate) -> Result<(), RecordProblem> {
    if in_range(value) {
        Ok(())
    } else {
        Err(RecordProblem::Invalid(field))
    }
}

fn time(field: &'static str, value: Option<DateTime<Utc>>) -> Result<(), RecordProblem> {
    value.map_or(Ok(()), |t| date(field, t.date_naive()))
}

/// `value` cut to at most `max` characters, ending in "…" when cut, so that generated text
/// (a summary joined from answers, a name joined from two fields) fits a field's limit.
pub fn fit(value: &str, max: usize) -> String {
    if value.len() <= max || value.chars().count() <= max {
        return value.to_string();
    }
    let mut out: String = value.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// [`fit`] for a single-line field.
pub fn fit_line(value: &str) -> String {
    fit(value, MAX_LINE_CHARS)
}

/// [`fit`] for a free-text field.
pub fn fit_text(value: &str) -> String {
    fit(value, MAX_TEXT_CHARS)
}

mod contact;
mod interview;
mod message;
mod photo;
mod template;
mod timeline;
pub mod timestamp;

pub use contact::*;
pub use interview::*;
pub use message::*;
pub use photo::*;
pub use template::*;
pub use timeline::*;

#[cfg(test)]
mod tests;
