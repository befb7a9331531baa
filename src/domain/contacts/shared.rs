//! What another app shared into Netzweber (the Web Share Target's `title`, `text` and
//! `url`): the profile link in it, the person's name guessed from the page title, the
//! share's text or the link's slug, and the text that is left. Everything here is shown
//! as text and offered for the user to confirm; a link is kept only if [`SafeLink`]
//! accepts it as a web address.

use crate::domain::contacts::duplicates::percent_decoded;
use crate::domain::link::SafeLink;
use crate::domain::record::{MAX_LINE_CHARS, MAX_TEXT_CHARS};

/// The networks whose profile addresses Netzweber recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Network {
    /// `linkedin.com/in/<slug>`.
    LinkedIn,
    /// `xing.com/profile/<slug>`.
    Xing,
}

/// What a share holds, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shared {
    /// The first web address in it that [`SafeLink`] accepts, normalised.
    pub link: Option<String>,
    /// Whose profile the link is, when it is one.
    pub profile: Option<Network>,
    /// The person's name, guessed: to be confirmed by the user.
    pub name: Option<String>,
    /// The shared text without the link, for logging on a contact's timeline.
    pub text: String,
}

/// Reads a share's parameters, each possibly empty; none of them is trusted.
pub fn read_share(title: &str, text: &str, url: &str) -> Shared {
    let title = clip(title, MAX_LINE_CHARS);
    let text = clip(text, MAX_TEXT_CHARS);
    let url = clip(url, MAX_TEXT_CHARS);
    // Apps put the address in `url`, or in `text` after a sentence, or (rarely) in `title`.
    let link = [url.as_str(), text.as_str(), title.as_str()]
        .into_iter()
        .flat_map(|s| s.split_whitespace())
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            lower.starts_with("http://") || lower.starts_with("https://")
        })
        .find_map(|w| SafeLink::parse_web(w.trim_end_matches([',', '.', ')', '"'])).ok())
        .map(|l| l.href().to_string());
    let profile = link.as_deref().and_then(profile_network);
    let name = name_from_title(&title)
        .or_else(|| name_from_text(&text))
        .or_else(|| link.as_deref().and_then(name_from_link));
    let rest: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.contains("://"))
        .collect();
    Shared {
        link,
        profile,
        name,
        text: rest.join(" "),
    }
}

fn clip(text: &str, max: usize) -> String {
    text.trim().chars().take(max).collect()
}

/// The network `link` is a profile on.
pub fn profile_network(link: &str) -> Option<Network> {
    let (host, path) = host_and_path(link)?;
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.rsplit('.').take(2).collect::<Vec<_>>();
    match (host.as_slice(), path.split('/').nth(1)) {
        (["com", "linkedin"], Some("in")) => Some(Network::LinkedIn),
        (["com", "xing"], Some("profile")) => Some(Network::Xing),
        _ => None,
    }
}

fn host_and_path(link: &str) -> Option<(String, String)> {
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    Some((host.to_ascii_lowercase(), format!("/{path}")))
}

/// The name in a profile page's title: "Anna-Lena Weiß – UX Researcher – Acme | LinkedIn"
/// or "(3) Anna-Lena Weiß | LinkedIn".
pub fn name_from_title(title: &str) -> Option<String> {
    let t = title.trim();
    // A notification count in front: "(3) ".
    let t = match t.strip_prefix('(').and_then(|r| r.split_once(") ")) {
        Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => t,
    };
    let spaced = t.split([' ', '\u{a0}']).collect::<Vec<_>>().join(" ");
    // The name comes before the first separator: "Name | LinkedIn", "Name – Role – Firm".
    let first = [" | ", " - ", " – ", " — "]
        .iter()
        .fold(spaced.as_str(), |rest, sep| {
            rest.split(sep).next().unwrap_or(rest)
        })
        .trim()
        .to_string();
    looks_like_name(&first).then_some(first)
}

/// The name in the sentence LinkedIn's app shares: "Check out Anna Weiß’s profile on
/// LinkedIn" or "Sieh dir das Profil von Anna Weiß auf LinkedIn an".
pub fn name_from_text(text: &str) -> Option<String> {
    let candidates = [
        text.split_once("Check out ")
            .and_then(|(_, r)| {
                r.split_once("’s profile")
                    .or_else(|| r.split_once("'s profile"))
            })
            .map(|(n, _)| n),
        text.split_once("Profil von ")
            .and_then(|(_, r)| r.split_once(" auf "))
            .map(|(n, _)| n),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|n| looks_like_name(n))
        .map(str::to_string)
}

/// The name in a profile address's slug: `/in/anna-lena-weiss-12345` → "Anna-Lena Weiss",
/// `/in/j%C3%B6rg-von-der-heide` → "Jörg von der Heide", `/profile/Anna_Weiss2` →
/// "Anna Weiss".
pub fn name_from_link(link: &str) -> Option<String> {
    let network = profile_network(link)?;
    let (_, path) = host_and_path(link)?;
    let slug = percent_decoded(path.split('/').nth(2)?);
    let separator = match network {
        Network::LinkedIn => '-',
        Network::Xing => '_',
    };
    let mut words: Vec<&str> = slug.split(separator).filter(|w| !w.is_empty()).collect();
    // Trailing ids: "12345", "a1b2c3d4", "b7a4b1234" (letters mixed with digits).
    while words.len() > 1
        && words.last().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_alphanumeric())
                && w.chars().filter(char::is_ascii_digit).count() > 1
        })
    {
        words.pop();
    }
    // Xing numbers namesakes: "Anna_Weiss2".
    let mut words: Vec<String> = words
        .iter()
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_digit()).to_string())
        .collect();
    words.retain(|w| !w.is_empty());
    if words.is_empty()
        || words
            .iter()
            .any(|w| !w.chars().all(|c| c.is_alphabetic() || c == '\''))
    {
        return None;
    }
    const PARTICLES: [&str; 12] = [
        "von", "van", "de", "der", "den", "del", "della", "di", "da", "zu", "ten", "ter",
    ];
    let cap = |w: &str| -> String {
        let lower = w.to_lowercase();
        let mut chars = lower.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    };
    let particle = words
        .iter()
        .skip(1)
        .position(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
        .map(|p| p + 1);
    let (given, family): (Vec<&String>, Vec<&String>) = match particle {
        Some(p) => (words[..p].iter().collect(), words[p..].iter().collect()),
        None if words.len() == 1 => (words.iter().collect(), Vec::new()),
        None => (
            words[..words.len() - 1].iter().collect(),
            words[words.len() - 1..].iter().collect(),
        ),
    };
    // A slug cannot tell "Anna-Lena" from "Anna Lena"; two given names are most often
    // one hyphenated name in German-speaking countries (and it is marked as a guess).
    let given: Vec<String> = given.iter().map(|w| cap(w)).collect();
    let given = if given.len() == 2 && network == Network::LinkedIn {
        given.join("-")
    } else {
        given.join(" ")
    };
    let family: Vec<String> = family
        .iter()
        .map(|w| {
            let lower = w.to_lowercase();
            if PARTICLES.contains(&lower.as_str()) {
                lower
            } else {
                cap(w)
            }
        })
        .collect();
    let name = [given, family.join(" ")]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    looks_like_name(&name).then_some(name)
}

/// One to six words of letters (with hyphens, apostrophes and dots), no longer than a line.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && text.chars().count() <= 80
        && text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_slugs_become_names() {
        let guess = |s: &str| name_from_link(s);
        assert_eq!(
            guess("https://www.linkedin.com/in/anna-lena-weiss-12345"),
            Some("Anna-Lena Weiss".into())
        );
        assert_eq!(
            guess("https://linkedin.com/in/anna-weiss-b7a4b1234/"),
            Some("Anna Weiss".into())
        );
        assert_eq!(
            guess("https://de.linkedin.com/in/j%C3%B6rg-m%C3%BCller?trk=x"),
            Some("Jörg Müller".into())
        );
        assert_eq!(
            guess("https://www.linkedin.com/in/hans-von-der-heide"),
            Some("Hans von der Heide".into())
        );
        assert_eq!(
            guess("https://www.linkedin.com/in/madonna"),
            Some("Madonna".into())
        );
        assert_eq!(
            guess("https://www.linkedin.com/in/maria-jose-garcia-lopez"),
            Some("Maria Jose Garcia Lopez".into()),
            "three given words stay apart"
        );
        assert_eq!(
            guess("https://www.linkedin.com/in/ACMEcorp42"),
            Some("Acmecorp".into())
        );
        assert_eq!(guess("https://www.linkedin.com/in/12345678"), None);
        assert_eq!(guess("https://www.linkedin.com/in/"), None);
        assert_eq!(guess("https://www.linkedin.com/company/acme"), None);
        assert_eq!(guess("https://evil.example/in/anna-weiss"), None);
        assert_eq!(
            guess("https://linkedin.com.evil.example/in/anna-weiss"),
            None
        );
        assert_eq!(guess("https://www.linkedin.com/in/%3Cscript%3E"), None);
    }

    #[test]
    fn xing_slugs_become_names() {
        assert_eq!(
            name_from_link("https://www.xing.com/profile/Anna_Weiss2"),
            Some("Anna Weiss".into())
        );
        assert_eq!(
            name_from_link("https://www.xing.com/profile/J%C3%BCrgen_Schulze/cv"),
            Some("Jürgen Schulze".into())
        );
        assert_eq!(name_from_link("https://www.xing.com/jobs/123"), None);
    }

    #[test]
    fn titles_and_share_sentences_name_the_person() {
        assert_eq!(
            name_from_title("Anna-Lena Weiß – Senior UX Researcher – Acme GmbH | LinkedIn"),
            Some("Anna-Lena Weiß".into())
        );
        assert_eq!(
            name_from_title("(3) Dr. Jörg Müller | LinkedIn"),
            Some("Dr. Jörg Müller".into())
        );
        assert_eq!(
            name_from_title("Anna Weiss - Produktmanagerin - Beta AG | XING"),
            Some("Anna Weiss".into())
        );
        assert_eq!(name_from_title("LinkedIn: 500+ connections | 2024"), None);
        assert_eq!(name_from_title(""), None);
        assert_eq!(name_from_title("<img src=x onerror=alert(1)>"), None);
        assert_eq!(
            name_from_text("Check out Anna Weiß’s profile on LinkedIn https://lnkd.in/x"),
            Some("Anna Weiß".into())
        );
        assert_eq!(
            name_from_text("Sieh dir das Profil von Jörg Müller auf LinkedIn an"),
            Some("Jörg Müller".into())
        );
    }

    #[test]
    fn a_share_in_any_combination() {
        let s = read_share(
            "",
            "Check out Anna Weiß’s profile on LinkedIn https://www.linkedin.com/in/anna-weiss-1a2b3c",
            "",
        );
        assert_eq!(
            s.link.as_deref(),
            Some("https://www.linkedin.com/in/anna-weiss-1a2b3c")
        );
        assert_eq!(s.profile, Some(Network::LinkedIn));
        assert_eq!(
            s.name.as_deref(),
            Some("Anna Weiß"),
            "the sentence beats the slug"
        );

        let s = read_share("", "", "https://www.linkedin.com/in/anna-lena-weiss-12345");
        assert_eq!(s.name.as_deref(), Some("Anna-Lena Weiss"));
        assert_eq!(s.text, "");

        let s = read_share(
            "Jörg Müller | LinkedIn",
            "",
            "https://www.xing.com/profile/Joerg_Mueller",
        );
        assert_eq!(s.profile, Some(Network::Xing));
        assert_eq!(
            s.name.as_deref(),
            Some("Jörg Müller"),
            "the title beats the slug"
        );

        let s = read_share("", "Great talk about research ops today!", "");
        assert_eq!(s.link, None);
        assert_eq!(s.profile, None);
        assert_eq!(s.name, None);
        assert_eq!(s.text, "Great talk about research ops today!");

        let s = read_share("", "", "");
        assert_eq!(s, Shared::default());
    }

    #[test]
    fn hostile_shares_stay_text_and_unsafe_links_are_dropped() {
        let s = read_share(
            "<script>alert(1)</script>",
            "javascript:alert(1) data:text/html,<b>x</b>",
            "javascript:alert(document.cookie)",
        );
        assert_eq!(s.link, None);
        assert_eq!(s.name, None);
        assert_eq!(s.text, "javascript:alert(1) data:text/html,<b>x</b>");

        let s = read_share(
            "",
            "see https://exa\u{0}mple.com and https://ok.example/a",
            "",
        );
        assert_eq!(s.link.as_deref(), Some("https://ok.example/a"));

        let huge = "x".repeat(1_000_000);
        let s = read_share(&huge, &huge, &huge);
        assert!(s.text.chars().count() <= MAX_TEXT_CHARS);
        assert_eq!(s.name, None);
    }
}
