//! Settings → Export: contacts as vCard or spreadsheet, and a calendar of interviews,
//! promises and birthdays. Files are downloaded, never sent anywhere.

use std::collections::HashMap;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::backup::Dataset;
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::keep_in_touch::next_due;
use crate::domain::format;
use crate::domain::interop::contacts_csv::{self, Computed, COLUMNS};
use crate::domain::interop::csv::Separator;
use crate::domain::interop::ical::Calendar;
use crate::domain::interop::vcard::write_cards;
use crate::domain::lang::Lang;
use crate::i18n::*;
use crate::storage::{prefs, StorageError};
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::files::download;

use super::share::{note_labels, with_event_texts};

/// What the export section writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    VCard,
    Csv(Separator),
    Calendar,
}

/// The spreadsheet's column names in the user's language.
fn csv_headers(i18n: I18n) -> [&'static str; COLUMNS] {
    [
        t_string!(i18n, contacts.field.first_name),
        t_string!(i18n, contacts.field.last_name),
        t_string!(i18n, contacts.field.company),
        t_string!(i18n, contacts.field.role),
        t_string!(i18n, contacts.field.field),
        t_string!(i18n, contacts.field.city),
        t_string!(i18n, contacts.field.email),
        t_string!(i18n, contacts.field.phone),
        t_string!(i18n, interop.col_links),
        t_string!(i18n, interop.col_tags),
        t_string!(i18n, contacts.field.circle),
        t_string!(i18n, interop.col_cadence),
        t_string!(i18n, interop.col_occasion),
        t_string!(i18n, interop.col_met_on),
        t_string!(i18n, interop.col_hook),
        t_string!(i18n, interop.col_birthday),
        t_string!(i18n, interop.col_channel),
        t_string!(i18n, interop.col_notes),
        t_string!(i18n, interop.col_last_contact),
        t_string!(i18n, interop.col_next_due),
    ]
}

/// The last interaction of every contact.
fn last_contacts(data: &Dataset) -> HashMap<&str, NaiveDate> {
    let mut last: HashMap<&str, NaiveDate> = HashMap::new();
    for i in &data.interactions {
        let entry = last.entry(i.contact_id.as_str()).or_insert(i.date);
        *entry = (*entry).max(i.date);
    }
    last
}

/// The file's text and name for `format`.
fn file_of(i18n: I18n, format: Format, data: &Dataset) -> (String, String, &'static str) {
    let today = format::iso_date(now().date_naive());
    match format {
        Format::VCard => {
            let photos: HashMap<&str, &crate::domain::record::Photo> = data
                .photos
                .iter()
                .map(|p| (p.contact_id.as_str(), p))
                .collect();
            let text = write_cards(
                &data.contacts,
                |id| photos.get(id).copied(),
                note_labels(i18n),
            );
            (
                text,
                format!("netzweber-contacts-{today}.vcf"),
                "text/vcard;charset=utf-8",
            )
        }
        Format::Csv(sep) => {
            let last = last_contacts(data);
            let cadence = prefs::load_cadence();
            let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
            let rows: Vec<_> = data
                .contacts
                .iter()
                .map(|c| {
                    let last_contact = last.get(c.meta.id.as_str()).copied();
                    let computed = Computed {
                        last_contact,
                        next_due: next_due(c, last_contact, &cadence, offset),
                    };
                    (c, computed)
                })
                .collect();
            let text = contacts_csv::write(&rows, &csv_headers(i18n), sep);
            (
                text,
                format!("netzweber-contacts-{today}.csv"),
                "text/csv;charset=utf-8",
            )
        }
        Format::Calendar => (
            calendar(i18n, data),
            format!("netzweber-calendar-{today}.ics"),
            "text/calendar;charset=utf-8",
        ),
    }
}

/// Every interview with a time, every open promise with a date and every birthday.
pub fn calendar(i18n: I18n, data: &Dataset) -> String {
    let names: HashMap<&str, String> = data
        .contacts
        .iter()
        .map(|c| (c.meta.id.as_str(), display_name(c)))
        .collect();
    let name_of = |id: Option<&String>| {
        id.and_then(|id| names.get(id.as_str()))
            .cloned()
            .unwrap_or_default()
    };
    with_event_texts(i18n, |texts| {
        let mut cal = Calendar::new(now());
        for plan in &data.interview_plans {
            let name = match plan.person_name.trim() {
                "" => name_of(plan.contact_id.as_ref()),
                n => n.to_string(),
            };
            cal.interview(plan, &name, texts);
        }
        for f in &data.follow_ups {
            cal.promise(f, &name_of(f.contact_id.as_ref()), texts);
        }
        for c in &data.contacts {
            if let Some(b) = c.birthday {
                cal.birthday(&c.meta.id, b, &display_name(c), texts);
            }
        }
        cal.finish()
    })
}

async fn export(i18n: I18n, data: Data, format: Format) -> Result<String, StorageError> {
    let dataset = data.db()?.export().await?;
    let (text, file, mime) = file_of(i18n, format, &dataset);
    download(&file, &text, mime)?;
    Ok(file)
}

/// Export contacts and calendar.
#[component]
pub fn ExportSection() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let busy = RwSignal::new(false);
    // German spreadsheet programs expect semicolons (the comma is their decimal mark).
    let semicolon = RwSignal::new(i18n.lang_untracked() == Lang::De);
    let run = move |format: Format| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match export(i18n, data, format).await {
                Ok(file) => feedback.toast(t_string!(i18n, interop.exported, file = file)),
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
            busy.set(false);
        });
    };
    let button = move |format: Format, text: &'static str| {
        view! {
            <button type="button" class="button button--secondary"
                disabled=move || !data.ready() || busy.get()
                aria-busy=move || busy.get().to_string()
                on:click=move |_| {
                    let format = match format {
                        Format::Csv(_) if semicolon.get_untracked() => Format::Csv(Separator::Semicolon),
                        Format::Csv(_) => Format::Csv(Separator::Comma),
                        other => other,
                    };
                    run(format)
                }>
                {text}
            </button>
        }
    };
    view! {
        <section class="card" id="export" aria-labelledby="settings-export">
            <h2 id="settings-export">{tr!(i18n, interop.export_title)}</h2>
            <p>{tr!(i18n, interop.export_intro)}</p>
            <div class="button-row">
                {move || button(Format::VCard, t_string!(i18n, interop.export_vcard))}
                {move || button(Format::Calendar, t_string!(i18n, interop.export_calendar))}
            </div>
            <div class="field-row field-row--end">
                <div class="field">
                    <label for="export-separator">{tr!(i18n, interop.separator)}</label>
                    <span class="hint" id="export-separator-hint">{tr!(i18n, interop.separator_hint)}</span>
                    <select id="export-separator" aria-describedby="export-separator-hint" on:change=move |ev| semicolon.set(event_target_value(&ev) == ";")>
                        <option value="," selected=move || !semicolon.get()>{tr!(i18n, interop.separator_comma)}</option>
                        <option value=";" selected=move || semicolon.get()>{tr!(i18n, interop.separator_semicolon)}</option>
                    </select>
                </div>
                {move || button(Format::Csv(Separator::Comma), t_string!(i18n, interop.export_csv))}
            </div>
        </section>
    }
}
