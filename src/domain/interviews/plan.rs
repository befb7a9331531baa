//! The rules of an interview plan: its time budget, the order of its questions, the
//! preparation checklist and where the plan stands.

use chrono::{DateTime, Utc};

use super::library::{builtin, Entry, CLOSING_ID};
use crate::domain::code::Code;
use crate::domain::lang::Lang;
use crate::domain::record::{InterviewPlan, MeetingFormat, Meta, PlanItem, Prep};
use crate::domain::sorting::{sort, sort_by};

/// Shortest plannable conversation, in minutes.
pub const MIN_DURATION: u32 = 15;
/// Longest plannable conversation, in minutes.
pub const MAX_DURATION: u32 = 60;
/// The length people are asked for (20–30 minutes); the default plan takes the upper end.
pub const DEFAULT_DURATION: u32 = 30;
/// Beyond this the plan asks for more than the 20–30 minutes people usually agree to.
pub const USUAL_MAX: u32 = 30;
/// Minutes an own question is estimated at unless the user says otherwise.
pub const DEFAULT_MINUTES: u32 = 3;

/// What is wrong with a question the user typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionError {
    /// No text.
    TextMissing,
    /// The minutes are not a whole number from 1 to [`MAX_DURATION`].
    MinutesInvalid,
}

/// A question as the user typed it (for a plan or the library): its trimmed text and its
/// minutes, or what is wrong.
pub fn typed_question(text: &str, minutes: &str) -> Result<(String, u32), QuestionError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(QuestionError::TextMissing);
    }
    match minutes.trim().parse::<u32>() {
        Ok(m) if (1..=MAX_DURATION).contains(&m) => Ok((text.to_string(), m)),
        _ => Err(QuestionError::MinutesInvalid),
    }
}

/// Where a question stands in the conversation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ItemState {
    /// Not reached yet.
    #[default]
    Open,
    /// Asked (with or without an answer noted).
    Asked,
    /// Deliberately left out.
    Skipped,
}

/// An open question is stored as the empty text, as before the state had names.
impl Code for ItemState {
    const ALL: &'static [Self] = &[ItemState::Open, ItemState::Asked, ItemState::Skipped];

    fn key(self) -> &'static str {
        match self {
            ItemState::Open => "",
            ItemState::Asked => "asked",
            ItemState::Skipped => "skipped",
        }
    }
}

/// Minutes reserved for small talk at the start and for wrap-up (next steps, thanks) at
/// the end: each a tenth of the conversation, at least 2 and at most 5 minutes.
pub fn slot_minutes(duration: u32) -> u32 {
    (duration / 10).clamp(2, 5)
}

/// The time budget of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// The planned length.
    pub planned: u32,
    /// Small talk at the start.
    pub small_talk: u32,
    /// The questions' estimates added up (skipped ones left out).
    pub questions: u32,
    /// Next steps and thanks at the end.
    pub wrap_up: u32,
}

impl Budget {
    /// The budget of `plan`.
    pub fn of(plan: &InterviewPlan) -> Budget {
        let planned = plan.duration_minutes.clamp(MIN_DURATION, MAX_DURATION);
        let slot = slot_minutes(planned);
        Budget {
            planned,
            small_talk: slot,
            questions: plan
                .items
                .iter()
                .filter(|i| i.state.or(ItemState::Open) != ItemState::Skipped)
                .map(|i| i.minutes)
                .sum(),
            wrap_up: slot,
        }
    }

    /// Everything added up.
    pub fn total(&self) -> u32 {
        self.small_talk + self.questions + self.wrap_up
    }

    /// Minutes over the planned length (0 when it fits).
    pub fn over(&self) -> u32 {
        self.total().saturating_sub(self.planned)
    }

    /// Minutes left for more questions (0 when full or over).
    pub fn left(&self) -> u32 {
        self.planned.saturating_sub(self.total())
    }

    /// Whether the plan asks for more than the 20–30 minutes people usually agree to.
    pub fn longer_than_usual(&self) -> bool {
        self.planned > USUAL_MAX
    }
}

/// A new plan: 30 minutes, in person, ending with the closing question.
pub fn new_plan(meta: Meta, lang: Lang) -> InterviewPlan {
    InterviewPlan {
        meta,
        contact_id: None,
        goal: String::new(),
        scheduled: None,
        format: MeetingFormat::InPerson,
        place: String::new(),
        duration_minutes: DEFAULT_DURATION,
        items: vec![closing_item(lang)],
        my_intro: String::new(),
        notes: String::new(),
        person_name: String::new(),
        person_company: String::new(),
        hopes: String::new(),
        prep: Prep::default(),
        started: None,
        finished: None,
        wrapped_up: None,
        suggested: Vec::new(),
        promised: Vec::new(),
    }
}

/// The closing question ("whom else should I talk to?") as a plan item.
// The closing question is part of the built-in library, which is constant; the library's
// tests check that it is there.
#[allow(clippy::expect_used)]
pub fn closing_item(lang: Lang) -> PlanItem {
    let b = builtin(CLOSING_ID).expect("the closing question is built in");
    PlanItem {
        question_id: Some(CLOSING_ID.to_string()),
        text: b.text(lang).to_string(),
        minutes: b.minutes,
        ..PlanItem::default()
    }
}

/// A plan item for a library entry.
pub fn item_of(entry: &Entry) -> PlanItem {
    PlanItem {
        question_id: Some(entry.id.clone()),
        text: entry.text.clone(),
        minutes: entry.minutes,
        ..PlanItem::default()
    }
}

/// A plan item for a question written inline.
pub fn own_item(text: &str, minutes: u32) -> PlanItem {
    PlanItem {
        question_id: None,
        text: text.trim().to_string(),
        minutes: minutes.clamp(1, MAX_DURATION),
        ..PlanItem::default()
    }
}

/// Adds a question. It goes before the closing question when the plan ends with it, so
/// "whom else should I talk to?" stays last. Returns the new item's position.
pub fn add_item(items: &mut Vec<PlanItem>, item: PlanItem) -> usize {
    let at = match items.last() {
        Some(last) if last.question_id.as_deref() == Some(CLOSING_ID) => items.len() - 1,
        _ => items.len(),
    };
    items.insert(at, item);
    at
}

/// Whether the plan already holds the library question `id`.
pub fn contains(items: &[PlanItem], id: &str) -> bool {
    items.iter().any(|i| i.question_id.as_deref() == Some(id))
}

/// Moves the item at `from` to position `to` (both clamped to the list); returns where it
/// ended up, or `None` if `from` is out of range.
pub fn move_item(items: &mut Vec<PlanItem>, from: usize, to: usize) -> Option<usize> {
    if from >= items.len() {
        return None;
    }
    let item = items.remove(from);
    let to = to.min(items.len());
    items.insert(to, item);
    Some(to)
}

/// Moves an item one place up; `None` if it is first already.
pub fn move_up(items: &mut [PlanItem], at: usize) -> Option<usize> {
    (at > 0 && at < items.len()).then(|| {
        items.swap(at, at - 1);
        at - 1
    })
}

/// Moves an item one place down; `None` if it is last already.
pub fn move_down(items: &mut [PlanItem], at: usize) -> Option<usize> {
    (at + 1 < items.len()).then(|| {
        items.swap(at, at + 1);
        at + 1
    })
}

/// One step of the preparation checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrepStep {
    /// Researched the organisation.
    Organisation,
    /// Researched the person's path.
    Person,
    /// Researched the field.
    Field,
    /// Wrote the short introduction.
    Intro,
    /// Noted what I hope to learn.
    Hopes,
    /// Prepared at least three questions besides the closing one.
    Questions,
}

impl PrepStep {
    /// Every step, in checklist order.
    pub const ALL: [PrepStep; 6] = [
        PrepStep::Organisation,
        PrepStep::Person,
        PrepStep::Field,
        PrepStep::Intro,
        PrepStep::Hopes,
        PrepStep::Questions,
    ];
}

/// Questions (besides the closing one) a prepared plan has at least.
pub const PREPARED_QUESTIONS: usize = 3;

/// Whether a step is done. The research steps are ticked by hand; the others follow from
/// what the plan holds, so they cannot be ticked without doing them.
pub fn step_done(plan: &InterviewPlan, step: PrepStep) -> bool {
    match step {
        PrepStep::Organisation => plan.prep.organisation,
        PrepStep::Person => plan.prep.person,
        PrepStep::Field => plan.prep.field,
        PrepStep::Intro => !plan.my_intro.trim().is_empty(),
        PrepStep::Hopes => !plan.hopes.trim().is_empty(),
        PrepStep::Questions => {
            plan.items
                .iter()
                .filter(|i| i.question_id.as_deref() != Some(CLOSING_ID))
                .count()
                >= PREPARED_QUESTIONS
        }
    }
}

/// Steps done and steps in total.
pub fn prep_progress(plan: &InterviewPlan) -> (usize, usize) {
    let done = PrepStep::ALL
        .iter()
        .filter(|s| step_done(plan, **s))
        .count();
    (done, PrepStep::ALL.len())
}

/// Where a plan stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// No date yet.
    Draft,
    /// Date set, conversation not started.
    Scheduled,
    /// Conduct mode opened, not finished.
    Running,
    /// Conversation over, wrap-up not written yet.
    Held,
    /// Wrapped up.
    Done,
}

/// The stage of `plan`.
pub fn stage(plan: &InterviewPlan) -> Stage {
    if plan.wrapped_up.is_some() {
        Stage::Done
    } else if plan.finished.is_some() {
        Stage::Held
    } else if plan.started.is_some() {
        Stage::Running
    } else if plan.scheduled.is_some() {
        Stage::Scheduled
    } else {
        Stage::Draft
    }
}

/// Seconds since the conversation started, up to `now` (or the end, once finished).
pub fn elapsed_seconds(plan: &InterviewPlan, now: DateTime<Utc>) -> i64 {
    let Some(start) = plan.started else { return 0 };
    let end = plan.finished.unwrap_or(now);
    (end - start).num_seconds().max(0)
}

/// The position of the question to ask now: the first open one, else none.
pub fn current_index(items: &[PlanItem]) -> Option<usize> {
    items
        .iter()
        .position(|i| i.state.or(ItemState::Open) == ItemState::Open)
}

/// The question to go on with after the one at `after`: the next open one, else the first
/// open one before it, else none (a state a newer version wrote counts as open).
pub fn next_open(items: &[PlanItem], after: usize) -> Option<usize> {
    items
        .iter()
        .enumerate()
        .skip(after + 1)
        .find(|(_, i)| i.state.or(ItemState::Open) == ItemState::Open)
        .map(|(n, _)| n)
        .or_else(|| current_index(items))
}

/// Questions asked and questions in total.
pub fn asked_count(items: &[PlanItem]) -> (usize, usize) {
    (
        items
            .iter()
            .filter(|i| i.state.or(ItemState::Open) == ItemState::Asked)
            .count(),
        items.len(),
    )
}

/// Elapsed time as `m:ss` (or `h:mm:ss` past an hour), for the timer.
pub fn clock_text(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// How long after its start time an untouched appointment counts as probably held.
pub const PROBABLY_HELD_HOURS: i64 = 1;

/// What Today shows about interviews.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agenda {
    /// Plans whose appointment lies within the horizon, soonest first (with a running
    /// one first of all).
    pub upcoming: Vec<String>,
    /// Conversations that took place (or whose time has passed) and are not wrapped up.
    pub to_wrap_up: Vec<String>,
    /// Plans without a date whose preparation is unfinished.
    pub unfinished: Vec<String>,
}

/// Today's interview agenda: appointments in the next `days` days, conversations to wrap
/// up, and undated plans still being prepared.
pub fn agenda(plans: &[InterviewPlan], now: DateTime<Utc>, days: i64) -> Agenda {
    let horizon = now + chrono::Duration::days(days);
    let passed = now - chrono::Duration::hours(PROBABLY_HELD_HOURS);
    let mut upcoming: Vec<(u8, DateTime<Utc>, &str)> = Vec::new();
    let mut to_wrap_up: Vec<(DateTime<Utc>, &str)> = Vec::new();
    let mut unfinished: Vec<(DateTime<Utc>, &str)> = Vec::new();
    for p in plans {
        let id = p.meta.id.as_str();
        match (stage(p), p.scheduled) {
            (Stage::Done, _) => {}
            (Stage::Held, _) => to_wrap_up.push((p.finished.unwrap_or(now), id)),
            (Stage::Running, at) => upcoming.push((0, at.unwrap_or(now), id)),
            (Stage::Scheduled, Some(at)) if at < passed => to_wrap_up.push((at, id)),
            (Stage::Scheduled, Some(at)) if at <= horizon => upcoming.push((1, at, id)),
            (Stage::Draft, _) => {
                let (done, total) = prep_progress(p);
                if done < total {
                    unfinished.push((p.meta.updated, id));
                }
            }
            _ => {}
        }
    }
    sort(&mut upcoming);
    sort(&mut to_wrap_up);
    sort_by(&mut unfinished, |a, b| b.cmp(a));
    Agenda {
        upcoming: upcoming
            .into_iter()
            .map(|(_, _, id)| id.to_string())
            .collect(),
        to_wrap_up: to_wrap_up
            .into_iter()
            .map(|(_, id)| id.to_string())
            .collect(),
        unfinished: unfinished
            .into_iter()
            .map(|(_, id)| id.to_string())
            .collect(),
    }
}
