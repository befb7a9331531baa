//! Interview plans in memory, as app state. They are few (dozens, not thousands), so all
//! of them are read when the database opens (Today lists the next ones) and again after
//! imports or another tab's changes; this tab's saves update them one by one. Questions
//! and templates are in [`crate::ui::library_store`].

use leptos::prelude::*;

use crate::domain::record::InterviewPlan;
use crate::ui::data::{put_record, reload_on_epoch};

/// The interview state, provided once by the app.
#[derive(Clone, Copy)]
pub struct InterviewStore {
    /// Every plan.
    pub plans: RwSignal<Vec<InterviewPlan>>,
    /// Whether the first read finished.
    pub loaded: RwSignal<bool>,
}

impl InterviewStore {
    /// Creates the store, loads it whenever the data changed wholesale, and provides it.
    pub fn provide() -> InterviewStore {
        let store = InterviewStore {
            plans: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
        };
        provide_context(store);
        reload_on_epoch(
            |db| async move { db.all::<InterviewPlan>().await },
            move |plans| {
                store.plans.set(plans);
                // Only on a change, so that open screens are not rebuilt by a reload.
                if !store.loaded.get_untracked() {
                    store.loaded.set(true);
                }
            },
        );
        store
    }

    /// A plan by id (tracked).
    pub fn plan(&self, id: &str) -> Option<InterviewPlan> {
        self.plans
            .with(|list| list.iter().find(|p| p.meta.id == id).cloned())
    }

    /// Puts a saved plan in.
    pub fn put_plan(&self, plan: InterviewPlan) {
        self.plans.update(|list| put_record(list, plan));
    }

    /// Takes a deleted plan out.
    pub fn remove_plan(&self, id: &str) {
        self.plans.update(|list| list.retain(|p| p.meta.id != id));
    }
}

/// Reads the [`InterviewStore`] provided by the app.
pub fn use_interviews() -> InterviewStore {
    expect_context()
}
