//! Outreach messages and the user's profile in memory, as app state: read when a screen
//! first asks for them ([`use_outreach`]; Today does not, so none of this is in the first
//! download) and again after imports or another tab's changes; this tab's saves update
//! them one by one.

use leptos::prelude::*;

use crate::domain::profile::Profile;
use crate::domain::record::Message;
use crate::storage::{prefs, StorageError};
use crate::ui::data::{put_record, reload_on_epoch, use_data, OnFirstUse};

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
    /// Starts the reading on the first [`use_outreach`].
    start: OnFirstUse,
}

impl OutreachStore {
    /// Creates the empty store and provides it; [`use_outreach`] fills it.
    pub fn provide() -> OutreachStore {
        let store = OutreachStore {
            messages: RwSignal::new(Vec::new()),
            profile: RwSignal::new(Profile::default()),
            premium: RwSignal::new(prefs::load_linkedin_premium()),
            loaded: RwSignal::new(false),
            start: OnFirstUse::at_root(),
        };
        provide_context(store);
        store
    }

    /// Reads the messages and the profile now and whenever the data changes wholesale.
    fn load(self) {
        let data = use_data();
        reload_on_epoch(
            |db| async move { db.all::<Message>().await },
            move |messages| {
                self.messages.set(messages);
                // Only on a change, so that open screens are not rebuilt by a reload.
                if !self.loaded.get_untracked() {
                    self.loaded.set(true);
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
                    if self.profile.get_untracked() != profile {
                        self.profile.set(profile);
                    }
                }
            });
        });
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

/// Reads the [`OutreachStore`] provided by the app, and starts filling it on the first call.
pub fn use_outreach() -> OutreachStore {
    let store: OutreachStore = expect_context();
    store.start.run(move || store.load());
    store
}
