//! The banner that suggests a backup when the last one is old and data changed since, and
//! the setting in Settings → Backup that says how often.

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

/// How often Netzweber suggests a backup when data changed (a preference of this browser).
#[component]
pub(super) fn ReminderSetting() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let preferences = use_preferences();
    let reminder_options = [Some(7u32), Some(14), Some(30), Some(90), None];
    let on_reminder = move |ev: leptos::ev::Event| {
        let days = event_target_value(&ev)
            .parse::<u32>()
            .ok()
            .filter(|d| *d > 0);
        preferences.reminder_days.set(days);
        if let Err(e) = prefs::save_reminder_days(days) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <div class="field">
            <label for="backup-reminder">{tr!(i18n, settings.backup.reminder_label)}</label>
            <select id="backup-reminder" on:change=on_reminder>
                {reminder_options
                    .into_iter()
                    .map(|days| {
                        let value = days.unwrap_or(0).to_string();
                        view! {
                            <option
                                value=value
                                selected=move || preferences.reminder_days.get() == days
                            >
                                {move || match days {
                                    Some(d) => t_string!(i18n, settings.backup.reminder_days, days = d).to_string(),
                                    None => t_string!(i18n, settings.backup.reminder_off).to_string(),
                                }}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
