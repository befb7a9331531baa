//! Outreach messages and the user's profile in memory, as app state: read when the
//! database opens and again after imports or another tab's changes; this tab's saves
//! update them one by one.

use leptos::prelude::*;

use crate::domain::profile::Profile;
use crate::domain::record::Message;
use crate::storage::{prefs, StorageError};
use crate::ui::data::{put_record, reload_on_epoch, use_data};

/// The outreach state, provided once by the app.
#[derive(Clone, Copy)]
pub struct OutreachStore {
    /// Every message.
    pub messages: RwSignal<Vec<Message>>,
    /// The user's profile (name and e-mail fill the templates).
    pub profile: RwSignal<Profile>,
    /// LinkedIn Premium: 300 characters in a connection note instead of 200.
    pub premium: RwSignal<bool>,
    /// Whether the first read finished.
    pub loaded: RwSignal<bool>,
}

impl OutreachStore {
    /// Creates the store, loads it whenever the data changed wholesale, and provides it.
    pub fn provide() -> OutreachStore {
        let data = use_data();
        let store = OutreachStore {
            messages: RwSignal::new(Vec::new()),
            profile: RwSignal::new(Profile::default()),
            premium: RwSignal::new(prefs::load_linkedin_premium()),
            loaded: RwSignal::new(false),
        };
        provide_context(store);
        reload_on_epoch(
            |db| async move { db.all::<Message>().await },
            move |messages| {
                store.messages.set(messages);
                // Only on a change, so that open screens are not rebuilt by a reload.
                if !store.loaded.get_untracked() {
                    store.loaded.set(true);
                }
            },
        );
        // The profile is edited in Settings: follow every save (one small read).
        Effect::new(move |_| {
            data.revision.track();
            if !data.ready() {
                return;
            }
            leptos::task::spawn_local(async move {
                let read: Result<_, StorageError> = async { data.db()?.profile().await }.await;
                if let Ok(profile) = read {
                    let profile = profile.map(|p| p.profile).unwrap_or_default();
                    if store.profile.get_untracked() != profile {
                        store.profile.set(profile);
                    }
                }
            });
        });
        store
    }

    /// A message by id (tracked).
    pub fn message(&self, id: &str) -> Option<Message> {
        self.messages
            .with(|list| list.iter().find(|m| m.meta.id == id).cloned())
    }

    /// Puts a saved message in.
    pub fn put_message(&self, message: Message) {
        self.messages.update(|list| put_record(list, message));
    }

    /// Takes a deleted message out.
    pub fn remove_message(&self, id: &str) {
        self.messages
            .update(|list| list.retain(|m| m.meta.id != id));
    }
}

/// Reads the [`OutreachStore`] provided by the app.
pub fn use_outreach() -> OutreachStore {
    expect_context()
}
