//! What happened with a contact and what is owed: timeline entries and follow-ups.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::*;

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

impl Code for InteractionKind {
    /// In the order the picker offers them.
    const ALL: &'static [Self] = &[
        InteractionKind::Meeting,
        InteractionKind::Call,
        InteractionKind::Email,
        InteractionKind::Message,
        InteractionKind::Event,
        InteractionKind::InformationalInterview,
        InteractionKind::Introduction,
        InteractionKind::FavourGiven,
        InteractionKind::FavourReceived,
    ];

    fn key(self) -> &'static str {
        match self {
            InteractionKind::Meeting => "meeting",
            InteractionKind::Call => "call",
            InteractionKind::Email => "email",
            InteractionKind::Message => "message",
            InteractionKind::Event => "event",
            InteractionKind::InformationalInterview => "informational_interview",
            InteractionKind::Introduction => "introduction",
            InteractionKind::FavourGiven => "favour_given",
            InteractionKind::FavourReceived => "favour_received",
        }
    }
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
    /// For introductions: the other person's name, kept when that contact was deleted.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub other_contact_name: String,
}

impl Record for Interaction {
    const KIND: Kind = Kind::Interactions;
    meta_field!(interactions);
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = vec![
            ("contact", IndexValue::Text(self.contact_id.clone())),
            ("date", date_key(self.date)),
        ];
        if let Some(other) = &self.other_contact_id {
            values.push(("other_contact", IndexValue::Text(other.clone())));
        }
        values
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let own = Reference {
            target: Kind::Contacts,
            id: &self.contact_id,
            field: "contact_id",
            link: Link::Owner,
        };
        let other = Reference::optional(
            Kind::Contacts,
            "other_contact_id",
            Link::Mention,
            &self.other_contact_id,
        );
        std::iter::once(own).chain(other).collect()
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        vec![
            ReferenceMut {
                target: Kind::Contacts,
                field: "contact_id",
                link: Link::Owner,
                slot: Slot::Required(&mut self.contact_id),
            },
            ReferenceMut {
                target: Kind::Contacts,
                field: "other_contact_id",
                link: Link::Mention,
                slot: Slot::Optional(&mut self.other_contact_id),
            },
        ]
    }
    fn remember_contact(&mut self, field: &'static str, name: &str, _company: &str) {
        if field == "other_contact_id" {
            self.other_contact_name = fit_line(name);
        }
    }
    fn check(&self) -> Result<(), RecordProblem> {
        date("date", self.date)?;
        text("summary", &self.summary)?;
        lines("keywords", &self.keywords)?;
        line("other_contact_name", &self.other_contact_name)
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

impl Code for FollowUpKind {
    const ALL: &'static [Self] = &[
        FollowUpKind::IPromised,
        FollowUpKind::TheyOffered,
        FollowUpKind::Reminder,
    ];

    fn key(self) -> &'static str {
        match self {
            FollowUpKind::IPromised => "i_promised",
            FollowUpKind::TheyOffered => "they_offered",
            FollowUpKind::Reminder => "reminder",
        }
    }
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
    meta_field!(follow_ups);
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = Vec::new();
        if let Some(c) = &self.contact_id {
            values.push(("contact", IndexValue::Text(c.clone())));
        }
        if let Some(due) = self.due {
            values.push(("due", date_key(due)));
        }
        if let Some(m) = &self.message_id {
            values.push(("message", IndexValue::Text(m.clone())));
        }
        values
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let contact =
            Reference::optional(Kind::Contacts, "contact_id", Link::Owner, &self.contact_id);
        let message = Reference::optional(
            Kind::Messages,
            "message_id",
            Link::Mention,
            &self.message_id,
        );
        contact.into_iter().chain(message).collect()
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        vec![
            ReferenceMut {
                target: Kind::Contacts,
                field: "contact_id",
                link: Link::Owner,
                slot: Slot::Optional(&mut self.contact_id),
            },
            ReferenceMut {
                target: Kind::Messages,
                field: "message_id",
                link: Link::Mention,
                slot: Slot::Optional(&mut self.message_id),
            },
        ]
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if self.text.trim().is_empty() {
            return Err(RecordProblem::Missing("text"));
        }
        text("text", &self.text)?;
        if let Some(due) = self.due {
            date("due", due)?;
        }
        time("done", self.done)
    }
}
