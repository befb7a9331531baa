//! The contacts' store: the user's network in memory, as app state. It is loaded once
//! when the database opens (and again after imports or another tab's changes), then kept
//! current contact by contact as this tab saves. Lists, search, filters and Today read
//! only this, never the database.

use std::time::Duration;

use leptos::prelude::*;

use crate::domain::contacts::keep_in_touch::{self, CadenceSettings};
use crate::domain::contacts::network::{Clock, ContactsLoader, Network, Status, TimelinesLoader};
use crate::domain::record::{Contact, FollowUp, Interaction};
use crate::storage::{prefs, StorageError};
use crate::ui::data::{load_on_epoch, now, use_data, Data};
use crate::ui::idle::yield_to_browser;

/// How many contacts are read first, in name order: more than a tall screen shows.
const FIRST_PAGE: u32 = 40;

/// How many contacts and interactions are read and indexed in one step of loading: about
/// 20 ms of work each here (a contact costs about three times an interaction), so that no
/// step blocks the page for long while 10,000 contacts and 50,000 interactions load.
const CONTACTS_PAGE: u32 = 250;
const INTERACTIONS_PAGE: u32 = 750;

/// How far the network is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Loaded {
    /// Nothing yet.
    Nothing,
    /// The first contacts in name order: the top of the list can show.
    First,
    /// Contacts are in: lists, search and contact pages work.
    Contacts,
    /// Timelines and follow-ups are in too: due dates, Today and search in summaries work.
    All,
}

/// The network state, provided once by the app.
#[derive(Clone, Copy)]
pub struct NetworkStore {
    /// Everything in memory.
    pub network: RwSignal<Network>,
    /// How far it is loaded.
    pub loaded: RwSignal<Loaded>,
    /// The user's keep-in-touch settings.
    pub cadence: RwSignal<CadenceSettings>,
    /// Today in the user's time zone; moves on at midnight while the app is open.
    pub clock: RwSignal<Clock>,
    data: Data,
}

/// The user's local date and time-zone offset, from the browser clock.
pub fn local_clock() -> Clock {
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    Clock {
        today: keep_in_touch::local_date(now(), offset),
        utc_offset_minutes: offset,
    }
}

impl NetworkStore {
    /// Creates the store, loads it whenever the data changed wholesale, and provides it.
    pub fn provide() -> NetworkStore {
        let data = use_data();
        let store = NetworkStore {
            network: RwSignal::new(Network::default()),
            loaded: RwSignal::new(Loaded::Nothing),
            cadence: RwSignal::new(prefs::load_cadence()),
            clock: RwSignal::new(local_clock()),
            data,
        };
        provide_context(store);
        let clock = store.clock;
        // `set` only when the day changed, so nothing recomputes every minute.
        let _ = set_interval_with_handle(
            move || {
                let now = local_clock();
                if clock.get_untracked() != now {
                    clock.set(now);
                }
            },
            Duration::from_secs(30),
        );
        load_on_epoch(move |db, reload| {
            async move {
                // The first load shows what it has as soon as it has it; a reload
                // builds the new network aside and swaps it in whole, so lists and
                // Today do not flicker through a half-loaded state.
                let initial = store.loaded.get_untracked() < Loaded::Contacts;
                // Sealed rows keep no name in the name index (issue 15): protected, the
                // list paints once the network is read and decrypted.
                let indexed = db.protection() == crate::storage::vault::Protection::Off;
                if store.loaded.get_untracked() == Loaded::Nothing && indexed {
                    // Reading all of 10,000 contacts takes several times as long as
                    // the few at the top of the list, read in name order.
                    let first = db.first_contacts(FIRST_PAGE).await?;
                    store.network.set(Network::with_contacts(first));
                    store.loaded.set(Loaded::First);
                    mark("nw-first-shown");
                }
                let mut loader = ContactsLoader::default();
                db.each_page(CONTACTS_PAGE, |page: Vec<Contact>| loader.add(page))
                    .await?;
                mark("nw-contacts-read");
                if reload.is_stale() {
                    return Ok(());
                }
                // The last page and the sort were one task; showing 10,000 contacts
                // is the next.
                yield_to_browser().await;
                let mut aside = None;
                if initial {
                    store.network.set(loader.finish());
                    store.loaded.set(Loaded::Contacts);
                    mark("nw-contacts-shown");
                } else {
                    aside = Some(loader.finish());
                }
                let mut timelines = TimelinesLoader::new(store.clock.get_untracked().today);
                db.each_page(INTERACTIONS_PAGE, |page: Vec<Interaction>| {
                    timelines.add(&page)
                })
                .await?;
                let follow_ups = db.all::<FollowUp>().await?;
                mark("nw-timelines-read");
                if reload.is_stale() {
                    return Ok(());
                }
                yield_to_browser().await;
                match aside {
                    None => store.network.update(|n| timelines.finish(n, follow_ups)),
                    Some(mut n) => {
                        timelines.finish(&mut n, follow_ups);
                        store.network.set(n);
                    }
                }
                // Only on a change: screens that follow `loaded` (an open edit form)
                // must not be rebuilt by a reload that changed nothing for them.
                if store.loaded.get_untracked() != Loaded::All {
                    store.loaded.set(Loaded::All);
                }
                mark("nw-timelines-shown");
                Ok(())
            }
        });
        store
    }

    /// Re-reads one contact with its timeline and follow-ups after this tab changed any
    /// of them, and tells the rest of the app that data changed.
    pub async fn reload_contact(&self, id: &str) -> Result<(), StorageError> {
        let db = self.data.db()?;
        let contact = db.get::<Contact>(id).await?;
        let interactions: Vec<Interaction> = db.by_contact(id).await?;
        let follow_ups: Vec<FollowUp> = db.by_contact(id).await?;
        let today = self.clock.get_untracked().today;
        self.network.update(|n| match contact {
            Some(c) => {
                n.set_contact(c);
                n.set_timeline(id, &interactions, today);
                n.replace_follow_ups_of(id, follow_ups);
            }
            None => n.remove_contact(id),
        });
        self.data.changed();
        Ok(())
    }

    /// A contact's keep-in-touch state, following the network, the date and the settings.
    pub fn status_memo(&self, id: String) -> Memo<Option<Status>> {
        self.status_of(Signal::stored(id))
    }

    /// [`NetworkStore::status_memo`] of whichever contact `id` names at the moment (a list
    /// row that shows another contact after a search).
    pub fn status_of(&self, id: Signal<String>) -> Memo<Option<Status>> {
        let store = *self;
        Memo::new(move |_| {
            let clock = store.clock.get();
            let cadence = store.cadence.get();
            id.with(|id| store.network.with(|n| n.status(id, clock, &cadence)))
        })
    }

    /// Forgets a deleted contact.
    pub fn contact_removed(&self, id: &str) {
        self.network.update(|n| n.remove_contact(id));
        self.data.changed();
    }
}

/// A named point in the browser's performance timeline, read by the benchmark.
fn mark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

/// Reads the [`NetworkStore`] provided by the app.
pub fn use_network() -> NetworkStore {
    expect_context()
}
