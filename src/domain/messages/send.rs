//! Marking an outreach message as sent, and closing it when the answer is in: what gets
//! written in one transaction.

use chrono::{DateTime, NaiveDate, Utc};

use super::model::{add_business_days, Channel, Status, FOLLOW_UP_DAYS, OTHER_PERSON_DAYS};
use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::new_contact;
use crate::domain::interviews::wrap_up::split_name;
use crate::domain::record::{
    fit_line, fit_text, FollowUp, FollowUpKind, Interaction, InteractionKind, Message, Meta,
};

/// The texts a send writes, in the user's language (the UI words them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendTexts {
    /// The occasion noted on a contact created for someone not saved yet.
    pub met_occasion: String,
    /// The keyword on the timeline entry (the message's purpose).
    pub keyword: String,
    /// The reminder after three business days: write to someone else there.
    pub other_person: String,
    /// The reminder after seven business days: follow up once.
    pub follow_up: String,
}

/// Why a message cannot be marked as sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendError {
    /// It is to someone not saved yet whose name is empty: there is nobody to save.
    NameMissing,
}

/// The records that marking `message` as sent on `today` writes: the message (status
/// sent), a contact for a recipient not saved yet, the timeline entry with subject and
/// body, and the 3B7 reminders. `new_id` hands out record ids.
pub fn mark_sent(
    message: &Message,
    texts: &SendTexts,
    today: NaiveDate,
    now: DateTime<Utc>,
    new_id: &mut dyn FnMut() -> String,
) -> Result<Dataset, SendError> {
    let mut m = message.clone();
    let mut out = Dataset::default();
    let contact_id = match m.contact_id.clone() {
        Some(id) => id,
        None => {
            let (first, last) = split_name(&m.recipient_name);
            if first.is_empty() && last.is_empty() {
                return Err(SendError::NameMissing);
            }
            let mut c = new_contact(Meta::new(new_id(), now));
            c.first_name = first;
            c.last_name = last;
            c.company = fit_line(m.recipient_company.trim());
            c.met.occasion = fit_line(&texts.met_occasion);
            m.contact_id = Some(c.meta.id.clone());
            let id = c.meta.id.clone();
            out.contacts.push(c);
            id
        }
    };
    m.status = Status::Sent.into();
    m.sent = Some(now);
    let summary = [m.subject.trim(), m.body.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    out.interactions.push(Interaction {
        meta: Meta::new(new_id(), now),
        contact_id: contact_id.clone(),
        kind: if m.channel.or(Channel::Email) == Channel::Email {
            InteractionKind::Email
        } else {
            InteractionKind::Message
        },
        date: today,
        summary: fit_text(&summary),
        keywords: vec![fit_line(&texts.keyword)],
        other_contact_id: None,
        other_contact_name: String::new(),
    });
    for (text, days) in [
        (&texts.other_person, OTHER_PERSON_DAYS),
        (&texts.follow_up, FOLLOW_UP_DAYS),
    ] {
        out.follow_ups.push(FollowUp {
            meta: Meta::new(new_id(), now),
            contact_id: Some(contact_id.clone()),
            kind: FollowUpKind::Reminder,
            text: fit_text(text),
            due: Some(add_business_days(today, days)),
            done: None,
            message_id: Some(m.meta.id.clone()),
        });
    }
    out.messages.push(m);
    Ok(out)
}

/// The records that closing `message` with the answer `to` at `now` writes: the message
/// (status and close time) and its reminders still open among `follow_ups` (the contact's),
/// ticked off. `None` for a message that was never sent to a saved contact: nothing to
/// close.
pub fn close(
    message: &Message,
    to: Status,
    follow_ups: &[FollowUp],
    now: DateTime<Utc>,
) -> Option<Dataset> {
    let contact_id = message.contact_id.as_deref()?;
    let mut m = message.clone();
    m.status = to.into();
    m.closed = Some(now);
    let follow_ups = follow_ups
        .iter()
        .filter(|f| f.contact_id.as_deref() == Some(contact_id))
        .filter(|f| f.message_id.as_deref() == Some(m.meta.id.as_str()) && f.done.is_none())
        .map(|f| FollowUp {
            done: Some(now),
            ..f.clone()
        })
        .collect();
    Some(Dataset {
        follow_ups,
        messages: vec![m],
        ..Dataset::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::{validate, Record, MAX_TEXT_CHARS};

    fn texts() -> SendTexts {
        SendTexts {
            met_occasion: "Contact request".into(),
            keyword: "Reconnect".into(),
            other_person: "Write to someone else".into(),
            follow_up: "Follow up once".into(),
        }
    }

    fn message() -> Message {
        serde_json::from_value(serde_json::json!({
            "meta": {"id": "m1", "created": "2026-05-01T10:00:00Z",
                     "updated": "2026-05-01T10:00:00Z", "revision": 1},
            "channel": "email", "subject": "Hello", "body": "Dear Ada",
            "recipient_name": "  Ada   King Lovelace ", "recipient_company": "Analytical"
        }))
        .unwrap()
    }

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    fn stamped<R: Record>(mut r: R) -> R {
        r.meta_mut().revision = r.meta().revision.max(1);
        r
    }

    #[test]
    fn sending_to_someone_new_creates_them_with_timeline_and_3b7() {
        let now: DateTime<Utc> = "2026-05-04T10:00:00Z".parse().unwrap();
        let today = now.date_naive();
        let out = mark_sent(&message(), &texts(), today, now, &mut ids()).unwrap();
        let c = &out.contacts[0];
        assert_eq!(
            (c.first_name.as_str(), c.last_name.as_str()),
            ("Ada King", "Lovelace")
        );
        assert_eq!(
            out.messages[0].contact_id.as_deref(),
            Some(c.meta.id.as_str())
        );
        assert_eq!(out.messages[0].status, Status::Sent.into());
        assert_eq!(out.interactions[0].summary, "Hello\n\nDear Ada");
        assert_eq!(out.interactions[0].kind, InteractionKind::Email);
        // Monday + 3 and + 7 business days.
        let due: Vec<_> = out.follow_ups.iter().map(|f| f.due.unwrap()).collect();
        assert_eq!(
            due,
            vec!["2026-05-07".parse().unwrap(), "2026-05-13".parse().unwrap()]
        );
        assert!(out
            .follow_ups
            .iter()
            .all(|f| f.message_id.as_deref() == Some("m1")));
        assert_eq!(validate(&stamped(c.clone())), Ok(()));
        assert_eq!(validate(&stamped(out.interactions[0].clone())), Ok(()));
    }

    #[test]
    fn a_nameless_recipient_is_refused_and_huge_text_is_shortened() {
        let now: DateTime<Utc> = "2026-05-04T10:00:00Z".parse().unwrap();
        let mut m = message();
        m.recipient_name = "   ".into();
        assert_eq!(
            mark_sent(&m, &texts(), now.date_naive(), now, &mut ids()),
            Err(SendError::NameMissing)
        );
        let mut m = message();
        m.contact_id = Some("c1".into());
        m.subject = "s".repeat(400);
        m.body = "b".repeat(MAX_TEXT_CHARS);
        let out = mark_sent(&m, &texts(), now.date_naive(), now, &mut ids()).unwrap();
        assert!(out.contacts.is_empty());
        let summary = &out.interactions[0].summary;
        assert_eq!(summary.chars().count(), MAX_TEXT_CHARS);
        assert!(summary.ends_with('…'));
        assert_eq!(validate(&stamped(out.interactions[0].clone())), Ok(()));
    }

    #[test]
    fn closing_ticks_off_only_this_messages_open_reminders() {
        let now: DateTime<Utc> = "2026-05-04T10:00:00Z".parse().unwrap();
        let mut m = message();
        m.contact_id = Some("c1".into());
        let sent = mark_sent(&m, &texts(), now.date_naive(), now, &mut ids()).unwrap();
        let later: DateTime<Utc> = "2026-05-06T09:00:00Z".parse().unwrap();
        let mut reminders = sent.follow_ups.clone();
        // Another message's reminder and one already done stay as they are.
        let mut other = reminders[0].clone();
        other.meta.id = "f-other".into();
        other.message_id = Some("m2".into());
        let mut done = reminders[1].clone();
        done.meta.id = "f-done".into();
        done.done = Some(now);
        reminders.extend([other, done]);
        let out = close(&sent.messages[0], Status::Replied, &reminders, later).unwrap();
        assert_eq!(out.messages[0].status, Status::Replied.into());
        assert_eq!(out.messages[0].closed, Some(later));
        let ticked: Vec<_> = out.follow_ups.iter().map(|f| f.meta.id.as_str()).collect();
        assert_eq!(ticked, ["id2", "id3"]);
        assert!(out.follow_ups.iter().all(|f| f.done == Some(later)));
        assert!(out.interactions.is_empty() && out.contacts.is_empty());
        // A draft to someone not saved has nothing to close.
        assert_eq!(close(&message(), Status::Replied, &reminders, later), None);
    }
}
