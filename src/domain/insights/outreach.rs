//! Outreach results: what became of the messages sent, and which kinds of message get
//! answered, so the checklist meets what actually works for this user.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::Rate;
use crate::domain::code::Code;
use crate::domain::lang::Lang;
use crate::domain::messages::checks::{run, Context, Draft, Level};
use crate::domain::messages::model::{Channel, Purpose, Status};
use crate::domain::record::Message;

/// From this share of its checks met on, a message counts as one that "passed the
/// checks" (9 of 11 is 82 %).
pub const MOSTLY_MET: f64 = 0.8;

/// A sent message as the pictures need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentMessage {
    /// The recipient, if a contact.
    pub contact_id: Option<String>,
    /// The local day it was sent.
    pub sent: NaiveDate,
    /// The local day its status moved past "sent", if it did.
    pub closed: Option<NaiveDate>,
    /// Its status; `None` for one a newer version wrote.
    pub status: Option<Status>,
    /// The stored keys of channel, purpose and language (unknown ones as stored).
    pub channel: String,
    /// See `channel`.
    pub purpose: String,
    /// See `channel`.
    pub lang: String,
    /// The user's own template it was written from, if any.
    pub template_id: Option<String>,
    /// Automatic checks its text passes, and how many apply to its purpose (the manual
    /// ones say what the user ticked, not what the text does).
    pub checks: (usize, usize),
}

impl SentMessage {
    /// `message` with its days (local) and the checks its text meets for `ctx`; `None`
    /// for a draft.
    pub fn of(
        message: &Message,
        sent: Option<NaiveDate>,
        closed: Option<NaiveDate>,
        ctx: &Context,
    ) -> Option<SentMessage> {
        let status = message.status.known();
        if status == Some(Status::Draft) {
            return None;
        }
        let sent = sent?;
        let purpose = message.purpose.known().unwrap_or_default();
        let draft = Draft {
            channel: message.channel.known().unwrap_or_default(),
            purpose,
            lang: message.lang.known().unwrap_or_default(),
            body: &message.body,
        };
        let outcomes = run(&draft, ctx);
        Some(SentMessage {
            contact_id: message.contact_id.clone(),
            sent,
            closed,
            status,
            channel: message.channel.key().to_string(),
            purpose: message.purpose.key().to_string(),
            lang: message.lang.key().to_string(),
            template_id: message.template_id.clone(),
            checks: (
                outcomes.iter().filter(|o| o.level == Level::Pass).count(),
                outcomes.len(),
            ),
        })
    }

    /// Whether they answered (also with a meeting or a no).
    pub fn replied(&self) -> bool {
        matches!(
            self.status,
            Some(Status::Replied | Status::MeetingAgreed | Status::Declined)
        )
    }

    /// Whether at least [`MOSTLY_MET`] of its checks are met.
    pub fn mostly_met(&self) -> bool {
        let (met, all) = self.checks;
        all > 0 && met as f64 >= MOSTLY_MET * all as f64
    }
}

/// An informational interview that took place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldInterview {
    /// With whom.
    pub contact_id: String,
    /// The local day it was held.
    pub day: NaiveDate,
    /// People the interviewee suggested.
    pub suggested: usize,
}

/// Sent → replied → meeting agreed → interview held → people suggested.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Messages sent.
    pub sent: usize,
    /// Of them answered.
    pub replied: usize,
    /// Of them with a meeting agreed.
    pub meeting: usize,
    /// Of them followed by an informational interview with the person.
    pub interviews: usize,
    /// People suggested in those interviews.
    pub suggested: usize,
}

/// One group's reply rate ("LinkedIn note: 4 of 9").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The stored key of the group (channel, purpose or language).
    pub key: String,
    /// Replies of sent.
    pub rate: Rate,
}

/// Everything the outreach picture shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outreach {
    /// The funnel.
    pub funnel: Funnel,
    /// Reply rate by channel, by purpose and by language, in the order of the values
    /// (unknown keys last).
    pub by_channel: Vec<Group>,
    /// See `by_channel`.
    pub by_purpose: Vec<Group>,
    /// See `by_channel`.
    pub by_lang: Vec<Group>,
    /// Reply rate of messages that met most of their checks, and of the others.
    pub mostly_met: Rate,
    /// See `mostly_met`.
    pub others: Rate,
    /// Reply rate of each of the user's templates that messages were written from, best
    /// first; templates with too few messages to tell come after them, most used first.
    pub by_template: Vec<Group>,
    /// Average days from sending to the answer, of answered messages whose answer day is
    /// known.
    pub days_to_reply: Option<f64>,
}

/// The outreach results of the messages sent from `from` on.
pub fn outreach(
    messages: &[SentMessage],
    interviews: &[HeldInterview],
    from: Option<NaiveDate>,
) -> Outreach {
    let sent: Vec<&SentMessage> = messages
        .iter()
        .filter(|m| from.is_none_or(|f| m.sent >= f))
        .collect();
    let mut by_contact: HashMap<&str, Vec<&HeldInterview>> = HashMap::new();
    for i in interviews {
        by_contact.entry(i.contact_id.as_str()).or_default().push(i);
    }
    // Each contact's sending days, in order: the next message to them ends what the one
    // before led to.
    let mut sent_days: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for m in &sent {
        if let Some(c) = m.contact_id.as_deref() {
            sent_days.entry(c).or_default().push(m.sent);
        }
    }
    for days in sent_days.values_mut() {
        days.sort_unstable();
    }
    let mut funnel = Funnel {
        sent: sent.len(),
        ..Funnel::default()
    };
    // An interview counts for the message that led to it: the last one sent before it.
    let mut counted: HashSet<(&str, NaiveDate)> = HashSet::new();
    for m in &sent {
        funnel.replied += usize::from(m.replied());
        funnel.meeting += usize::from(m.status == Some(Status::MeetingAgreed));
        let Some(contact) = m.contact_id.as_deref() else {
            continue;
        };
        let later = sent_days.get(contact).and_then(|days| {
            let after = days.partition_point(|d| *d <= m.sent);
            days.get(after).copied()
        });
        let held: Vec<&&HeldInterview> = by_contact
            .get(contact)
            .map(|list| {
                list.iter()
                    .filter(|i| i.day >= m.sent && later.is_none_or(|l| i.day < l))
                    .collect()
            })
            .unwrap_or_default();
        if !held.is_empty() {
            funnel.interviews += 1;
            for i in held {
                if counted.insert((contact, i.day)) {
                    funnel.suggested += i.suggested;
                }
            }
        }
    }
    let rate = |list: &[&&SentMessage]| Rate {
        hits: list.iter().filter(|m| m.replied()).count(),
        of: list.len(),
    };
    let (mostly, others): (Vec<&&SentMessage>, Vec<&&SentMessage>) =
        sent.iter().partition(|m| m.mostly_met());
    let replies: Vec<i64> = sent
        .iter()
        .filter(|m| m.replied())
        .filter_map(|m| m.closed.map(|c| (c - m.sent).num_days().max(0)))
        .collect();
    Outreach {
        funnel,
        by_channel: groups::<Channel>(&sent, |m| &m.channel),
        by_purpose: groups::<Purpose>(&sent, |m| &m.purpose),
        by_lang: groups::<Lang>(&sent, |m| &m.lang),
        by_template: ranked_templates(&sent),
        mostly_met: rate(&mostly),
        others: rate(&others),
        days_to_reply: (!replies.is_empty())
            .then(|| replies.iter().sum::<i64>() as f64 / replies.len() as f64),
    }
}

/// The reply rate per stored key, known values in their order, unknown keys after them.
fn groups<T: Code>(sent: &[&SentMessage], key: impl Fn(&SentMessage) -> &String) -> Vec<Group> {
    let mut counts: BTreeMap<(usize, String), Rate> = BTreeMap::new();
    for m in sent {
        let k = key(m);
        let order = T::ALL
            .iter()
            .position(|v| v.key() == k)
            .unwrap_or(T::ALL.len());
        let rate = counts.entry((order, k.clone())).or_default();
        rate.of += 1;
        rate.hits += usize::from(m.replied());
    }
    counts
        .into_iter()
        .map(|((_, key), rate)| Group { key, rate })
        .collect()
}

/// The reply rate per template, ranked: a rate that can be told before one that cannot,
/// a higher rate first, then more messages, then the id (so that the order never flickers).
fn ranked_templates(sent: &[&SentMessage]) -> Vec<Group> {
    let mut counts: HashMap<&str, Rate> = HashMap::new();
    for m in sent {
        if let Some(id) = m.template_id.as_deref() {
            let rate = counts.entry(id).or_default();
            rate.of += 1;
            rate.hits += usize::from(m.replied());
        }
    }
    let mut groups: Vec<Group> = counts
        .into_iter()
        .map(|(key, rate)| Group {
            key: key.to_string(),
            rate,
        })
        .collect();
    crate::domain::sorting::sort_by(&mut groups, |a, b| {
        let told = |g: &Group| g.rate.percent().is_some();
        told(b)
            .cmp(&told(a))
            .then_with(|| b.rate.percent().cmp(&a.rate.percent()))
            .then_with(|| b.rate.of.cmp(&a.rate.of))
            .then_with(|| a.key.cmp(&b.key))
    });
    groups
}
