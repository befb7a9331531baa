//! The automatic checks of an outreach message, run live while the user types, and the
//! manual ones the user ticks. Each automatic check is a pure function of the draft and
//! gives pass, warn or fail with a reason the UI words in the user's language.

use super::model::{Channel, Purpose};
use super::words::{contains_phrase, matches_stem, significant, tokens, word_count, Token};
use crate::domain::contacts::search::fold;
use crate::domain::lang::Lang;

mod automatic;
mod manual;

pub use automatic::*;
pub use manual::*;

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

impl Context {
    /// What the checks know for a message to `contact` (introduced by `introducer`, a
    /// name) or, without a contact, to the person named `recipient_name`, written by the
    /// user of `profile`.
    pub fn for_recipient(
        contact: Option<&crate::domain::record::Contact>,
        introducer: &str,
        recipient_name: &str,
        profile: &crate::domain::profile::Profile,
        premium: bool,
    ) -> Context {
        let mine = Context {
            my_email: profile.email.clone(),
            my_phone: profile.phone.clone(),
            premium,
            ..Context::default()
        };
        match contact {
            Some(c) => Context {
                first_name: c.first_name.clone(),
                last_name: c.last_name.clone(),
                hook: c.met.hook.clone(),
                introducer: introducer.to_string(),
                occasion: c.met.occasion.clone(),
                ..mine
            },
            None => {
                let (first_name, last_name) =
                    crate::domain::interviews::wrap_up::split_name(recipient_name);
                Context {
                    first_name,
                    last_name,
                    ..mine
                }
            }
        }
    }
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
