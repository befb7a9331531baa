//! User-entered links that are safe to put into an `href`.
//!
//! People paste profile links, e-mail addresses and phone numbers from everywhere. The only
//! schemes a link may carry are `http`, `https`, `mailto` and `tel`; everything else (above
//! all `javascript:` in its obfuscated forms) is refused. Browsers silently drop tabs and
//! newlines inside URLs and ignore leading control characters, so instead of trying to
//! mirror the URL parser we refuse any input that contains such characters at all.

use std::fmt;

use serde::{Deserialize, Serialize};

/// What a [`SafeLink`] points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    /// An `http` or `https` address.
    Web,
    /// A `mailto:` address.
    Email,
    /// A `tel:` number.
    Phone,
}

/// Why text could not become a [`SafeLink`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing but white space.
    Empty,
    /// Control, invisible or (outside phone numbers) white-space characters inside the link.
    InvalidCharacter,
    /// A scheme other than http, https, mailto or tel; holds the scheme as typed.
    SchemeNotAllowed(String),
    /// Looks like a link but is not one we can open (bad host, relative path, empty address).
    Malformed,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "empty link"),
            LinkError::InvalidCharacter => write!(f, "link contains invalid characters"),
            LinkError::SchemeNotAllowed(s) => write!(f, "link scheme not allowed: {s}"),
            LinkError::Malformed => write!(f, "malformed link"),
        }
    }
}

impl std::error::Error for LinkError {}

/// A link whose `href` is guaranteed to use `http`, `https`, `mailto` or `tel`.
///
/// Construct it with [`SafeLink::parse`] (any allowed kind) or [`SafeLink::parse_web`]
/// (web addresses only). Serialises as its `href` and re-validates on deserialisation, so a
/// tampered backup cannot smuggle in a dangerous link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafeLink {
    href: String,
    kind: LinkKind,
}

impl SafeLink {
    /// Validates and normalises a link typed or pasted by the user.
    ///
    /// Without a scheme, `name@host` becomes a `mailto:` link and anything else that looks
    /// like a host becomes `https://`.
    pub fn parse(input: &str) -> Result<SafeLink, LinkError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(LinkError::Empty);
        }
        if text.chars().any(is_forbidden_char) {
            return Err(LinkError::InvalidCharacter);
        }
        match split_scheme(text)? {
            Some((scheme, rest)) => match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" => web(&scheme.to_ascii_lowercase(), rest),
                "mailto" => email(rest),
                "tel" => phone(rest),
                _ => Err(LinkError::SchemeNotAllowed(scheme.to_string())),
            },
            None => {
                if text.starts_with("//") {
                    web("https", text)
                } else if text.starts_with(['/', '.', '?', '#']) {
                    Err(LinkError::Malformed)
                } else if text.contains('@') && !text.contains('/') {
                    email(text)
                } else {
                    web("https", &format!("//{text}"))
                }
            }
        }
    }

    /// Like [`SafeLink::parse`], but only web addresses are accepted (profile links).
    pub fn parse_web(input: &str) -> Result<SafeLink, LinkError> {
        let link = SafeLink::parse(input)?;
        match link.kind {
            LinkKind::Web => Ok(link),
            LinkKind::Email => Err(LinkError::SchemeNotAllowed("mailto".into())),
            LinkKind::Phone => Err(LinkError::SchemeNotAllowed("tel".into())),
        }
    }

    /// The normalised address, safe to use as an `href`.
    pub fn href(&self) -> &str {
        &self.href
    }

    /// What kind of address this is.
    pub fn kind(&self) -> LinkKind {
        self.kind
    }

    /// A short human form: the address without `https://`, `mailto:` or `tel:`.
    pub fn display(&self) -> &str {
        let rest = match self.kind {
            LinkKind::Web => self
                .href
                .strip_prefix("https://")
                .or_else(|| self.href.strip_prefix("http://"))
                .unwrap_or(&self.href),
            LinkKind::Email => self.href.strip_prefix("mailto:").unwrap_or(&self.href),
            LinkKind::Phone => self.href.strip_prefix("tel:").unwrap_or(&self.href),
        };
        rest.strip_suffix('/').unwrap_or(rest)
    }
}

impl fmt::Display for SafeLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.href)
    }
}

impl Serialize for SafeLink {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.href)
    }
}

impl<'de> Deserialize<'de> for SafeLink {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        SafeLink::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// Characters that browsers strip or reinterpret inside URLs, or that hide what a link
/// says: controls (incl. tab and newline), zero-width and bidi formatting characters.
/// Spaces are refused too, except that phone numbers may contain them.
fn is_forbidden_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
        || (c.is_whitespace() && c != ' ')
}

/// Splits `scheme:rest`. Returns `None` when the text has no scheme (no colon before the
/// first `/`, `?` or `#`, or a dotted host such as `example.com:8080`), and an error when
/// the part before the colon cannot be a scheme at all (e.g. `&#106;avascript:`).
fn split_scheme(text: &str) -> Result<Option<(&str, &str)>, LinkError> {
    let Some(colon) = text.find(':') else {
        return Ok(None);
    };
    let candidate = &text[..colon];
    if candidate.contains(['/', '?', '#']) || candidate.contains('.') {
        return Ok(None);
    }
    let mut chars = candidate.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !valid {
        // Either an obfuscated scheme or a bare `user@host:…`; neither is a link we open.
        return if candidate.contains('@') {
            Err(LinkError::Malformed)
        } else {
            Err(LinkError::SchemeNotAllowed(candidate.to_string()))
        };
    }
    Ok(Some((candidate, &text[colon + 1..])))
}

fn web(scheme: &str, rest: &str) -> Result<SafeLink, LinkError> {
    let after = rest.strip_prefix("//").ok_or(LinkError::Malformed)?;
    if after.contains(' ') || after.contains(['\\', '<', '>', '"', '`']) {
        return Err(LinkError::Malformed);
    }
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let (authority, tail) = after.split_at(end);
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    if let Some(port) = port {
        if port.is_empty() || port.len() > 5 || !port.chars().all(|c| c.is_ascii_digit()) {
            return Err(LinkError::Malformed);
        }
    }
    // A single trailing dot is legal DNS; empty labels elsewhere are not.
    let core = host.strip_suffix('.').unwrap_or(host);
    let host_ok = !core.is_empty()
        && core.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !host_ok {
        return Err(LinkError::Malformed);
    }
    let tail = if tail.is_empty() { "/" } else { tail };
    Ok(SafeLink {
        href: format!("{scheme}://{authority}{tail}"),
        kind: LinkKind::Web,
    })
}

fn email(rest: &str) -> Result<SafeLink, LinkError> {
    let address = rest.split('?').next().unwrap_or_default();
    if rest.contains(' ') || rest.contains(['<', '>', '"', '\\', '`']) {
        return Err(LinkError::Malformed);
    }
    if !super::profile::is_plausible_email(address) {
        return Err(LinkError::Malformed);
    }
    Ok(SafeLink {
        href: format!("mailto:{rest}"),
        kind: LinkKind::Email,
    })
}

fn phone(rest: &str) -> Result<SafeLink, LinkError> {
    let number: String = rest.chars().filter(|c| *c != ' ').collect();
    let allowed = number.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, '-' | '(' | ')' | '.' | '/') || (c == '+' && i == 0)
    });
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 3 {
        return Err(LinkError::Malformed);
    }
    Ok(SafeLink {
        href: format!("tel:{number}"),
        kind: LinkKind::Phone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn href(input: &str) -> String {
        SafeLink::parse(input)
            .unwrap_or_else(|e| panic!("{input:?} rejected: {e}"))
            .href()
            .to_string()
    }

    #[test]
    fn accepts_and_normalises_web_links() {
        assert_eq!(
            href("https://www.linkedin.com/in/erika"),
            "https://www.linkedin.com/in/erika"
        );
        assert_eq!(href("  HTTPS://Example.com  "), "https://Example.com/");
        assert_eq!(
            href("http://example.com:8080/a?b=c#d"),
            "http://example.com:8080/a?b=c#d"
        );
        assert_eq!(
            href("www.xing.com/profile/Max_Muster"),
            "https://www.xing.com/profile/Max_Muster"
        );
        assert_eq!(href("example.com:8443/x"), "https://example.com:8443/x");
        assert_eq!(href("//example.org/p"), "https://example.org/p");
        assert_eq!(href("https://bücher.de/"), "https://bücher.de/");
        assert_eq!(href("https://example.com./"), "https://example.com./");
    }

    #[test]
    fn accepts_mail_and_phone() {
        let mail = SafeLink::parse("Mailto:erika@example.com").unwrap();
        assert_eq!(mail.href(), "mailto:erika@example.com");
        assert_eq!(mail.kind(), LinkKind::Email);
        assert_eq!(mail.display(), "erika@example.com");
        assert_eq!(href("erika@example.com"), "mailto:erika@example.com");
        assert_eq!(
            href("mailto:a@b.de?subject=Hallo"),
            "mailto:a@b.de?subject=Hallo"
        );
        let tel = SafeLink::parse("tel:+49 30 1234-567").unwrap();
        assert_eq!(tel.href(), "tel:+4930 1234-567".replace(' ', ""));
        assert_eq!(tel.kind(), LinkKind::Phone);
    }

    #[test]
    fn display_is_short() {
        assert_eq!(
            SafeLink::parse("https://example.com/").unwrap().display(),
            "example.com"
        );
        assert_eq!(
            SafeLink::parse("example.com/in/x").unwrap().display(),
            "example.com/in/x"
        );
    }

    #[test]
    fn rejects_dangerous_schemes_in_all_spellings() {
        let attacks = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u{0001}javascript:alert(1)",
            "java\u{0000}script:alert(1)",
            "javascript\u{200B}:alert(1)",
            "\u{FEFF}javascript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "javascript&colon;alert(1)",
            "javascript&#58;alert(1)",
            "%6Aavascript:alert(1)",
            "javascript：alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd",
            "blob:https://example.com/uuid",
            "mailto:javascript:alert(1)",
            "tel:javascript:alert(1)",
            "https:javascript:alert(1)",
            "https://javascript:alert(1)",
            "https:\\\\evil.example",
            "http://user:pw@evil.example/",
            "/relative/path",
            "./x",
            "#frag",
            "",
            "   ",
        ];
        for attack in attacks {
            assert!(SafeLink::parse(attack).is_err(), "accepted {attack:?}");
        }
    }

    #[test]
    fn reports_the_offending_scheme() {
        assert_eq!(
            SafeLink::parse("ftp://x.org").unwrap_err(),
            LinkError::SchemeNotAllowed("ftp".into())
        );
        assert_eq!(SafeLink::parse(" \t").unwrap_err(), LinkError::Empty);
    }

    #[test]
    fn web_only_refuses_mail_and_phone() {
        assert!(SafeLink::parse_web("a@b.de").is_err());
        assert!(SafeLink::parse_web("tel:12345").is_err());
        assert!(SafeLink::parse_web("linkedin.com/in/a").is_ok());
    }

    #[test]
    fn serde_revalidates() {
        let ok: SafeLink = serde_json::from_str("\"https://example.com/\"").unwrap();
        assert_eq!(ok.href(), "https://example.com/");
        assert!(serde_json::from_str::<SafeLink>("\"javascript:alert(1)\"").is_err());
        assert_eq!(
            serde_json::to_string(&ok).unwrap(),
            "\"https://example.com/\""
        );
    }

    proptest! {
        #[test]
        fn any_accepted_link_has_an_allowed_scheme_and_no_hidden_characters(s in "\\PC{0,40}|[a-zA-Z:/\\t\\n&#;%.@ ]{0,30}") {
            if let Ok(link) = SafeLink::parse(&s) {
                let h = link.href();
                prop_assert!(h.starts_with("https://") || h.starts_with("http://")
                    || h.starts_with("mailto:") || h.starts_with("tel:"), "{h}");
                prop_assert!(!h.chars().any(|c| c.is_control() || c.is_whitespace()));
            }
        }

        #[test]
        fn parsing_is_idempotent(s in "[a-z]{1,10}\\.[a-z]{2,5}(/[a-zA-Z0-9_-]{0,10}){0,3}") {
            let once = SafeLink::parse(&s).unwrap();
            let twice = SafeLink::parse(once.href()).unwrap();
            prop_assert_eq!(once, twice);
        }
    }
}
