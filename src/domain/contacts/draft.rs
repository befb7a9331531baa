//! The contact form as typed: every field as text, checked field by field so the form can
//! say what is wrong next to the input, in the user's language.

use chrono::{Datelike, NaiveDate};

use crate::domain::code::Coded;
use crate::domain::link::{LinkError, SafeLink};
use crate::domain::profile::{is_plausible_email, is_plausible_phone};
use crate::domain::record::{
    Birthday, Circle, Contact, HowWeMet, Meta, PreferredChannel, Record, RecordProblem,
    MAX_LINE_CHARS, MAX_TEXT_CHARS,
};

/// The form's fields, for attaching messages to inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DraftField {
    /// First and last name together (at least one is needed).
    Name,
    /// Any single-line field that is too long.
    Line(&'static str),
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// Profile links.
    Links,
    /// Birthday.
    Birthday,
    /// Date met.
    MetDate,
    /// Cadence.
    Cadence,
    /// Notes or hook too long.
    Text(&'static str),
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// Neither first nor last name.
    NameMissing,
    /// Longer than allowed.
    TooLong(usize),
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a phone number.
    InvalidPhone,
    /// Link number `line` (1-based) is not acceptable.
    Link {
        /// Which line.
        line: usize,
        /// Why.
        error: LinkError,
    },
    /// Day and month do not form a date (31 April).
    BirthdayInvalid,
    /// The birthday lies in the future.
    BirthdayFuture,
    /// Only part of day and month given.
    BirthdayIncomplete,
    /// The year is not a plausible birth year.
    BirthdayYear,
    /// The date met lies in the future.
    MetDateFuture,
    /// Not a number of days.
    CadenceInvalid,
    /// A date outside the years records may have (1900–2200).
    OutOfRange,
}

/// The contact form's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactDraft {
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// Company.
    pub company: String,
    /// Role.
    pub role: String,
    /// Field or industry.
    pub field: String,
    /// City.
    pub city: String,
    /// Profile links, one per line.
    pub links: String,
    /// E-mail.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// Birthday day of month, as typed.
    pub birthday_day: String,
    /// Birthday month 1–12, as chosen.
    pub birthday_month: String,
    /// Birth year, optional.
    pub birthday_year: String,
    /// Tags, comma-separated.
    pub tags: String,
    /// Circle.
    pub circle: Circle,
    /// Occasion met.
    pub met_occasion: String,
    /// Date met, `YYYY-MM-DD` (a date input's value) or empty.
    pub met_date: String,
    /// The hook.
    pub met_hook: String,
    /// Contact id of who introduced them.
    pub introduced_by: Option<String>,
    /// How they prefer to be reached, if chosen.
    pub preferred_channel: Option<Coded<PreferredChannel>>,
    /// Cadence in days; empty = the circle's default, `0` = no reminders.
    pub cadence: String,
    /// Notes.
    pub notes: String,
}

impl ContactDraft {
    /// The form filled from a stored contact.
    pub fn from_contact(c: &Contact) -> ContactDraft {
        let opt = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        ContactDraft {
            first_name: c.first_name.clone(),
            last_name: c.last_name.clone(),
            company: c.company.clone(),
            role: c.role.clone(),
            field: c.field.clone(),
            city: c.city.clone(),
            links: c.links.join("\n"),
            email: c.email.clone(),
            phone: c.phone.clone(),
            birthday_day: opt(c.birthday.map(|b| b.day)),
            birthday_month: opt(c.birthday.map(|b| b.month)),
            birthday_year: c
                .birthday
                .and_then(|b| b.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
            tags: c.tags.join(", "),
            circle: c.circle,
            met_occasion: c.met.occasion.clone(),
            met_date: c
                .met
                .date
                .map(crate::domain::format::iso_date)
                .unwrap_or_default(),
            met_hook: c.met.hook.clone(),
            introduced_by: c.introduced_by.clone(),
            preferred_channel: c.preferred_channel.clone(),
            cadence: opt(c.cadence_days),
            notes: c.notes.clone(),
        }
    }

    /// The contact this form describes, on top of `base` (the stored contact, or a new one
    /// made with [`new_contact`]), or every problem found, in form order.
    pub fn to_contact(
        &self,
        base: &Contact,
        today: NaiveDate,
    ) -> Result<Contact, Vec<(DraftField, DraftError)>> {
        let mut errors = Vec::new();
        let mut line = |field: &'static str, value: &str| -> String {
            let v = value.trim();
            if v.chars().count() > MAX_LINE_CHARS {
                errors.push((DraftField::Line(field), DraftError::TooLong(MAX_LINE_CHARS)));
            }
            v.to_string()
        };
        let first_name = line("first_name", &self.first_name);
        let last_name = line("last_name", &self.last_name);
        let company = line("company", &self.company);
        let role = line("role", &self.role);
        let field = line("field", &self.field);
        let city = line("city", &self.city);
        let met_occasion = line("met_occasion", &self.met_occasion);
        let tags: Vec<String> = self
            .tags
            .split(',')
            .map(|t| line("tags", t))
            .filter(|t| !t.is_empty())
            .fold(Vec::new(), |mut acc, t| {
                if !acc.contains(&t) {
                    acc.push(t);
                }
                acc
            });
        if first_name.is_empty() && last_name.is_empty() {
            errors.insert(0, (DraftField::Name, DraftError::NameMissing));
        }
        let email = self.email.trim().to_string();
        if !email.is_empty() && !is_plausible_email(&email) {
            errors.push((DraftField::Email, DraftError::InvalidEmail));
        }
        let phone = self.phone.trim().to_string();
        if !phone.is_empty() && !is_plausible_phone(&phone) {
            errors.push((DraftField::Phone, DraftError::InvalidPhone));
        }
        let mut links = Vec::new();
        for (n, l) in self.links.lines().enumerate() {
            if l.trim().is_empty() {
                continue;
            }
            match SafeLink::parse_web(l.trim()) {
                Ok(link) => links.push(link.href().to_string()),
                Err(error) => {
                    errors.push((DraftField::Links, DraftError::Link { line: n + 1, error }))
                }
            }
        }
        let birthday = match self.birthday(today) {
            Ok(b) => b,
            Err(e) => {
                errors.push((DraftField::Birthday, e));
                None
            }
        };
        let met_date = match self.met_date.trim() {
            "" => None,
            s => match crate::domain::format::parse_iso_date(s) {
                Some(d) if d > today => {
                    errors.push((DraftField::MetDate, DraftError::MetDateFuture));
                    None
                }
                date => date,
            },
        };
        let cadence_days = match self.cadence.trim() {
            "" => None,
            s => match s.parse::<u32>() {
                Ok(d) if d <= *super::keep_in_touch::CADENCE_DAYS.end() => Some(d),
                _ => {
                    errors.push((DraftField::Cadence, DraftError::CadenceInvalid));
                    None
                }
            },
        };
        for (name, value) in [("met_hook", &self.met_hook), ("notes", &self.notes)] {
            if value.chars().count() > MAX_TEXT_CHARS {
                errors.push((DraftField::Text(name), DraftError::TooLong(MAX_TEXT_CHARS)));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut c = base.clone();
        c.first_name = first_name;
        c.last_name = last_name;
        c.company = company;
        c.role = role;
        c.field = field;
        c.city = city;
        c.links = links;
        c.email = email;
        c.phone = phone;
        c.birthday = birthday;
        c.tags = tags;
        c.circle = self.circle;
        c.met = HowWeMet {
            occasion: met_occasion,
            date: met_date,
            hook: self.met_hook.trim().to_string(),
        };
        c.introduced_by = self.introduced_by.clone().filter(|id| *id != base.meta.id);
        c.preferred_channel = self.preferred_channel.clone();
        c.cadence_days = cadence_days;
        c.notes = self.notes.trim_end().to_string();
        // What is stored must pass the check every write and the backup reader apply;
        // the form's own checks above name the field, this one catches what they miss.
        c.check().map_err(|problem| vec![field_problem(&problem)])?;
        Ok(c)
    }

    fn birthday(&self, today: NaiveDate) -> Result<Option<Birthday>, DraftError> {
        let day = self.birthday_day.trim();
        let month = self.birthday_month.trim();
        let year = self.birthday_year.trim();
        if day.is_empty() && month.is_empty() && year.is_empty() {
            return Ok(None);
        }
        let (Ok(day), Ok(month)) = (day.parse::<u32>(), month.parse::<u32>()) else {
            return Err(DraftError::BirthdayIncomplete);
        };
        let year = match year {
            "" => None,
            y => match y.parse::<i32>() {
                Ok(y) if (1900..=today.year()).contains(&y) => Some(y),
                _ => return Err(DraftError::BirthdayYear),
            },
        };
        let birthday = Birthday { month, day, year };
        if !birthday.is_valid() {
            return Err(DraftError::BirthdayInvalid);
        }
        if let Some(y) = year {
            if NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d > today) {
                return Err(DraftError::BirthdayFuture);
            }
        }
        Ok(Some(birthday))
    }
}

/// The form field and message for a problem the record check found.
fn field_problem(problem: &RecordProblem) -> (DraftField, DraftError) {
    match *problem {
        RecordProblem::Missing(_) => (DraftField::Name, DraftError::NameMissing),
        RecordProblem::TooLong { field, max } => (
            match field {
                "email" => DraftField::Email,
                "phone" => DraftField::Phone,
                "notes" | "met.hook" => DraftField::Text(field),
                _ => DraftField::Line(field),
            },
            DraftError::TooLong(max),
        ),
        RecordProblem::Invalid("birthday") => (DraftField::Birthday, DraftError::BirthdayYear),
        RecordProblem::Invalid("met.date") => (DraftField::MetDate, DraftError::OutOfRange),
        RecordProblem::Invalid("links") => (
            DraftField::Links,
            DraftError::Link {
                line: 1,
                error: LinkError::Malformed,
            },
        ),
        RecordProblem::Invalid(field) => (DraftField::Line(field), DraftError::OutOfRange),
        RecordProblem::BadId | RecordProblem::BadMeta => (DraftField::Name, DraftError::OutOfRange),
    }
}

/// A new, unsaved contact with the given id.
pub fn new_contact(meta: Meta) -> Contact {
    Contact {
        meta,
        first_name: String::new(),
        last_name: String::new(),
        company: String::new(),
        role: String::new(),
        field: String::new(),
        city: String::new(),
        links: Vec::new(),
        email: String::new(),
        phone: String::new(),
        birthday: None,
        tags: Vec::new(),
        circle: Circle::default(),
        met: HowWeMet::default(),
        introduced_by: None,
        introduced_by_name: String::new(),
        preferred_channel: None,
        cadence_days: None,
        notes: String::new(),
        greetings: Vec::new(),
    }
}

/// A contact's display name: "First Last", or whichever part exists.
pub fn display_name(c: &Contact) -> String {
    match (c.first_name.trim(), c.last_name.trim()) {
        ("", "") => String::new(),
        (f, "") => f.to_string(),
        ("", l) => l.to_string(),
        (f, l) => format!("{f} {l}"),
    }
}

/// Role and company as one line: "Head of UX · Acme", or whichever part exists.
pub fn work_line(c: &Contact) -> String {
    [c.role.trim(), c.company.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Up to two initials for an avatar.
pub fn initials(c: &Contact) -> String {
    [c.first_name.trim(), c.last_name.trim()]
        .iter()
        .filter_map(|s| s.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}
