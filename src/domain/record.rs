//! The records Netzweber stores, and what every record has in common.
//!
//! Every record carries a [`Meta`]: an id, when it was created and last changed, and a
//! revision number that grows by one with every save. The revision is how a second tab
//! notices that the record changed under it (see `storage`).
//!
//! The module issues (contacts, interviews, messages) extend these types. New fields must
//! be `#[serde(default)]` so that records saved earlier keep loading; anything that cannot
//! be expressed that way needs a migration in [`super::schema`].

use chrono::{DateTime, NaiveDate, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

/// Longest accepted id, in bytes.
pub const MAX_ID_LEN: usize = 64;
/// Longest accepted single-line text (names, subjects, places), in characters.
pub const MAX_LINE_CHARS: usize = 500;
/// Longest accepted free text (notes, message bodies, answers), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;
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
    pub created: DateTime<Utc>,
    /// When the record was last saved.
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

impl Kind {
    /// Every kind, in the order backups list them (referenced kinds first).
    pub const ALL: [Kind; 8] = [
        Kind::Contacts,
        Kind::Interactions,
        Kind::FollowUps,
        Kind::Photos,
        Kind::InterviewPlans,
        Kind::Questions,
        Kind::Templates,
        Kind::Messages,
    ];

    /// The name used for the object store and in backup files.
    pub fn name(self) -> &'static str {
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

    /// The kind stored under `name`.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
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

/// A stored record of one [`Kind`].
pub trait Record: Clone + Serialize + DeserializeOwned + 'static {
    /// The kind this type is stored as.
    const KIND: Kind;
    /// Its common fields.
    fn meta(&self) -> &Meta;
    /// Its common fields, to update on save.
    fn meta_mut(&mut self) -> &mut Meta;
    /// Values for the object store's indexes besides id and updated time.
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        Vec::new()
    }
    /// Records this one points to, as (kind, id, field name).
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        Vec::new()
    }
    /// Checks field sizes and required fields.
    fn check(&self) -> Result<(), RecordProblem> {
        Ok(())
    }
}

/// Implements [`Record::meta`] and [`Record::meta_mut`] for a record whose common fields
/// are its `meta` field, as they are for every kind.
macro_rules! meta_field {
    () => {
        fn meta(&self) -> &Meta {
            &self.meta
        }
        fn meta_mut(&mut self) -> &mut Meta {
            &mut self.meta
        }
    };
}

/// Checks what every record must satisfy, then the kind's own rules.
pub fn validate<R: Record>(record: &R) -> Result<(), RecordProblem> {
    let meta = record.meta();
    if !is_valid_id(&meta.id) {
        return Err(RecordProblem::BadId);
    }
    if meta.revision == 0 || meta.updated < meta.created {
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

/// How close a contact is, which sets the default keep-in-touch cadence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Circle {
    /// People who matter most to the search right now.
    Core,
    /// The wider professional network.
    #[default]
    Network,
    /// Loose acquaintances.
    Periphery,
}

/// A birthday, with or without the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Birthday {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month (29 February allowed).
    pub day: u32,
    /// Known birth year, if any.
    #[serde(default)]
    pub year: Option<i32>,
}

impl Birthday {
    /// Whether month and day name a real calendar day (29 February counts).
    pub fn is_valid(&self) -> bool {
        NaiveDate::from_ymd_opt(self.year.unwrap_or(2000), self.month, self.day).is_some()
    }
}

/// How the user met someone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct HowWeMet {
    /// The occasion, e.g. a meetup or conference.
    pub occasion: String,
    /// When.
    pub date: Option<NaiveDate>,
    /// What to refer back to when writing to them.
    pub hook: String,
}

/// A person in the user's network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Common fields.
    pub meta: Meta,
    /// Given name.
    #[serde(default)]
    pub first_name: String,
    /// Family name.
    #[serde(default)]
    pub last_name: String,
    /// Employer or organisation.
    #[serde(default)]
    pub company: String,
    /// Job title or role.
    #[serde(default)]
    pub role: String,
    /// Field or industry.
    #[serde(default)]
    pub field: String,
    /// City.
    #[serde(default)]
    pub city: String,
    /// Profile links (LinkedIn, Xing, website), each a safe link.
    #[serde(default)]
    pub links: Vec<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
    /// Birthday.
    #[serde(default)]
    pub birthday: Option<Birthday>,
    /// Free tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// How close they are.
    #[serde(default)]
    pub circle: Circle,
    /// How the user met them.
    #[serde(default)]
    pub met: HowWeMet,
    /// The contact who introduced them.
    #[serde(default)]
    pub introduced_by: Option<String>,
    /// Preferred way to reach them, e.g. "email".
    #[serde(default)]
    pub preferred_channel: String,
    /// Keep-in-touch cadence in days; `None` uses the circle's default.
    #[serde(default)]
    pub cadence_days: Option<u32>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Years in which year-end greetings were sent (checked off in December).
    #[serde(default)]
    pub greetings: Vec<i32>,
}

impl Record for Contact {
    const KIND: Kind = Kind::Contacts;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        vec![(
            "name",
            IndexValue::Text(super::contacts::search::name_key(self)),
        )]
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        self.introduced_by
            .iter()
            .map(|id| (Kind::Contacts, id.as_str(), "introduced_by"))
            .collect()
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if self.first_name.trim().is_empty() && self.last_name.trim().is_empty() {
            return Err(RecordProblem::Missing("first_name"));
        }
        line("first_name", &self.first_name)?;
        line("last_name", &self.last_name)?;
        line("company", &self.company)?;
        line("role", &self.role)?;
        line("field", &self.field)?;
        line("city", &self.city)?;
        line("email", &self.email)?;
        line("phone", &self.phone)?;
        line("preferred_channel", &self.preferred_channel)?;
        line("met.occasion", &self.met.occasion)?;
        text("met.hook", &self.met.hook)?;
        lines("tags", &self.tags)?;
        text("notes", &self.notes)?;
        for link in &self.links {
            if super::link::SafeLink::parse(link).is_err() {
                return Err(RecordProblem::Invalid("links"));
            }
        }
        if self.birthday.is_some_and(|b| !b.is_valid()) {
            return Err(RecordProblem::Invalid("birthday"));
        }
        Ok(())
    }
}

/// What kind of contact an interaction was.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    /// Met in person.
    #[default]
    Meeting,
    /// Phone or video call.
    Call,
    /// E-mail.
    Email,
    /// Chat or social-network message.
    Message,
    /// Met at an event.
    Event,
    /// An informational interview.
    InformationalInterview,
    /// Introduced to someone, or introduced them.
    Introduction,
    /// The user did them a favour.
    FavourGiven,
    /// They did the user a favour.
    FavourReceived,
}

/// One entry on a contact's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    /// Common fields.
    pub meta: Meta,
    /// The contact it belongs to.
    pub contact_id: String,
    /// What happened.
    #[serde(default)]
    pub kind: InteractionKind,
    /// When.
    pub date: NaiveDate,
    /// What was said or done.
    #[serde(default)]
    pub summary: String,
    /// Keywords to find it again.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// For introductions: the other person.
    #[serde(default)]
    pub other_contact_id: Option<String>,
}

impl Record for Interaction {
    const KIND: Kind = Kind::Interactions;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        vec![
            ("contact", IndexValue::Text(self.contact_id.clone())),
            ("date", date_key(self.date)),
        ]
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        let mut refs = vec![(Kind::Contacts, self.contact_id.as_str(), "contact_id")];
        if let Some(other) = &self.other_contact_id {
            refs.push((Kind::Contacts, other.as_str(), "other_contact_id"));
        }
        refs
    }
    fn check(&self) -> Result<(), RecordProblem> {
        text("summary", &self.summary)?;
        lines("keywords", &self.keywords)
    }
}

/// Who owes the follow-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpKind {
    /// "I promised …"
    #[default]
    IPromised,
    /// "They offered …"
    TheyOffered,
    /// A reminder the user set (e.g. the 3B7 follow-ups of an outreach message).
    Reminder,
}

/// A promise or follow-up with a due date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// Common fields.
    pub meta: Meta,
    /// The contact it concerns, if any.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// Who owes it.
    #[serde(default)]
    pub kind: FollowUpKind,
    /// What is to be done.
    pub text: String,
    /// When it is due.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// When it was marked done.
    #[serde(default)]
    pub done: Option<DateTime<Utc>>,
    /// The outreach message this reminder follows up (the 3B7 reminders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
}

impl Record for FollowUp {
    const KIND: Kind = Kind::FollowUps;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = Vec::new();
        if let Some(c) = &self.contact_id {
            values.push(("contact", IndexValue::Text(c.clone())));
        }
        if let Some(due) = self.due {
            values.push(("due", date_key(due)));
        }
        values
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        let mut refs: Vec<_> = self
            .contact_id
            .iter()
            .map(|id| (Kind::Contacts, id.as_str(), "contact_id"))
            .collect();
        refs.extend(
            self.message_id
                .iter()
                .map(|id| (Kind::Messages, id.as_str(), "message_id")),
        );
        refs
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if self.text.trim().is_empty() {
            return Err(RecordProblem::Missing("text"));
        }
        text("text", &self.text)
    }
}

/// A contact's photo, scaled down in the browser before it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// Common fields.
    pub meta: Meta,
    /// The contact it shows.
    pub contact_id: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// The image, base64 encoded (standard alphabet, padded).
    pub data: String,
}

impl Record for Photo {
    const KIND: Kind = Kind::Photos;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        vec![("contact", IndexValue::Text(self.contact_id.clone()))]
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        vec![(Kind::Contacts, self.contact_id.as_str(), "contact_id")]
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if !PHOTO_TYPES.contains(&self.mime.as_str()) {
            return Err(RecordProblem::Invalid("mime"));
        }
        match base64_decoded_len(&self.data) {
            None | Some(0) => Err(RecordProblem::Invalid("data")),
            Some(n) if n > MAX_PHOTO_BYTES => Err(RecordProblem::TooLong {
                field: "data",
                max: MAX_PHOTO_BYTES,
            }),
            Some(_) => Ok(()),
        }
    }
}

/// The decoded length of padded standard base64, or `None` if `s` is not such base64.
pub fn base64_decoded_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return None;
    }
    let body = &bytes[..bytes.len() - padding];
    body.iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
        .then(|| bytes.len() / 4 * 3 - padding)
}

/// How an interview takes place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    /// Face to face.
    #[default]
    InPerson,
    /// Phone call.
    Phone,
    /// Video call.
    Video,
}

/// One question in an interview plan, with the answer noted during the conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanItem {
    /// The library question it came from, if any.
    pub question_id: Option<String>,
    /// The question as asked.
    pub text: String,
    /// Estimated minutes.
    pub minutes: u32,
    /// The answer as noted.
    pub answer: String,
    /// Whether it was asked, skipped, or is still open.
    pub state: String,
}

/// An informational interview: preparation, questions and answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewPlan {
    /// Common fields.
    pub meta: Meta,
    /// The person interviewed.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// What the user wants to learn.
    #[serde(default)]
    pub goal: String,
    /// When it takes place.
    #[serde(default)]
    pub scheduled: Option<DateTime<Utc>>,
    /// How it takes place.
    #[serde(default)]
    pub format: MeetingFormat,
    /// Address or call link.
    #[serde(default)]
    pub place: String,
    /// Planned length, 15–60 minutes.
    #[serde(default = "default_duration")]
    pub duration_minutes: u32,
    /// The questions in order.
    #[serde(default)]
    pub items: Vec<PlanItem>,
    /// The user's short introduction of themselves.
    #[serde(default)]
    pub my_intro: String,
    /// Free preparation notes.
    #[serde(default)]
    pub notes: String,
    /// For a person not saved as a contact yet: their name. They become a contact when
    /// the interview is scheduled.
    #[serde(default)]
    pub person_name: String,
    /// For a person not saved as a contact yet: where they work.
    #[serde(default)]
    pub person_company: String,
    /// What the user hopes to learn (part of the preparation checklist).
    #[serde(default)]
    pub hopes: String,
    /// The research steps of the preparation checklist that are done.
    #[serde(default)]
    pub prep: Prep,
    /// When conduct mode was first opened: the timer counts from here.
    #[serde(default)]
    pub started: Option<DateTime<Utc>>,
    /// When the user ended the conversation in conduct mode.
    #[serde(default)]
    pub finished: Option<DateTime<Utc>>,
    /// When the wrap-up was written (contacts, promises and the timeline entry created).
    #[serde(default)]
    pub wrapped_up: Option<DateTime<Utc>>,
    /// People the interviewee suggested talking to, captured during the conversation.
    #[serde(default)]
    pub suggested: Vec<SuggestedPerson>,
    /// What the user promised during the conversation, one entry each.
    #[serde(default)]
    pub promised: Vec<String>,
}

/// The research steps of an interview's preparation checklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prep {
    /// Researched the organisation.
    pub organisation: bool,
    /// Researched the person's path.
    pub person: bool,
    /// Researched the field.
    pub field: bool,
}

/// Someone the interviewee suggested talking to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestedPerson {
    /// Their name as noted.
    pub name: String,
    /// Where they work, if said.
    pub company: String,
    /// Why talk to them, or anything else noted.
    pub note: String,
    /// Whether the interviewee allowed mentioning their name.
    pub may_mention: bool,
}

fn default_duration() -> u32 {
    30
}

impl Record for InterviewPlan {
    const KIND: Kind = Kind::InterviewPlans;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = Vec::new();
        if let Some(c) = &self.contact_id {
            values.push(("contact", IndexValue::Text(c.clone())));
        }
        if let Some(at) = self.scheduled {
            values.push(("date", date_key(at.date_naive())));
        }
        values
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        let mut refs: Vec<_> = self
            .contact_id
            .iter()
            .map(|id| (Kind::Contacts, id.as_str(), "contact_id"))
            .collect();
        refs.extend(
            self.items
                .iter()
                .filter_map(|i| i.question_id.as_deref())
                // Built-in questions live in the code, not in the store.
                .filter(|id| !id.starts_with("builtin-"))
                .map(|id| (Kind::Questions, id, "items.question_id")),
        );
        refs
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if !(15..=60).contains(&self.duration_minutes) {
            return Err(RecordProblem::Invalid("duration_minutes"));
        }
        text("goal", &self.goal)?;
        line("place", &self.place)?;
        text("my_intro", &self.my_intro)?;
        text("notes", &self.notes)?;
        line("person_name", &self.person_name)?;
        line("person_company", &self.person_company)?;
        text("hopes", &self.hopes)?;
        for item in &self.items {
            text("items.text", &item.text)?;
            text("items.answer", &item.answer)?;
            if item.minutes > 60 {
                return Err(RecordProblem::Invalid("items.minutes"));
            }
        }
        for p in &self.suggested {
            line("suggested.name", &p.name)?;
            line("suggested.company", &p.company)?;
            text("suggested.note", &p.note)?;
        }
        lines("promised", &self.promised)
    }
}

/// A question the user wrote, or the user's state of a built-in one (hidden).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Common fields.
    pub meta: Meta,
    /// The question.
    pub text: String,
    /// The family it belongs to (daily work, getting in, …).
    #[serde(default)]
    pub family: String,
    /// Estimated minutes.
    #[serde(default)]
    pub minutes: u32,
    /// Why to ask it.
    #[serde(default)]
    pub hint: String,
    /// Archived questions are kept but not offered.
    #[serde(default)]
    pub archived: bool,
}

impl Record for Question {
    const KIND: Kind = Kind::Questions;
    meta_field!();
    fn check(&self) -> Result<(), RecordProblem> {
        if self.text.trim().is_empty() {
            return Err(RecordProblem::Missing("text"));
        }
        text("text", &self.text)?;
        line("family", &self.family)?;
        text("hint", &self.hint)
    }
}

/// A reusable interview plan or message text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Common fields.
    pub meta: Meta,
    /// `interview` or `message`.
    pub purpose: String,
    /// Name shown in lists.
    pub name: String,
    /// Language code, for message templates.
    #[serde(default)]
    pub lang: String,
    /// Subject line, for e-mail templates.
    #[serde(default)]
    pub subject: String,
    /// Message body with placeholders; for interview templates one question per line as
    /// `minutes<TAB>question id<TAB>text` (see `interviews::template`).
    #[serde(default)]
    pub body: String,
    /// For message templates: the purpose key it was written for (`interview`,
    /// `reconnect`, …); offered first for messages with that purpose.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_purpose: String,
}

impl Record for Template {
    const KIND: Kind = Kind::Templates;
    meta_field!();
    fn check(&self) -> Result<(), RecordProblem> {
        if self.name.trim().is_empty() {
            return Err(RecordProblem::Missing("name"));
        }
        line("purpose", &self.purpose)?;
        line("name", &self.name)?;
        line("lang", &self.lang)?;
        line("subject", &self.subject)?;
        text("body", &self.body)
    }
}

/// An outreach message, from draft to reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// Common fields.
    pub meta: Meta,
    /// The recipient.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// LinkedIn note, LinkedIn message, Xing message or e-mail.
    #[serde(default)]
    pub channel: String,
    /// Why the message is written.
    #[serde(default)]
    pub purpose: String,
    /// Language code.
    #[serde(default)]
    pub lang: String,
    /// E-mail subject.
    #[serde(default)]
    pub subject: String,
    /// The text.
    #[serde(default)]
    pub body: String,
    /// Draft, sent, replied, meeting agreed, declined or no reply.
    #[serde(default)]
    pub status: String,
    /// When it was sent.
    #[serde(default)]
    pub sent: Option<DateTime<Utc>>,
    /// Form of address for German messages: `sie` or `du`.
    #[serde(default)]
    pub address: String,
    /// For a person not saved as a contact yet: their name.
    #[serde(default)]
    pub recipient_name: String,
    /// For a person not saved as a contact yet: where they work.
    #[serde(default)]
    pub recipient_company: String,
    /// The manual checks the user ticked (their keys).
    #[serde(default)]
    pub manual: Vec<String>,
    /// When the status last moved past "sent" (replied, declined, meeting agreed, no reply).
    #[serde(default)]
    pub closed: Option<DateTime<Utc>>,
}

impl Record for Message {
    const KIND: Kind = Kind::Messages;
    meta_field!();
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = Vec::new();
        if let Some(c) = &self.contact_id {
            values.push(("contact", IndexValue::Text(c.clone())));
        }
        if let Some(sent) = self.sent {
            values.push(("date", date_key(sent.date_naive())));
        }
        values
    }
    fn references(&self) -> Vec<(Kind, &str, &'static str)> {
        self.contact_id
            .iter()
            .map(|id| (Kind::Contacts, id.as_str(), "contact_id"))
            .collect()
    }
    fn check(&self) -> Result<(), RecordProblem> {
        line("channel", &self.channel)?;
        line("purpose", &self.purpose)?;
        line("lang", &self.lang)?;
        line("subject", &self.subject)?;
        text("body", &self.body)?;
        line("status", &self.status)?;
        line("address", &self.address)?;
        line("recipient_name", &self.recipient_name)?;
        line("recipient_company", &self.recipient_company)?;
        lines("manual", &self.manual)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn meta(id: &str) -> Meta {
        Meta {
            id: id.into(),
            created: at("2026-01-01T00:00:00Z"),
            updated: at("2026-01-02T00:00:00Z"),
            revision: 1,
        }
    }

    fn contact() -> Contact {
        serde_json::from_value(serde_json::json!({
            "meta": meta("c1"), "first_name": "Ada"
        }))
        .unwrap()
    }

    #[test]
    fn ids_are_restricted_to_a_safe_alphabet() {
        assert!(is_valid_id("a1-B_2"));
        assert!(is_valid_id(&"x".repeat(64)));
        for bad in ["", " ", "a b", "ä", "../x", "a/b", &"x".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_contact_needs_a_name_and_plausible_fields() {
        assert_eq!(validate(&contact()), Ok(()));
        let mut c = contact();
        c.first_name = "  ".into();
        assert_eq!(validate(&c), Err(RecordProblem::Missing("first_name")));
        c.last_name = "Lovelace".into();
        assert_eq!(validate(&c), Ok(()));
        c.links = vec!["javascript:alert(1)".into()];
        assert_eq!(validate(&c), Err(RecordProblem::Invalid("links")));
        c.links = vec!["https://example.org/ada".into()];
        c.birthday = Some(Birthday {
            month: 2,
            day: 30,
            year: None,
        });
        assert_eq!(validate(&c), Err(RecordProblem::Invalid("birthday")));
        c.birthday = Some(Birthday {
            month: 2,
            day: 29,
            year: None,
        });
        assert_eq!(validate(&c), Ok(()));
        c.notes = "é".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            validate(&c),
            Err(RecordProblem::TooLong {
                field: "notes",
                max: MAX_TEXT_CHARS
            })
        );
        // Multi-byte text at the limit is fine: the limit counts characters.
        c.notes = "é".repeat(MAX_TEXT_CHARS);
        assert_eq!(validate(&c), Ok(()));
    }

    #[test]
    fn meta_must_be_a_saved_record() {
        let mut c = contact();
        c.meta.revision = 0;
        assert_eq!(validate(&c), Err(RecordProblem::BadMeta));
        let mut c = contact();
        c.meta.updated = at("2025-01-01T00:00:00Z");
        assert_eq!(validate(&c), Err(RecordProblem::BadMeta));
    }

    #[test]
    fn base64_length_and_alphabet() {
        assert_eq!(base64_decoded_len("TWFu"), Some(3));
        assert_eq!(base64_decoded_len("TWE="), Some(2));
        assert_eq!(base64_decoded_len("TQ=="), Some(1));
        assert_eq!(base64_decoded_len(""), Some(0));
        assert_eq!(base64_decoded_len("TWF"), None);
        assert_eq!(base64_decoded_len("TW=u"), None);
        assert_eq!(base64_decoded_len("T==="), None);
        assert_eq!(base64_decoded_len("TW-u"), None);
    }

    #[test]
    fn photos_are_checked_for_type_and_size() {
        let photo = |mime: &str, data: String| Photo {
            meta: meta("p1"),
            contact_id: "c1".into(),
            mime: mime.into(),
            data,
        };
        assert_eq!(validate(&photo("image/png", "iVBORw0K".into())), Ok(()));
        assert_eq!(
            validate(&photo("image/svg+xml", "iVBORw0K".into())),
            Err(RecordProblem::Invalid("mime"))
        );
        assert_eq!(
            validate(&photo("image/png", "not base64!".into())),
            Err(RecordProblem::Invalid("data"))
        );
        let huge = "A".repeat((MAX_PHOTO_BYTES / 3 + 1) * 4);
        assert!(matches!(
            validate(&photo("image/png", huge)),
            Err(RecordProblem::TooLong { .. })
        ));
    }

    #[test]
    fn references_name_their_targets() {
        let i: Interaction = serde_json::from_value(serde_json::json!({
            "meta": meta("i1"), "contact_id": "c1", "date": "2026-03-01",
            "other_contact_id": "c2"
        }))
        .unwrap();
        assert_eq!(
            i.references(),
            vec![
                (Kind::Contacts, "c1", "contact_id"),
                (Kind::Contacts, "c2", "other_contact_id")
            ]
        );
        assert_eq!(
            i.index_values(),
            vec![
                ("contact", IndexValue::Text("c1".into())),
                ("date", IndexValue::Text("2026-03-01".into()))
            ]
        );
    }

    #[test]
    fn plans_keep_duration_in_range_and_skip_builtin_question_refs() {
        let mut plan: InterviewPlan =
            serde_json::from_value(serde_json::json!({ "meta": meta("p1") })).unwrap();
        assert_eq!(plan.duration_minutes, 30);
        plan.items = vec![
            PlanItem {
                question_id: Some("builtin-daily-1".into()),
                ..PlanItem::default()
            },
            PlanItem {
                question_id: Some("q7".into()),
                ..PlanItem::default()
            },
        ];
        assert_eq!(
            plan.references(),
            vec![(Kind::Questions, "q7", "items.question_id")]
        );
        plan.duration_minutes = 90;
        assert_eq!(
            validate(&plan),
            Err(RecordProblem::Invalid("duration_minutes"))
        );
    }

    #[test]
    fn kind_names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::json!(kind.name())
            );
        }
        assert_eq!(Kind::from_name("people"), None);
    }
}
