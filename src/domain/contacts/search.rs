//! Finding people as the user types: text folding that makes "Müller", "Mueller" and
//! "Muller" the same, and a ranked search over an index built once and updated per contact.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::domain::record::{Contact, Interaction};
use crate::domain::sorting::sort_by_key;

/// Folds text for matching: lower case, diacritics removed, `ß` as `ss`, and the German
/// transliterations `ae`/`oe`/`ue` read as `a`/`o`/`u`, so that a name typed on a keyboard
/// without umlauts finds the one stored with them (and the other way round). Everything
/// that is not a letter or digit becomes a single space.
///
/// The table covers Latin-1 and Latin Extended-A, which is where the names of German- and
/// English-speaking networks live; a full Unicode decomposition table would add tens of KB
/// to the download for letters nobody types into this search box.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// [`fold`], appended to `out`: the search index folds every field of every contact and
/// interaction at start-up, and one pass without a string of its own per field matters at
/// 50,000 interactions.
fn fold_into(out: &mut String, text: &str) {
    let start = out.len();
    // The last character pushed by this call: `None` at the start and after a separator.
    let mut last: Option<char> = None;
    fn push(out: &mut String, last: &mut Option<char>, c: char) {
        // After diacritics are gone, a transliterated umlaut is the vowel plus `e`. Every
        // `e` after the vowel goes, not only the first: "æe" spells "aee", and folding
        // must give the same text when run again, or a stored name and the same name typed
        // would differ.
        if c == 'e' && matches!(*last, Some('a' | 'o' | 'u')) {
            return;
        }
        out.push(c);
        *last = Some(c);
    }
    for c in text.chars() {
        match base_letters(c) {
            Folded::Char(m) => push(out, &mut last, m),
            Folded::Str(m) => m.chars().for_each(|m| push(out, &mut last, m)),
            Folded::Separator => {
                if last.is_some() {
                    out.push(' ');
                    last = None;
                }
            }
        }
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// Appends an interaction's searchable text (summary and keywords, folded) to a
/// contact's timeline text.
pub fn fold_interaction(text: &mut String, i: &Interaction) {
    fold_into(text, &i.summary);
    text.push(' ');
    fold_into(text, &i.keywords.join(" "));
    text.push(' ');
}

/// One character, folded.
pub(super) enum Folded {
    /// Kept as this (lower-case) character.
    Char(char),
    /// Spelled out as several letters (`ß` → `ss`).
    Str(&'static str),
    /// Not a letter or digit.
    Separator,
}

/// The folded spelling of one character. Runs for every character of every contact at
/// start-up, so the common case (ASCII) allocates nothing and returns at once.
pub(super) fn base_letters(c: char) -> Folded {
    if c.is_ascii_alphanumeric() {
        return Folded::Char(c.to_ascii_lowercase());
    }
    if c.is_ascii() {
        return Folded::Separator;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let s: &'static str = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ß' => "ss",
        'ś' | 'ŝ' | 'ş' | 'š' => "s",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        c if c.is_alphanumeric() => return Folded::Char(c),
        _ => return Folded::Separator,
    };
    Folded::Str(s)
}

/// One contact's searchable text, folded once: every field in one string, best-ranked
/// field first, so a word is looked for with a single scan.
#[derive(Clone, Debug, Default)]
struct Entry {
    /// The contact's id.
    id: String,
    /// Its [`name_key`]: entries are kept in this order.
    key: String,
    /// Name, work, tags, details and timeline, separated by [`FIELD_END`].
    text: String,
    /// Where each of the first four fields ends in `text`.
    ends: [usize; 4],
    /// The [`letters`] of the four own fields, and of the whole text.
    own_letters: u64,
    letters: u64,
}

/// Which letters and digits a folded text holds, one bit each (other characters share the
/// remaining bits): a word whose letters are not all there cannot match, which a search
/// for a rare letter ("z", "q") finds out for most of 10,000 contacts without a scan.
fn letters(text: &str) -> u64 {
    text.chars().fold(0, |m, c| m | letter_bit(c))
}

fn letter_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        ' ' | FIELD_END => 0,
        _ => 1 << (36 + c as u32 % 28),
    }
}

/// Separates the fields of an [`Entry`]; never part of folded text.
const FIELD_END: char = '\u{1}';

impl Entry {
    fn of(contact: &Contact) -> Entry {
        let name = fold(&format!("{} {}", contact.first_name, contact.last_name));
        let work = fold(&format!("{} {}", contact.company, contact.role));
        let tags = fold(&contact.tags.join(" "));
        let details = fold(&format!(
            "{} {} {} {} {} {}",
            contact.field,
            contact.city,
            contact.email,
            contact.met.occasion,
            contact.met.hook,
            contact.notes
        ));
        let fields = [&name, &work, &tags, &details];
        let mut text = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum::<usize>());
        let mut ends = [0; 4];
        for (i, f) in fields.iter().enumerate() {
            text.push_str(f);
            ends[i] = text.len();
            text.push(FIELD_END);
        }
        let own_letters = letters(&text);
        Entry {
            id: contact.meta.id.clone(),
            key: name_key(contact),
            text,
            ends,
            own_letters,
            letters: own_letters,
        }
    }

    fn timeline(&self) -> &str {
        &self.text[self.ends[3] + 1..]
    }

    fn set_timeline(&mut self, timeline: &str) {
        self.text.truncate(self.ends[3] + 1);
        self.text.push_str(timeline);
        self.letters = self.own_letters | letters(timeline);
    }

    fn order(&self) -> (&str, &str) {
        (&self.key, &self.id)
    }
}

/// The in-memory search index: every contact's folded text, kept in name order, so that
/// a search yields its hits already sorted by name and the list only orders them by rank.
#[derive(Debug, Default)]
pub struct SearchIndex {
    /// By name key, then id.
    entries: Vec<Entry>,
    /// Where each contact's entry is in `entries`.
    positions: HashMap<String, usize>,
    /// The last search, folded, with the positions of its hits: typing mostly extends
    /// the query, and a longer query can only match a subset of a shorter one's hits.
    last: Mutex<Option<(String, Vec<usize>)>>,
}

impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex {
            entries: self.entries.clone(),
            positions: self.positions.clone(),
            last: Mutex::default(),
        }
    }
}

/// A search hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The contact's id.
    pub id: String,
    /// Lower is better.
    pub rank: u32,
}

impl SearchIndex {
    /// Adds or replaces the own fields of many contacts at once (one sort, not one
    /// insertion each: a network of 10,000 loads in one pass).
    pub fn set_contacts<'a>(&mut self, contacts: impl IntoIterator<Item = &'a Contact>) {
        self.push_contacts(contacts);
        self.sort();
    }

    /// [`SearchIndex::set_contacts`] without the sort: the index is out of name order
    /// until [`SearchIndex::sort`], so that a network read in pages folds each page's
    /// contacts as the page arrives.
    pub(super) fn push_contacts<'a>(&mut self, contacts: impl IntoIterator<Item = &'a Contact>) {
        for contact in contacts {
            let mut entry = Entry::of(contact);
            match self.positions.get(&contact.meta.id) {
                Some(&at) => {
                    entry.set_timeline(self.entries[at].timeline());
                    self.entries[at] = entry;
                }
                None => {
                    self.positions.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        self.forget_last();
    }

    /// Puts the entries back in name order after [`SearchIndex::push_contacts`].
    pub(super) fn sort(&mut self) {
        crate::domain::sorting::sort_by(&mut self.entries, |a, b| a.order().cmp(&b.order()));
        self.renumber(0);
    }

    /// Adds or replaces a contact's own fields, keeping its timeline text.
    pub fn set_contact(&mut self, contact: &Contact) {
        let mut entry = Entry::of(contact);
        let old = self.positions.get(&contact.meta.id).copied();
        if let Some(at) = old {
            entry.set_timeline(self.entries[at].timeline());
            if self.entries[at].key == entry.key {
                self.entries[at] = entry;
                self.forget_last();
                return;
            }
            self.entries.remove(at);
        } else {
            self.positions.insert(entry.id.clone(), 0);
        }
        let at = self.entries.partition_point(|e| e.order() < entry.order());
        self.entries.insert(at, entry);
        self.renumber(old.map_or(at, |old| old.min(at)));
    }

    /// Replaces a contact's timeline text with that of `interactions`.
    pub fn set_timeline<'a>(
        &mut self,
        contact_id: &str,
        interactions: impl IntoIterator<Item = &'a Interaction>,
    ) {
        let Some(&at) = self.positions.get(contact_id) else {
            return;
        };
        self.entries[at].set_timeline("");
        self.add_to_timelines(interactions);
    }

    /// Adds interactions (of any contacts) to the end of their contacts' timeline text.
    pub fn add_to_timelines<'a>(
        &mut self,
        interactions: impl IntoIterator<Item = &'a Interaction>,
    ) {
        for i in interactions {
            let Some(&at) = self.positions.get(i.contact_id.as_str()) else {
                continue;
            };
            let entry = &mut self.entries[at];
            let mut text = std::mem::take(&mut entry.text);
            let from = text.len();
            fold_interaction(&mut text, i);
            entry.letters |= letters(&text[from..]);
            entry.text = text;
        }
        self.forget_last();
    }

    /// Replaces every timeline text with those of `timelines` (contact id → text built
    /// by [`fold_interaction`]); contacts not in it have none.
    pub fn set_timelines(&mut self, mut timelines: HashMap<String, String>) {
        for e in &mut self.entries {
            let text = timelines.remove(&e.id).unwrap_or_default();
            e.set_timeline(&text);
        }
        self.forget_last();
    }

    /// Forgets a contact.
    pub fn remove(&mut self, contact_id: &str) {
        if let Some(at) = self.positions.remove(contact_id) {
            self.entries.remove(at);
            self.renumber(at);
        }
    }

    fn renumber(&mut self, from: usize) {
        for (i, e) in self.entries.iter().enumerate().skip(from) {
            if let Some(p) = self.positions.get_mut(&e.id) {
                *p = i;
            }
        }
        self.forget_last();
    }

    fn forget_last(&mut self) {
        *self.last.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// How many contacts are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The id of the contact at `position` in name order.
    pub fn id_at(&self, position: usize) -> &str {
        &self.entries[position].id
    }

    /// Where a contact is in name order: comparing positions compares names.
    pub fn position(&self, contact_id: &str) -> Option<usize> {
        self.positions.get(contact_id).copied()
    }

    /// The contacts matching every word of `query`, best first, then by name. An empty
    /// query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let mut hits = self.matches(query);
        sort_by_key(&mut hits, |&(_, rank)| rank);
        hits.into_iter()
            .map(|(at, rank)| Hit {
                id: self.id_at(at).to_string(),
                rank,
            })
            .collect()
    }

    /// Like [`SearchIndex::search`], as (position, rank) in name order: what the contact
    /// list needs per keystroke, without copying 10,000 ids it may filter away.
    pub fn matches(&self, query: &str) -> Vec<(usize, u32)> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let needed = words.iter().fold(0, |m, w| m | letters(w));
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let rank = |at: usize| {
            let entry = &self.entries[at];
            if entry.letters & needed != needed {
                return None;
            }
            let mut rank = 0;
            for word in &words {
                rank += rank_word(entry, word)?;
            }
            Some((at, rank))
        };
        let hits: Vec<(usize, u32)> = match last.as_ref() {
            Some((previous, hits)) if folded.starts_with(previous.as_str()) => {
                hits.iter().filter_map(|&at| rank(at)).collect()
            }
            _ => (0..self.entries.len()).filter_map(rank).collect(),
        };
        *last = Some((folded.clone(), hits.iter().map(|&(at, _)| at).collect()));
        hits
    }
}

/// The rank of a word's best match in an entry, lower is better: name, then company and
/// role, tags, the other details, and the timeline last; within a field a match at the
/// start of a word beats one inside a word.
fn rank_word(entry: &Entry, word: &str) -> Option<u32> {
    // Fields come in rank order, so the first occurrence is in the best field.
    let at = entry.text.find(word)?;
    let field = entry.ends.iter().take_while(|&&end| end < at).count() as u32;
    let before = entry.text[..at].chars().next_back();
    let starts_word = matches!(before, None | Some(' ' | FIELD_END));
    Some(field * 2 + u32::from(!starts_word))
}

/// A sort key for names: folded, last name first, so "Özil" sorts with "O".
pub fn name_key(contact: &Contact) -> String {
    let last = fold(&contact.last_name);
    let first = fold(&contact.first_name);
    if last.is_empty() {
        first
    } else {
        format!("{last} {first}")
    }
}
