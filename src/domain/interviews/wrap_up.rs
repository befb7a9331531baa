//! After the interview: what the wrap-up creates. New contacts for the people suggested
//! (introduced by the interviewee), promises (thank-you within a day, what was promised,
//! a report-back), and the conversation with its answers on the interviewee's timeline.

use chrono::{Duration, NaiveDate};

use super::plan::ItemState;
use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::new_contact;
use crate::domain::lang::Lang;
use crate::domain::record::{
    fit_line, fit_text, Contact, FollowUp, FollowUpKind, Interaction, InteractionKind,
    InterviewPlan, Meta, SuggestedPerson,
};
use chrono::{DateTime, Utc};

/// Days after the interview the thank-you is due: within 24 hours.
pub const THANK_YOU_DAYS: i64 = 1;
/// Days after the interview what was promised is due.
pub const PROMISE_DAYS: i64 = 2;
/// Days after the interview to get in touch with someone they suggested, while the
/// recommendation is fresh.
pub const SUGGESTED_DAYS: i64 = 7;
/// Default days until reporting back what came of the advice.
pub const REPORT_BACK_DAYS: u32 = 30;

/// What the user chose on the wrap-up screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choices {
    /// Add "thank them" due the next day.
    pub thank_you: bool,
    /// For each promise in the plan, whether to add it as a follow-up.
    pub promises: Vec<bool>,
    /// For each suggested person in the plan, whether to create them as a contact.
    pub people: Vec<bool>,
    /// Days until the report-back, or `None` for no report-back.
    pub report_back_days: Option<u32>,
}

impl Choices {
    /// Everything on: what a user who just had the conversation usually wants.
    pub fn all(plan: &InterviewPlan) -> Choices {
        Choices {
            thank_you: true,
            promises: plan.promised.iter().map(|p| !p.trim().is_empty()).collect(),
            people: plan
                .suggested
                .iter()
                .map(|p| !p.name.trim().is_empty())
                .collect(),
            report_back_days: Some(REPORT_BACK_DAYS),
        }
    }
}

fn texts(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::De => [
            "{name} für das Gespräch danken",
            "{name} berichten, was aus den Tipps geworden ist",
            "{person} kontaktieren (Empfehlung von {name})",
            "Empfohlen von {name} im Informationsgespräch",
            "Informationsgespräch",
            "Darf sich auf {name} berufen.",
        ],
        Lang::En => [
            "Thank {name} for the conversation",
            "Report back to {name}: what came of their advice",
            "Get in touch with {person} (recommended by {name})",
            "Recommended by {name} in an informational interview",
            "Informational interview",
            "May mention {name}.",
        ],
    }
}

/// Splits "Dana Maria Ödegaard" into ("Dana Maria", "Ödegaard"); a single word is a first
/// name. Each part fits a name field.
pub fn split_name(name: &str) -> (String, String) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.rsplit_once(' ') {
        Some((first, last)) => (fit_line(first), fit_line(last)),
        None => (fit_line(&name), String::new()),
    }
}

/// Why the wrap-up cannot be written yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrapUpError {
    /// The plan is for someone not saved yet, and their name is empty: there is nobody to
    /// create as a contact.
    NameMissing,
    /// The report-back delay is not a number of days from 1 to 365.
    DaysInvalid,
}

/// The contact for the person a plan names but who was never saved (the plan's
/// `person_name` and `person_company`), met at `occasion` on `day`.
pub fn contact_for_person(
    plan: &InterviewPlan,
    occasion: &str,
    day: NaiveDate,
    meta: Meta,
) -> Result<Contact, WrapUpError> {
    let (first, last) = split_name(&plan.person_name);
    if first.is_empty() && last.is_empty() {
        return Err(WrapUpError::NameMissing);
    }
    let mut c = new_contact(meta);
    c.first_name = first;
    c.last_name = last;
    c.company = fit_line(plan.person_company.trim());
    c.met.occasion = fit_line(occasion);
    c.met.date = Some(day);
    Ok(c)
}

/// A new contact for a suggested person, introduced by `by`.
pub fn suggested_contact(
    p: &SuggestedPerson,
    by: &Contact,
    by_name: &str,
    day: NaiveDate,
    lang: Lang,
    meta: Meta,
) -> Contact {
    let t = texts(lang);
    let (first, last) = split_name(&p.name);
    let mut c = new_contact(meta);
    c.first_name = first;
    c.last_name = last;
    c.company = p.company.trim().to_string();
    c.introduced_by = Some(by.meta.id.clone());
    c.met.occasion = fit_line(&t[3].replace("{name}", by_name));
    c.met.date = Some(day);
    let mut notes = p.note.trim().to_string();
    if p.may_mention {
        if !notes.is_empty() {
            notes.push('\n');
        }
        notes.push_str(&t[5].replace("{name}", by_name));
    }
    c.met.hook = fit_text(&notes);
    c
}

/// The timeline entry for the conversation: the goal, then every asked question with its
/// answer, then the names suggested and what was promised, so a search finds it later.
pub fn summary(plan: &InterviewPlan, lang: Lang) -> String {
    let mut out = String::new();
    if !plan.goal.trim().is_empty() {
        out.push_str(plan.goal.trim());
        out.push_str("\n\n");
    }
    for item in &plan.items {
        let answer = item.answer.trim();
        if item.state.or(ItemState::Open) == ItemState::Skipped && answer.is_empty() {
            continue;
        }
        if item.state.or(ItemState::Open) == ItemState::Open && answer.is_empty() {
            continue;
        }
        out.push_str("• ");
        out.push_str(item.text.trim());
        out.push('\n');
        if !answer.is_empty() {
            out.push_str(answer);
            out.push('\n');
        }
        out.push('\n');
    }
    let names: Vec<&str> = plan
        .suggested
        .iter()
        .map(|p| p.name.trim())
        .filter(|n| !n.is_empty())
        .collect();
    if !names.is_empty() {
        out.push_str(match lang {
            Lang::De => "Empfohlen: ",
            Lang::En => "Suggested: ",
        });
        out.push_str(&names.join(", "));
        out.push('\n');
    }
    let promised: Vec<&str> = plan
        .promised
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if !promised.is_empty() {
        out.push_str(match lang {
            Lang::De => "Versprochen: ",
            Lang::En => "Promised: ",
        });
        out.push_str(&promised.join("; "));
        out.push('\n');
    }
    fit_text(out.trim_end())
}

/// What saving a wrap-up writes, in one transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct WrapUpWrite {
    /// The plan, stamped as wrapped up (and as finished, if it was not), pointing at the
    /// interviewee's contact.
    pub plan: InterviewPlan,
    /// The records created, the interviewee's new contact first if they had none.
    pub records: Dataset,
    /// The contacts whose timeline or promises changed: the interviewee and every new one.
    pub affected: Vec<String>,
}

/// The interview as it was held, for [`complete`].
#[derive(Clone, Copy, Debug)]
pub struct Held<'a> {
    /// The interviewee's display name.
    pub name: &'a str,
    /// The interview's local date.
    pub day: NaiveDate,
    /// The language of the texts created.
    pub lang: Lang,
    /// The current time.
    pub now: DateTime<Utc>,
    /// How a contact made for someone never saved was met ("Informational interview").
    pub occasion: &'a str,
}

/// Everything saving the wrap-up of `plan` writes. `saved` is the interviewee's contact
/// if they have one; someone never saved becomes a contact, in the same transaction.
pub fn complete(
    plan: &InterviewPlan,
    saved: Option<&Contact>,
    held: &Held,
    choices: &Choices,
    new_id: &mut dyn FnMut() -> String,
) -> Result<WrapUpWrite, WrapUpError> {
    let with = *held;
    let mut plan = plan.clone();
    let created = match saved {
        Some(_) => None,
        None => {
            let c = contact_for_person(
                &plan,
                with.occasion,
                with.day,
                Meta::new(new_id(), with.now),
            )?;
            plan.contact_id = Some(c.meta.id.clone());
            Some(c)
        }
    };
    let Some(interviewee) = saved.or(created.as_ref()) else {
        return Err(WrapUpError::NameMissing);
    };
    let mut records = wrap_up(
        &plan,
        &Conversation {
            interviewee,
            name: with.name,
            day: with.day,
            lang: with.lang,
            now: with.now,
        },
        choices,
        new_id,
    );
    let affected = std::iter::once(interviewee.meta.id.clone())
        .chain(records.contacts.iter().map(|c| c.meta.id.clone()))
        .collect();
    if let Some(c) = created {
        records.contacts.insert(0, c);
    }
    plan.wrapped_up = Some(with.now);
    plan.finished = plan.finished.or(Some(with.now));
    Ok(WrapUpWrite {
        plan,
        records,
        affected,
    })
}

/// The report-back reminder's delay as typed: `None` when not wanted, else 1 to 365 days.
pub fn report_back(wanted: bool, days: &str) -> Result<Option<u32>, WrapUpError> {
    if !wanted {
        return Ok(None);
    }
    match days.trim().parse::<u32>() {
        Ok(n) if (1..=365).contains(&n) => Ok(Some(n)),
        _ => Err(WrapUpError::DaysInvalid),
    }
}

/// Whom the interview was with, when, and in which language the new texts are written.
#[derive(Clone, Copy, Debug)]
pub struct Conversation<'a> {
    /// The interviewee.
    pub interviewee: &'a Contact,
    /// Their display name.
    pub name: &'a str,
    /// The interview's local date.
    pub day: NaiveDate,
    /// The language of the texts created.
    pub lang: Lang,
    /// The current time (records' creation time).
    pub now: DateTime<Utc>,
}

/// Everything the wrap-up creates, as new records (written in one transaction together
/// with the plan marked as wrapped up). `new_id` hands out record ids.
pub fn wrap_up(
    plan: &InterviewPlan,
    with: &Conversation,
    choices: &Choices,
    new_id: &mut dyn FnMut() -> String,
) -> Dataset {
    let Conversation {
        interviewee,
        name,
        day,
        lang,
        now,
    } = *with;
    let t = texts(lang);
    let mut out = Dataset::default();
    let follow_up = |id: String, contact: &str, kind, text: String, days: i64| FollowUp {
        meta: Meta::new(id, now),
        contact_id: Some(contact.to_string()),
        kind,
        text,
        due: day.checked_add_signed(Duration::days(days)),
        done: None,
        message_id: None,
    };
    let who = interviewee.meta.id.as_str();
    if choices.thank_you {
        out.follow_ups.push(follow_up(
            new_id(),
            who,
            FollowUpKind::IPromised,
            t[0].replace("{name}", name),
            THANK_YOU_DAYS,
        ));
    }
    for (promise, keep) in plan.promised.iter().zip(&choices.promises) {
        if *keep && !promise.trim().is_empty() {
            out.follow_ups.push(follow_up(
                new_id(),
                who,
                FollowUpKind::IPromised,
                promise.trim().to_string(),
                PROMISE_DAYS,
            ));
        }
    }
    for (person, keep) in plan.suggested.iter().zip(&choices.people) {
        if !*keep || person.name.trim().is_empty() {
            continue;
        }
        let c = suggested_contact(
            person,
            interviewee,
            name,
            day,
            lang,
            Meta::new(new_id(), now),
        );
        out.follow_ups.push(follow_up(
            new_id(),
            &c.meta.id,
            FollowUpKind::Reminder,
            t[2].replace("{person}", person.name.trim())
                .replace("{name}", name),
            SUGGESTED_DAYS,
        ));
        out.contacts.push(c);
    }
    if let Some(days) = choices.report_back_days {
        out.follow_ups.push(follow_up(
            new_id(),
            who,
            FollowUpKind::IPromised,
            t[1].replace("{name}", name),
            i64::from(days.max(1)),
        ));
    }
    let summary = summary(plan, lang);
    out.interactions.push(Interaction {
        meta: Meta::new(new_id(), now),
        contact_id: who.to_string(),
        kind: InteractionKind::InformationalInterview,
        date: day,
        summary: if summary.is_empty() {
            t[4].to_string()
        } else {
            summary
        },
        keywords: vec![t[4].to_string()],
        other_contact_id: None,
        other_contact_name: String::new(),
    });
    out
}
