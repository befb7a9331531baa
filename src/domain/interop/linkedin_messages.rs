//! LinkedIn's `messages.csv` (same archive as the connections): conversations with people
//! the user has as contacts become timeline entries, so "last contact" and the dormant
//! finder reflect the real history from the first day.
//!
//! One entry per conversation, contact and day, holding every message of that day in
//! order. Its id is made from the conversation, the contact and the day, so importing the
//! same file again adds nothing.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use super::csv::{self, Row, Separator};
use super::ImportError;
use crate::domain::contacts::duplicates::link_key;
use crate::domain::contacts::search::fold;
use crate::domain::format::{iso_date, parse_iso_date};
use crate::domain::record::{fit_text, in_range, Contact, Interaction, InteractionKind, Meta};

/// Texts of the entries, in the user's language.
#[derive(Clone, Copy, Debug)]
pub struct EntryTexts<'a> {
    /// Who "you" are in a conversation ("You").
    pub you: &'a str,
}

/// What a messages file gives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conversations {
    /// New timeline entries, in date order.
    pub entries: Vec<Interaction>,
    /// The user as found in the file: their name there, when recognised.
    pub owner: Option<String>,
    /// Messages in the file.
    pub messages: usize,
    /// Conversations with no one the user has as a contact (or with a name that several
    /// contacts share): left out.
    pub unmatched: usize,
}

/// Where each column is.
struct Columns {
    conversation: Option<usize>,
    from: Option<usize>,
    sender_url: Option<usize>,
    to: Option<usize>,
    recipient_urls: Option<usize>,
    date: usize,
    subject: Option<usize>,
    content: usize,
}

impl Columns {
    fn of(row: &Row) -> Option<Columns> {
        let find = |names: &[&str]| {
            row.fields
                .iter()
                .position(|f| names.iter().any(|n| f.trim().eq_ignore_ascii_case(n)))
        };
        let c = Columns {
            conversation: find(&["CONVERSATION ID"]),
            from: find(&["FROM"]),
            sender_url: find(&["SENDER PROFILE URL"]),
            to: find(&["TO"]),
            recipient_urls: find(&["RECIPIENT PROFILE URLS", "RECIPIENT PROFILE URL"]),
            date: find(&["DATE"])?,
            subject: find(&["SUBJECT"]),
            content: find(&["CONTENT"])?,
        };
        (c.from.is_some() || c.sender_url.is_some()).then_some(c)
    }
}

/// Whether the header of `text` is that of LinkedIn's messages file.
pub fn is_messages(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("").to_ascii_uppercase();
    first.contains("CONVERSATION ID") && first.contains("CONTENT")
}

/// One message as read.
struct Message {
    conversation: String,
    sender: String,
    sender_name: String,
    recipients: Vec<String>,
    recipient_names: String,
    date: NaiveDate,
    subject: String,
    content: String,
}

fn urls(value: &str) -> Vec<String> {
    value
        .split([',', ' ', ';'])
        .map(link_key)
        .filter(|u| !u.is_empty())
        .collect()
}

/// "2024-10-09 14:22:05 UTC" and other forms that start with an ISO date.
fn message_date(value: &str) -> Option<NaiveDate> {
    let date = parse_iso_date(value.trim().get(..10)?)?;
    in_range(date).then_some(date)
}

/// A stable id for the entry of `conversation` with `contact_id` on `date`: FNV-1a, which
/// is enough to tell conversations apart and needs no crate.
fn entry_id(conversation: &str, contact_id: &str, date: NaiveDate) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in conversation.bytes().chain([0]).chain(contact_id.bytes()) {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("linkedin-{hash:016x}-{}", iso_date(date).replace('-', ""))
}

/// Reads a messages file and turns the conversations with `contacts` into timeline
/// entries. `own_link` is the user's own profile link, if they gave one; without it the
/// user is whoever takes part in the most conversations.
pub fn read_messages(
    text: &str,
    contacts: &[&Contact],
    own_link: &str,
    texts: EntryTexts,
    now: DateTime<Utc>,
) -> Result<Conversations, ImportError> {
    let rows = csv::read(text, Separator::Comma).map_err(|e| match e {
        csv::CsvError::UnclosedQuote(line) => ImportError::UnclosedQuote(line),
    })?;
    let mut rows = rows.iter().filter(|r| !r.is_blank());
    let columns = rows
        .next()
        .and_then(Columns::of)
        .ok_or(ImportError::NoHeader)?;
    let messages: Vec<Message> = rows
        .filter_map(|row| {
            Some(Message {
                conversation: row.get(columns.conversation).trim().to_string(),
                sender: link_key(row.get(columns.sender_url)),
                sender_name: row.get(columns.from).trim().to_string(),
                recipients: urls(row.get(columns.recipient_urls)),
                recipient_names: row.get(columns.to).trim().to_string(),
                date: message_date(row.get(Some(columns.date)))?,
                subject: row.get(columns.subject).trim().to_string(),
                content: row.get(Some(columns.content)).trim().to_string(),
            })
        })
        .collect();
    if messages.is_empty() {
        return Err(ImportError::NoPeople);
    }

    let by_link: HashMap<String, &Contact> = contacts
        .iter()
        .flat_map(|c| c.links.iter().map(move |l| (link_key(l), *c)))
        .collect();
    let mut by_name: HashMap<String, Vec<&Contact>> = HashMap::new();
    for c in contacts {
        by_name
            .entry(fold(&format!("{} {}", c.first_name, c.last_name)))
            .or_default()
            .push(c);
    }
    let owner = owner(&messages, own_link, &by_link);
    let owner_name = messages
        .iter()
        .find(|m| Some(&m.sender) == owner.as_ref())
        .map(|m| m.sender_name.clone());

    // (contact id, conversation, date) → the day's lines, in file order.
    let mut days: BTreeMap<(NaiveDate, String, String), (Vec<String>, String)> = BTreeMap::new();
    let mut matched_conversations: HashMap<&str, bool> = HashMap::new();
    for m in &messages {
        let outgoing = owner.as_deref() == Some(m.sender.as_str());
        let others: Vec<(Option<&String>, &str)> = if outgoing {
            if m.recipients.is_empty() {
                vec![(None, m.recipient_names.as_str())]
            } else {
                m.recipients.iter().map(|r| (Some(r), "")).collect()
            }
        } else {
            vec![(Some(&m.sender), m.sender_name.as_str())]
        };
        let seen = matched_conversations
            .entry(m.conversation.as_str())
            .or_insert(false);
        for (url, name) in others {
            let contact = url.and_then(|u| by_link.get(u).copied()).or_else(|| {
                // By name only when exactly one contact has it.
                match by_name.get(&fold(name)).map(Vec::as_slice) {
                    Some([only]) if !name.is_empty() => Some(*only),
                    _ => None,
                }
            });
            let Some(contact) = contact else { continue };
            *seen = true;
            let who = if outgoing {
                texts.you
            } else if contact.first_name.trim().is_empty() {
                contact.last_name.trim()
            } else {
                contact.first_name.trim()
            };
            let key = (m.date, m.conversation.clone(), contact.meta.id.clone());
            let (lines, subject) = days.entry(key).or_default();
            if subject.is_empty() {
                subject.clone_from(&m.subject);
            }
            let content = m.content.replace(['\r', '\n'], " ");
            lines.push(format!("{who}: {content}"));
        }
    }
    let entries = days
        .into_iter()
        .map(|((date, conversation, contact_id), (lines, subject))| {
            let mut summary = String::from("LinkedIn");
            if !subject.is_empty() {
                summary.push_str(": ");
                summary.push_str(&subject);
            }
            summary.push('\n');
            summary.push_str(&lines.join("\n"));
            Interaction {
                meta: Meta::new(entry_id(&conversation, &contact_id, date), now),
                contact_id,
                kind: InteractionKind::Message,
                date,
                summary: fit_text(&summary),
                keywords: Vec::new(),
                other_contact_id: None,
                other_contact_name: String::new(),
            }
        })
        .collect();
    Ok(Conversations {
        entries,
        owner: owner_name,
        messages: messages.len(),
        unmatched: matched_conversations.values().filter(|m| !**m).count(),
    })
}

/// The user's own profile in the file: their own link if it occurs, else whoever takes
/// part in the most conversations, preferring someone who is not a contact (the user is
/// never their own contact).
fn owner(
    messages: &[Message],
    own_link: &str,
    contacts: &HashMap<String, &Contact>,
) -> Option<String> {
    let own = link_key(own_link);
    let mut conversations: HashMap<&str, Vec<&str>> = HashMap::new();
    for m in messages {
        for p in std::iter::once(&m.sender).chain(&m.recipients) {
            let seen = conversations.entry(p.as_str()).or_default();
            if !seen.contains(&m.conversation.as_str()) {
                seen.push(m.conversation.as_str());
            }
        }
    }
    if !own.is_empty() && conversations.contains_key(own.as_str()) {
        return Some(own);
    }
    conversations
        .into_iter()
        .filter(|(p, _)| !p.is_empty())
        .max_by_key(|(p, seen)| (seen.len(), !contacts.contains_key(*p), *p))
        .map(|(p, _)| p.to_string())
}
