//! App-wide state shared through Leptos context, with `use_*` accessors in the style of
//! thaw-ui: provide once in [`crate::ui::App`], read anywhere below it.

use leptos::prelude::*;

use crate::domain::theme::Theme;
use crate::pwa::OfflineState;
use chrono::{DateTime, Utc};

/// The user's preferences that live outside the language context.
#[derive(Clone, Copy)]
pub struct Preferences {
    /// Chosen colour scheme.
    pub theme: RwSignal<Theme>,
    /// Days between backup reminders; `None` = off.
    pub reminder_days: RwSignal<Option<u32>>,
    /// When the backup reminder was last dismissed.
    pub reminder_dismissed: RwSignal<Option<DateTime<Utc>>>,
}

/// Reads the [`Preferences`] provided by the app.
pub fn use_preferences() -> Preferences {
    expect_context()
}

/// Service-worker state: whether offline use works and whether a new version waits.
#[derive(Clone, Copy)]
pub struct AppUpdate {
    /// Outcome of registering the service worker.
    pub offline: RwSignal<OfflineState>,
    /// A newer version has installed and waits for the user's go-ahead.
    pub update_ready: RwSignal<bool>,
}

/// Reads the [`AppUpdate`] state provided by the app.
pub fn use_app_update() -> AppUpdate {
    expect_context()
}
