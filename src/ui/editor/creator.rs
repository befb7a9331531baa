//! Saving the record a "new …" form made.

use leptos::prelude::*;

use crate::domain::record::Record;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{report_save, use_feedback, Feedback};

/// Saves the record a "new …" form made, at most once at a time, and shows any failure;
/// what happens with the stored record (into its store, on to its screen) is the caller's.
#[derive(Clone, Copy)]
pub struct Creator {
    data: Data,
    feedback: Feedback,
    /// True while a save runs; the form's button is disabled meanwhile.
    pub busy: RwSignal<bool>,
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

    /// Stores `record` and hands the stored version to `then`; a second call while the
    /// first still runs does nothing, so a double click makes one record.
    pub fn create<R: Record + 'static>(self, record: R, then: impl FnOnce(R) + 'static) {
        if self.busy.get_untracked() {
            return;
        }
        let Some(db) = self.feedback.database(self.data) else {
            return;
        };
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            match db.save(record, now()).await {
                Ok(saved) => {
                    self.data.changed();
                    then(saved);
                }
                Err(e) => self.feedback.error(report_save(e)),
            }
            self.busy.set(false);
        });
    }
}
