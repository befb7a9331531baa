//! People: the contact record and its parts (birthday, how the user met them).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::*;

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

impl Code for Circle {
    /// Closest first.
    const ALL: &'static [Self] = &[Circle::Core, Circle::Network, Circle::Periphery];

    fn key(self) -> &'static str {
        match self {
            Circle::Core => "core",
            Circle::Network => "network",
            Circle::Periphery => "periphery",
        }
    }
}

/// How someone prefers to be reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PreferredChannel {
    /// E-mail.
    Email,
    /// Phone call.
    Phone,
    /// A chat or text message.
    Message,
    /// LinkedIn (its messages or connection notes).
    LinkedIn,
    /// Xing.
    Xing,
    /// Meeting in person.
    InPerson,
}

/// The contact form's keys, older than the message channels: `linkedin` is the network,
/// where a message's channel names the form (`linkedin_note`, `linkedin_message`);
/// `messages::model::Channel::for_preferred` maps one to the other.
impl Code for PreferredChannel {
    const ALL: &'static [Self] = &[
        PreferredChannel::Email,
        PreferredChannel::Phone,
        PreferredChannel::Message,
        PreferredChannel::LinkedIn,
        PreferredChannel::Xing,
        PreferredChannel::InPerson,
    ];

    fn key(self) -> &'static str {
        match self {
            PreferredChannel::Email => "email",
            PreferredChannel::Phone => "phone",
            PreferredChannel::Message => "message",
            PreferredChannel::LinkedIn => "linkedin",
            PreferredChannel::Xing => "xing",
            PreferredChannel::InPerson => "in_person",
        }
    }
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
    /// The name of who introduced them, kept when that contact was deleted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub introduced_by_name: String,
    /// Preferred way to reach them, if known.
    #[serde(default, with = "crate::domain::code::optional")]
    pub preferred_channel: Option<Coded<PreferredChannel>>,
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
    meta_field!(contacts);
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let name = (
            "name",
            IndexValue::Text(crate::domain::contacts::search::name_key(self)),
        );
        let by = self
            .introduced_by
            .as_ref()
            .map(|id| ("introduced_by", IndexValue::Text(id.clone())));
        std::iter::once(name).chain(by).collect()
    }
    fn references(&self) -> Vec<Reference<'_>> {
        self.introduced_by
            .iter()
            .map(|id| Reference {
                target: Kind::Contacts,
                id,
                field: "introduced_by",
                link: Link::Mention,
            })
            .collect()
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        vec![ReferenceMut {
            target: Kind::Contacts,
            field: "introduced_by",
            link: Link::Mention,
            slot: Slot::Optional(&mut self.introduced_by),
        }]
    }
    fn remember_contact(&mut self, field: &'static str, name: &str, _company: &str) {
        if field == "introduced_by" {
            self.introduced_by_name = fit_line(name);
        }
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
        line(
            "preferred_channel",
            self.preferred_channel.as_ref().map_or("", Coded::key),
        )?;
        line("introduced_by_name", &self.introduced_by_name)?;
        line("met.occasion", &self.met.occasion)?;
        text("met.hook", &self.met.hook)?;
        lines("tags", &self.tags)?;
        text("notes", &self.notes)?;
        for link in &self.links {
            if crate::domain::link::SafeLink::parse(link).is_err() {
                return Err(RecordProblem::Invalid("links"));
            }
        }
        if self.birthday.is_some_and(|b| !b.is_valid()) {
            return Err(RecordProblem::Invalid("birthday"));
        }
        if self
            .birthday
            .and_then(|b| b.year)
            .is_some_and(|y| !(MIN_YEAR..=MAX_YEAR).contains(&y))
        {
            return Err(RecordProblem::Invalid("birthday"));
        }
        if let Some(met) = self.met.date {
            date("met.date", met)?;
        }
        if self
            .greetings
            .iter()
            .any(|y| !(MIN_YEAR..=MAX_YEAR).contains(y))
        {
            return Err(RecordProblem::Invalid("greetings"));
        }
        Ok(())
    }
}
