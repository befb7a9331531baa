//! Duplicate contacts: which pairs look like the same person, and how two records become
//! one without losing anything the user wrote.

use std::collections::{BTreeSet, HashMap};

use super::search::fold;
use crate::domain::record::Contact;
use crate::domain::sorting::sort;

/// Why two contacts look like the same person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Same first and last name (ignoring case and diacritics).
    Name,
    /// Same e-mail address.
    Email,
    /// Same profile link.
    Link,
}

/// A suggested pair, ids in sorted order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Suggestion {
    /// The first contact's id.
    pub a: String,
    /// The second contact's id.
    pub b: String,
    /// Every reason that applies.
    pub reasons: Vec<Reason>,
}

/// A profile link reduced to host and path, so `https://www.linkedin.com/in/x/`,
/// `http://linkedin.com/in/x` and the percent-encoded form of a path with umlauts (as
/// LinkedIn exports it) are the same.
pub fn link_key(link: &str) -> String {
    let lower = percent_decoded(link.trim()).to_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_end_matches('/').to_string()
}

/// `text` with every `%XX` escape decoded (invalid UTF-8 replaced); other text unchanged.
pub(crate) fn percent_decoded(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every pair of contacts sharing a full name, an e-mail address or a profile link.
pub fn suggestions<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Vec<Suggestion> {
    let mut groups: HashMap<(Reason, String), Vec<&str>> = HashMap::new();
    for c in contacts {
        let id = c.meta.id.as_str();
        let name = fold(&format!("{} {}", c.first_name, c.last_name));
        // A first name alone is too common to call two people the same.
        if !c.first_name.trim().is_empty() && !c.last_name.trim().is_empty() {
            groups.entry((Reason::Name, name)).or_default().push(id);
        }
        let email = c.email.trim().to_lowercase();
        if !email.is_empty() {
            groups.entry((Reason::Email, email)).or_default().push(id);
        }
        let links: BTreeSet<String> = c.links.iter().map(|l| link_key(l)).collect();
        for link in links.into_iter().filter(|l| !l.is_empty()) {
            groups.entry((Reason::Link, link)).or_default().push(id);
        }
    }
    let mut pairs: HashMap<(String, String), BTreeSet<Reason>> = HashMap::new();
    for ((reason, _), ids) in groups {
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let key = if a < b { (a, b) } else { (b, a) };
                pairs
                    .entry((key.0.to_string(), key.1.to_string()))
                    .or_default()
                    .insert(reason);
            }
        }
    }
    let mut list: Vec<Suggestion> = pairs
        .into_iter()
        .map(|((a, b), reasons)| Suggestion {
            a,
            b,
            reasons: reasons.into_iter().collect(),
        })
        .collect();
    sort(&mut list);
    list
}

/// The contact that results from merging `absorbed` into `kept`: `kept`'s values win,
/// empty fields are filled from `absorbed`, lists (links, tags, greetings) are united,
/// and notes and hooks that differ are both kept, one after the other. Ids and meta stay
/// `kept`'s.
pub fn merge_fields(kept: &Contact, absorbed: &Contact) -> Contact {
    let mut c = kept.clone();
    let fill = |mine: &mut String, theirs: &String| {
        if mine.trim().is_empty() {
            mine.clone_from(theirs);
        }
    };
    let join = |mine: &mut String, theirs: &String| {
        let t = theirs.trim();
        if !t.is_empty() && !mine.contains(t) {
            if mine.trim().is_empty() {
                *mine = t.to_string();
            } else {
                mine.push_str("\n\n");
                mine.push_str(t);
            }
        }
    };
    fill(&mut c.first_name, &absorbed.first_name);
    fill(&mut c.last_name, &absorbed.last_name);
    fill(&mut c.company, &absorbed.company);
    fill(&mut c.role, &absorbed.role);
    fill(&mut c.field, &absorbed.field);
    fill(&mut c.city, &absorbed.city);
    fill(&mut c.email, &absorbed.email);
    fill(&mut c.phone, &absorbed.phone);
    if c.preferred_channel.is_none() {
        c.preferred_channel = absorbed.preferred_channel.clone();
    }
    fill(&mut c.met.occasion, &absorbed.met.occasion);
    join(&mut c.met.hook, &absorbed.met.hook);
    join(&mut c.notes, &absorbed.notes);
    c.met.date = match (c.met.date, absorbed.met.date) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    c.birthday = c.birthday.or(absorbed.birthday);
    c.cadence_days = c.cadence_days.or(absorbed.cadence_days);
    if c.introduced_by.is_none() && absorbed.introduced_by.as_deref() != Some(&kept.meta.id) {
        c.introduced_by.clone_from(&absorbed.introduced_by);
    }
    for link in &absorbed.links {
        if !c.links.iter().any(|l| link_key(l) == link_key(link)) {
            c.links.push(link.clone());
        }
    }
    for tag in &absorbed.tags {
        if !c.tags.iter().any(|t| fold(t) == fold(tag)) {
            c.tags.push(tag.clone());
        }
    }
    for year in &absorbed.greetings {
        if !c.greetings.contains(year) {
            c.greetings.push(*year);
        }
    }
    sort(&mut c.greetings);
    c
}
