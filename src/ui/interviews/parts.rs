//! Pieces the interview screens share: the autosaving plan editor, the interviewee's
//! name and the names of the module's enumerations.

use leptos::prelude::*;

use super::store::use_interviews;
use crate::domain::contacts::draft::display_name;
use crate::domain::interviews::library::Family;
use crate::domain::interviews::plan::{QuestionError, Stage};
use crate::domain::record::{InterviewPlan, MeetingFormat};
use crate::i18n::*;
use crate::ui::contacts::store::use_network;
use crate::ui::editor::Editor;

/// Whom a plan is with: the contact's name, or the name typed for someone not saved yet.
pub fn person_of(plan: &InterviewPlan) -> String {
    let store = use_network();
    plan.contact_id
        .as_deref()
        .and_then(|id| store.network.with(|n| n.contact(id).map(display_name)))
        .unwrap_or_else(|| plan.person_name.trim().to_string())
}

/// Whom an editor's plan is with ([`person_of`]). With `or_no_name`, "(no name yet)"
/// while the name is empty, for texts that would otherwise have a gap; without it empty,
/// for screens that word that case themselves.
pub fn person_memo(editor: PlanEditor, or_no_name: bool) -> Memo<String> {
    let i18n = use_i18n();
    Memo::new(move |_| {
        let name = editor
            .record
            .with(|p| p.as_ref().map(person_of))
            .unwrap_or_default();
        if name.is_empty() && or_no_name {
            t_string!(i18n, interviews.no_name).to_string()
        } else {
            name
        }
    })
}

/// The name of a family.
pub fn family_label(i18n: I18n, family: Family) -> String {
    match family {
        Family::DailyWork => t_string!(i18n, interviews.family.daily_work),
        Family::GettingIn => t_string!(i18n, interviews.family.getting_in),
        Family::UpsDowns => t_string!(i18n, interviews.family.ups_downs),
        Family::Skills => t_string!(i18n, interviews.family.skills),
        Family::CareerPaths => t_string!(i18n, interviews.family.career_paths),
        Family::Organisation => t_string!(i18n, interviews.family.organisation),
        Family::Trends => t_string!(i18n, interviews.family.trends),
        Family::Insights => t_string!(i18n, interviews.family.insights),
        Family::Advice => t_string!(i18n, interviews.family.advice),
        Family::Resources => t_string!(i18n, interviews.family.resources),
        Family::Assignments => t_string!(i18n, interviews.family.assignments),
        Family::Closing => t_string!(i18n, interviews.family.closing),
    }
    .to_string()
}

/// What is wrong with a typed question, in the user's language.
pub fn question_error_text(i18n: I18n, error: QuestionError) -> String {
    match error {
        QuestionError::TextMissing => t_string!(i18n, interviews.builder.own_missing),
        QuestionError::MinutesInvalid => t_string!(i18n, interviews.builder.minutes_invalid),
    }
    .to_string()
}

/// The name of a format.
pub fn format_label(i18n: I18n, f: MeetingFormat) -> String {
    match f {
        MeetingFormat::InPerson => t_string!(i18n, interviews.format.in_person),
        MeetingFormat::Phone => t_string!(i18n, interviews.format.phone),
        MeetingFormat::Video => t_string!(i18n, interviews.format.video),
    }
    .to_string()
}

/// The name of a stage.
pub fn stage_label(i18n: I18n, s: Stage) -> String {
    match s {
        Stage::Draft => t_string!(i18n, interviews.stage.draft),
        Stage::Scheduled => t_string!(i18n, interviews.stage.scheduled),
        Stage::Running => t_string!(i18n, interviews.stage.running),
        Stage::Held => t_string!(i18n, interviews.stage.held),
        Stage::Done => t_string!(i18n, interviews.stage.done),
    }
    .to_string()
}

/// A plan being edited, saved automatically a moment after every change: the builder and
/// conduct mode have no save button, so nothing typed during a conversation can be lost
/// to a forgotten click.
pub type PlanEditor = Editor<InterviewPlan>;

/// An autosaving editor for plan `id`, kept in step with the interview store.
pub fn plan_editor(id: impl Fn() -> String + 'static) -> PlanEditor {
    let store = use_interviews();
    Editor::new(id, move |id| store.plan(id), move |p| store.put_plan(p))
}
