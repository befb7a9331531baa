//! Autosaving editors: a working copy of one record that saves itself a moment after
//! every change, on `pagehide` and when its screen is left, and asks which version to
//! keep when another tab saved in between. Beside them, what editing screens share:
//! their frame while the record loads ([`WhenFound`]), saving a new record
//! ([`Creator`]) and deleting one with an undo offer ([`delete_with_undo`]).

mod creator;
mod removal;
mod when_found;

pub use creator::Creator;
pub use removal::{delete_with_undo, refresh_after, undo_removal};
pub use when_found::WhenFound;

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::backup::Dataset;
use crate::domain::record::Record;
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::contacts::store::{use_network, NetworkStore};
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::report_save;
use crate::ui::feedback::{use_feedback, Feedback};

/// Owners for editor state that must outlive the screen that made it: an editor whose
/// last save is still running when the user leaves. Provided once by the app.
#[derive(Clone, Copy)]
pub struct Keeper {
    root: StoredValue<Option<Owner>, LocalStorage>,
    alive: StoredValue<Vec<(u64, Owner)>, LocalStorage>,
    next: StoredValue<u64>,
}

impl Keeper {
    /// Creates the keeper under the current (the app's root) owner and provides it.
    pub fn provide() -> Keeper {
        let keeper = Keeper {
            root: StoredValue::new_local(Owner::current()),
            alive: StoredValue::new_local(Vec::new()),
            next: StoredValue::new(0),
        };
        provide_context(keeper);
        keeper
    }

    /// A new owner under the app's root, alive until [`Keeper::release`] is called with
    /// the returned key.
    pub fn keep_alive(&self) -> (u64, Owner) {
        let owner = self
            .root
            .with_value(|root| root.as_ref().map(Owner::child))
            .unwrap_or_default();
        let key = self.next.get_value();
        self.next.set_value(key + 1);
        self.alive
            .update_value(|list| list.push((key, owner.clone())));
        (key, owner)
    }

    /// Disposes an owner from [`Keeper::keep_alive`] and what it holds.
    pub fn release(&self, key: u64) {
        let owner = self.alive.try_update_value(|list| {
            list.iter()
                .position(|(k, _)| *k == key)
                .map(|at| list.remove(at).1)
        });
        if let Some(Some(owner)) = owner {
            owner.cleanup();
        }
    }
}

fn use_keeper() -> Keeper {
    expect_context()
}

/// Where the autosave stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState<R> {
    /// Everything typed is stored.
    Saved,
    /// Changes wait for the next save.
    Pending,
    /// Another tab saved the record since it was loaded here.
    Conflict(Box<R>),
    /// The last save failed (the error banner says why); the next change tries again.
    Failed,
}

/// How long typing must pause before a save. Short, so that closing the tab right after
/// typing loses at most a word; `pagehide` and leaving the screen save at once anyway.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(300);

/// A record being edited, saved automatically a moment after every change (interview
/// plans, outreach messages): no save button, so nothing typed can be lost to a forgotten
/// click.
pub struct Editor<R: Record + Send + Sync> {
    /// The working copy (`None` until the record is found).
    pub record: RwSignal<Option<R>>,
    /// Where the autosave stands.
    pub state: RwSignal<SaveState<R>>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    edits: StoredValue<u64>,
    extra: StoredValue<Dataset, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    closed: StoredValue<bool>,
    key: u64,
    put: StoredValue<Rc<dyn Fn(R)>, LocalStorage>,
    data: Data,
    feedback: Feedback,
    keeper: Keeper,
    network: NetworkStore,
}

impl<R: Record + Send + Sync> Clone for Editor<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R: Record + Send + Sync> Copy for Editor<R> {}

impl<R: Record + Send + Sync> Editor<R> {
    /// One part of the record, read (and tracked) without cloning the rest; `None` while
    /// there is no record.
    pub fn part<T>(self, part: impl FnOnce(&R) -> T) -> Option<T> {
        self.record.with(|r| r.as_ref().map(part))
    }

    /// The working copy as a closure that always has a record: the current one, or the
    /// last one shown once it is gone (deleted in another tab), for the moment until the
    /// screen gives way to "not found". `None` if there is no record yet.
    pub fn shown(self) -> Option<impl Fn() -> R + Copy + 'static> {
        let last = StoredValue::new(self.record.get_untracked()?);
        Some(move || match self.record.get() {
            Some(r) => {
                last.set_value(r.clone());
                r
            }
            None => last.get_value(),
        })
    }
}

impl<R: Record + Send + Sync + PartialEq> Editor<R> {
    /// An editor for record `id`: `find` reads it from the app's store (tracked), `put`
    /// puts a saved version back. It picks the record up once the store has it, and
    /// follows another tab's saves while nothing typed here is waiting.
    pub fn new(
        id: impl Fn() -> String + 'static,
        find: impl Fn(&str) -> Option<R> + 'static,
        put: impl Fn(R) + 'static,
    ) -> Editor<R> {
        let keeper = use_keeper();
        // The editor's state lives outside this screen's owner: a save still running when
        // the user leaves must finish (and a change waiting behind it must follow) after
        // the screen is gone. It is released once nothing waits any more.
        let (key, owner) = keeper.keep_alive();
        let put: Rc<dyn Fn(R)> = Rc::new(put);
        let editor = owner.with(|| Editor {
            record: RwSignal::new(None),
            state: RwSignal::new(SaveState::Saved),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            edits: StoredValue::new(0),
            extra: StoredValue::new_local(Dataset::default()),
            timer: StoredValue::new(None),
            closed: StoredValue::new(false),
            key,
            put: StoredValue::new_local(put),
            data: use_data(),
            feedback: use_feedback(),
            keeper,
            network: use_network(),
        });
        let id = Rc::new(id);
        // The working copy follows the store unless it holds unsaved changes: the store
        // changes on a reload after another tab's save or an import.
        Effect::new(move |_| {
            let stored = find(&id());
            let calm = editor.state.get_untracked() == SaveState::Saved && !editor.busy.get_value();
            let newer = match (&stored, editor.record.get_untracked()) {
                (Some(s), Some(mine)) => {
                    s.meta().id != mine.meta().id || s.meta().revision > mine.meta().revision
                }
                (Some(_), None) => true,
                (None, _) => false,
            };
            if calm && newer {
                editor.record.set(stored);
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
            self.keeper.release(self.key);
        }
    }

    /// Changes the working copy and schedules a save.
    pub fn edit(&self, change: impl FnOnce(&mut R)) {
        let mut changed = false;
        self.record.update(|p| {
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

    /// For a caller about to save the working copy itself (with more records in the same
    /// transaction): drops the queued autosave and returns true, or returns false while a
    /// save is still running (its revision would make the caller's save a conflict).
    pub fn settle(&self) -> bool {
        if self.busy.get_value() {
            return false;
        }
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        if self.state.get_untracked() == SaveState::Pending {
            self.state.set(SaveState::Saved);
        }
        true
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
        let Some(plan) = self.record.get_untracked() else {
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
                        editor
                            .feedback
                            .reloaded(editor.network.reload_contact(&c.meta.id).await);
                    }
                    // Keep what was typed meanwhile; take the new revision.
                    editor.record.update(|p| {
                        if let Some(p) = p {
                            *Record::meta_mut(p) = saved.meta().clone();
                        }
                    });
                    editor.put.with_value(|put| put(saved));
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
    pub fn edit_with(&self, new: Dataset, change: impl FnOnce(&mut R)) {
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
            self.record.update(|p| {
                if let Some(p) = p {
                    *Record::meta_mut(p) = theirs.meta().clone();
                }
            });
            self.state.set(SaveState::Pending);
            self.flush();
        } else {
            self.put.with_value(|put| put((*theirs).clone()));
            self.record.set(Some(*theirs));
            self.state.set(SaveState::Saved);
        }
    }
}

/// "Saved" / "Saving…" next to an autosaving form, and the conflict choice.
#[component]
pub fn SaveStatus<R: Record + Send + Sync + PartialEq>(editor: Editor<R>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="save-status muted" role="status">
            {move || match editor.state.get() {
                SaveState::Saved => t_string!(i18n, editor.saved).to_string(),
                SaveState::Pending => t_string!(i18n, editor.saving).to_string(),
                SaveState::Failed => t_string!(i18n, editor.save_failed).to_string(),
                SaveState::Conflict(_) => String::new(),
            }}
        </p>
        {move || matches!(editor.state.get(), SaveState::Conflict(_)).then(|| view! {
            <div class="banner banner--warn" role="alert">
                <p>{tr!(i18n, editor.conflict)}</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| editor.resolve(true)>{tr!(i18n, editor.keep_mine)}</button>
                    <button type="button" class="button button--secondary" on:click=move |_| editor.resolve(false)>{tr!(i18n, editor.take_theirs)}</button>
                </div>
            </div>
        })}
    }
}
