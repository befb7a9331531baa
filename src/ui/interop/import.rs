//! Settings → Import contacts: pick a file (LinkedIn's connections or vCards), see what
//! it would change, write it all or nothing.

use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::domain::backup::Dataset;
use crate::domain::code::Code;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::duplicates::link_key;
use crate::domain::format;
use crate::domain::interop::columns::{guess_all, read_rows, MappedReader, Target};
use crate::domain::interop::csv::Row;
use crate::domain::interop::linkedin::ConnectionsReader;
use crate::domain::interop::linkedin_messages::{is_messages, read_messages, EntryTexts};
use crate::domain::interop::matching::{plan, Choices, Counts, ImportPlan, Outcome};
use crate::domain::interop::vcard_read::{is_vcard, CardReader};
use crate::domain::interop::{
    file_text, ImportError, Parsed, Reader, SkipReason, Skipped, MAX_IMPORT_BYTES,
};
use crate::domain::profile::with_own_link;
use crate::domain::record::{Contact, Kind};
use crate::i18n::*;
use crate::storage::db::{Database, SaveError};
use crate::ui::contacts::photo::scale_imported;
use crate::ui::data::{new_id, now, use_data, Data};
use crate::ui::feedback::{use_feedback, AppError, Feedback};
use crate::ui::idle::yield_to_browser;

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

/// The columns of a spreadsheet to map, as shown.
#[derive(Clone, Debug, PartialEq)]
struct Mapping {
    file: String,
    /// Each column's header, first value and guessed target.
    columns: Vec<(String, String, Target)>,
}

impl Mapping {
    fn of(file: String, rows: &[Row]) -> Mapping {
        let header = &rows[0];
        let guesses = guess_all(header);
        let columns = header
            .fields
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let sample = rows[1..]
                    .iter()
                    .map(|r| r.get(Some(i)).trim())
                    .find(|v| !v.is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect();
                (h.trim().to_string(), sample, guesses[i])
            })
            .collect();
        Mapping { file, columns }
    }
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

fn error_text(i18n: I18n, e: &ImportError) -> String {
    let lang = i18n.lang_untracked();
    match e {
        ImportError::Empty => t_string!(i18n, interop.err_empty).to_string(),
        ImportError::TooLarge(bytes) => t_string!(
            i18n,
            interop.err_too_large,
            size = format::bytes(*bytes as u64, lang),
            max = format::bytes(MAX_IMPORT_BYTES as u64, lang)
        )
        .to_string(),
        ImportError::NotText => t_string!(i18n, interop.err_not_text).to_string(),
        ImportError::TooMany(n) => t_string!(
            i18n,
            interop.err_too_many,
            count = format::integer(*n as i64, lang)
        )
        .to_string(),
        ImportError::UnclosedQuote(line) => {
            t_string!(i18n, interop.err_quote, line = *line).to_string()
        }
        ImportError::NoHeader => t_string!(i18n, interop.err_no_header).to_string(),
        ImportError::NoPeople => t_string!(i18n, interop.err_no_people).to_string(),
    }
}

/// "Line 12: …" in a spreadsheet, "Card 12: …" in a vCard file.
fn at(i18n: I18n, cards: bool, place: usize, text: String) -> String {
    if cards {
        t_string!(i18n, interop.at_card, line = place, text = text).to_string()
    } else {
        t_string!(i18n, interop.at_line, line = place, text = text).to_string()
    }
}

fn skipped_text(i18n: I18n, cards: bool, s: &Skipped) -> String {
    let reason = match s.reason {
        SkipReason::HiddenProfile => t_string!(i18n, interop.skip_hidden).to_string(),
        SkipReason::NoName => t_string!(i18n, interop.skip_no_name).to_string(),
        SkipReason::Invalid(field) => {
            t_string!(i18n, interop.skip_invalid, field = field).to_string()
        }
        SkipReason::Incomplete => t_string!(i18n, interop.skip_incomplete).to_string(),
    };
    at(i18n, cards, s.place, reason)
}

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

/// The counts of a checked file, the groups to choose, and the import button.
fn preview_view(
    i18n: I18n,
    staged: Staged,
    [add_new, add_possible, complete]: [RwSignal<bool>; 3],
    run: impl Fn() + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
    choose_owner: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let lang = i18n.lang_untracked();
    let n = move |v: usize| format::integer(v as i64, lang);
    let Staged {
        file,
        counts,
        possible,
        skipped,
        photos_left_out,
        photos_left_out_count,
        conversations,
    } = staged;
    let more_photos = photos_left_out_count.saturating_sub(photos_left_out.len());
    let c = counts;
    let more_possible = c.possible_duplicates.saturating_sub(possible.len());
    let more_skipped = c.skipped.saturating_sub(skipped.len());
    let writes = c.new + c.possible_duplicates + c.complete + c.entries;
    let choice = |signal: RwSignal<bool>, id: &'static str, text: String| {
        view! {
            <label class="choice" for=id>
                <input type="checkbox" id=id prop:checked=move || signal.get()
                    on:change=move |ev| signal.set(event_target_checked(&ev)) />
                <span>{text}</span>
            </label>
        }
    };
    view! {
        <h3 id="import-preview-title">{tr!(i18n, interop.preview_title)}</h3>
        <p>{t_string!(i18n, interop.preview_file, file = file)}</p>
        <dl class="facts import-counts">
            <dt>{tr!(i18n, interop.count_new)}</dt><dd>{n(c.new)}</dd>
            <dt>{tr!(i18n, interop.count_complete)}</dt><dd>{n(c.complete)}</dd>
            <dt>{tr!(i18n, interop.count_unchanged)}</dt><dd>{n(c.unchanged)}</dd>
            <dt>{tr!(i18n, interop.count_same_in_file)}</dt><dd>{n(c.same_in_file)}</dd>
            <dt>{tr!(i18n, interop.count_possible)}</dt><dd>{n(c.possible_duplicates)}</dd>
            <dt>{tr!(i18n, interop.count_skipped)}</dt><dd>{n(c.skipped)}</dd>
            {conversations.as_ref().map(|m| view! {
                <dt>{tr!(i18n, interop.count_entries)}</dt><dd>{n(c.entries)}</dd>
                <dt>{tr!(i18n, interop.count_entries_stored)}</dt><dd>{n(m.stored)}</dd>
                <dt>{tr!(i18n, interop.count_unmatched)}</dt><dd>{n(m.unmatched)}</dd>
            })}
        </dl>
        {conversations.map(|m| owner_view(i18n, m, choose_owner))}
        {(!possible.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.possible_title)}</summary>
                <p class="hint">{tr!(i18n, interop.possible_hint)}</p>
                <ul class="stack">{possible.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_possible > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_possible))}</p> })}
            </details>
        })}
        {(!skipped.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.skipped_title)}</summary>
                <ul class="stack">{skipped.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_skipped > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_skipped))}</p> })}
            </details>
        })}
        {(!photos_left_out.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.photos_left_out)}" ("{n(photos_left_out_count)}")"</summary>
                <ul class="stack">{photos_left_out.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_photos > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_photos))}</p> })}
            </details>
        })}
        <fieldset class="choices">
            <legend>{tr!(i18n, interop.choose)}</legend>
            {(c.new > 0).then(|| choice(add_new, "import-new", t_string!(i18n, interop.choose_new, count = n(c.new)).to_string()))}
            {(c.complete > 0).then(|| choice(complete, "import-complete", t_string!(i18n, interop.choose_complete, count = n(c.complete)).to_string()))}
            {(c.possible_duplicates > 0).then(|| choice(add_possible, "import-possible", t_string!(i18n, interop.choose_possible, count = n(c.possible_duplicates)).to_string()))}
            {(writes == 0).then(|| view! { <p>{tr!(i18n, interop.nothing_to_import)}</p> })}
        </fieldset>
        <div class="button-row">
            {(writes > 0).then(|| view! {
                <button type="button" class="button" on:click=move |_| run()>{tr!(i18n, interop.import_button)}</button>
            })}
            <button type="button" class="button button--secondary" on:click=move |_| cancel()>{tr!(i18n, interop.cancel)}</button>
        </div>
    }
}

/// The name of a contact field a column can fill.
fn target_label(i18n: I18n, t: Target) -> &'static str {
    match t {
        Target::Ignore => t_string!(i18n, interop.target.ignore),
        Target::FirstName => t_string!(i18n, contacts.field.first_name),
        Target::LastName => t_string!(i18n, contacts.field.last_name),
        Target::FullName => t_string!(i18n, interop.target.full_name),
        Target::Company => t_string!(i18n, contacts.field.company),
        Target::Role => t_string!(i18n, contacts.field.role),
        Target::Field => t_string!(i18n, contacts.field.field),
        Target::City => t_string!(i18n, contacts.field.city),
        Target::Email => t_string!(i18n, contacts.field.email),
        Target::Phone => t_string!(i18n, contacts.field.phone),
        Target::Links => t_string!(i18n, interop.col_links),
        Target::Tags => t_string!(i18n, interop.col_tags),
        Target::Notes => t_string!(i18n, interop.col_notes),
        Target::Birthday => t_string!(i18n, interop.col_birthday),
        Target::Occasion => t_string!(i18n, interop.col_occasion),
        Target::MetOn => t_string!(i18n, interop.col_met_on),
        Target::Hook => t_string!(i18n, interop.col_hook),
        Target::Circle => t_string!(i18n, contacts.field.circle),
        Target::Cadence => t_string!(i18n, interop.col_cadence),
    }
}

/// Which column of an unknown spreadsheet fills which field, guessed from the headers.
fn mapping_view(i18n: I18n, mapping: Mapping, importer: Importer) -> impl IntoView {
    let Mapping { file, columns } = mapping;
    let targets = StoredValue::new_local(columns.iter().map(|c| c.2).collect::<Vec<_>>());
    let no_name = RwSignal::new(false);
    let go = move |_| {
        let chosen = targets.get_value();
        let named = chosen
            .iter()
            .any(|t| matches!(t, Target::FirstName | Target::LastName | Target::FullName));
        no_name.set(!named);
        if named {
            importer.apply_mapping(i18n, file.clone(), chosen);
        }
    };
    view! {
        <h3 id="import-mapping-title">{tr!(i18n, interop.mapping_title)}</h3>
        <p>{tr!(i18n, interop.mapping_intro)}</p>
        <div class="mapping">
            {columns.into_iter().enumerate().map(|(i, (header, sample, guess))| {
                let id = format!("import-column-{i}");
                let hint = format!("import-column-{i}-hint");
                let header = if header.is_empty() { format!("{}", i + 1) } else { header };
                view! {
                    <div class="field">
                        <label for=id.clone()>{header}</label>
                        <span class="hint" id=hint.clone()>{(!sample.is_empty()).then(|| t_string!(i18n, interop.mapping_sample, value = sample.clone()).to_string())}</span>
                        <select id=id aria-describedby=hint on:change=move |ev| {
                            let t = Target::from_key(&event_target_value(&ev)).unwrap_or(Target::Ignore);
                            targets.update_value(|v| v[i] = t);
                        }>
                            {Target::ALL.iter().map(|&t| view! {
                                <option value=t.key() selected=t == guess>{target_label(i18n, t)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </div>
        {move || no_name.get().then(|| view! { <p class="error" role="alert">{tr!(i18n, interop.mapping_no_name)}</p> })}
        <div class="button-row">
            <button type="button" class="button" on:click=go>{tr!(i18n, interop.mapping_continue)}</button>
            <button type="button" class="button button--secondary" on:click=move |_| {
                importer.pending.set_value(None);
                importer.step.set(Step::Idle);
            }>{tr!(i18n, interop.cancel)}</button>
        </div>
    }
}

/// Who the user is in the messages: named when their profile link found them, otherwise
/// asked among the busiest people of the file, the likeliest chosen.
fn owner_view(
    i18n: I18n,
    m: Conversations,
    choose_owner: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    if m.known || m.participants.len() < 2 {
        return view! {
            <p>{match m.owner {
                Some(name) => t_string!(i18n, interop.owner, name = name).to_string(),
                None => t_string!(i18n, interop.owner_unknown).to_string(),
            }}</p>
        }
        .into_any();
    }
    let chosen = m.chosen;
    view! {
        <div class="field">
            <label for="import-owner">{tr!(i18n, interop.owner_question)}</label>
            <span class="hint" id="import-owner-hint">
                {tr!(i18n, interop.owner_hint)}
                {m.remembered.then(|| view! { " "{tr!(i18n, interop.owner_remembered)} })}
            </span>
            <select id="import-owner" aria-describedby="import-owner-hint"
                on:change=move |ev| choose_owner(event_target_value(&ev))>
                {m.participants.into_iter().map(|(link, label)| {
                    let selected = link == chosen;
                    view! { <option value=link selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// Checking a chosen file and importing what was checked.
#[derive(Clone, Copy)]
struct Importer {
    step: RwSignal<Step>,
    /// The plan of the checked file, out of signals: it can hold 20,000 people.
    planned: StoredValue<Option<Rc<ImportPlan>>, LocalStorage>,
    /// A spreadsheet waiting for its columns to be mapped.
    pending: StoredValue<Option<Rc<Pending>>, LocalStorage>,
    /// The checked files while the preview shows conversations.
    checked: StoredValue<Option<Rc<Checked>>, LocalStorage>,
    /// The user's profile link to remember once the import is written: chosen among the
    /// people of the messages file while the profile has none.
    own_link: StoredValue<Option<String>>,
    data: Data,
    feedback: Feedback,
}

impl Importer {
    /// Reads and checks `file` whole and plans the import against the contacts stored
    /// now; nothing is written.
    /// Reads the people the user picks from the phone's address book as one vCard file.
    fn pick_from_phone(self, i18n: I18n) {
        let step = self.step;
        leptos::task::spawn_local(async move {
            match super::phone_contacts::pick().await {
                Ok(people) if people.is_empty() => {}
                Ok(people) => {
                    let name = t_string!(i18n, interop.phone_contacts_file).to_string();
                    match super::phone_contacts::as_file(&people, &name) {
                        Some(file) => self.check(i18n, vec![file]),
                        None => step.set(Step::Failed(name)),
                    }
                }
                Err(message) => step.set(Step::Failed(message)),
            }
        });
    }

    fn check(self, i18n: I18n, files: Vec<web_sys::File>) {
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
    fn choose_owner(self, i18n: I18n, link: String) {
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
    fn apply_mapping(self, i18n: I18n, file: String, targets: Vec<Target>) {
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
            let lang = i18n.lang_untracked();
            let participants: Vec<(String, String)> = read
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
        step.set(Step::Preview(Staged {
            file: name,
            counts: plan.counts(),
            conversations: owner.map(|c| Conversations {
                stored: plan.entries_stored,
                ..c
            }),
            possible,
            skipped,
            photos_left_out,
            photos_left_out_count: plan.photos_left_out.len(),
        }));
        planned.set_value(Some(Rc::new(plan)));
    }

    /// Writes the chosen groups of the checked plan in one transaction. When a contact it
    /// completes changed meanwhile (another tab), nothing is written and the file must be
    /// checked again.
    fn import(self, i18n: I18n, choices: Choices) {
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
