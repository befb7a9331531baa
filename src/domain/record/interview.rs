//! Informational interviews: plans with their questions, and the user's own questions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::*;
use crate::domain::interviews::library::Family;
use crate::domain::interviews::plan::ItemState;

/// How an interview takes place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    /// Face to face.
    #[default]
    InPerson,
    /// Phone call.
    Phone,
    /// Video call.
    Video,
}

impl Code for MeetingFormat {
    /// In the order the picker lists them.
    const ALL: &'static [Self] = &[
        MeetingFormat::InPerson,
        MeetingFormat::Phone,
        MeetingFormat::Video,
    ];

    fn key(self) -> &'static str {
        match self {
            MeetingFormat::InPerson => "in_person",
            MeetingFormat::Phone => "phone",
            MeetingFormat::Video => "video",
        }
    }
}

/// One question in an interview plan, with the answer noted during the conversation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanItem {
    /// The library question it came from, if any.
    pub question_id: Option<String>,
    /// The question as asked.
    pub text: String,
    /// Estimated minutes.
    pub minutes: u32,
    /// The answer as noted.
    pub answer: String,
    /// Whether it was asked, skipped, or is still open.
    pub state: Coded<ItemState>,
}

/// An informational interview: preparation, questions and answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InterviewPlan {
    /// Common fields.
    pub meta: Meta,
    /// The person interviewed.
    #[serde(default)]
    pub contact_id: Option<String>,
    /// What the user wants to learn.
    #[serde(default)]
    pub goal: String,
    /// When it takes place.
    #[serde(default)]
    pub scheduled: Option<DateTime<Utc>>,
    /// How it takes place.
    #[serde(default)]
    pub format: MeetingFormat,
    /// Address or call link.
    #[serde(default)]
    pub place: String,
    /// Planned length, 15–60 minutes.
    #[serde(default = "default_duration")]
    pub duration_minutes: u32,
    /// The questions in order.
    #[serde(default)]
    pub items: Vec<PlanItem>,
    /// The user's short introduction of themselves.
    #[serde(default)]
    pub my_intro: String,
    /// Free preparation notes.
    #[serde(default)]
    pub notes: String,
    /// For a person not saved as a contact yet: their name. They become a contact when
    /// the interview is scheduled.
    #[serde(default)]
    pub person_name: String,
    /// For a person not saved as a contact yet: where they work.
    #[serde(default)]
    pub person_company: String,
    /// What the user hopes to learn (part of the preparation checklist).
    #[serde(default)]
    pub hopes: String,
    /// The research steps of the preparation checklist that are done.
    #[serde(default)]
    pub prep: Prep,
    /// When conduct mode was first opened: the timer counts from here.
    #[serde(default)]
    pub started: Option<DateTime<Utc>>,
    /// When the user ended the conversation in conduct mode.
    #[serde(default)]
    pub finished: Option<DateTime<Utc>>,
    /// When the wrap-up was written (contacts, promises and the timeline entry created).
    #[serde(default)]
    pub wrapped_up: Option<DateTime<Utc>>,
    /// People the interviewee suggested talking to, captured during the conversation.
    #[serde(default)]
    pub suggested: Vec<SuggestedPerson>,
    /// What the user promised during the conversation, one entry each.
    #[serde(default)]
    pub promised: Vec<String>,
}

/// The research steps of an interview's preparation checklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prep {
    /// Researched the organisation.
    pub organisation: bool,
    /// Researched the person's path.
    pub person: bool,
    /// Researched the field.
    pub field: bool,
}

/// Someone the interviewee suggested talking to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SuggestedPerson {
    /// Their name as noted.
    pub name: String,
    /// Where they work, if said.
    pub company: String,
    /// Why talk to them, or anything else noted.
    pub note: String,
    /// Whether the interviewee allowed mentioning their name.
    pub may_mention: bool,
}

/// Whether `id` names a built-in question (kept in the code, not in the store).
pub fn is_builtin_question(id: &str) -> bool {
    id.starts_with("builtin-")
}

fn default_duration() -> u32 {
    30
}

impl Record for InterviewPlan {
    const KIND: Kind = Kind::InterviewPlans;
    meta_field!(interview_plans);
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        let mut values = Vec::new();
        if let Some(c) = &self.contact_id {
            values.push(("contact", IndexValue::Text(c.clone())));
        }
        if let Some(at) = self.scheduled {
            values.push(("date", date_key(at.date_naive())));
        }
        values
    }
    fn references(&self) -> Vec<Reference<'_>> {
        let contact = Reference::optional(
            Kind::Contacts,
            "contact_id",
            Link::Mention,
            &self.contact_id,
        );
        let questions = self.items.iter().filter_map(|i| {
            Reference::optional(
                Kind::Questions,
                "items.question_id",
                Link::Mention,
                &i.question_id,
            )
            // Built-in questions live in the code, not in the store.
            .filter(|r| !is_builtin_question(r.id))
        });
        contact.into_iter().chain(questions).collect()
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        let contact = ReferenceMut {
            target: Kind::Contacts,
            field: "contact_id",
            link: Link::Mention,
            slot: Slot::Optional(&mut self.contact_id),
        };
        let questions = self
            .items
            .iter_mut()
            .filter(|i| !i.question_id.as_deref().is_some_and(is_builtin_question))
            .map(|i| ReferenceMut {
                target: Kind::Questions,
                field: "items.question_id",
                link: Link::Mention,
                slot: Slot::Optional(&mut i.question_id),
            });
        std::iter::once(contact).chain(questions).collect()
    }
    fn remember_contact(&mut self, field: &'static str, name: &str, company: &str) {
        if field == "contact_id" {
            if self.person_name.trim().is_empty() {
                self.person_name = fit_line(name);
            }
            if self.person_company.trim().is_empty() {
                self.person_company = fit_line(company);
            }
        }
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if !(15..=60).contains(&self.duration_minutes) {
            return Err(RecordProblem::Invalid("duration_minutes"));
        }
        text("goal", &self.goal)?;
        line("place", &self.place)?;
        text("my_intro", &self.my_intro)?;
        text("notes", &self.notes)?;
        line("person_name", &self.person_name)?;
        line("person_company", &self.person_company)?;
        text("hopes", &self.hopes)?;
        for item in &self.items {
            text("items.text", &item.text)?;
            text("items.answer", &item.answer)?;
            if item.minutes > 60 {
                return Err(RecordProblem::Invalid("items.minutes"));
            }
        }
        for p in &self.suggested {
            line("suggested.name", &p.name)?;
            line("suggested.company", &p.company)?;
            text("suggested.note", &p.note)?;
        }
        lines("promised", &self.promised)?;
        time("scheduled", self.scheduled)?;
        time("started", self.started)?;
        time("finished", self.finished)?;
        time("wrapped_up", self.wrapped_up)
    }
}

/// A question the user wrote, or the user's state of a built-in one (hidden).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Common fields.
    pub meta: Meta,
    /// The question.
    pub text: String,
    /// The family it belongs to (daily work, getting in, …).
    #[serde(default)]
    pub family: Coded<Family>,
    /// Estimated minutes.
    #[serde(default)]
    pub minutes: u32,
    /// Why to ask it.
    #[serde(default)]
    pub hint: String,
    /// Archived questions are kept but not offered.
    #[serde(default)]
    pub archived: bool,
}

impl Record for Question {
    const KIND: Kind = Kind::Questions;
    meta_field!(questions);
    fn check(&self) -> Result<(), RecordProblem> {
        if self.text.trim().is_empty() {
            return Err(RecordProblem::Missing("text"));
        }
        text("text", &self.text)?;
        line("family", self.family.key())?;
        text("hint", &self.hint)
    }
}
