//! Pieces the interview screens share: local date-time conversion, the autosaving plan
//! editor, the interviewee's name and the names of the module's enumerations.

use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use leptos::prelude::*;

use super::store::{use_interviews, InterviewStore};
use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::display_name;
use crate::domain::format::date_long;
use crate::domain::interviews::library::Family;
use crate::domain::interviews::plan::Stage;
use crate::domain::record::{InterviewPlan, MeetingFormat};
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::contacts::parts::report_save;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::AppError;
use crate::ui::feedback::{use_feedback, Feedback};
use crate::ui::network::{use_network, NetworkStore};

/// The browser's local time for a UTC instant (daylight saving time of that day included).
pub fn local_time(at: DateTime<Utc>) -> NaiveDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let offset = -(date.get_timezone_offset() as i64);
    (at + chrono::Duration::minutes(offset)).naive_utc()
}

/// The value of a `datetime-local` input for an instant.
pub fn input_value(at: Option<DateTime<Utc>>) -> String {
    at.map(|at| local_time(at).format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// The instant a `datetime-local` input's value means in the browser's time zone.
pub fn parse_input(value: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M").ok()?;
    // The Date constructor reads a date-time without zone as local time, DST included.
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    if ms.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64)
}

/// "3 December 2026, 14:00" in the UI language.
pub fn when_text(i18n: I18n, at: DateTime<Utc>) -> String {
    let local = local_time(at);
    format!(
        "{}, {}",
        date_long(local.date(), lang_of(i18n.get_locale())),
        local.format("%H:%M")
    )
}

/// Whom a plan is with: the contact's name, or the name typed for someone not saved yet.
pub fn person_of(plan: &InterviewPlan) -> String {
    let store = use_network();
    plan.contact_id
        .as_deref()
        .and_then(|id| store.network.with(|n| n.contact(id).map(display_name)))
        .unwrap_or_else(|| plan.person_name.trim().to_string())
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

/// Every meeting format, in the order the picker lists them.
pub const FORMATS: [MeetingFormat; 3] = [
    MeetingFormat::InPerson,
    MeetingFormat::Phone,
    MeetingFormat::Video,
];

/// A format's form value.
pub fn format_id(f: MeetingFormat) -> &'static str {
    match f {
        MeetingFormat::InPerson => "in_person",
        MeetingFormat::Phone => "phone",
        MeetingFormat::Video => "video",
    }
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

/// Where the autosave stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything typed is stored.
    Saved,
    /// Changes wait for the next save.
    Pending,
    /// Another tab saved the plan since it was loaded here.
    Conflict(Box<InterviewPlan>),
    /// The last save failed (the error banner says why); the next change tries again.
    Failed,
}

/// How long typing must pause before a save. Short, so that closing the tab right after
/// typing loses at most a word; `pagehide` and leaving the screen save at once anyway.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

/// A plan being edited, saved automatically a moment after every change: the builder and
/// conduct mode have no save button, so nothing typed during a conversation can be lost
/// to a forgotten click.
#[derive(Clone, Copy)]
pub struct PlanEditor {
    /// The working copy (`None` until the plan is found).
    pub plan: RwSignal<Option<InterviewPlan>>,
    /// Where the autosave stands.
    pub state: RwSignal<SaveState>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    edits: StoredValue<u64>,
    extra: StoredValue<Dataset, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    closed: StoredValue<bool>,
    key: u64,
    data: Data,
    feedback: Feedback,
    store: InterviewStore,
    network: NetworkStore,
}

impl PlanEditor {
    /// An editor for plan `id`; it picks the plan up once the store has it, and follows
    /// another tab's saves while nothing typed here is waiting.
    pub fn new(id: impl Fn() -> String + 'static) -> PlanEditor {
        let store = use_interviews();
        // The editor's state lives outside this screen's owner: a save still running when
        // the user leaves must finish (and a change waiting behind it must follow) after
        // the screen is gone. It is released once nothing waits any more.
        let (key, owner) = store.keep_alive();
        let editor = owner.with(|| PlanEditor {
            plan: RwSignal::new(None),
            state: RwSignal::new(SaveState::Saved),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            edits: StoredValue::new(0),
            extra: StoredValue::new_local(Dataset::default()),
            timer: StoredValue::new(None),
            closed: StoredValue::new(false),
            key,
            data: use_data(),
            feedback: use_feedback(),
            store,
            network: use_network(),
        });
        let id = Rc::new(id);
        // The working copy follows the store unless it holds unsaved changes: the store
        // changes on a reload after another tab's save or an import.
        Effect::new(move |_| {
            let stored = store.plan(&id());
            let calm = editor.state.get_untracked() == SaveState::Saved && !editor.busy.get_value();
            let newer = match (&stored, editor.plan.get_untracked()) {
                (Some(s), Some(mine)) => {
                    s.meta.id != mine.meta.id || s.meta.revision > mine.meta.revision
                }
                (Some(_), None) => true,
                (None, _) => false,
            };
            if calm && newer {
                editor.plan.set(stored);
            }
        });
        let flush_on_hide = window_event_listener(leptos::ev::pagehide, move |_| editor.flush());
        on_cleanup(move || {
            flush_on_hide.remove();
            editor.closed.set_value(true);
            editor.flush();
            editor.release_if_idle();
        });
        editor
    }

    /// Once the screen is gone and no save runs or waits, frees the editor's state.
    fn release_if_idle(&self) {
        let idle = !self.busy.get_value() && self.state.get_untracked() != SaveState::Pending;
        if self.closed.get_value() && idle {
            if let Some(t) = self.timer.get_value() {
                t.clear();
            }
            self.store.release(self.key);
        }
    }

    /// Changes the working copy and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut InterviewPlan)) {
        let mut changed = false;
        self.plan.update(|p| {
            if let Some(p) = p {
                change(p);
                changed = true;
            }
        });
        if !changed {
            return;
        }
        self.edits.update_value(|n| *n += 1);
        if !matches!(self.state.get_untracked(), SaveState::Conflict(_)) {
            self.state.set(SaveState::Pending);
        }
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let editor = *self;
        self.timer
            .set_value(set_timeout_with_handle(move || editor.flush(), AUTOSAVE_DELAY).ok());
    }

    /// Saves now if anything waits; a save already under way is followed by another.
    pub fn flush(&self) {
        // A released editor (its screen gone, nothing waiting) has nothing to save; a
        // timer that was already queued when it was released may still call in.
        if self.state.try_get_untracked() != Some(SaveState::Pending) {
            return;
        }
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        let Some(plan) = self.plan.get_untracked() else {
            return;
        };
        let Ok(db) = self.data.db() else {
            self.state.set(SaveState::Failed);
            return;
        };
        self.busy.set_value(true);
        let sent = self.edits.get_value();
        let extra = self
            .extra
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let editor = *self;
        leptos::task::spawn_local(async move {
            let result = db.save_with(plan, extra.clone(), now()).await;
            editor.busy.set_value(false);
            match result {
                Ok((saved, created)) => {
                    for c in &created.contacts {
                        if let Err(e) = editor.network.reload_contact(&c.meta.id).await {
                            editor.feedback.error(AppError::ActionFailed(e));
                        }
                    }
                    // Keep what was typed meanwhile; take the new revision.
                    editor.plan.update(|p| {
                        if let Some(p) = p {
                            p.meta = saved.meta.clone();
                        }
                    });
                    editor.store.put_plan(saved);
                    editor.data.changed();
                    if editor.again.get_value() {
                        editor.again.set_value(false);
                        editor.flush();
                    } else if editor.edits.get_value() == sent {
                        editor.state.set(SaveState::Saved);
                    }
                }
                Err(SaveError::Conflict(Some(theirs))) => {
                    editor.extra.set_value(extra);
                    editor.state.set(SaveState::Conflict(theirs));
                }
                Err(e) => {
                    editor.extra.set_value(extra);
                    editor.feedback.error(report_save(e));
                    editor.state.set(SaveState::Failed);
                }
            }
            editor.release_if_idle();
        });
    }

    /// Changes the working copy and stores `new` records with its next save, in the same
    /// transaction (a person not saved yet becomes a contact when the date is set).
    pub fn edit_with(&self, new: Dataset, change: impl FnOnce(&mut InterviewPlan)) {
        self.extra.update_value(|extra| {
            extra.contacts.extend(new.contacts);
            extra.follow_ups.extend(new.follow_ups);
            extra.interactions.extend(new.interactions);
        });
        self.edit(change);
    }

    /// Resolves a conflict: keep this tab's version (saved over the other) or take theirs.
    pub fn resolve(&self, keep_mine: bool) {
        let SaveState::Conflict(theirs) = self.state.get_untracked() else {
            return;
        };
        if keep_mine {
            self.plan.update(|p| {
                if let Some(p) = p {
                    p.meta = theirs.meta.clone();
                }
            });
            self.state.set(SaveState::Pending);
            self.flush();
        } else {
            self.store.put_plan((*theirs).clone());
            self.plan.set(Some(*theirs));
            self.state.set(SaveState::Saved);
        }
    }
}

/// "Saved" / "Saving…" next to an autosaving form, and the conflict choice.
#[component]
pub fn SaveStatus(editor: PlanEditor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-status muted" role="status">
            {move || match editor.state.get() {
                SaveState::Saved => t_string!(i18n, interviews.saved).to_string(),
                SaveState::Pending => t_string!(i18n, interviews.saving).to_string(),
                SaveState::Failed => t_string!(i18n, interviews.save_failed).to_string(),
                SaveState::Conflict(_) => String::new(),
            }}
        </p>
        {move || matches!(editor.state.get(), SaveState::Conflict(_)).then(|| view! {
            <div class="banner banner--warn" role="alert">
                <p>{t!(i18n, interviews.conflict)}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| editor.resolve(true)>{t!(i18n, interviews.keep_mine)}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| editor.resolve(false)>{t!(i18n, interviews.take_theirs)}</button>
                </div>
            </div>
        })}
    }
}
