//! Settings → Import contacts: pick a file (LinkedIn's connections and messages, vCards,
//! any spreadsheet), see what it would change, write it all or nothing. This file holds
//! the section and the steps an import goes through; `importer.rs` reads, plans and
//! writes, `preview.rs` and `mapping.rs` show a checked file, `texts.rs` words problems.

mod importer;
mod mapping;
mod preview;
mod texts;

use std::rc::Rc;

use leptos::prelude::*;

use crate::domain::interop::csv::Row;
use crate::domain::interop::matching::{Choices, Counts, ImportPlan};
use crate::domain::interop::Parsed;
use crate::i18n::*;
use crate::ui::data::use_data;
use crate::ui::feedback::use_feedback;

use importer::Importer;
use mapping::{mapping_view, Mapping};
use preview::preview_view;

/// How many possible duplicates and skipped rows the preview names; the rest are counted.
const LISTED: usize = 50;

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    /// Reading the file; how many of its people are read, once known.
    Reading(Option<(usize, usize)>),
    /// The file cannot be imported; the message says why.
    Failed(String),
    /// A spreadsheet Netzweber does not know: which column holds what.
    Mapping(Mapping),
    Preview(Staged),
    Working,
    Done(String),
}

/// What a preview with messages was made from, to make it again when the user says who
/// they are in the messages.
struct Checked {
    file: String,
    parsed: Parsed,
    cards: bool,
    messages: String,
}

/// A spreadsheet read, waiting for its columns to be mapped.
struct Pending {
    rows: Vec<Row>,
    /// LinkedIn's messages, when chosen with it.
    messages: Option<String>,
}

/// A checked file's preview; the plan itself stays out of signals.
#[derive(Clone, Debug, PartialEq)]
struct Staged {
    file: String,
    counts: Counts,
    /// "Line 12: Anna Müller", for each possible duplicate (the first [`LISTED`]).
    possible: Vec<String>,
    /// "Line 7: hidden profile", for each row left out (the first [`LISTED`]).
    skipped: Vec<String>,
    /// "Card 3", for each card whose photo was left out (the first [`LISTED`]).
    photos_left_out: Vec<String>,
    /// How many photos were left out.
    photos_left_out_count: usize,
    /// What the messages file gave, when one was chosen.
    conversations: Option<Conversations>,
}

/// What a messages file gave besides the new entries.
#[derive(Clone, Debug, PartialEq)]
struct Conversations {
    /// The user's name in the file, when recognised.
    owner: Option<String>,
    /// Found by the link in the user's profile; otherwise guessed, and the user is asked.
    known: bool,
    /// The people the user may be: (profile link, "Mia Sommer (3 conversations)").
    participants: Vec<(String, String)>,
    /// The link of the one taken for the user.
    chosen: String,
    /// Whether the choice is remembered in the profile, which has no link yet.
    remembered: bool,
    /// Conversations with no one among the contacts.
    unmatched: usize,
    /// Entries stored by an earlier import.
    stored: usize,
}

/// Import contacts from LinkedIn's export or a vCard file.
#[component]
pub fn ImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let step = RwSignal::new(Step::Idle);
    let planned = StoredValue::new_local(None::<Rc<ImportPlan>>);
    let pending = StoredValue::new_local(None::<Rc<Pending>>);
    let checked = StoredValue::new_local(None::<Rc<Checked>>);
    let own_link = StoredValue::new(None::<String>);
    let add_new = RwSignal::new(true);
    let add_possible = RwSignal::new(true);
    let complete = RwSignal::new(true);
    let importer = Importer {
        step,
        planned,
        pending,
        checked,
        own_link,
        data,
        feedback,
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Choosing the same file again must check it again.
        input.set_value("");
        if !files.is_empty() {
            importer.check(i18n, files);
        }
    };
    let busy = move || step.with(|s| matches!(s, Step::Reading(_) | Step::Working));
    let run = move || {
        let choices = Choices {
            new: add_new.get_untracked(),
            possible_duplicates: add_possible.get_untracked(),
            complete: complete.get_untracked(),
        };
        importer.import(i18n, choices);
    };
    let cancel = move || {
        planned.set_value(None);
        pending.set_value(None);
        checked.set_value(None);
        step.set(Step::Idle);
    };

    view! {
        <section class="card" id="import" aria-labelledby="settings-import">
            <h2 id="settings-import">{tr!(i18n, interop.import_title)}</h2>
            <p>{tr!(i18n, interop.import_intro)}</p>
            <details class="how-to">
                <summary>{tr!(i18n, interop.linkedin_how_title)}</summary>
                <ol>
                    <li>{tr!(i18n, interop.linkedin_how_1)}</li>
                    <li>{tr!(i18n, interop.linkedin_how_2)}</li>
                    <li>{tr!(i18n, interop.linkedin_how_3)}</li>
                </ol>
            </details>
            <details class="how-to">
                <summary>{tr!(i18n, interop.vcard_how_title)}</summary>
                <p>{tr!(i18n, interop.vcard_how)}</p>
            </details>
            <p class="hint">{tr!(i18n, interop.messages_hint)}</p>
            <div class="field">
                <label for="import-file">{tr!(i18n, interop.file_label)}</label>
                <span class="hint" id="import-file-hint">{tr!(i18n, interop.file_hint)}</span>
                <input
                    id="import-file"
                    type="file"
                    accept=".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard"
                    multiple
                    aria-describedby="import-file-hint"
                    disabled=move || !data.ready() || busy()
                    on:change=on_file
                />
            </div>
            {super::phone_contacts::supported().then(|| view! {
                <p><button type="button" class="button button--secondary" disabled=move || !data.ready() || busy()
                    on:click=move |_| importer.pick_from_phone(i18n)>{tr!(i18n, interop.phone_contacts)}</button></p>
            })}
            <div role="status" aria-live="polite" class="import-step">
                {move || match step.get() {
                    Step::Idle => ().into_any(),
                    Step::Reading(progress) => view! {
                        <p class="muted" id="import-reading">{tr!(i18n, interop.reading)}</p>
                        {progress.map(|(read, total)| view! {
                            <progress aria-labelledby="import-reading" max=total value=read></progress>
                        })}
                    }
                    .into_any(),
                    Step::Working => view! { <p class="muted">{tr!(i18n, interop.working)}</p> }.into_any(),
                    Step::Done(message) => view! { <p class="status status--ok">{message}</p> }.into_any(),
                    Step::Failed(message) => view! {
                        <div class="banner banner--error import-error">
                            <p><strong>{tr!(i18n, interop.error_title)}</strong></p>
                            <p>{message}</p>
                        </div>
                    }
                    .into_any(),
                    Step::Mapping(mapping) => mapping_view(i18n, mapping, importer).into_any(),
                    Step::Preview(staged) => preview_view(i18n, staged, [add_new, add_possible, complete], run, cancel, move |link| importer.choose_owner(i18n, link)).into_any(),
                }}
            </div>
        </section>
    }
}
