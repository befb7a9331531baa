//! Interview plans, the user's questions and templates in memory, as app state. They are
//! few (dozens, not thousands), so all of them are read when the database opens and again
//! after imports or another tab's changes; this tab's saves update them one by one.

use leptos::prelude::*;

use crate::domain::record::{InterviewPlan, Question, Record, Template};
use crate::storage::StorageError;
use crate::ui::data::use_data;
use crate::ui::feedback::{use_feedback, AppError};

/// The interview state, provided once by the app.
#[derive(Clone, Copy)]
pub struct InterviewStore {
    /// Every plan.
    pub plans: RwSignal<Vec<InterviewPlan>>,
    /// The user's own questions and the hidden state of built-in ones.
    pub questions: RwSignal<Vec<Question>>,
    /// Every stored template (interview and message templates).
    pub templates: RwSignal<Vec<Template>>,
    /// Whether the first read finished.
    pub loaded: RwSignal<bool>,
}

/// Replaces the record with the same id, or adds it.
fn put<R: Record>(list: &mut Vec<R>, record: R) {
    match list.iter_mut().find(|r| r.meta().id == record.meta().id) {
        Some(slot) => *slot = record,
        None => list.push(record),
    }
}

impl InterviewStore {
    /// Creates the store, loads it whenever the data changed wholesale, and provides it.
    pub fn provide() -> InterviewStore {
        let data = use_data();
        let feedback = use_feedback();
        let store = InterviewStore {
            plans: RwSignal::new(Vec::new()),
            questions: RwSignal::new(Vec::new()),
            templates: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
        };
        provide_context(store);
        Effect::new(move |_| {
            let epoch = data.epoch.get();
            if !data.ready() {
                return;
            }
            leptos::task::spawn_local(async move {
                let read = async {
                    let db = data.db()?;
                    Ok::<_, StorageError>((
                        db.all::<InterviewPlan>().await?,
                        db.all::<Question>().await?,
                        db.all::<Template>().await?,
                    ))
                }
                .await;
                // A newer reload is on its way; its result wins.
                if data.epoch.get_untracked() != epoch {
                    return;
                }
                match read {
                    Ok((plans, questions, templates)) => {
                        store.plans.set(plans);
                        store.questions.set(questions);
                        store.templates.set(templates);
                        store.loaded.set(true);
                    }
                    Err(e) => feedback.error(AppError::ActionFailed(e)),
                }
            });
        });
        store
    }

    /// A plan by id (tracked).
    pub fn plan(&self, id: &str) -> Option<InterviewPlan> {
        self.plans
            .with(|list| list.iter().find(|p| p.meta.id == id).cloned())
    }

    /// Puts a saved plan in.
    pub fn put_plan(&self, plan: InterviewPlan) {
        self.plans.update(|list| put(list, plan));
    }

    /// Takes a deleted plan out.
    pub fn remove_plan(&self, id: &str) {
        self.plans.update(|list| list.retain(|p| p.meta.id != id));
    }

    /// Puts a saved question in.
    pub fn put_question(&self, question: Question) {
        self.questions.update(|list| put(list, question));
    }

    /// Puts a saved template in.
    pub fn put_template(&self, template: Template) {
        self.templates.update(|list| put(list, template));
    }

    /// Takes a deleted template out.
    pub fn remove_template(&self, id: &str) {
        self.templates
            .update(|list| list.retain(|t| t.meta.id != id));
    }
}

/// Reads the [`InterviewStore`] provided by the app.
pub fn use_interviews() -> InterviewStore {
    expect_context()
}
