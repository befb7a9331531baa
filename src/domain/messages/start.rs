//! Starting a message: the draft the new-message form makes, before its text.

use super::model::{Address, Channel, Purpose, Status};
use crate::domain::lang::Lang;
use crate::domain::record::{fit_line, Message, Meta};

/// How the message is written: what the user picked or the form suggested.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    /// Where it is sent.
    pub channel: Channel,
    /// Why it is written.
    pub purpose: Purpose,
    /// Its language.
    pub lang: Lang,
    /// The German form of address.
    pub address: Address,
}

/// To whom the message goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum To<'a> {
    /// A saved contact, by id.
    Contact(&'a str),
    /// Someone not saved yet (a contact is made when the message is sent).
    NewPerson {
        /// Their name.
        name: &'a str,
        /// Where they work.
        company: &'a str,
    },
}

/// Why no draft could be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartError {
    /// The contact does not exist (an id from the address, or deleted meanwhile).
    NoSuchContact,
    /// The new person has no name.
    NameMissing,
}

/// The draft a new message starts as, without text yet; `is_contact` tells whether an id
/// names a saved contact.
pub fn draft(
    meta: Meta,
    start: Start,
    to: To<'_>,
    is_contact: impl Fn(&str) -> bool,
) -> Result<Message, StartError> {
    let (contact_id, recipient_name, recipient_company) = match to {
        To::Contact(id) if is_contact(id) => (Some(id.to_string()), String::new(), String::new()),
        To::Contact(_) => return Err(StartError::NoSuchContact),
        To::NewPerson { name, .. } if name.trim().is_empty() => {
            return Err(StartError::NameMissing)
        }
        To::NewPerson { name, company } => (None, fit_line(name.trim()), fit_line(company.trim())),
    };
    Ok(Message {
        meta,
        contact_id,
        channel: start.channel.into(),
        purpose: start.purpose.into(),
        lang: start.lang.into(),
        subject: String::new(),
        body: String::new(),
        status: Status::Draft.into(),
        sent: None,
        address: start.address.into(),
        recipient_name,
        recipient_company,
        manual: Vec::new(),
        closed: None,
        template_id: None,
    })
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::domain::code::Coded;
    use crate::domain::record::{validate, MAX_LINE_CHARS};

    fn meta() -> Meta {
        let at: DateTime<Utc> = "2026-12-01T10:00:00Z".parse().unwrap();
        Meta::new("m1", at)
    }

    const START: Start = Start {
        channel: Channel::LinkedInMessage,
        purpose: Purpose::Reconnect,
        lang: Lang::De,
        address: Address::Du,
    };

    #[test]
    fn a_draft_to_a_contact_carries_the_choices_and_no_text() {
        let m = draft(meta(), START, To::Contact("c1"), |id| id == "c1").unwrap();
        assert_eq!(m.contact_id.as_deref(), Some("c1"));
        assert_eq!(m.channel, Coded::Known(Channel::LinkedInMessage));
        assert_eq!(m.purpose, Coded::Known(Purpose::Reconnect));
        assert_eq!(m.lang, Coded::Known(Lang::De));
        assert_eq!(m.address, Coded::Known(Address::Du));
        assert_eq!(m.status, Coded::Known(Status::Draft));
        assert!(m.body.is_empty() && m.subject.is_empty() && m.recipient_name.is_empty());
    }

    #[test]
    fn a_contact_that_does_not_exist_is_refused() {
        assert_eq!(
            draft(meta(), START, To::Contact("gone"), |_| false),
            Err(StartError::NoSuchContact)
        );
    }

    #[test]
    fn a_new_person_needs_a_name_and_is_kept_within_a_line() {
        let none = To::NewPerson {
            name: " \t",
            company: "Acme",
        };
        assert_eq!(
            draft(meta(), START, none, |_| true),
            Err(StartError::NameMissing)
        );
        let long = "N".repeat(MAX_LINE_CHARS + 10);
        let to = To::NewPerson {
            name: &long,
            company: "  Acme GmbH ",
        };
        let m = draft(meta(), START, to, |_| true).unwrap();
        assert_eq!(m.contact_id, None);
        assert_eq!(m.recipient_name.chars().count(), MAX_LINE_CHARS);
        assert_eq!(m.recipient_company, "Acme GmbH");
        let mut saved = m;
        saved.meta.revision = 1;
        validate(&saved).unwrap();
    }
}
