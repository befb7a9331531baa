//! The app's connection to its database, as UI state: whether it is open, a revision
//! counter that resources track so they reload after any change (this tab's or another
//! tab's), and helpers for the clock and new ids.

use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::record::Record;
use crate::storage::db::{Database, DbEvent, APP_DATABASE};
use crate::storage::vault::Protection;
use crate::storage::{estimate, prefs, StorageError};
use crate::ui::feedback::{use_feedback, AppError, Feedback};

/// Where the database connection stands.
#[derive(Clone, Debug, PartialEq)]
pub enum DbState {
    /// Opening (and upgrading, if needed).
    Opening,
    /// Waiting: another tab holds the database open at an older version.
    Blocked,
    /// Ready for reads and writes.
    Ready,
    /// The data is protected and this tab holds no key: the unlock screen shows.
    Locked,
    /// Locking: the screens are gone (their editors saving what was typed), the page
    /// reloads in a moment to drop every decrypted record from memory.
    Locking,
    /// Another tab upgraded the database; this tab must reload.
    Outdated,
    /// Opening failed.
    Failed(StorageError),
}

/// The database handle and its state, provided once by the app.
#[derive(Clone, Copy)]
pub struct Data {
    db: StoredValue<Option<Database>, LocalStorage>,
    /// Where the connection stands.
    pub state: RwSignal<DbState>,
    /// Grows by one whenever stored data changed; read it to reload after changes.
    pub revision: RwSignal<u64>,
    /// Grows by one when the data may have changed wholesale (opened, another tab saved,
    /// a backup was imported, everything was deleted): what keeps all records in memory
    /// reloads then, and otherwise follows this tab's own saves one by one.
    pub epoch: RwSignal<u64>,
    /// Whether the data is protected with a passphrase, and unlocked here.
    pub protection: RwSignal<Protection>,
}

impl Data {
    /// Opens the app's database and provides the handle as context.
    pub fn provide() -> Data {
        let data = Data {
            db: StoredValue::new_local(None),
            state: RwSignal::new(DbState::Opening),
            revision: RwSignal::new(0),
            epoch: RwSignal::new(0),
            protection: RwSignal::new(Protection::Off),
        };
        provide_context(data);
        let listener: Rc<dyn Fn(DbEvent)> = Rc::new(move |event| match event {
            DbEvent::Blocked => data.state.set(DbState::Blocked),
            DbEvent::VersionChanged => data.state.set(DbState::Outdated),
            DbEvent::RemoteChange(_) => {
                data.revision.update(|r| *r += 1);
                data.epoch.update(|r| *r += 1);
            }
            DbEvent::Locked => crate::ui::privacy::lock_app(data, false),
        });
        leptos::task::spawn_local(async move {
            // Opening is a browser task of its own, apart from the first render: the code
            // it runs is compiled on first use, and both together kept a phone's main
            // thread busy for over 50 ms.
            crate::ui::idle::yield_to_browser().await;
            match Database::open(APP_DATABASE, listener).await {
                Ok(db) => {
                    let protection = db.protection();
                    data.db.set_value(Some(db));
                    data.protection.set(protection);
                    if protection == Protection::Locked {
                        data.state.set(DbState::Locked);
                    } else {
                        data.opened();
                    }
                }
                Err(StorageError::VersionChanged | StorageError::NewerVersionOpen) => {
                    data.state.set(DbState::Outdated)
                }
                Err(e) => data.state.set(DbState::Failed(e)),
            }
        });
        data
    }

    /// The database is ready (opened, or unlocked): everything loads.
    pub fn opened(&self) {
        if let Ok(db) = self.db() {
            self.protection.set(db.protection());
        }
        self.state.set(DbState::Ready);
        self.revision.update(|r| *r += 1);
        self.epoch.update(|r| *r += 1);
    }

    /// The open database, or the reason there is none.
    pub fn db(&self) -> Result<Database, StorageError> {
        match self.state.get_untracked() {
            DbState::Outdated => return Err(StorageError::VersionChanged),
            DbState::Failed(e) => return Err(e),
            _ => {}
        }
        self.db
            .with_value(Clone::clone)
            .ok_or(StorageError::NotReady)
    }

    /// Whether reads and writes can go ahead.
    pub fn ready(&self) -> bool {
        self.state.get() == DbState::Ready
    }

    /// Reloads what shows stored data, after a change that is not the user's data (the
    /// backup activity, a wipe).
    pub fn refresh(&self) {
        self.revision.update(|r| *r += 1);
    }

    /// Call after this tab replaced data wholesale (import, delete all).
    pub fn replaced(&self) {
        self.epoch.update(|r| *r += 1);
        self.changed();
    }

    /// Call after this tab saved something: reloads what shows stored data and, after
    /// the first real save, asks the browser to keep the data permanently.
    pub fn changed(&self) {
        self.revision.update(|r| *r += 1);
        if !prefs::persist_asked() {
            leptos::task::spawn_local(async {
                // Asking is best effort: Settings shows the outcome and offers to ask again.
                if let Ok(false) = estimate::is_persisted().await {
                    let _ = estimate::request_persistence().await;
                }
                let _ = prefs::set_persist_asked();
            });
        }
    }
}

/// One run of a store's loading, started by [`load_on_epoch`].
#[derive(Clone, Copy)]
pub struct Reload {
    data: Data,
    epoch: u64,
}

impl Reload {
    /// Whether a newer reload started since this one (another change came in): what this
    /// one read must not replace what that one will show.
    pub fn is_stale(self) -> bool {
        self.data.epoch.get_untracked() != self.epoch
    }
}

/// A store's loading, boxed so that the task running it is compiled once for all stores.
type Loading = std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), StorageError>>>>;

/// Runs a store's loading and shows its failure unless a newer reload started.
fn spawn_loading(loading: Result<Loading, StorageError>, reload: Reload, feedback: Feedback) {
    leptos::task::spawn_local(async move {
        let result = match loading {
            Ok(loading) => loading.await,
            Err(e) => Err(e),
        };
        if let Err(e) = result {
            if !reload.is_stale() {
                feedback.error(AppError::ActionFailed(e));
            }
        }
    });
}

/// Keeps an in-memory store in step with the database: runs `load` when the database
/// opens and whenever the data changed wholesale (another tab, an import, a wipe). `load`
/// applies what it read itself, checking [`Reload::is_stale`] before it does, so that a
/// store can show what it has in stages. A failed load is shown to the user unless a newer
/// one started; the store keeps what it had.
pub fn load_on_epoch<Fut>(load: impl Fn(Database, Reload) -> Fut + 'static)
where
    Fut: std::future::Future<Output = Result<(), StorageError>> + 'static,
{
    follow_epoch(Box::new(move |db, reload| -> Loading {
        Box::pin(load(db, reload))
    }));
}

/// The effect behind [`load_on_epoch`], not generic: each store adds its loading to the
/// download, not a copy of the effect.
fn follow_epoch(load: Box<dyn Fn(Database, Reload) -> Loading>) {
    let data = use_data();
    let feedback = use_feedback();
    Effect::new(move |_| {
        let reload = Reload {
            data,
            epoch: data.epoch.get(),
        };
        if !data.ready() {
            return;
        }
        spawn_loading(data.db().map(|db| load(db, reload)), reload, feedback);
    });
}

/// [`load_on_epoch`] for a store that reads everything in one go: hands what `read` read
/// to `apply` unless a newer reload started meanwhile.
pub fn reload_on_epoch<T, Fut>(
    read: impl Fn(Database) -> Fut + 'static,
    apply: impl Fn(T) + Copy + 'static,
) where
    T: 'static,
    Fut: std::future::Future<Output = Result<T, StorageError>> + 'static,
{
    load_on_epoch(move |db, reload| {
        let reading = read(db);
        async move {
            let value = reading.await?;
            if !reload.is_stale() {
                apply(value);
            }
            Ok(())
        }
    });
}

/// Loading that a store starts on its first use instead of at start-up, so that the code
/// reading and decoding its records arrives with the screens that use it, not in the first
/// download (issue 12). The loading still runs under the app's root owner: it outlives the
/// screen that started it and follows imports and other tabs from then on.
#[derive(Clone, Copy)]
pub struct OnFirstUse {
    /// The app's root owner until the loading has started.
    root: StoredValue<Option<Owner>, LocalStorage>,
}

impl OnFirstUse {
    /// Remembers the current owner, which must be the app's root.
    pub fn at_root() -> OnFirstUse {
        OnFirstUse {
            root: StoredValue::new_local(Owner::current()),
        }
    }

    /// Runs `start` under the root owner the first time it is called; later calls do nothing.
    pub fn run(&self, start: impl FnOnce()) {
        if let Some(owner) = self.root.try_update_value(Option::take).flatten() {
            owner.with(start);
        }
    }
}

/// Replaces the record with the same id in an in-memory list, or adds it.
pub fn put_record<R: Record>(list: &mut Vec<R>, record: R) {
    match list.iter_mut().find(|r| r.meta().id == record.meta().id) {
        Some(slot) => *slot = record,
        None => list.push(record),
    }
}

/// Reads the [`Data`] provided by the app.
pub fn use_data() -> Data {
    expect_context()
}

/// The current time, from the browser's clock (millisecond precision).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A new record id: a random UUID, so ids from two devices never collide on import.
pub fn new_id() -> String {
    window()
        .crypto()
        .ok()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| {
            // randomUUID needs a secure context; plain-http hosts still get unique ids.
            format!(
                "{:x}-{:x}",
                js_sys::Date::now() as u64,
                (js_sys::Math::random() * 1e15) as u64
            )
        })
}
