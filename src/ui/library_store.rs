//! The user's own questions (and the hidden state of built-in ones) and every stored
//! template, of plans and of messages, in memory, as app state. Interviews and messages
//! both use them, Today does not: they are read when a screen first asks for them
//! ([`use_library`]), so neither the reading nor the decoding is in the first download,
//! and again after imports or another tab's changes; this tab's saves update them one by
//! one.

use leptos::prelude::*;

use crate::domain::record::{Question, Template};
use crate::ui::data::{put_record, reload_on_epoch, OnFirstUse};

/// The questions and templates, provided once by the app.
#[derive(Clone, Copy)]
pub struct LibraryStore {
    /// The user's own questions and the hidden state of built-in ones.
    pub questions: RwSignal<Vec<Question>>,
    /// Every stored template (interview and message templates).
    pub templates: RwSignal<Vec<Template>>,
    /// Whether the first read finished.
    pub loaded: RwSignal<bool>,
    /// Starts the reading on the first [`use_library`].
    start: OnFirstUse,
}

impl LibraryStore {
    /// Creates the empty store and provides it; [`use_library`] fills it.
    pub fn provide() -> LibraryStore {
        let store = LibraryStore {
            questions: RwSignal::new(Vec::new()),
            templates: RwSignal::new(Vec::new()),
            loaded: RwSignal::new(false),
            start: OnFirstUse::at_root(),
        };
        provide_context(store);
        store
    }

    /// Reads both lists now and whenever the data changes wholesale.
    fn load(self) {
        reload_on_epoch(
            |db| async move { Ok((db.all::<Question>().await?, db.all::<Template>().await?)) },
            move |(questions, templates)| {
                self.questions.set(questions);
                self.templates.set(templates);
                // Only on a change, so that open screens are not rebuilt by a reload.
                if !self.loaded.get_untracked() {
                    self.loaded.set(true);
                }
            },
        );
    }

    /// Puts a saved question in.
    pub fn put_question(&self, question: Question) {
        self.questions.update(|list| put_record(list, question));
    }

    /// Puts a saved template in.
    pub fn put_template(&self, template: Template) {
        self.templates.update(|list| put_record(list, template));
    }

    /// Takes a deleted template out.
    pub fn remove_template(&self, id: &str) {
        self.templates
            .update(|list| list.retain(|t| t.meta.id != id));
    }
}

/// Reads the [`LibraryStore`] provided by the app, and starts filling it on the first call.
pub fn use_library() -> LibraryStore {
    let store: LibraryStore = expect_context();
    store.start.run(move || store.load());
    store
}
