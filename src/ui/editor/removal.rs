//! Deleting a stored record with an undo offer, and what the undo brings back.

use std::cell::RefCell;
use std::rc::Rc;

use crate::domain::record::{Kind, Record};
use crate::storage::db::Removal;
use crate::ui::data::{now, Data};
use crate::ui::feedback::{AppError, Feedback};

/// Deletes a stored record (with what belongs to it, clearing the mentions of it
/// elsewhere; see `Database::remove`) and offers to bring everything back for a while.
/// `removed` runs after the delete (take it out of its store, leave its screen),
/// `restored` with the record as the undo put it back.
pub fn delete_with_undo<R: Record + 'static>(
    data: Data,
    feedback: Feedback,
    record: R,
    done: String,
    removed: impl FnOnce() + 'static,
    restored: impl Fn(R) + Copy + 'static,
) {
    let id = record.meta().id.clone();
    delete_kind_with_undo(
        data,
        feedback,
        (R::KIND, id),
        done,
        Box::new(removed),
        Rc::new(move || restored(record.clone())),
    );
}

thread_local! {
    /// The records being deleted right now: a second click on a delete button while the
    /// first delete runs would only find the record gone and report that as a failure.
    static DELETING: RefCell<Vec<(Kind, String)>> = const { RefCell::new(Vec::new()) };
}

/// [`delete_with_undo`] for a kind known at run time: one copy of the code for all kinds.
fn delete_kind_with_undo(
    data: Data,
    feedback: Feedback,
    (kind, id): (Kind, String),
    done: String,
    removed: Box<dyn FnOnce()>,
    restored: Rc<dyn Fn()>,
) {
    let key = (kind, id.clone());
    if DELETING.with_borrow(|deleting| deleting.contains(&key)) {
        return;
    }
    let Some(db) = feedback.database(data) else {
        return;
    };
    DELETING.with_borrow_mut(|deleting| deleting.push(key.clone()));
    leptos::task::spawn_local(async move {
        let outcome = db.remove_by_kind(kind, &id, now()).await;
        DELETING.with_borrow_mut(|deleting| deleting.retain(|k| *k != key));
        match outcome {
            Ok(removal) => {
                removed();
                refresh_after(data, &removal, false);
                feedback.offer_undo(done, move || {
                    let restored = restored.clone();
                    undo_removal(data, feedback, removal.clone(), move |kept| {
                        if !kept {
                            restored();
                        }
                    });
                });
            }
            Err(e) => feedback.error(AppError::ActionFailed(e)),
        }
    });
}

/// Refreshes what shows stored data after a removal or its undo: a removal that changed
/// other records (a contact's mentions, a message's reminders) reloads every store, as
/// does an undo that kept another tab's newer versions.
pub fn refresh_after(data: Data, removal: &Removal, kept_some: bool) {
    if removal.detached.is_empty() && !kept_some && removal.removed.contacts.is_empty() {
        data.changed();
    } else {
        data.replaced();
    }
}

/// Undoes a removal and says how it went; `done` runs once it is back, told whether some
/// records were kept as another tab saved them. Nothing changes if the undo is refused.
pub fn undo_removal(
    data: Data,
    feedback: Feedback,
    removal: Removal,
    done: impl FnOnce(bool) + 'static,
) {
    let Some(db) = feedback.database(data) else {
        return;
    };
    leptos::task::spawn_local(async move {
        match db.undo_removal(&removal, now()).await {
            Ok(report) => {
                done(report.kept > 0);
                refresh_after(data, &removal, report.kept > 0);
                feedback.undone(report);
            }
            Err(e) => feedback.error(AppError::UndoFailed(e)),
        }
    });
}
