//! Finding people as the user types: text folding that makes "Müller", "Mueller" and
//! "Muller" the same, and a ranked search over an index built once and updated per contact.

use std::collections::HashMap;

use crate::domain::record::{Contact, Interaction};

/// Folds text for matching: lower case, diacritics removed, `ß` as `ss`, and the German
/// transliterations `ae`/`oe`/`ue` read as `a`/`o`/`u`, so that a name typed on a keyboard
/// without umlauts finds the one stored with them (and the other way round). Everything
/// that is not a letter or digit becomes a single space.
///
/// The table covers Latin-1 and Latin Extended-A, which is where the names of German- and
/// English-speaking networks live; a full Unicode decomposition table would add tens of KB
/// to the download for letters nobody types into this search box.
pub fn fold(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        match base_letters(c) {
            Folded::Char(m) => plain.push(m),
            Folded::Str(m) => plain.push_str(m),
            Folded::Separator => {
                if !space {
                    plain.push(' ');
                    space = true;
                }
                continue;
            }
        }
        space = false;
    }
    if plain.ends_with(' ') {
        plain.pop();
    }
    // After diacritics are gone, a transliterated umlaut is the vowel plus `e`. Every `e`
    // after the vowel goes, not only the first: "æe" spells "aee", and folding must give
    // the same text when run again, or a stored name and the same name typed would differ.
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') {
            while chars.next_if_eq(&'e').is_some() {}
        }
    }
    out
}

/// One character, folded.
enum Folded {
    /// Kept as this (lower-case) character.
    Char(char),
    /// Spelled out as several letters (`ß` → `ss`).
    Str(&'static str),
    /// Not a letter or digit.
    Separator,
}

/// The folded spelling of one character. Runs for every character of every contact at
/// start-up, so the common case (ASCII) allocates nothing and returns at once.
fn base_letters(c: char) -> Folded {
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
    /// Name, work, tags, details and timeline, separated by [`FIELD_END`].
    text: String,
    /// Where each of the first four fields ends in `text`.
    ends: [usize; 4],
}

/// Separates the fields of an [`Entry`]; never part of folded text.
const FIELD_END: char = '\u{1}';

impl Entry {
    fn new(fields: [&str; 4], timeline: &str) -> Entry {
        let mut text = String::with_capacity(
            fields.iter().map(|f| f.len() + 1).sum::<usize>() + timeline.len(),
        );
        let mut ends = [0; 4];
        for (i, f) in fields.iter().enumerate() {
            text.push_str(f);
            ends[i] = text.len();
            text.push(FIELD_END);
        }
        text.push_str(timeline);
        Entry { text, ends }
    }

    fn own(&self) -> &str {
        &self.text[..self.ends[3]]
    }

    fn timeline(&self) -> &str {
        &self.text[self.ends[3] + 1..]
    }
}

/// The in-memory search index: built once at start-up, then updated per contact.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    entries: HashMap<String, Entry>,
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
    /// Adds or replaces a contact's own fields, keeping its timeline text.
    pub fn set_contact(&mut self, contact: &Contact) {
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
        let timeline = self
            .entries
            .get(&contact.meta.id)
            .map(|e| e.timeline().to_string())
            .unwrap_or_default();
        self.entries.insert(
            contact.meta.id.clone(),
            Entry::new([&name, &work, &tags, &details], &timeline),
        );
    }

    /// Replaces a contact's timeline text with that of `interactions`.
    pub fn set_timeline<'a>(
        &mut self,
        contact_id: &str,
        interactions: impl IntoIterator<Item = &'a Interaction>,
    ) {
        let mut text = String::new();
        for i in interactions {
            text.push_str(&fold(&i.summary));
            text.push(' ');
            text.push_str(&fold(&i.keywords.join(" ")));
            text.push(' ');
        }
        if let Some(entry) = self.entries.get_mut(contact_id) {
            let own = entry.own().to_string();
            entry.text = own;
            entry.text.push(FIELD_END);
            entry.text.push_str(&text);
        }
    }

    /// Forgets a contact.
    pub fn remove(&mut self, contact_id: &str) {
        self.entries.remove(contact_id);
    }

    /// How many contacts are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The contacts matching every word of `query`, best first (ties in no particular
    /// order: the caller sorts them by name). An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .matches(query)
            .into_iter()
            .map(|(id, rank)| Hit {
                id: id.to_string(),
                rank,
            })
            .collect();
        hits.sort_by_key(|h| h.rank);
        hits
    }

    /// Like [`SearchIndex::search`], unsorted and borrowing the ids: what the contact list
    /// needs per keystroke, without copying 10,000 ids it is about to sort anyway.
    pub fn matches(&self, query: &str) -> Vec<(&str, u32)> {
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter_map(|(id, entry)| {
                let mut rank = 0;
                for word in &words {
                    rank += rank_word(entry, word)?;
                }
                Some((id.as_str(), rank))
            })
            .collect()
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
