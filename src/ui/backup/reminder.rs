//! The banner that suggests a backup when the last one is old and data changed since.

use leptos::prelude::*;

use crate::i18n::*;
use crate::storage::prefs;
use crate::ui::context::use_preferences;
use std::future::Future;
use std::pin::Pin;

use crate::storage::StorageError;
use crate::ui::data::{now, use_data, Data};
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::lazy::split_point;

use super::{export_backup, export_with_feedback};

type Export = fn(Data) -> Pin<Box<dyn Future<Output = Result<(String, usize), StorageError>>>>;

// The export and its backup writer come with the Settings chunk: most visits show no
// reminder, and none of them should pay for the writer up front.
split_point!(
    settings,
    fn load_export() -> Export {
        |data| Box::pin(export_backup(data))
    }
);

/// Suggests a backup when the last one is old and data changed since.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let preferences = use_preferences();
    let feedback = use_feedback();
    let exporting = RwSignal::new(false);
    // Busy from the click on: the chunk may take a moment to arrive.
    let export = move |_| {
        export_with_feedback(i18n, feedback, exporting, async move {
            let export = load_export().await.map_err(|_| AppError::NotLoaded)?;
            export(data).await.map_err(AppError::ActionFailed)
        })
    };
    let activity = LocalResource::new(move || {
        data.revision.track();
        let db = data.db();
        async move { db.ok()?.activity().await.ok() }
    });
    let due = move || {
        let days = preferences.reminder_days.get();
        let dismissed = preferences.reminder_dismissed.get();
        activity
            .get()
            .flatten()
            .filter(|a| a.backup_due(now(), days, dismissed))
            .map(|a| (a, days.unwrap_or_default()))
    };
    let dismiss = move |_| {
        let at = now();
        preferences.reminder_dismissed.set(Some(at));
        // Not remembering the dismissal only means the reminder comes back after a reload.
        let _ = prefs::save_reminder_dismissed(at);
    };
    view! {
        {move || due().map(|(activity, days)| view! {
            <div class="banner banner--info" role="region" aria-label=tr!(i18n, reminder.label)>
                <p>
                    {move || if activity.last_export.is_some() {
                        t_string!(i18n, reminder.text, days).to_string()
                    } else {
                        t_string!(i18n, reminder.text_never).to_string()
                    }}
                </p>
                <div class="button-row">
                    <button
                        type="button"
                        class="button"
                        disabled=move || exporting.get()
                        aria-busy=move || exporting.get().to_string()
                        on:click=export
                    >
                        {tr!(i18n, reminder.backup_now)}
                    </button>
                    <button type="button" class="button button--secondary" on:click=dismiss>
                        {tr!(i18n, reminder.later)}
                    </button>
                </div>
            </div>
        })}
    }
}
