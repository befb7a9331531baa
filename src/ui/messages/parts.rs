//! Pieces the message screens share: the names of channels, purposes and statuses, the
//! checks' sentences, and what fills a template for a recipient.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::contacts::draft::display_name;
use crate::domain::lang::Lang;
use crate::domain::messages::checks::{Check, Context, Level, Manual, Reason};
use crate::domain::messages::model::{Address, Channel, Purpose, Status, Voice};
use crate::domain::messages::own::own_templates;
use crate::domain::messages::templates::{fill, pick};
use crate::domain::record::{Contact, Message, Template, TemplatePurpose};
use crate::i18n::*;
use crate::ui::contacts::store::use_network;
use crate::ui::interviews::store::use_interviews;
use crate::ui::library_store::use_library;

use super::store::use_outreach;

/// A channel's name.
pub fn channel_label(i18n: I18n, c: Channel) -> String {
    match c {
        Channel::LinkedInNote => t_string!(i18n, messages.channel.linkedin_note),
        Channel::LinkedInMessage => t_string!(i18n, messages.channel.linkedin_message),
        Channel::XingMessage => t_string!(i18n, messages.channel.xing_message),
        Channel::Email => t_string!(i18n, messages.channel.email),
    }
    .to_string()
}

/// A purpose's name.
pub fn purpose_label(i18n: I18n, p: Purpose) -> String {
    match p {
        Purpose::Interview => t_string!(i18n, messages.purpose.interview),
        Purpose::Reconnect => t_string!(i18n, messages.purpose.reconnect),
        Purpose::ThankYou => t_string!(i18n, messages.purpose.thank_you),
        Purpose::Introduce => t_string!(i18n, messages.purpose.introduce),
        Purpose::FollowUp => t_string!(i18n, messages.purpose.follow_up),
    }
    .to_string()
}

/// A German form of address as written.
pub fn address_name(_: I18n, address: Address) -> String {
    match address {
        Address::Sie => "Sie",
        Address::Du => "du",
    }
    .to_string()
}

/// A status's name.
pub fn status_label(i18n: I18n, s: Status) -> String {
    match s {
        Status::Draft => t_string!(i18n, messages.status.draft),
        Status::Sent => t_string!(i18n, messages.status.sent),
        Status::Replied => t_string!(i18n, messages.status.replied),
        Status::MeetingAgreed => t_string!(i18n, messages.status.meeting_agreed),
        Status::Declined => t_string!(i18n, messages.status.declined),
        Status::NoReply => t_string!(i18n, messages.status.no_reply),
    }
    .to_string()
}

/// A check's name.
pub fn check_label(i18n: I18n, c: Check) -> String {
    match c {
        Check::Length => t_string!(i18n, messages.check.length),
        Check::Words => t_string!(i18n, messages.check.words),
        Check::Greeting => t_string!(i18n, messages.check.greeting),
        Check::Hook => t_string!(i18n, messages.check.hook),
        Check::Question => t_string!(i18n, messages.check.question),
        Check::AboutThem => t_string!(i18n, messages.check.about_them),
        Check::NoApplication => t_string!(i18n, messages.check.no_application),
        Check::NotPushy => t_string!(i18n, messages.check.not_pushy),
        Check::SmallAsk => t_string!(i18n, messages.check.small_ask),
        Check::Offer => t_string!(i18n, messages.check.offer),
        Check::ContactDetails => t_string!(i18n, messages.check.contact_details),
    }
    .to_string()
}

/// A level's name (said along with the icon, so the result does not rest on colour).
pub fn level_label(i18n: I18n, l: Level) -> String {
    match l {
        Level::Pass => t_string!(i18n, messages.level.pass),
        Level::Warn => t_string!(i18n, messages.level.warn),
        Level::Fail => t_string!(i18n, messages.level.fail),
    }
    .to_string()
}

/// Why a check came out as it did, as a sentence.
pub fn reason_text(i18n: I18n, r: &Reason) -> String {
    match r {
        Reason::Chars { used, limit } => {
            t_string!(i18n, messages.reason.chars, used = *used, limit = *limit).to_string()
        }
        Reason::NoCharLimit => t_string!(i18n, messages.reason.no_char_limit).to_string(),
        Reason::WordCount(n) => t_string!(i18n, messages.reason.word_count, count = *n).to_string(),
        Reason::GreetingOk => t_string!(i18n, messages.reason.greeting_ok).to_string(),
        Reason::NameMissing => t_string!(i18n, messages.reason.name_missing).to_string(),
        Reason::GreetingWordMissing => {
            t_string!(i18n, messages.reason.greeting_word_missing).to_string()
        }
        Reason::HookFound => t_string!(i18n, messages.reason.hook_found).to_string(),
        Reason::HookMissing => t_string!(i18n, messages.reason.hook_missing).to_string(),
        Reason::NoHookKnown => t_string!(i18n, messages.reason.no_hook_known).to_string(),
        Reason::QuestionFound => t_string!(i18n, messages.reason.question_found).to_string(),
        Reason::NoQuestion => t_string!(i18n, messages.reason.no_question).to_string(),
        Reason::Pronouns { them, me } => {
            t_string!(i18n, messages.reason.pronouns, them = *them, me = *me).to_string()
        }
        Reason::NoApplicationWords => {
            t_string!(i18n, messages.reason.no_application_words).to_string()
        }
        Reason::OnlyNegated => t_string!(i18n, messages.reason.only_negated).to_string(),
        Reason::ApplicationWord(w) => {
            t_string!(i18n, messages.reason.application_word, word = w.clone()).to_string()
        }
        Reason::Calm => t_string!(i18n, messages.reason.calm).to_string(),
        Reason::Pushy(p) => t_string!(i18n, messages.reason.pushy, phrase = p.clone()).to_string(),
        Reason::Minutes(m) => t_string!(i18n, messages.reason.minutes, minutes = *m).to_string(),
        Reason::LongAsk(m) => t_string!(i18n, messages.reason.long_ask, minutes = *m).to_string(),
        Reason::VagueAsk => t_string!(i18n, messages.reason.vague_ask).to_string(),
        Reason::NoAsk => t_string!(i18n, messages.reason.no_ask).to_string(),
        Reason::OfferFound => t_string!(i18n, messages.reason.offer_found).to_string(),
        Reason::NoOffer => t_string!(i18n, messages.reason.no_offer).to_string(),
        Reason::ReplyByEmail => t_string!(i18n, messages.reason.reply_by_email).to_string(),
        Reason::DetailsFound => t_string!(i18n, messages.reason.details_found).to_string(),
        Reason::NoDetails => t_string!(i18n, messages.reason.no_details).to_string(),
    }
}

/// A manual check's name and its short explanation.
pub fn manual_text(i18n: I18n, m: Manual) -> (String, String) {
    let (a, b) = match m {
        Manual::ReadProfile => (
            t_string!(i18n, messages.manual.read_profile),
            t_string!(i18n, messages.manual.read_profile_why),
        ),
        Manual::Common => (
            t_string!(i18n, messages.manual.common),
            t_string!(i18n, messages.manual.common_why),
        ),
        Manual::Fascination => (
            t_string!(i18n, messages.manual.fascination),
            t_string!(i18n, messages.manual.fascination_why),
        ),
        Manual::Hope => (
            t_string!(i18n, messages.manual.hope),
            t_string!(i18n, messages.manual.hope_why),
        ),
        Manual::OwnProfile => (
            t_string!(i18n, messages.manual.own_profile),
            t_string!(i18n, messages.manual.own_profile_why),
        ),
        Manual::NotApplication => (
            t_string!(i18n, messages.manual.not_application),
            t_string!(i18n, messages.manual.not_application_why),
        ),
    };
    (a.to_string(), b.to_string())
}

/// The recipient of a message: the contact, if saved.
pub fn recipient(m: &Message) -> Option<Contact> {
    let network = use_network();
    m.contact_id
        .as_deref()
        .and_then(|id| network.network.with(|n| n.contact(id).cloned()))
}

/// The recipient's name as shown: the contact's, or the one typed for someone new.
pub fn recipient_name(m: &Message) -> String {
    recipient(m)
        .map(|c| display_name(&c))
        .unwrap_or_else(|| m.recipient_name.trim().to_string())
}

/// What the checks know about the recipient and the user.
pub fn check_context(m: &Message) -> Context {
    let network = use_network();
    let outreach = use_outreach();
    let contact = recipient(m);
    let introducer = contact
        .as_ref()
        .and_then(|c| c.introduced_by.as_deref())
        .and_then(|id| network.network.with(|n| n.contact(id).map(display_name)))
        .unwrap_or_default();
    Context::for_recipient(
        contact.as_ref(),
        &introducer,
        &m.recipient_name,
        &outreach.profile.get(),
        outreach.premium.get(),
    )
}

/// The values a template's placeholders take for a recipient.
pub fn template_values(m: &Message) -> BTreeMap<&'static str, String> {
    let ctx = check_context(m);
    let contact = recipient(m);
    let outreach = use_outreach();
    let interviews = use_interviews();
    let profile = outreach.profile.get_untracked();
    // The short introduction written for an interview: with this person if there is one,
    // else the latest.
    let my_intro = interviews.plans.with_untracked(|plans| {
        let mine = |p: &&crate::domain::record::InterviewPlan| !p.my_intro.trim().is_empty();
        plans
            .iter()
            .filter(mine)
            .filter(|p| p.contact_id.is_some() && p.contact_id == m.contact_id)
            .max_by_key(|p| p.meta.updated)
            .or_else(|| plans.iter().filter(mine).max_by_key(|p| p.meta.updated))
            .map(|p| p.my_intro.trim().to_string())
            .unwrap_or_default()
    });
    BTreeMap::from([
        ("first_name", ctx.first_name),
        ("last_name", ctx.last_name),
        (
            "company",
            contact
                .as_ref()
                .map(|c| c.company.clone())
                .unwrap_or_else(|| m.recipient_company.clone()),
        ),
        (
            "role",
            contact.as_ref().map(|c| c.role.clone()).unwrap_or_default(),
        ),
        ("hook", ctx.hook),
        ("occasion", ctx.occasion),
        ("introducer", ctx.introducer),
        ("my_name", profile.name),
        ("my_intro", my_intro),
        ("my_email", profile.email),
    ])
}

/// The user's message templates for a purpose (those written for it first), from the
/// store that keeps every template (tracked).
pub fn own_message_templates(purpose: Purpose) -> Vec<Template> {
    use_library()
        .templates
        .with(|all| own_templates(all, purpose).into_iter().cloned().collect())
}

/// The subject and text a template gives `m`, filled for its recipient: `choice` is the
/// id of one of the user's templates, or empty for the built-in one that fits the
/// message's purpose, language, form of address and channel.
pub fn template_text(choice: &str, m: &Message) -> Option<(String, String)> {
    let (subject, body) = if choice.is_empty() {
        let voice = Voice {
            lang: m.lang.or(Lang::default()),
            address: m.address.or(Address::Sie),
        };
        let t = pick(
            m.purpose.or(Purpose::Interview),
            voice,
            m.channel.or(Channel::Email),
        )?;
        (t.subject.to_string(), t.body.to_string())
    } else {
        let t = use_library().templates.with_untracked(|all| {
            all.iter()
                .find(|t| t.meta.id == choice && t.purpose.is(TemplatePurpose::Message))
                .cloned()
        })?;
        (t.subject, t.body)
    };
    let values = template_values(m);
    let subject = if m.channel.or(Channel::Email).has_subject() {
        fill(&subject, &values)
    } else {
        String::new()
    };
    Some((subject, fill(&body, &values)))
}
