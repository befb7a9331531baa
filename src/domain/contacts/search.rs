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
        let mapped = base_letters(c);
        if mapped.is_empty() {
            if !space {
                plain.push(' ');
                space = true;
            }
            continue;
        }
        for m in mapped.chars() {
            plain.push(m);
        }
        space = false;
    }
    if plain.ends_with(' ') {
        plain.pop();
    }
    // After diacritics are gone, a transliterated umlaut is the vowel plus `e`.
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if matches!(c, 'a' | 'o' | 'u') && chars.peek() == Some(&'e') {
            chars.next();
        }
    }
    out
}

/// The folded spelling of one character: empty for separators.
fn base_letters(c: char) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    let lower = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
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
        c if c.is_alphanumeric() => {
            let mut buf = [0u8; 4];
            return Cow::Owned(c.encode_utf8(&mut buf).to_string());
        }
        _ => "",
    };
    Cow::Borrowed(s)
}

/// Where a query word matched, best first; the order is the ranking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchField {
    /// First or last name.
    Name,
    /// Company or role.
    Work,
    /// A tag.
    Tag,
    /// Field, city, e-mail, how we met, notes.
    Details,
    /// An interaction's summary or keywords.
    Timeline,
}

/// One contact's searchable text, folded once.
#[derive(Clone, Debug, Default)]
struct Entry {
    name: String,
    work: String,
    tags: String,
    details: String,
    timeline: String,
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
        let entry = self.entries.entry(contact.meta.id.clone()).or_default();
        entry.name = fold(&format!("{} {}", contact.first_name, contact.last_name));
        entry.work = fold(&format!("{} {}", contact.company, contact.role));
        entry.tags = fold(&contact.tags.join(" "));
        entry.details = fold(&format!(
            "{} {} {} {} {} {}",
            contact.field,
            contact.city,
            contact.email,
            contact.met.occasion,
            contact.met.hook,
            contact.notes
        ));
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
            entry.timeline = text;
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
        let folded = fold(query);
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|(id, entry)| {
                let mut rank = 0;
                for word in &words {
                    rank += rank_word(entry, word)?;
                }
                Some(Hit {
                    id: id.clone(),
                    rank,
                })
            })
            .collect();
        hits.sort_by_key(|h| h.rank);
        hits
    }
}

/// The rank of a word's best match in an entry: a word that starts a name beats one
/// inside a name, which beats a company or role, and so on down to the timeline.
fn rank_word(entry: &Entry, word: &str) -> Option<u32> {
    let fields = [
        (MatchField::Name, &entry.name),
        (MatchField::Work, &entry.work),
        (MatchField::Tag, &entry.tags),
        (MatchField::Details, &entry.details),
        (MatchField::Timeline, &entry.timeline),
    ];
    fields.iter().find_map(|(field, text)| {
        let at = text.find(word)?;
        let starts_word = at == 0 || text.as_bytes()[at - 1] == b' ';
        Some(*field as u32 * 2 + u32::from(!starts_word))
    })
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
