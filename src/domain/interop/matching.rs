//! What an import writes: each incoming person compared with the stored contacts and with
//! the file's other people.
//!
//! A shared e-mail address or profile link identifies the same person. Equal names alone
//! never merge anyone: a network of thousands has several Anna Müllers with different
//! profiles. A name match is offered as a possible duplicate (kept separate by default),
//! unless the stored contact already holds everything the row says (then it is the same
//! row imported before, and nothing is written: a second import changes nothing).

use std::collections::{HashMap, HashSet};

use super::{Incoming, Skipped};
use crate::domain::contacts::duplicates::{link_key, merge_fields};
use crate::domain::contacts::search::fold;
use crate::domain::record::{Contact, Interaction, Photo};

/// What becomes of one incoming person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// No one like them yet: a new contact.
    New,
    /// Someone stored or earlier in the file has the same name, and nothing tells them
    /// apart or together: a new contact unless the user leaves these out.
    PossibleDuplicate,
    /// The same e-mail or profile link as a stored contact, whose empty fields and tags
    /// it completes. Holds the stored contact's id.
    Completes(String),
    /// Already stored with everything it says. Holds the stored contact's id.
    Unchanged(String),
    /// The same person as an earlier row of the file (e-mail or profile link), merged
    /// into it. Holds that row's place.
    SameAs(usize),
}

/// One incoming person and what the import does with them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Where in the file.
    pub place: usize,
    /// What happens.
    pub outcome: Outcome,
    /// The contact to write: a new one with its id, or the stored one completed. For
    /// `Unchanged` and `SameAs`, the row as read.
    pub contact: Contact,
    /// A new contact's photo, with its id and the contact's. A stored contact keeps the
    /// photo it has (or has none): an import never replaces a picture the user chose.
    pub photo: Option<Photo>,
}

/// Which groups of the plan the user wants written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Choices {
    /// Add the new people.
    pub new: bool,
    /// Add possible duplicates as contacts of their own.
    pub possible_duplicates: bool,
    /// Complete stored contacts with what the file adds.
    pub complete: bool,
}

impl Default for Choices {
    fn default() -> Self {
        Choices {
            new: true,
            possible_duplicates: true,
            complete: true,
        }
    }
}

/// Everything an import would do, for the preview and the write.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Every incoming person, in file order.
    pub people: Vec<Planned>,
    /// Rows or cards left out, with reasons.
    pub skipped: Vec<Skipped>,
    /// Places whose photo was left out.
    pub photos_left_out: Vec<usize>,
    /// Timeline entries from conversations (LinkedIn's messages), not stored yet.
    pub entries: Vec<Interaction>,
    /// Entries of the conversations that are stored already (an earlier import).
    pub entries_stored: usize,
}

/// How many people fall into each group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// New contacts.
    pub new: usize,
    /// Possible duplicates (by name).
    pub possible_duplicates: usize,
    /// Stored contacts completed.
    pub complete: usize,
    /// Already stored as they are.
    pub unchanged: usize,
    /// Repeated in the file.
    pub same_in_file: usize,
    /// Left out.
    pub skipped: usize,
    /// New timeline entries from conversations.
    pub entries: usize,
}

impl ImportPlan {
    /// The size of each group.
    pub fn counts(&self) -> Counts {
        let mut c = Counts {
            skipped: self.skipped.len(),
            entries: self.entries.len(),
            ..Counts::default()
        };
        for p in &self.people {
            match p.outcome {
                Outcome::New => c.new += 1,
                Outcome::PossibleDuplicate => c.possible_duplicates += 1,
                Outcome::Completes(_) => c.complete += 1,
                Outcome::Unchanged(_) => c.unchanged += 1,
                Outcome::SameAs(_) => c.same_in_file += 1,
            }
        }
        c
    }

    fn chosen(&self, choices: Choices) -> impl Iterator<Item = &Planned> {
        self.people.iter().filter(move |p| match p.outcome {
            Outcome::New => choices.new,
            Outcome::PossibleDuplicate => choices.possible_duplicates,
            Outcome::Completes(_) => choices.complete,
            Outcome::Unchanged(_) | Outcome::SameAs(_) => false,
        })
    }

    /// The contacts to write for `choices`: new ones (revision 0) and completed stored
    /// ones (at the revision they were read at, so a change made meanwhile is a conflict).
    pub fn contacts(&self, choices: Choices) -> Vec<Contact> {
        self.chosen(choices).map(|p| p.contact.clone()).collect()
    }

    /// Everyone conversations can be matched with: the stored contacts (as this import
    /// completes them) and the new ones.
    pub fn candidates<'a>(&'a self, stored: &'a [Contact]) -> Vec<&'a Contact> {
        let completed: HashMap<&str, &Contact> = self
            .people
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::Completes(_)))
            .map(|p| (p.contact.meta.id.as_str(), &p.contact))
            .collect();
        let stored = stored
            .iter()
            .map(|c| completed.get(c.meta.id.as_str()).copied().unwrap_or(c));
        let new = self
            .people
            .iter()
            .filter(|p| matches!(p.outcome, Outcome::New | Outcome::PossibleDuplicate))
            .map(|p| &p.contact);
        stored.chain(new).collect()
    }

    /// Adds the timeline entries of conversations, leaving out those whose id is stored.
    pub fn add_entries(&mut self, entries: Vec<Interaction>, stored_ids: &HashSet<String>) {
        let (stored, new): (Vec<Interaction>, Vec<Interaction>) = entries
            .into_iter()
            .partition(|e| stored_ids.contains(&e.meta.id));
        self.entries_stored += stored.len();
        self.entries.extend(new);
    }

    /// The timeline entries to write for `choices`: none for a new contact left out.
    pub fn entries(&self, choices: Choices) -> Vec<Interaction> {
        let left_out: HashSet<&str> = self
            .people
            .iter()
            .filter(|p| match p.outcome {
                Outcome::New => !choices.new,
                Outcome::PossibleDuplicate => !choices.possible_duplicates,
                _ => false,
            })
            .map(|p| p.contact.meta.id.as_str())
            .collect();
        self.entries
            .iter()
            .filter(|e| !left_out.contains(e.contact_id.as_str()))
            .cloned()
            .collect()
    }

    /// The photos of the new contacts written for `choices`.
    pub fn photos(&self, choices: Choices) -> Vec<Photo> {
        self.chosen(choices)
            .filter_map(|p| p.photo.clone())
            .collect()
    }
}

/// What identifies a person beyond doubt: e-mail addresses and profile links.
fn identities(c: &Contact) -> Vec<String> {
    let email = c.email.trim().to_lowercase();
    let mut keys: Vec<String> = c
        .links
        .iter()
        .map(|l| format!("link {}", link_key(l)))
        .collect();
    if !email.is_empty() {
        keys.push(format!("email {email}"));
    }
    keys
}

/// The full name as compared, or `None` when a part is missing (a first name alone is
/// too common to call two people the same).
fn name_key(c: &Contact) -> Option<String> {
    (!c.first_name.trim().is_empty() && !c.last_name.trim().is_empty())
        .then(|| fold(&format!("{} {}", c.first_name, c.last_name)))
}

/// Whether anything tells two people with the same name apart for sure: each has an
/// identity (profile link or e-mail), and they share none (else they would have matched).
fn told_apart(a: &Contact, b: &Contact) -> bool {
    !identities(a).is_empty() && !identities(b).is_empty()
}

/// `stored` completed with what `incoming` adds: empty fields filled, links and tags
/// added, a differing note or hook appended. What the user chose for the contact stays:
/// circle, reminders, who introduced them. `None` when nothing would change.
pub fn completed(stored: &Contact, incoming: &Contact) -> Option<Contact> {
    let mut c = merge_fields(stored, incoming);
    c.circle = stored.circle;
    c.cadence_days = stored.cadence_days;
    c.introduced_by.clone_from(&stored.introduced_by);
    c.introduced_by_name.clone_from(&stored.introduced_by_name);
    c.greetings.clone_from(&stored.greetings);
    // An earlier "met on" date is not news about a contact the user knows already.
    c.met.date = stored.met.date.or(incoming.met.date);
    (c != *stored).then_some(c)
}

/// Plans the import of `incoming` next to `stored`, giving each new contact an id from
/// `new_id`.
pub fn plan(
    stored: &[Contact],
    parsed: super::Parsed,
    new_id: &mut dyn FnMut() -> String,
) -> ImportPlan {
    let super::Parsed {
        people: incoming,
        skipped,
        photos_left_out,
    } = parsed;
    let mut by_identity: HashMap<String, usize> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in stored.iter().enumerate() {
        for key in identities(c) {
            by_identity.entry(key).or_insert(i);
        }
        if let Some(name) = name_key(c) {
            by_name.entry(name).or_default().push(i);
        }
    }
    // The same, for people planned so far: index into `people`.
    let mut file_identity: HashMap<String, usize> = HashMap::new();
    let mut file_name: HashMap<String, Vec<usize>> = HashMap::new();
    // Stored contacts already completed by an earlier row: index into `people`.
    let mut completing: HashMap<usize, usize> = HashMap::new();
    let mut people: Vec<Planned> = Vec::with_capacity(incoming.len());

    for Incoming {
        place,
        contact,
        photo,
    } in incoming
    {
        let keys = identities(&contact);
        let name = name_key(&contact);
        let stored_match = keys.iter().find_map(|k| by_identity.get(k)).copied();
        let file_match = keys.iter().find_map(|k| file_identity.get(k)).copied();

        let planned = if let Some(s) = stored_match {
            let id = stored[s].meta.id.clone();
            match completing.get(&s).copied() {
                // A second row for the same stored contact adds to the first's changes.
                Some(first) => {
                    if let Some(more) = completed(&people[first].contact, &contact) {
                        people[first].contact = more;
                    }
                    Planned {
                        place,
                        outcome: Outcome::SameAs(people[first].place),
                        contact,
                        photo: None,
                    }
                }
                None => match completed(&stored[s], &contact) {
                    Some(c) => {
                        completing.insert(s, people.len());
                        Planned {
                            place,
                            outcome: Outcome::Completes(id),
                            contact: c,
                            photo: None,
                        }
                    }
                    None => Planned {
                        place,
                        outcome: Outcome::Unchanged(id),
                        contact,
                        photo: None,
                    },
                },
            }
        } else if let Some(first) = file_match {
            for key in &keys {
                file_identity.entry(key.clone()).or_insert(first);
            }
            let merged = merge_fields(&people[first].contact, &contact);
            people[first].contact = merged;
            if people[first].photo.is_none() {
                people[first].photo = photo.map(|mut p| {
                    p.meta.id = new_id();
                    p.contact_id.clone_from(&people[first].contact.meta.id);
                    p
                });
            }
            Planned {
                place,
                outcome: Outcome::SameAs(people[first].place),
                contact,
                photo: None,
            }
        } else {
            let same_name_stored: Vec<&Contact> = name
                .as_ref()
                .and_then(|n| by_name.get(n))
                .map(|v| v.iter().map(|&i| &stored[i]).collect())
                .unwrap_or_default();
            if let Some(s) = same_name_stored
                .iter()
                .find(|s| completed(s, &contact).is_none())
            {
                Planned {
                    place,
                    outcome: Outcome::Unchanged(s.meta.id.clone()),
                    contact,
                    photo: None,
                }
            } else {
                let same_name_file = name
                    .as_ref()
                    .and_then(|n| file_name.get(n))
                    .map(|v| v.iter().map(|&i| &people[i].contact).collect::<Vec<_>>())
                    .unwrap_or_default();
                let doubtful = same_name_stored
                    .iter()
                    .chain(same_name_file.iter())
                    .any(|other| !told_apart(other, &contact));
                let mut c = contact;
                c.meta.id = new_id();
                let photo = photo.map(|mut p| {
                    p.meta.id = new_id();
                    p.contact_id.clone_from(&c.meta.id);
                    p
                });
                Planned {
                    photo,
                    place,
                    outcome: if doubtful {
                        Outcome::PossibleDuplicate
                    } else {
                        Outcome::New
                    },
                    contact: c,
                }
            }
        };
        let index = people.len();
        if matches!(planned.outcome, Outcome::New | Outcome::PossibleDuplicate) {
            for key in &keys {
                file_identity.entry(key.clone()).or_insert(index);
            }
            if let Some(n) = name {
                file_name.entry(n).or_default().push(index);
            }
        }
        people.push(planned);
    }
    ImportPlan {
        people,
        skipped,
        photos_left_out,
        ..ImportPlan::default()
    }
}
