//! The automatic checks of an outreach message, run live while the user types, and the
//! manual ones the user ticks. Each automatic check is a pure function of the draft and
//! gives pass, warn or fail with a reason the UI words in the user's language.

use super::model::{Channel, Purpose};
use super::words::{contains_phrase, matches_stem, significant, tokens, word_count, Token};
use crate::domain::contacts::search::fold;
use crate::domain::lang::Lang;

/// An automatic check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Check {
    /// Within the channel's character limit.
    Length,
    /// Short enough in words (under 100, ideally 75 or fewer).
    Words,
    /// Opens with a greeting and the recipient's name.
    Greeting,
    /// Mentions the hook: the shared context, the introducer or the event.
    Hook,
    /// The ask is a question.
    Question,
    /// More about the recipient than about the sender.
    AboutThem,
    /// No job-application vocabulary (unless negated).
    NoApplication,
    /// No pushy or pleading phrases.
    NotPushy,
    /// A small, time-bound ask.
    SmallAsk,
    /// Offers something in return.
    Offer,
    /// The sender's contact details are in the message.
    ContactDetails,
}

impl Check {
    /// Every automatic check, in the order the checklist shows them.
    pub const ALL: [Check; 11] = [
        Check::Length,
        Check::Words,
        Check::Greeting,
        Check::Hook,
        Check::Question,
        Check::AboutThem,
        Check::NoApplication,
        Check::NotPushy,
        Check::SmallAsk,
        Check::Offer,
        Check::ContactDetails,
    ];

    /// A stable key (tests and the UI's labels use it).
    pub fn key(self) -> &'static str {
        match self {
            Check::Length => "length",
            Check::Words => "words",
            Check::Greeting => "greeting",
            Check::Hook => "hook",
            Check::Question => "question",
            Check::AboutThem => "about_them",
            Check::NoApplication => "no_application",
            Check::NotPushy => "not_pushy",
            Check::SmallAsk => "small_ask",
            Check::Offer => "offer",
            Check::ContactDetails => "contact_details",
        }
    }

    /// The checks that make sense for a purpose: a thank-you needs no ask and no hook, an
    /// introduction is about two other people.
    pub fn applies(self, purpose: Purpose) -> bool {
        use Check::*;
        match purpose {
            Purpose::Interview | Purpose::Reconnect => true,
            Purpose::ThankYou => matches!(
                self,
                Length | Words | Greeting | AboutThem | NoApplication | NotPushy
            ),
            Purpose::Introduce => {
                matches!(self, Length | Words | Greeting | NoApplication | NotPushy)
            }
            Purpose::FollowUp => matches!(
                self,
                Length | Words | Greeting | Question | NoApplication | NotPushy | SmallAsk
            ),
        }
    }
}

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Fine.
    Pass,
    /// Worth a second look.
    Warn,
    /// Fix before sending.
    Fail,
}

/// Why a check came out as it did: the UI turns this into a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Characters used of the limit.
    Chars {
        /// Characters in the message.
        used: usize,
        /// The channel's limit.
        limit: usize,
    },
    /// The channel has no character limit.
    NoCharLimit,
    /// Words in the message.
    WordCount(usize),
    /// Greeting and name found.
    GreetingOk,
    /// The recipient's name is missing from the opening.
    NameMissing,
    /// The name is there, but no greeting word.
    GreetingWordMissing,
    /// The hook (or introducer, or event) is mentioned.
    HookFound,
    /// A known hook is not mentioned.
    HookMissing,
    /// No hook is recorded; the message does not say how they are connected.
    NoHookKnown,
    /// The message asks a question.
    QuestionFound,
    /// No question mark anywhere.
    NoQuestion,
    /// Words about them and about the sender.
    Pronouns {
        /// "you", "Sie", "dein" …
        them: usize,
        /// "I", "ich", "mein" …
        me: usize,
    },
    /// No application vocabulary.
    NoApplicationWords,
    /// Application vocabulary, each word only in a negation ("no application").
    OnlyNegated,
    /// Application vocabulary outside a negation: the first such word as written.
    ApplicationWord(String),
    /// Nothing pushy.
    Calm,
    /// A pushy or pleading phrase: as found.
    Pushy(String),
    /// A time-bound ask of this many minutes.
    Minutes(u32),
    /// A time-bound ask that is long.
    LongAsk(u32),
    /// A small ask without a time ("a short call").
    VagueAsk,
    /// No ask for time at all.
    NoAsk,
    /// Something offered in return.
    OfferFound,
    /// Nothing offered.
    NoOffer,
    /// E-mail replies reach the sender anyway.
    ReplyByEmail,
    /// The sender's e-mail or phone number is in the message.
    DetailsFound,
    /// Neither e-mail nor phone in the message.
    NoDetails,
}

/// One check's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// Which check.
    pub check: Check,
    /// How it came out.
    pub level: Level,
    /// Why.
    pub reason: Reason,
}

/// What the checks need to know besides the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The recipient's first name.
    pub first_name: String,
    /// The recipient's last name.
    pub last_name: String,
    /// The hook recorded for the contact.
    pub hook: String,
    /// Who introduced them, if anyone.
    pub introducer: String,
    /// Where the user met them (the event or occasion).
    pub occasion: String,
    /// The user's own e-mail address.
    pub my_email: String,
    /// The user's own phone number.
    pub my_phone: String,
    /// LinkedIn Premium: 300 instead of 200 characters in a connection note.
    pub premium: bool,
}

/// The message being checked.
#[derive(Clone, Copy, Debug)]
pub struct Draft<'a> {
    /// Where it is sent.
    pub channel: Channel,
    /// Why.
    pub purpose: Purpose,
    /// Its language.
    pub lang: Lang,
    /// The text.
    pub body: &'a str,
}

/// Words ideally not exceeded (Dalton's second edition).
pub const IDEAL_WORDS: usize = 75;
/// Words an e-mail stays under (Dalton's first edition).
pub const MAX_WORDS: usize = 100;
/// The longest ask that still counts as small, in minutes.
pub const SMALL_ASK_MINUTES: u32 = 30;
/// From this share of the character limit on, the length check warns.
const NEAR_LIMIT: f64 = 0.9;

fn outcome(check: Check, level: Level, reason: Reason) -> Outcome {
    Outcome {
        check,
        level,
        reason,
    }
}

/// Characters against the channel's limit.
pub fn check_length(draft: &Draft, ctx: &Context) -> Outcome {
    let used = draft.body.trim().chars().count();
    match draft.channel.char_limit(ctx.premium) {
        None => outcome(Check::Length, Level::Pass, Reason::NoCharLimit),
        Some(limit) => {
            let level = if used > limit {
                Level::Fail
            } else if used as f64 > limit as f64 * NEAR_LIMIT {
                Level::Warn
            } else {
                Level::Pass
            };
            outcome(Check::Length, level, Reason::Chars { used, limit })
        }
    }
}

/// Words: 75 or fewer is ideal, under 100 acceptable.
pub fn check_words(draft: &Draft) -> Outcome {
    let n = word_count(draft.body);
    let level = if n <= IDEAL_WORDS {
        Level::Pass
    } else if n < MAX_WORDS {
        Level::Warn
    } else {
        Level::Fail
    };
    outcome(Check::Words, level, Reason::WordCount(n))
}

const GREETINGS: &[&str] = &[
    "hallo",
    "hello",
    "hi",
    "hey",
    "dear",
    "liebe",
    "lieber",
    "liebes",
    "sehr geehrte*",
    "guten tag",
    "guten morgen",
    "moin",
    "servus",
    "gruss gott",
    "gruezi",
    "good morning",
    "good afternoon",
    "greetings",
];

/// A greeting with the recipient's name at the start (the first two lines).
pub fn check_greeting(draft: &Draft, ctx: &Context) -> Outcome {
    let opening: String = draft
        .body
        .trim_start()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<String> = tokens(&opening).into_iter().map(|t| t.folded).collect();
    let greeting = GREETINGS.iter().any(|g| contains_phrase(&words, g));
    let names: Vec<String> = [&ctx.first_name, &ctx.last_name]
        .iter()
        .flat_map(|n| tokens(n))
        .map(|t| t.folded)
        .collect();
    let named = !names.is_empty() && names.iter().any(|n| words.contains(n));
    match (greeting, named) {
        (true, true) => outcome(Check::Greeting, Level::Pass, Reason::GreetingOk),
        (false, true) => outcome(Check::Greeting, Level::Warn, Reason::GreetingWordMissing),
        _ => outcome(Check::Greeting, Level::Fail, Reason::NameMissing),
    }
}

const HOOK_PHRASES: &[&str] = &[
    "we met",
    "met you",
    "recommended",
    "suggested i",
    "referred",
    "your talk",
    "your article",
    "your post",
    "same team",
    "both worked",
    "alumni",
    "alumna",
    "alumnus",
    "kennengelernt",
    "empfohlen",
    "empfehlung",
    "ihr vortrag",
    "ihren vortrag",
    "dein vortrag",
    "deinen vortrag",
    "ihr artikel",
    "ihren artikel",
    "deinen artikel",
    "ihr beitrag",
    "ihren beitrag",
    "deinen beitrag",
    "getroffen",
    "verwiesen",
    "gemeinsame*",
];

/// The hook: the recorded hook's significant words, the introducer's name or the event.
pub fn check_hook(draft: &Draft, ctx: &Context) -> Outcome {
    let words: Vec<String> = tokens(draft.body).into_iter().map(|t| t.folded).collect();
    let mut known: Vec<String> = significant(&ctx.hook);
    known.extend(significant(&ctx.occasion));
    known.extend(
        tokens(&ctx.introducer)
            .into_iter()
            .map(|t| t.folded)
            .filter(|w| w.chars().count() > 1),
    );
    if known.iter().any(|k| words.contains(k)) {
        return outcome(Check::Hook, Level::Pass, Reason::HookFound);
    }
    let generic = HOOK_PHRASES.iter().any(|p| contains_phrase(&words, p));
    if known.is_empty() {
        if generic {
            outcome(Check::Hook, Level::Pass, Reason::HookFound)
        } else {
            outcome(Check::Hook, Level::Warn, Reason::NoHookKnown)
        }
    } else if generic {
        outcome(Check::Hook, Level::Warn, Reason::HookMissing)
    } else {
        outcome(Check::Hook, Level::Fail, Reason::HookMissing)
    }
}

/// The ask is phrased as a question.
pub fn check_question(draft: &Draft) -> Outcome {
    if draft.body.contains('?') || draft.body.contains('？') {
        outcome(Check::Question, Level::Pass, Reason::QuestionFound)
    } else {
        outcome(Check::Question, Level::Fail, Reason::NoQuestion)
    }
}

const THEM_EN: &[&str] = &[
    "you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll",
];
const ME_EN: &[&str] = &[
    "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll",
];
const THEM_DU: &[&str] = &[
    "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",
];
const THEM_SIE: &[&str] = &[
    "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres",
];
const ME_DE: &[&str] = &[
    "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "meines",
];

/// Counts words about the recipient and about the sender. German "Sie" forms count only
/// capitalised, since lower-case "sie"/"ihr" mean "she/they/her"; a capital at the start
/// of a sentence is ambiguous and counted as "Sie" (a polite letter rarely starts a
/// sentence with "She").
pub fn pronouns(body: &str, lang: Lang) -> (usize, usize) {
    let toks = tokens(body);
    let lower = |t: &Token| t.raw.to_lowercase().replace('’', "'");
    match lang {
        Lang::En => (
            toks.iter()
                .filter(|t| THEM_EN.contains(&lower(t).as_str()))
                .count(),
            toks.iter()
                .filter(|t| ME_EN.contains(&lower(t).as_str()))
                .count(),
        ),
        Lang::De => (
            toks.iter()
                .filter(|t| {
                    THEM_SIE.contains(&t.raw.as_str()) || THEM_DU.contains(&lower(t).as_str())
                })
                .count(),
            toks.iter()
                .filter(|t| ME_DE.contains(&lower(t).as_str()))
                .count(),
        ),
    }
}

/// More words about them than about the sender.
pub fn check_about_them(draft: &Draft) -> Outcome {
    let (them, me) = pronouns(draft.body, draft.lang);
    let level = if them > me {
        Level::Pass
    } else if them == me || me <= 2 {
        Level::Warn
    } else {
        Level::Fail
    };
    outcome(Check::AboutThem, level, Reason::Pronouns { them, me })
}

/// Job-application vocabulary, as folded stems (`*`: any ending).
const APPLICATION: &[&str] = &[
    // German
    "bewerb*",
    "beworben",
    "stelle",
    "stellen",
    "stellenangebot*",
    "stellenanzeige*",
    "stellensuche",
    "lebenslauf*",
    "job",
    "jobs",
    "jobsuche",
    "jobangebot*",
    "position",
    "positionen",
    "vakanz*",
    "anstellung",
    "festanstellung",
    "arbeitsplatz*",
    "offene*",
    // English
    "application*",
    "apply",
    "applying",
    "applied",
    "job",
    "jobs",
    "position",
    "positions",
    "vacancy",
    "vacancies",
    "cv",
    "cvs",
    "resume",
    "resumes",
    "hiring",
    "hire",
    "hired",
    "opening",
    "openings",
    "employment",
];

/// Words that, shortly before an application word in the same sentence, negate it.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "without", "isn't", "aren't", "don't", "won't", "nor", "kein", "keine",
    "keinen", "keinem", "keiner", "keines", "nicht", "ohne", "weder", "nie",
];

/// How many words before an application word a negation may stand.
const NEGATION_WINDOW: usize = 5;

/// No job-application vocabulary, unless it is negated ("keine Bewerbung", "I am not
/// asking for a job"). "offene" counts only right before "Stelle(n)"/"Position".
pub fn check_no_application(draft: &Draft) -> Outcome {
    let toks = tokens(draft.body);
    let mut negated_any = false;
    for (i, t) in toks.iter().enumerate() {
        let w = t.folded.as_str();
        let hit = APPLICATION.iter().any(|stem| matches_stem(w, stem));
        if !hit {
            continue;
        }
        // "offene" alone is harmless ("offene Fragen"); only "offene Stelle" counts.
        if w.starts_with("offene") {
            let next = toks.get(i + 1).map(|n| n.folded.as_str()).unwrap_or("");
            if !(next.starts_with("stelle") || next.starts_with("position")) {
                continue;
            }
        }
        // "Stelle" as in "an dieser Stelle" (at this point) is not about a position.
        if w == "stelle" && i >= 2 && toks[i - 1].folded == "dieser" && toks[i - 2].folded == "an" {
            continue;
        }
        let from = i.saturating_sub(NEGATION_WINDOW);
        let negated = toks[from..i].iter().any(|p| {
            p.sentence == t.sentence
                && NEGATIONS.contains(&p.raw.to_lowercase().replace('’', "'").as_str())
        });
        if negated {
            negated_any = true;
        } else {
            return outcome(
                Check::NoApplication,
                Level::Fail,
                Reason::ApplicationWord(t.raw.clone()),
            );
        }
    }
    if negated_any {
        outcome(Check::NoApplication, Level::Pass, Reason::OnlyNegated)
    } else {
        outcome(
            Check::NoApplication,
            Level::Pass,
            Reason::NoApplicationWords,
        )
    }
}

const PUSHY: &[&str] = &[
    // English
    "asap",
    "as soon as possible",
    "urgent*",
    "immediately",
    "i need you",
    "you must",
    "you have to",
    "please please",
    "desperate*",
    "i beg",
    "begging",
    "i really need",
    "eternally grateful",
    "sorry to bother",
    "sorry for bothering",
    "i know you are busy but",
    "i know you're busy but",
    "only you can",
    "last chance",
    "don't ignore",
    "why haven't you",
    // German
    "dringend*",
    "so schnell wie moglich",
    "schnellstmoglich*",
    "sofort",
    "unbedingt",
    "bitte bitte",
    "ich brauche",
    "sie mussen",
    "du musst",
    "verzweifelt",
    "ich flehe",
    "entschuldigen sie die storung",
    "entschuldige die storung",
    "sorry fur die storung",
    "ewig dankbar",
    "nur sie konnen",
    "nur du kannst",
    "letzte chance",
    "warum antworten sie nicht",
];

/// No pushy or pleading phrases.
pub fn check_not_pushy(draft: &Draft) -> Outcome {
    let words: Vec<String> = tokens(draft.body).into_iter().map(|t| t.folded).collect();
    match PUSHY.iter().find(|p| contains_phrase(&words, p)) {
        Some(p) => outcome(
            Check::NotPushy,
            Level::Fail,
            Reason::Pushy((*p).trim_end_matches('*').to_string()),
        ),
        None => outcome(Check::NotPushy, Level::Pass, Reason::Calm),
    }
}

const MINUTE_WORDS: &[&str] = &[
    "minute*",
    "min",
    "mins",
    "minuten",
    "minutige*",
    "minutigen",
];
const VAGUE_ASK: &[&str] = &[
    "short call",
    "quick call",
    "brief call",
    "short chat",
    "quick chat",
    "coffee",
    "a few minutes",
    "kurzes telefonat",
    "kurzes gesprach",
    "kurzen austausch",
    "kurzer austausch",
    "kaffee",
    "ein paar minuten",
    "viertelstunde",
    "quarter of an hour",
    "halbe stunde",
    "half an hour",
];

/// A small, time-bound ask: "20 minutes", "eine Viertelstunde", "15-minütiges Telefonat".
pub fn check_small_ask(draft: &Draft) -> Outcome {
    let toks = tokens(draft.body);
    let words: Vec<String> = toks.iter().map(|t| t.folded.clone()).collect();
    let mut minutes: Option<u32> = None;
    for (i, t) in toks.iter().enumerate() {
        // "20 minutes", "20 Minuten", "20-minütiges" (tokenised as "20", "minutiges").
        if let Ok(n) = t.folded.parse::<u32>() {
            if let Some(next) = words.get(i + 1) {
                if MINUTE_WORDS.iter().any(|m| matches_stem(next, m)) {
                    minutes = Some(minutes.map_or(n, |m: u32| m.min(n)));
                }
            }
        }
        // "20min" written together.
        if let Some(num) = t.folded.strip_suffix("min") {
            if let Ok(n) = num.parse::<u32>() {
                minutes = Some(minutes.map_or(n, |m: u32| m.min(n)));
            }
        }
    }
    if minutes.is_none() {
        if contains_phrase(&words, "viertelstunde") || contains_phrase(&words, "quarter of an hour")
        {
            minutes = Some(15);
        } else if contains_phrase(&words, "halbe stunde") || contains_phrase(&words, "half an hour")
        {
            minutes = Some(30);
        }
    }
    match minutes {
        Some(m) if m <= SMALL_ASK_MINUTES => {
            outcome(Check::SmallAsk, Level::Pass, Reason::Minutes(m))
        }
        Some(m) => outcome(Check::SmallAsk, Level::Warn, Reason::LongAsk(m)),
        None if VAGUE_ASK.iter().any(|p| contains_phrase(&words, p)) => {
            outcome(Check::SmallAsk, Level::Warn, Reason::VagueAsk)
        }
        None => outcome(Check::SmallAsk, Level::Fail, Reason::NoAsk),
    }
}

const OFFERS: &[&str] = &[
    "in return",
    "happy to share",
    "glad to share",
    "happy to help",
    "glad to help",
    "i can offer",
    "i'd be happy to",
    "i would be happy to",
    "return the favour",
    "return the favor",
    "share my",
    "let me know if i can",
    "if i can help",
    "i could share",
    "im gegenzug",
    "teile gerne",
    "teile gern",
    "gerne teile",
    "gern teile",
    "biete",
    "anbieten",
    "revanchier*",
    "helfe gerne",
    "helfe gern",
    "gerne helfe",
    "gern helfe",
    "kann ich gerne",
    "kann ich gern",
    "wenn ich helfen kann",
    "wenn ich ihnen helfen kann",
    "wenn ich dir helfen kann",
    "unterstutze gerne",
    "unterstutze gern",
];

/// Something offered in return.
pub fn check_offer(draft: &Draft) -> Outcome {
    let words: Vec<String> = tokens(draft.body).into_iter().map(|t| t.folded).collect();
    if OFFERS.iter().any(|p| contains_phrase(&words, p)) {
        outcome(Check::Offer, Level::Pass, Reason::OfferFound)
    } else {
        outcome(Check::Offer, Level::Warn, Reason::NoOffer)
    }
}

/// Whether `text` holds something that looks like an e-mail address.
fn has_email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';'))
        .any(|w| {
            let w = w.trim_matches(|c: char| matches!(c, '.' | ':' | '!' | '?'));
            crate::domain::profile::is_plausible_email(w)
        })
}

/// Whether `text` holds something that looks like a phone number (7+ digits in a run of
/// digits, spaces, `+`, `-`, `/`, `(`, `)`).
fn has_phone(text: &str) -> bool {
    let mut digits = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 7 {
                return true;
            }
        } else if !matches!(c, ' ' | '+' | '-' | '/' | '(' | ')') {
            digits = 0;
        }
    }
    false
}

/// The sender's contact details: an e-mail reply reaches them anyway; elsewhere the
/// message should name an e-mail address or phone number.
pub fn check_contact_details(draft: &Draft, ctx: &Context) -> Outcome {
    if draft.channel == Channel::Email {
        return outcome(Check::ContactDetails, Level::Pass, Reason::ReplyByEmail);
    }
    let mine = (!ctx.my_email.trim().is_empty()
        && fold(draft.body).contains(&fold(ctx.my_email.trim())))
        || (!ctx.my_phone.trim().is_empty() && draft.body.contains(ctx.my_phone.trim()));
    if mine || has_email(draft.body) || has_phone(draft.body) {
        outcome(Check::ContactDetails, Level::Pass, Reason::DetailsFound)
    } else {
        outcome(Check::ContactDetails, Level::Warn, Reason::NoDetails)
    }
}

/// Every automatic check that applies to the draft's purpose, in checklist order.
pub fn run(draft: &Draft, ctx: &Context) -> Vec<Outcome> {
    Check::ALL
        .into_iter()
        .filter(|c| c.applies(draft.purpose))
        .map(|c| match c {
            Check::Length => check_length(draft, ctx),
            Check::Words => check_words(draft),
            Check::Greeting => check_greeting(draft, ctx),
            Check::Hook => check_hook(draft, ctx),
            Check::Question => check_question(draft),
            Check::AboutThem => check_about_them(draft),
            Check::NoApplication => check_no_application(draft),
            Check::NotPushy => check_not_pushy(draft),
            Check::SmallAsk => check_small_ask(draft),
            Check::Offer => check_offer(draft),
            Check::ContactDetails => check_contact_details(draft, ctx),
        })
        .collect()
}

/// A manual check: something only the user can know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Manual {
    /// Read their current profile (what they do now, not years ago).
    ReadProfile,
    /// Noted what we have in common.
    Common,
    /// Know what fascinates me in their path.
    Fascination,
    /// Know what I hope for from the contact.
    Hope,
    /// My own profile is current and has a photo.
    OwnProfile,
    /// The message makes clear it is not an application.
    NotApplication,
}

impl Manual {
    /// Every manual check, in checklist order.
    pub const ALL: [Manual; 6] = [
        Manual::ReadProfile,
        Manual::Common,
        Manual::Fascination,
        Manual::Hope,
        Manual::OwnProfile,
        Manual::NotApplication,
    ];

    /// The key stored in the message's `manual` list.
    pub fn key(self) -> &'static str {
        match self {
            Manual::ReadProfile => "read_profile",
            Manual::Common => "common",
            Manual::Fascination => "fascination",
            Manual::Hope => "hope",
            Manual::OwnProfile => "own_profile",
            Manual::NotApplication => "not_application",
        }
    }

    /// The manual checks that make sense for a purpose: preparing a first contact needs
    /// all; a thank-you or an introduction needs none.
    pub fn applies(self, purpose: Purpose) -> bool {
        match purpose {
            Purpose::Interview => true,
            Purpose::Reconnect => !matches!(self, Manual::OwnProfile),
            Purpose::FollowUp => matches!(self, Manual::NotApplication),
            Purpose::ThankYou | Purpose::Introduce => false,
        }
    }
}

/// Checks met and checks in total: automatic checks that pass, plus ticked manual ones.
/// A warning does not count as met; it is shown for a second look.
pub fn summary(outcomes: &[Outcome], purpose: Purpose, ticked: &[String]) -> (usize, usize) {
    let manual: Vec<Manual> = Manual::ALL
        .into_iter()
        .filter(|m| m.applies(purpose))
        .collect();
    let met = outcomes.iter().filter(|o| o.level == Level::Pass).count()
        + manual
            .iter()
            .filter(|m| ticked.iter().any(|t| t == m.key()))
            .count();
    (met, outcomes.len() + manual.len())
}

/// The failing checks: what the UI shows before copying or sending.
pub fn failing(outcomes: &[Outcome]) -> Vec<&Outcome> {
    outcomes.iter().filter(|o| o.level == Level::Fail).collect()
}
