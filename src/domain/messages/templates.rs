//! Message templates written for this app, per purpose, language and (in German) form of
//! address, with placeholders filled from the contact, the user's profile and their short
//! introduction. A placeholder left unfilled stays visible as `{name}` and is flagged.

use std::collections::BTreeMap;

use super::model::{Address, Channel, Purpose, Voice};
use crate::domain::lang::Lang;

/// The placeholders a template may use.
pub const PLACEHOLDERS: [&str; 11] = [
    "first_name",
    "last_name",
    "company",
    "role",
    "hook",
    "occasion",
    "introducer",
    "other_name",
    "my_name",
    "my_intro",
    "my_email",
];

/// A template shipped with the app.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// Stable id.
    pub id: &'static str,
    /// What it is for.
    pub purpose: Purpose,
    /// Language and form of address.
    pub voice: Voice,
    /// A connection note (short enough for LinkedIn's 200 characters).
    pub short: bool,
    /// E-mail subject.
    pub subject: &'static str,
    /// The text.
    pub body: &'static str,
}

const EN: Voice = Voice {
    lang: Lang::En,
    address: Address::Sie,
};
const SIE: Voice = Voice {
    lang: Lang::De,
    address: Address::Sie,
};
const DU: Voice = Voice {
    lang: Lang::De,
    address: Address::Du,
};

macro_rules! tpl {
    ($id:literal, $purpose:ident, $voice:ident, $short:literal, $subject:literal, $body:literal) => {
        Builtin {
            id: concat!("builtin-msg-", $id),
            purpose: Purpose::$purpose,
            voice: $voice,
            short: $short,
            subject: $subject,
            body: $body,
        }
    };
}

/// The built-in templates.
pub const BUILTINS: &[Builtin] = &[
    // Ask for an informational interview.
    tpl!("interview-en", Interview, EN, false,
        "Your view on working at {company}?",
        "Hello {first_name},\n\n{hook} – and since then I have been curious about your work at {company}. {my_intro}\n\nWould you have 20 minutes in the coming weeks to tell me how you got into your role and what you would advise someone new to your field? This is not a job application; your perspective is what I am after. In return, I am happy to share what I learn.\n\nBest regards\n{my_name}\n{my_email}"),
    tpl!("interview-sie", Interview, SIE, false,
        "Ihre Sicht auf die Arbeit bei {company}?",
        "Hallo {first_name} {last_name},\n\n{hook} – seitdem interessiert mich Ihre Arbeit bei {company}. {my_intro}\n\nHätten Sie in den nächsten Wochen 20 Minuten Zeit, mir zu erzählen, wie Sie zu Ihrer Rolle gekommen sind und was Sie jemandem raten, der neu in Ihr Feld kommt? Es geht ausdrücklich nicht um eine Bewerbung, sondern um Ihre Sicht. Im Gegenzug teile ich gerne, was ich dabei lerne.\n\nViele Grüße\n{my_name}\n{my_email}"),
    tpl!("interview-du", Interview, DU, false,
        "Deine Sicht auf die Arbeit bei {company}?",
        "Hallo {first_name},\n\n{hook} – seitdem interessiert mich deine Arbeit bei {company}. {my_intro}\n\nHättest du in den nächsten Wochen 20 Minuten Zeit, mir zu erzählen, wie du zu deiner Rolle gekommen bist und was du jemandem rätst, der neu in dein Feld kommt? Es geht nicht um eine Bewerbung, sondern um deine Sicht. Im Gegenzug teile ich gerne, was ich dabei lerne.\n\nViele Grüße\n{my_name}\n{my_email}"),
    tpl!("interview-en-note", Interview, EN, true, "",
        "Hi {first_name}, {hook}. Could you spare 20 minutes to share how you got into your role? Not a job request, just your view. Happy to return the favour. {my_name}"),
    tpl!("interview-sie-note", Interview, SIE, true, "",
        "Hallo {first_name} {last_name}, {hook}. Hätten Sie 20 Minuten für Ihre Sicht auf Ihren Weg? Keine Bewerbung, nur Ihre Erfahrung. Im Gegenzug helfe ich gern. {my_name}"),
    tpl!("interview-du-note", Interview, DU, true, "",
        "Hallo {first_name}, {hook}. Hättest du 20 Minuten für deine Sicht auf deinen Weg? Keine Bewerbung, nur deine Erfahrung. Im Gegenzug helfe ich gern. {my_name}"),
    // Reconnect a dormant contact.
    tpl!("reconnect-en", Reconnect, EN, false,
        "It has been a while",
        "Hello {first_name},\n\nit has been a while since we last spoke – {hook}. How are you, and how are things at {company}?\n\nI would love to hear what you are working on these days. Would you have 20 minutes for a call or a coffee in the next few weeks? If I can help you with anything, I am happy to.\n\nBest regards\n{my_name}\n{my_email}"),
    tpl!("reconnect-sie", Reconnect, SIE, false,
        "Lange nicht gesprochen",
        "Hallo {first_name} {last_name},\n\nwir haben lange nicht gesprochen – {hook}. Wie geht es Ihnen, und wie läuft es bei {company}?\n\nMich würde interessieren, woran Sie gerade arbeiten. Hätten Sie in den nächsten Wochen 20 Minuten für ein Telefonat oder einen Kaffee? Wenn ich Ihnen bei etwas helfen kann, mache ich das gern.\n\nViele Grüße\n{my_name}\n{my_email}"),
    tpl!("reconnect-du", Reconnect, DU, false,
        "Lange nicht gesprochen",
        "Hallo {first_name},\n\nwir haben lange nicht gesprochen – {hook}. Wie geht es dir, und wie läuft es bei {company}?\n\nMich würde interessieren, woran du gerade arbeitest. Hättest du in den nächsten Wochen 20 Minuten für ein Telefonat oder einen Kaffee? Wenn ich dir bei etwas helfen kann, mache ich das gern.\n\nViele Grüße\n{my_name}\n{my_email}"),
    tpl!("reconnect-en-note", Reconnect, EN, true, "",
        "Hi {first_name}, it has been a while – {hook}. How are you? Would you have 20 minutes for a catch-up soon? Happy to help you with anything in return. {my_name}"),
    tpl!("reconnect-sie-note", Reconnect, SIE, true, "",
        "Hallo {first_name} {last_name}, lange nicht gesprochen – {hook}. Wie geht es Ihnen? Hätten Sie bald 20 Minuten für einen Austausch? Im Gegenzug helfe ich gern. {my_name}"),
    tpl!("reconnect-du-note", Reconnect, DU, true, "",
        "Hallo {first_name}, lange nicht gesprochen – {hook}. Wie geht es dir? Hättest du bald 20 Minuten für einen Austausch? Im Gegenzug helfe ich gern. {my_name}"),
    // Thank after a conversation.
    tpl!("thanks-en", ThankYou, EN, false,
        "Thank you for your time",
        "Hello {first_name},\n\nthank you for taking the time to talk with me. Your advice on how to get into your field was exactly what I needed, and your story stayed with me.\n\nI will let you know what I make of your suggestions.\n\nBest regards\n{my_name}"),
    tpl!("thanks-sie", ThankYou, SIE, false,
        "Danke für Ihre Zeit",
        "Hallo {first_name} {last_name},\n\nvielen Dank, dass Sie sich Zeit für unser Gespräch genommen haben. Ihre Hinweise zum Einstieg in Ihr Feld haben mir sehr geholfen, und Ihr Werdegang hat mich beeindruckt.\n\nIch melde mich, wenn ich Ihre Tipps umgesetzt habe.\n\nViele Grüße\n{my_name}"),
    tpl!("thanks-du", ThankYou, DU, false,
        "Danke für deine Zeit",
        "Hallo {first_name},\n\nvielen Dank, dass du dir Zeit für unser Gespräch genommen hast. Deine Hinweise zum Einstieg in dein Feld haben mir sehr geholfen, und dein Werdegang hat mich beeindruckt.\n\nIch melde mich, wenn ich deine Tipps umgesetzt habe.\n\nViele Grüße\n{my_name}"),
    tpl!("thanks-en-note", ThankYou, EN, true, "",
        "Hi {first_name}, thank you for your time and your advice – it helped me a lot. I will let you know what comes of it. {my_name}"),
    tpl!("thanks-sie-note", ThankYou, SIE, true, "",
        "Hallo {first_name} {last_name}, vielen Dank für Ihre Zeit und Ihre Tipps – sie haben mir sehr geholfen. Ich berichte Ihnen, was daraus wird. {my_name}"),
    tpl!("thanks-du-note", ThankYou, DU, true, "",
        "Hallo {first_name}, vielen Dank für deine Zeit und deine Tipps – sie haben mir sehr geholfen. Ich berichte dir, was daraus wird. {my_name}"),
    // Introduce two contacts.
    tpl!("introduce-en", Introduce, EN, false,
        "Introduction: {first_name}, meet {other_name}",
        "Hello {first_name},\n\nI would like to introduce you to {other_name}. I think you two should meet: you share an interest that I keep hearing about from both of you, and each of you could help the other.\n\nI will leave it to you to take it from here.\n\nBest regards\n{my_name}"),
    tpl!("introduce-sie", Introduce, SIE, false,
        "Vorstellung: {first_name} {last_name} und {other_name}",
        "Hallo {first_name} {last_name},\n\nich möchte Ihnen {other_name} vorstellen. Ich glaube, Sie beide sollten sich kennenlernen: Sie teilen ein Thema, von dem ich von Ihnen beiden höre, und jeder von Ihnen könnte dem anderen weiterhelfen.\n\nAlles Weitere überlasse ich gern Ihnen.\n\nViele Grüße\n{my_name}"),
    tpl!("introduce-du", Introduce, DU, false,
        "Vorstellung: {first_name} und {other_name}",
        "Hallo {first_name},\n\nich möchte dir {other_name} vorstellen. Ich glaube, ihr beide solltet euch kennenlernen: Ihr teilt ein Thema, von dem ich von euch beiden höre, und jeder von euch könnte dem anderen weiterhelfen.\n\nAlles Weitere überlasse ich gern euch.\n\nViele Grüße\n{my_name}"),
    // Follow up once.
    tpl!("follow-up-en", FollowUp, EN, false,
        "Following up: 20 minutes of your insight?",
        "Hello {first_name},\n\nI am following up on my message from last week, in case it got lost in a busy inbox. Would 20 minutes for a short call in the coming weeks work for you? This is not about a job; your view of your field would help me a lot.\n\nBest regards\n{my_name}"),
    tpl!("follow-up-sie", FollowUp, SIE, false,
        "Kurze Nachfrage: 20 Minuten für Ihre Sicht?",
        "Hallo {first_name} {last_name},\n\nich melde mich noch einmal zu meiner Nachricht von letzter Woche, falls sie untergegangen ist. Hätten Sie in den nächsten Wochen 20 Minuten für ein kurzes Telefonat? Es geht nicht um eine Stelle; Ihre Sicht auf Ihr Feld würde mir sehr helfen.\n\nViele Grüße\n{my_name}"),
    tpl!("follow-up-du", FollowUp, DU, false,
        "Kurze Nachfrage: 20 Minuten für deine Sicht?",
        "Hallo {first_name},\n\nich melde mich noch einmal zu meiner Nachricht von letzter Woche, falls sie untergegangen ist. Hättest du in den nächsten Wochen 20 Minuten für ein kurzes Telefonat? Es geht nicht um eine Stelle; deine Sicht auf dein Feld würde mir sehr helfen.\n\nViele Grüße\n{my_name}"),
];

/// The built-in template with this id.
pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|t| t.id == id)
}

/// The built-in template for a purpose, voice and channel: the connection-note version
/// for a LinkedIn note when there is one, else the long one.
pub fn pick(purpose: Purpose, voice: Voice, channel: Channel) -> Option<&'static Builtin> {
    let same = |t: &&Builtin| {
        t.purpose == purpose
            && t.voice.lang == voice.lang
            && (voice.lang == Lang::En || t.voice.address == voice.address)
    };
    let want_short = channel == Channel::LinkedInNote;
    BUILTINS
        .iter()
        .filter(same)
        .find(|t| t.short == want_short)
        .or_else(|| BUILTINS.iter().find(same))
}

/// The placeholders still in `text`, in order of appearance, each once: `{first_name}`
/// left by a template, or typed by hand.
pub fn unfilled(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        // In "{ {name}" the first brace is plain text.
        let close = after
            .find('}')
            .filter(|c| after.find('{').is_none_or(|o| o > *c));
        if close.is_none() && after.contains('{') {
            rest = after;
            continue;
        }
        match close {
            Some(close) => {
                let name = &after[..close];
                if !name.is_empty()
                    && name.len() <= 30
                    && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && !out.iter().any(|n| n == name)
                {
                    out.push(name.to_string());
                }
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// Fills the placeholders that have a non-empty value; the others stay as they are.
pub fn fill(text: &str, values: &BTreeMap<&str, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // In "{ {name}" the first brace is plain text.
        let close = after
            .find('}')
            .filter(|c| after.find('{').is_none_or(|o| o > *c));
        if close.is_none() && after.contains('{') {
            out.push('{');
            rest = after;
            continue;
        }
        match close {
            Some(close) => {
                let name = &after[..close];
                match values.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                    Some(v) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
