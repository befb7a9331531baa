//! Outreach messages, from draft to reply.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;
use crate::domain::lang::Lang;
use crate::domain::messages::model::{Address, Channel, Purpose, Status};

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
    pub channel: Coded<Channel>,
    /// Why the message is written.
    #[serde(default)]
    pub purpose: Coded<Purpose>,
    /// The language it is written in.
    #[serde(default)]
    pub lang: Coded<Lang>,
    /// E-mail subject.
    #[serde(default)]
    pub subject: String,
    /// The text.
    #[serde(default)]
    pub body: String,
    /// Draft, sent, replied, meeting agreed, declined or no reply.
    #[serde(default)]
    pub status: Coded<Status>,
    /// When it was sent.
    #[serde(default)]
    pub sent: Option<DateTime<Utc>>,
    /// Form of address for German messages.
    #[serde(default)]
    pub address: Coded<Address>,
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
    /// The user's own template it was written from, so that Insights can rank templates
    /// by their replies; absent in messages written before templates were recorded and in
    /// messages not written from one of the user's templates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_id: Option<String>,
}

impl Record for Message {
    const KIND: Kind = Kind::Messages;
    meta_field!(messages);
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
    fn references(&self) -> Vec<Reference<'_>> {
        [
            Reference::optional(
                Kind::Contacts,
                "contact_id",
                Link::Mention,
                &self.contact_id,
            ),
            Reference::optional(
                Kind::Templates,
                "template_id",
                Link::Mention,
                &self.template_id,
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        vec![
            ReferenceMut {
                target: Kind::Contacts,
                field: "contact_id",
                link: Link::Mention,
                slot: Slot::Optional(&mut self.contact_id),
            },
            ReferenceMut {
                target: Kind::Templates,
                field: "template_id",
                link: Link::Mention,
                slot: Slot::Optional(&mut self.template_id),
            },
        ]
    }
    fn remember_contact(&mut self, field: &'static str, name: &str, company: &str) {
        if field == "contact_id" {
            if self.recipient_name.trim().is_empty() {
                self.recipient_name = fit_line(name);
            }
            if self.recipient_company.trim().is_empty() {
                self.recipient_company = fit_line(company);
            }
        }
    }
    fn check(&self) -> Result<(), RecordProblem> {
        line("channel", self.channel.key())?;
        line("purpose", self.purpose.key())?;
        line("lang", self.lang.key())?;
        line("subject", &self.subject)?;
        text("body", &self.body)?;
        line("status", self.status.key())?;
        line("address", self.address.key())?;
        line("recipient_name", &self.recipient_name)?;
        line("recipient_company", &self.recipient_company)?;
        lines("manual", &self.manual)?;
        time("sent", self.sent)?;
        time("closed", self.closed)
    }
}
