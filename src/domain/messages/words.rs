//! Words in a message: tokens with their position and sentence, folded for matching, so
//! "Bewerbungen", "bewerbe" and "BEWERBUNG" all meet the stem "bewerb", and "für" meets
//! "fuer".

use crate::domain::contacts::search::fold;

/// One word of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The word as written (for the checks that care about capitals, like "Sie").
    pub raw: String,
    /// The word folded: lower case, without diacritics, umlauts as the base vowel.
    pub folded: String,
    /// Which sentence it is in, counting from 0.
    pub sentence: usize,
}

/// The words of `text`, with the sentence each belongs to. Sentences end at `.`, `!`, `?`
/// or a line break; an apostrophe stays inside a word ("isn't", "I'm").
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut word = String::new();
    let flush = |word: &mut String, sentence: usize, out: &mut Vec<Token>| {
        if !word.is_empty() {
            let raw = std::mem::take(word);
            let folded = fold(&raw).replace(' ', "");
            out.push(Token {
                raw,
                folded,
                sentence,
            });
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() || ((c == '\'' || c == '’') && !word.is_empty()) {
            word.push(if c == '’' { '\'' } else { c });
        } else {
            flush(&mut word, sentence, &mut out);
            if matches!(c, '.' | '!' | '?' | '\n')
                && out.last().is_some_and(|t| t.sentence == sentence)
            {
                sentence += 1;
            }
        }
    }
    flush(&mut word, sentence, &mut out);
    out
}

/// How many words `text` has.
pub fn word_count(text: &str) -> usize {
    tokens(text).len()
}

/// Whether a folded word matches a stem: `stem*` matches words starting with the stem,
/// a plain stem only the whole word.
pub fn matches_stem(word: &str, stem: &str) -> bool {
    match stem.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == stem,
    }
}

/// Whether the folded text contains the folded phrase as whole words.
pub fn contains_phrase(folded_words: &[String], phrase: &str) -> bool {
    // Fold word by word so that a stem's `*` survives (folding would drop it).
    let wanted: Vec<String> = phrase
        .split_whitespace()
        .map(|w| match w.strip_suffix('*') {
            Some(stem) => format!("{}*", fold(stem).replace(' ', "")),
            None => fold(w).replace(' ', ""),
        })
        .collect();
    if wanted.is_empty() || wanted.len() > folded_words.len() {
        return false;
    }
    folded_words.windows(wanted.len()).any(|w| {
        w.iter()
            .zip(&wanted)
            .all(|(have, want)| matches_stem(have, want))
    })
}

/// The significant words of a hook or event: longer than three letters and not a common
/// word, so "We met at the UX Camp in Hamburg" gives "camp", "hamburg".
pub fn significant(text: &str) -> Vec<String> {
    const COMMON: &[&str] = &[
        "with",
        "from",
        "that",
        "this",
        "they",
        "them",
        "their",
        "have",
        "were",
        "where",
        "when",
        "what",
        "about",
        "your",
        "there",
        "here",
        "also",
        "very",
        "just",
        "talk",
        "talked",
        "both",
        "some",
        "into",
        "over",
        "after",
        "before",
        "event",
        "meet",
        "und",
        "oder",
        "aber",
        "dass",
        "eine",
        "einer",
        "einem",
        "einen",
        "haben",
        "wir",
        "uber",
        "nach",
        "beim",
        "auch",
        "sehr",
        "sind",
        "waren",
        "wurde",
        "dort",
        "hier",
        "kennengelernt",
        "getroffen",
        "gesprochen",
        "zusammen",
        "gemeinsam",
        "sich",
    ];
    let mut out: Vec<String> = tokens(text)
        .into_iter()
        .map(|t| t.folded)
        .filter(|w| w.chars().count() > 3 && !COMMON.contains(&w.as_str()))
        .collect();
    out.dedup();
    out
}
