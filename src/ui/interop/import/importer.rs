//! Reading a chosen file, planning it against the stored contacts, and writing the plan.

use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::duplicates::link_key;
use crate::domain::format;
use crate::domain::interop::columns::{read_rows, MappedReader, Target};
use crate::domain::interop::linkedin::ConnectionsReader;
use crate::domain::interop::linkedin_messages::{
    is_messages, read_messages, Conversations as MessagesRead, EntryTexts,
};
use crate::domain::interop::matching::{plan, Choices, ImportPlan, Outcome};
use crate::domain::interop::vcard_read::{is_vcard, CardReader};
use crate::domain::interop::{file_text, ImportError, Parsed, Reader, MAX_IMPORT_BYTES};
use crate::domain::profile::with_own_link;
use crate::domain::record::{Contact, Kind};
use crate::i18n::*;
use crate::storage::db::{Database, SaveError};
use crate::ui::contacts::photo::scale_imported;
use crate::ui::data::{new_id, now, Data};
use crate::ui::feedback::{AppError, Feedback};
use crate::ui::idle::yield_to_browser;

use super::mapping::Mapping;
use super::texts::{at, error_text, skipped_text};
use super::{Checked, Conversations, Pending, Staged, Step, LISTED};

/// Reads the whole file as bytes, refusing one over the limit before reading it.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    if file.size() > MAX_IMPORT_BYTES as f64 {
        return Err(format!("{}", file.size()));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Checking a chosen file and importing what was checked.
#[derive(Clone, Copy)]
pub(super) struct Importer {
    pub(super) step: RwSignal<Step>,
    /// The plan of the checked file, out of signals: it can hold 20,000 people.
    pub(super) planned: StoredValue<Option<Rc<ImportPlan>>, LocalStorage>,
    /// A spreadsheet waiting for its columns to be mapped.
    pub(super) pending: StoredValue<Option<Rc<Pending>>, LocalStorage>,
    /// The checked files while the preview shows conversations.
    pub(super) checked: StoredValue<Option<Rc<Checked>>, LocalStorage>,
    /// The user's profile link to remember once the import is written: chosen among the
    /// people of the messages file while the profile has none.
    pub(super) own_link: StoredValue<Option<String>>,
    pub(super) data: Data,
    pub(super) feedback: Feedback,
}

impl Importer {
    /// Reads the people the user picks from the phone's address book as one vCard file.
    pub(super) fn pick_from_phone(self, i18n: I18n) {
        let step = self.step;
        leptos::task::spawn_local(async move {
            match crate::ui::interop::phone_contacts::pick().await {
                Ok(people) if people.is_empty() => {}
                Ok(people) => {
                    let name = t_string!(i18n, interop.phone_contacts_file).to_string();
                    match crate::ui::interop::phone_contacts::as_file(&people, &name) {
                        Some(file) => self.check(i18n, vec![file]),
                        None => step.set(Step::Failed(name)),
                    }
                }
                Err(message) => step.set(Step::Failed(message)),
            }
        });
    }

    /// Reads and checks `files` whole (a people file, a messages file, or one of each)
    /// and plans the import against the contacts stored now; nothing is written.
    pub(super) fn check(self, i18n: I18n, files: Vec<web_sys::File>) {
        let Importer {
            step,
            planned,
            pending,
            ..
        } = self;
        let name = files
            .iter()
            .map(web_sys::File::name)
            .collect::<Vec<_>>()
            .join(", ");
        planned.set_value(None);
        step.set(Step::Reading(None));
        leptos::task::spawn_local(async move {
            let mut texts = Vec::with_capacity(files.len());
            for file in &files {
                match read_bytes(file).await {
                    Ok(b) => texts.push(b),
                    Err(detail) => {
                        let too_large = file.size() > MAX_IMPORT_BYTES as f64;
                        step.set(Step::Failed(if too_large {
                            error_text(i18n, &ImportError::TooLarge(file.size() as usize))
                        } else {
                            t_string!(i18n, interop.err_read, detail = detail).to_string()
                        }));
                        return;
                    }
                }
            }
            let fail = |e: ImportError| step.set(Step::Failed(error_text(i18n, &e)));
            let mut people_file = None;
            let mut messages_file = None;
            for bytes in &texts {
                let text = match file_text(bytes) {
                    Ok(t) => t,
                    Err(e) => return fail(e),
                };
                let slot = if is_messages(&text) {
                    &mut messages_file
                } else {
                    &mut people_file
                };
                if slot.replace(text).is_some() {
                    step.set(Step::Failed(
                        t_string!(i18n, interop.err_two_files).to_string(),
                    ));
                    return;
                }
            }
            let messages = messages_file.map(|m| m.into_owned());
            let cards = people_file.as_deref().is_some_and(is_vcard);
            let parsed = match &people_file {
                Some(text) if cards => match CardReader::open(text, now()) {
                    Ok(reader) => read_in_slices(step, reader).await,
                    Err(e) => Err(e),
                },
                Some(text) => match ConnectionsReader::open(text, now()) {
                    // Not LinkedIn's: a spreadsheet whose columns the user maps.
                    Err(ImportError::NoHeader) => {
                        match read_rows(text) {
                            Ok(rows) => {
                                let mapping = Mapping::of(name, &rows);
                                pending.set_value(Some(Rc::new(Pending { rows, messages })));
                                step.set(Step::Mapping(mapping));
                            }
                            Err(e) => fail(e),
                        }
                        return;
                    }
                    Ok(reader) => read_in_slices(step, reader).await,
                    Err(e) => Err(e),
                },
                None => Ok(Parsed::default()),
            };
            let parsed = match parsed {
                Ok(p) => p,
                Err(e) => return fail(e),
            };
            self.preview(i18n, name, parsed, cards, messages, None)
                .await;
        });
    }

    /// Makes the preview again with the user as the person of `link` in the messages.
    pub(super) fn choose_owner(self, i18n: I18n, link: String) {
        let Some(checked) = self.checked.with_value(|c| c.clone()) else {
            return;
        };
        self.step.set(Step::Reading(None));
        leptos::task::spawn_local(async move {
            let Checked {
                file,
                parsed,
                cards,
                messages,
            } = &*checked;
            self.preview(
                i18n,
                file.clone(),
                parsed.clone(),
                *cards,
                Some(messages.clone()),
                Some(link),
            )
            .await;
        });
    }

    /// Reads the pending spreadsheet with the columns mapped to `targets` and previews it.
    pub(super) fn apply_mapping(self, i18n: I18n, file: String, targets: Vec<Target>) {
        let Some(pending) = self.pending.with_value(|p| p.clone()) else {
            return;
        };
        self.step.set(Step::Reading(None));
        leptos::task::spawn_local(async move {
            let reader = MappedReader::new(&pending.rows, &targets, now());
            match read_in_slices(self.step, reader).await {
                Ok(parsed) => {
                    self.preview(i18n, file, parsed, false, pending.messages.clone(), None)
                        .await
                }
                Err(e) => self.step.set(Step::Failed(error_text(i18n, &e))),
            }
        });
    }

    /// Plans the import of `parsed` (and the conversations of `messages`) against the
    /// contacts stored now and shows the preview; nothing is written.
    async fn preview(
        self,
        i18n: I18n,
        name: String,
        parsed: Parsed,
        cards: bool,
        messages: Option<String>,
        chosen_owner: Option<String>,
    ) {
        let Importer {
            step,
            planned,
            checked,
            own_link,
            data,
            feedback,
            ..
        } = self;
        checked.set_value(messages.as_ref().map(|m| {
            Rc::new(Checked {
                file: name.clone(),
                parsed: parsed.clone(),
                cards,
                messages: m.clone(),
            })
        }));
        own_link.set_value(None);
        let fail = |e: ImportError| step.set(Step::Failed(error_text(i18n, &e)));
        let messages_file = messages;
        let Some(db) = feedback.database(data) else {
            step.set(Step::Idle);
            return;
        };
        let stored = match db.all::<Contact>().await {
            Ok(s) => s,
            Err(e) => {
                step.set(Step::Idle);
                feedback.error(AppError::ActionFailed(e));
                return;
            }
        };
        let mut plan = plan(&stored, parsed, &mut new_id);
        // Planning 20,000 people and drawing their preview are two long steps: the
        // page paints and answers in between.
        yield_to_browser().await;
        scale_photos(&mut plan).await;
        let mut owner = None;
        if let Some(text) = &messages_file {
            let extra = async {
                let own = db.profile().await?.map(|p| p.profile.profile_url);
                let own = own.filter(|l| !l.trim().is_empty());
                let stamps = db.stamps().await?;
                Ok::<_, crate::storage::StorageError>((own, stamps))
            };
            let (own, stamps) = match extra.await {
                Ok(x) => x,
                Err(e) => {
                    step.set(Step::Idle);
                    feedback.error(AppError::ActionFailed(e));
                    return;
                }
            };
            let you = t_string!(i18n, interop.you);
            let remembered = own.is_none();
            let read = read_messages(
                text,
                &plan.candidates(&stored),
                chosen_owner.as_deref().or(own.as_deref()).unwrap_or(""),
                EntryTexts { you },
                now(),
            );
            let read = match read {
                Ok(r) => r,
                Err(e) => return fail(e),
            };
            let stored_ids: HashSet<String> = stamps
                .kinds
                .get(&Kind::Interactions)
                .map(|ids| ids.keys().cloned().collect())
                .unwrap_or_default();
            let (participants, chosen) = owner_choices(i18n, &read);
            let known = read.owner_known && chosen_owner.is_none();
            if !known && remembered && !chosen.is_empty() {
                own_link.set_value(Some(chosen.clone()));
            }
            owner = Some(Conversations {
                owner: read.owner.clone(),
                known,
                participants,
                chosen,
                remembered,
                unmatched: read.unmatched,
                stored: 0,
            });
            plan.add_entries(read.entries, &stored_ids);
        }
        step.set(Step::Preview(staged(i18n, name, cards, &plan, owner)));
        planned.set_value(Some(Rc::new(plan)));
    }

    /// Writes the chosen groups of the checked plan in one transaction. When a contact it
    /// completes changed meanwhile (another tab), nothing is written and the file must be
    /// checked again.
    pub(super) fn import(self, i18n: I18n, choices: Choices) {
        let Importer {
            step,
            planned,
            own_link,
            data,
            feedback,
            ..
        } = self;
        if step.with_untracked(|s| matches!(s, Step::Working)) {
            return;
        }
        let Some(plan) = planned.with_value(|p| p.clone()) else {
            return;
        };
        let db = match data.db() {
            Ok(db) => db,
            Err(e) => {
                feedback.error(AppError::ActionFailed(e));
                return;
            }
        };
        let previous = step.get_untracked();
        step.set(Step::Working);
        leptos::task::spawn_local(async move {
            let contacts = plan.contacts(choices);
            let added = contacts.iter().filter(|c| c.meta.revision == 0).count();
            let completed = contacts.len() - added;
            let entries = plan.entries(choices).len();
            let dataset = Dataset {
                contacts,
                photos: plan.photos(choices),
                interactions: plan.entries(choices),
                ..Dataset::default()
            };
            match db.save_changes(dataset, now()).await {
                Ok(_) => {
                    planned.set_value(None);
                    if let Some(link) = own_link.get_value() {
                        remember_own_link(&db, &link, feedback).await;
                    }
                    let lang = i18n.lang_untracked();
                    step.set(Step::Done(
                        t_string!(
                            i18n,
                            interop.done,
                            added = format::integer(added as i64, lang),
                            completed = format::integer(completed as i64, lang),
                            entries = format::integer(entries as i64, lang)
                        )
                        .to_string(),
                    ));
                    data.replaced();
                }
                Err(SaveError::Conflict(_)) => {
                    planned.set_value(None);
                    step.set(Step::Failed(
                        t_string!(i18n, interop.err_conflict).to_string(),
                    ));
                }
                Err(SaveError::Storage(e)) => {
                    // Rolled back: nothing changed, the preview still holds.
                    step.set(previous);
                    feedback.error(AppError::ActionFailed(e));
                }
            }
        });
    }
}

/// Saves `link`, which the user chose as theirs among the people of a messages file, as
/// the profile link while the profile has none, so that the next messages file knows them.
async fn remember_own_link(db: &Database, link: &str, feedback: Feedback) {
    let saved = match db.profile().await {
        Ok(saved) => saved,
        Err(e) => return feedback.error(AppError::SaveFailed(e)),
    };
    let at = now();
    let Some(record) = with_own_link(saved, link, at) else {
        return;
    };
    match db.save(record, at).await {
        // Another tab saved the profile meanwhile: what the user typed there wins.
        Ok(_) | Err(SaveError::Conflict(_)) => {}
        Err(SaveError::Storage(e)) => feedback.error(AppError::SaveFailed(e)),
    }
}

/// How many people are read between two paints: a few milliseconds' work.
const SLICE: usize = 1_000;

/// Reads a file with `reader` a slice at a time, showing how far it got and letting the
/// page paint and answer in between.
async fn read_in_slices(
    step: RwSignal<Step>,
    mut reader: impl Reader,
) -> Result<Parsed, ImportError> {
    while reader.step(SLICE) {
        step.set(Step::Reading(Some(reader.progress())));
        yield_to_browser().await;
    }
    reader.finish()
}

/// Scales the photos of new contacts as a picked photo is scaled; one the browser cannot
/// draw is left out and listed with the others left out.
async fn scale_photos(plan: &mut ImportPlan) {
    for person in &mut plan.people {
        let Some(photo) = person.photo.as_mut() else {
            continue;
        };
        match scale_imported(&photo.mime, &photo.data).await {
            Ok(None) => {}
            Ok(Some((mime, data))) => {
                photo.mime = mime;
                photo.data = data;
            }
            Err(_) => {
                person.photo = None;
                plan.photos_left_out.push(person.place);
            }
        }
    }
    plan.photos_left_out.sort_unstable();
}

/// The people of a messages file the user may be, labelled with their conversations, and
/// the one taken for the user (empty when none).
fn owner_choices(i18n: I18n, read: &MessagesRead) -> (Vec<(String, String)>, String) {
    let lang = i18n.lang_untracked();
    let participants = read
        .participants
        .iter()
        .map(|p| {
            let name = if p.name.is_empty() { &p.url } else { &p.name };
            let label = if p.conversations == 1 {
                t_string!(i18n, interop.owner_option_one, name = name).to_string()
            } else {
                t_string!(
                    i18n,
                    interop.owner_option,
                    name = name,
                    count = format::integer(p.conversations as i64, lang)
                )
                .to_string()
            };
            (p.url.clone(), label)
        })
        .collect();
    let chosen = read
        .participants
        .iter()
        .find(|p| Some(link_key(&p.url)) == read.owner_link)
        .map(|p| p.url.clone())
        .unwrap_or_default();
    (participants, chosen)
}

/// The preview of a checked plan, with the first [`LISTED`] people and rows of each list.
fn staged(
    i18n: I18n,
    file: String,
    cards: bool,
    plan: &ImportPlan,
    conversations: Option<Conversations>,
) -> Staged {
    let possible = plan
        .people
        .iter()
        .filter(|p| p.outcome == Outcome::PossibleDuplicate)
        .take(LISTED)
        .map(|p| at(i18n, cards, p.place, display_name(&p.contact)))
        .collect();
    let skipped = plan
        .skipped
        .iter()
        .take(LISTED)
        .map(|s| skipped_text(i18n, cards, s))
        .collect();
    let photos_left_out = plan
        .photos_left_out
        .iter()
        .take(LISTED)
        .map(|&place| at(i18n, cards, place, String::new()))
        .map(|text| text.trim_end_matches([':', ' ']).to_string())
        .collect();
    Staged {
        file,
        counts: plan.counts(),
        conversations: conversations.map(|c| Conversations {
            stored: plan.entries_stored,
            ..c
        }),
        possible,
        skipped,
        photos_left_out,
        photos_left_out_count: plan.photos_left_out.len(),
    }
}
