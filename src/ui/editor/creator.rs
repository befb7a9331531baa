//! Running a form's write: at most one at a time, with the button busy meanwhile.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::domain::record::Record;
use crate::storage::db::Database;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{report_save, use_feedback, Feedback};

/// Runs the writes of one form (or one row's button), at most one at a time; the form's
/// submit button follows [`Creator::busy`], so a double click writes once.
#[derive(Clone, Copy)]
pub struct Creator {
    data: Data,
    feedback: Feedback,
    /// True while a write runs; the form's button is disabled meanwhile.
    pub busy: RwSignal<bool>,
}

/// Runs `writing` and then marks the form idle again.
fn spawn_busy(writing: Pin<Box<dyn Future<Output = ()>>>, busy: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        writing.await;
        busy.set(false);
    });
}

impl Creator {
    /// A creator for the current screen.
    pub fn new() -> Self {
        Self {
            data: use_data(),
            feedback: use_feedback(),
            busy: RwSignal::new(false),
        }
    }

    /// Runs `write` with the open database and stays busy until it has finished; does
    /// nothing while an earlier write runs, or when there is no database (which the
    /// feedback area reports). `write` shows its own outcome.
    pub fn run<F>(self, write: impl FnOnce(Database) -> F)
    where
        F: Future<Output = ()> + 'static,
    {
        if self.busy.get_untracked() {
            return;
        }
        let Some(db) = self.feedback.database(self.data) else {
            return;
        };
        self.busy.set(true);
        // Boxed, so the task around it is compiled once, not once per form.
        let writing: Pin<Box<dyn Future<Output = ()>>> = Box::pin(write(db));
        spawn_busy(writing, self.busy);
    }

    /// Stores `record` (new, or a changed one) and hands the stored version to `then`; a
    /// failure is shown. What happens with the stored record (into its store, on to its
    /// screen) is the caller's.
    pub fn create<R: Record + 'static>(self, record: R, then: impl FnOnce(R) + 'static) {
        let Creator { data, feedback, .. } = self;
        self.run(move |db| async move {
            match db.save(record, now()).await {
                Ok(saved) => {
                    data.changed();
                    then(saved);
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    }
}
