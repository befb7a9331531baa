//! What a passphrase must be, and how strong it looks.

/// The fewest characters a passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// How strong a passphrase looks: by length, and whether it is (or is built around) a
/// password everybody tries first. Deliberately simple: the key derivation makes each
/// guess slow, so length is what matters most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters: refused.
    TooShort,
    /// A common password, or one with a common password plus a few characters: refused.
    Common,
    /// Long enough, but short of a sentence: accepted.
    Fair,
    /// 16 characters or more.
    Good,
    /// 24 characters or more, or several words.
    Strong,
}

impl Strength {
    /// Whether protection may be turned on with it.
    pub fn accepted(self) -> bool {
        self >= Strength::Fair
    }
}

/// Passwords found at the top of every leaked-password list (and their German
/// favourites), folded to lower case; a passphrase that is one of them once a few
/// digits or symbols are stripped from its ends is refused.
const COMMON: &[&str] = &[
    "password",
    "passwort",
    "123456",
    "1234567890",
    "qwertz",
    "qwerty",
    "qwertzuiop",
    "qwertyuiop",
    "letmein",
    "iloveyou",
    "admin",
    "welcome",
    "willkommen",
    "hallo",
    "sommer",
    "summer",
    "winter",
    "schatz",
    "fussball",
    "football",
    "dragon",
    "monkey",
    "sunshine",
    "princess",
    "master",
    "netzweber",
    "linkedin",
    "geheim",
    "secret",
    "abc123",
    "asdfgh",
    "asdfghjkl",
    "yxcvbnm",
    "zxcvbnm",
    "passw0rd",
    "p@ssw0rd",
    "trustno1",
    "baseball",
    "superman",
    "starwars",
    "hallo123",
    "ichliebedich",
];

/// How strong `passphrase` looks.
pub fn strength(passphrase: &str) -> Strength {
    let chars = passphrase.chars().count();
    if chars < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let folded = passphrase.to_lowercase();
    let core = folded.trim_matches(|c: char| !c.is_alphabetic());
    let repeated = folded.chars().all(|c| folded.starts_with(c));
    if repeated || COMMON.contains(&core) || COMMON.contains(&folded.as_str()) {
        return Strength::Common;
    }
    let words = passphrase
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .count();
    match chars {
        _ if chars >= 24 || (words >= 4 && chars >= 20) => Strength::Strong,
        16.. => Strength::Good,
        _ => Strength::Fair,
    }
}
