//! LinkedIn's `messages.csv` (same archive as the connections): conversations with people
//! the user has as contacts become timeline entries, so "last contact" and the dormant
//! finder reflect the real history from the first day.
//!
//! One entry per conversation, contact and day, holding every message of that day in
//! order. Its id is made from the conversation, the contact and the day, so importing the
//! same file again adds nothing.

use std::collections::{BTreeMap, HashMap, HashSet};

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
    /// The user's profile link as found in the file (compared as [`link_key`]).
    pub owner_link: Option<String>,
    /// Whether the user was found by the link they gave, not guessed.
    pub owner_known: bool,
    /// Who takes part in the most conversations, most first: the people the user may be
    /// (at most [`PARTICIPANTS`]).
    pub participants: Vec<Participant>,
    /// Messages in the file.
    pub messages: usize,
    /// Conversations with no one the user has as a contact (or with a name that several
    /// contacts share): left out.
    pub unmatched: usize,
}

/// How many of the busiest people in a file the user may choose from as themselves.
pub const PARTICIPANTS: usize = 8;

/// Someone who writes or receives messages in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Their profile link as written in the file.
    pub url: String,
    /// Their name as written in the file (empty when only the link is there).
    pub name: String,
    /// In how many conversations they take part.
    pub conversations: usize,
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
    sender_url: String,
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
                sender_url: row.get(columns.sender_url).trim().to_string(),
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
    let participants = participants(&messages, &by_link);
    let own = link_key(own_link);
    let owner_known = !own.is_empty() && participants.iter().any(|(key, _)| *key == own);
    let owner = if owner_known {
        Some(own)
    } else {
        participants.first().map(|(key, _)| key.clone())
    };
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
            match m.recipients.as_slice() {
                [] => vec![(None, m.recipient_names.as_str())],
                // One recipient: their name in TO finds a contact who has no link.
                [one] => vec![(Some(one), m.recipient_names.as_str())],
                // Several: TO's names cannot be told apart reliably (a name may hold a
                // comma), so only links count.
                many => many.iter().map(|r| (Some(r), "")).collect(),
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
        owner_link: owner,
        owner_known,
        participants: participants
            .into_iter()
            .take(PARTICIPANTS)
            .map(|(_, p)| p)
            .collect(),
        messages: messages.len(),
        unmatched: matched_conversations.values().filter(|m| !**m).count(),
    })
}

/// Everyone with a profile link in the file and the conversations they take part in, the
/// one the user most likely is first: in the most conversations, preferring someone who
/// is not a contact (the user is never their own contact). Names are known only of
/// senders: a participant who never wrote has the link only.
fn participants(
    messages: &[Message],
    contacts: &HashMap<String, &Contact>,
) -> Vec<(String, Participant)> {
    let mut seen: HashMap<&str, (HashSet<&str>, Participant)> = HashMap::new();
    for m in messages {
        let people = std::iter::once((&m.sender, Some(m)))
            .chain(m.recipients.iter().map(|r| (r, None)))
            .filter(|(key, _)| !key.is_empty());
        for (key, sent) in people {
            let (conversations, person) = seen.entry(key.as_str()).or_insert_with(|| {
                (
                    HashSet::new(),
                    Participant {
                        url: String::new(),
                        name: String::new(),
                        conversations: 0,
                    },
                )
            });
            conversations.insert(m.conversation.as_str());
            if let Some(m) = sent.filter(|_| person.url.is_empty()) {
                person.url.clone_from(&m.sender_url);
                person.name.clone_from(&m.sender_name);
            }
        }
    }
    let mut all: Vec<(String, Participant)> = seen
        .into_iter()
        .map(|(key, (conversations, mut person))| {
            person.conversations = conversations.len();
            if person.url.is_empty() {
                person.url = format!("https://{key}");
            }
            (key.to_string(), person)
        })
        .collect();
    all.sort_by(|(a, pa), (b, pb)| {
        pb.conversations
            .cmp(&pa.conversations)
            .then_with(|| contacts.contains_key(a).cmp(&contacts.contains_key(b)))
            .then_with(|| a.cmp(b))
    });
    all
}
