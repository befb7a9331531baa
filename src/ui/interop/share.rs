//! Sharing one record with another program: a contact as a vCard, an interview as a
//! calendar event. Used by the contact and plan pages; the texts are shared with the
//! export in Settings.

use std::collections::HashMap;

use crate::domain::contacts::draft::display_name;
use crate::domain::format;
use crate::domain::interop::file_slug;
use crate::domain::interop::ical::{Calendar, EventTexts};
use crate::domain::interop::vcard::{write_card, write_cards, NoteLabels};
use crate::domain::record::{Contact, InterviewPlan, Photo};
use crate::i18n::*;
use crate::storage::StorageError;
use crate::ui::data::{now, Data};
use crate::ui::files::download;

/// The labels of the readable vCard note.
pub fn note_labels(i18n: I18n) -> NoteLabels {
    NoteLabels {
        met: t_string!(i18n, interop.note_met),
        hook: t_string!(i18n, interop.note_hook),
    }
}

/// Runs `write` with the calendar's texts in the user's language.
pub fn with_event_texts<T>(i18n: I18n, write: impl FnOnce(&EventTexts) -> T) -> T {
    let interview = |name: &str| t_string!(i18n, interop.event_interview, name = name).to_string();
    let birthday = |name: &str| t_string!(i18n, interop.event_birthday, name = name).to_string();
    let promise = |text: &str, name: &str| {
        if name.is_empty() {
            text.to_string()
        } else {
            t_string!(i18n, interop.event_promise, text = text, name = name).to_string()
        }
    };
    write(&EventTexts {
        interview: &interview,
        goal: t_string!(i18n, interop.event_goal),
        questions: t_string!(i18n, interop.event_questions),
        birthday: &birthday,
        promise: &promise,
    })
}

/// Downloads one contact as a vCard (with its photo); returns the file's name.
pub fn share_contact(
    i18n: I18n,
    contact: &Contact,
    photo: Option<&Photo>,
) -> Result<String, StorageError> {
    let mut text = String::new();
    write_card(&mut text, contact, photo, note_labels(i18n));
    let file = format!(
        "netzweber-{}-{}.vcf",
        file_slug(&display_name(contact)),
        format::iso_date(now().date_naive())
    );
    download(&file, &text, "text/vcard;charset=utf-8")?;
    Ok(file)
}

/// Downloads `contacts` (a filtered list) as one vCard file with their photos; returns
/// the file's name.
pub async fn share_contacts(
    i18n: I18n,
    data: Data,
    contacts: Vec<Contact>,
) -> Result<String, StorageError> {
    let photos = data.db()?.all::<Photo>().await?;
    let by_contact: HashMap<&str, &Photo> =
        photos.iter().map(|p| (p.contact_id.as_str(), p)).collect();
    let text = write_cards(
        &contacts,
        |id| by_contact.get(id).copied(),
        note_labels(i18n),
    );
    let file = format!(
        "netzweber-contacts-{}.vcf",
        format::iso_date(now().date_naive())
    );
    download(&file, &text, "text/vcard;charset=utf-8")?;
    Ok(file)
}

/// Downloads one interview as a calendar event; returns the file's name. The event's
/// UID is the plan's, so a calendar updates it when the plan is added again.
pub fn add_to_calendar(
    i18n: I18n,
    plan: &InterviewPlan,
    name: &str,
) -> Result<String, StorageError> {
    let text = with_event_texts(i18n, |texts| {
        let mut cal = Calendar::new(now());
        cal.interview(plan, name, texts);
        cal.finish()
    });
    let file = format!(
        "netzweber-interview-{}-{}.ics",
        file_slug(name),
        format::iso_date(now().date_naive())
    );
    download(&file, &text, "text/calendar;charset=utf-8")?;
    Ok(file)
}
