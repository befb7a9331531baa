//! The automatic checks, one function each, with the word lists they look for.

use super::*;

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
