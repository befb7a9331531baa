//! The Settings screen: language, appearance, the user's profile, storage status, and what
//! Netzweber does with data.

use leptos::prelude::*;

use crate::domain::code::Code;
use crate::domain::format;
use crate::domain::lang::Lang;
use crate::domain::storage_status::StorageHealth;
use crate::domain::theme::Theme;
use crate::i18n::*;
use crate::pwa::OfflineState;
use crate::storage::{estimate, prefs};
use crate::ui::backup::{BackupSection, DataSection};
use crate::ui::common::select::{lang_name, EnumRadios};
use crate::ui::context::{use_app_update, use_preferences};
use crate::ui::feedback::{storage_error_text, use_feedback, AppError};
use crate::ui::insights::goal::GoalSettings;
use crate::ui::install::InstallSection;
use crate::ui::interop::{ExportSection, ImportSection};
use crate::ui::privacy::settings::PrivacySection;
use crate::ui::profile::ProfileSection;
use crate::ui::title::use_page_title;

/// The Settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, settings.title).to_string());
    view! {
        <h1>{tr!(i18n, settings.title)}</h1>
        <p class="muted">{tr!(i18n, settings.intro)}</p>
        <LanguageSection />
        <ThemeSection />
        <ProfileSection />
        <KeepInTouchSection />
        <GoalSettings />
        <MessagesSection />
        <DataSection />
        <PrivacySection />
        <BackupSection />
        <ImportSection />
        <ExportSection />
        <InstallSection />
        <StorageSection />
        <AboutSection />
    }
}

#[component]
fn LanguageSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let choose = move |lang: Lang| {
        i18n.set_lang(lang);
        if let Err(e) = prefs::save_lang(lang) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-language">
            <h2 id="settings-language">{tr!(i18n, settings.language.title)}</h2>
            <EnumRadios name="language" legend=move || t_string!(i18n, settings.language.legend) legend_hidden=true
                label=lang_name lang_of=Lang::key value={move || i18n.lang()} on_pick=choose />
        </section>
    }
}

#[component]
fn ThemeSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let theme = use_preferences().theme;
    let choose = move |t: Theme| {
        theme.set(t);
        if let Err(e) = prefs::save_theme(t) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-theme">
            <h2 id="settings-theme">{tr!(i18n, settings.theme.title)}</h2>
            <EnumRadios name="theme" legend=move || t_string!(i18n, settings.theme.legend) legend_hidden=true
                label=theme_label value={move || theme.get()} on_pick=choose />
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let offline = use_app_update().offline;
    let status = LocalResource::new(estimate::storage_status);
    let persist = Action::new_local(|_: &()| estimate::request_persistence());
    // After the browser answers the request, the figures shown must be fresh.
    Effect::new(move |_| {
        if persist.value().with(Option::is_some) {
            status.refetch();
        }
    });
    let persist_message = move || {
        persist.value().get().map(|result| match result {
            Ok(true) => t_string!(i18n, settings.storage.granted).to_string(),
            Ok(false) => t_string!(i18n, settings.storage.denied).to_string(),
            Err(e) => storage_error_text(i18n, &e),
        })
    };
    let figures = move || {
        status.get().map(|s| {
            let health = s.health();
            let protection = match s.persisted {
                Some(true) => t_string!(i18n, settings.storage.persisted),
                Some(false) => t_string!(i18n, settings.storage.best_effort),
                None => t_string!(i18n, settings.storage.unknown),
            };
            let explanation = match health {
                StorageHealth::Safe => t_string!(i18n, settings.storage.explain_safe),
                StorageHealth::BestEffort => t_string!(i18n, settings.storage.explain_best_effort),
                StorageHealth::NearlyFull => t_string!(i18n, settings.storage.explain_full),
                StorageHealth::Unknown => t_string!(i18n, settings.storage.explain_unknown),
            };
            let usage = match (s.usage, s.quota, s.usage_ratio()) {
                (Some(u), Some(q), Some(r)) => t_string!(
                    i18n,
                    settings.storage.usage_of_quota,
                    used = format::bytes(u, lang()),
                    quota = format::bytes(q, lang()),
                    percent = format::percent(r, lang())
                )
                .to_string(),
                _ => t_string!(i18n, settings.storage.unknown).to_string(),
            };
            let ratio = s.usage_ratio();
            let status_class = if health == StorageHealth::Safe {
                "status status--ok"
            } else {
                "status status--warn"
            };
            view! {
                <dl class="facts">
                    <dt>{tr!(i18n, settings.storage.protection)}</dt>
                    <dd><span class=status_class>{protection}</span></dd>
                    <dt>{tr!(i18n, settings.storage.used)}</dt>
                    <dd>{usage}</dd>
                </dl>
                {ratio.map(|r| view! {
                    <meter
                        class="meter"
                        min="0"
                        max="1"
                        low="0.6"
                        high="0.8"
                        optimum="0"
                        value=r.to_string()
                        aria-label=move || t_string!(i18n, settings.storage.usage_meter)
                    ></meter>
                })}
                <p>{explanation}</p>
                <div class="button-row">
                    <Show when=move || s.persisted != Some(true)>
                        <button
                            type="button"
                            class="button"
                            disabled=move || persist.pending().get()
                            on:click=move |_| {
                                persist.dispatch(());
                            }
                        >
                            {tr!(i18n, settings.storage.request)}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| status.refetch()
                    >
                        {tr!(i18n, settings.storage.refresh)}
                    </button>
                </div>
            }
        })
    };
    let offline_text = move || match offline.get() {
        OfflineState::Pending => t_string!(i18n, settings.storage.offline_pending).to_string(),
        OfflineState::Ready => t_string!(i18n, settings.storage.offline_ready).to_string(),
        OfflineState::DisabledInDevelopment => {
            t_string!(i18n, settings.storage.offline_dev).to_string()
        }
        OfflineState::Unsupported => {
            t_string!(i18n, settings.storage.offline_unsupported).to_string()
        }
        OfflineState::Failed(reason) => {
            t_string!(i18n, settings.storage.offline_failed, reason).to_string()
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-storage">
            <h2 id="settings-storage">{tr!(i18n, settings.storage.title)}</h2>
            <p>{tr!(i18n, settings.storage.intro)}</p>
            <Suspense fallback=move || view! { <p class="muted">{tr!(i18n, settings.storage.checking)}</p> }>
                {figures}
            </Suspense>
            <p role="status">{persist_message}</p>
            <h3>{tr!(i18n, settings.storage.offline_title)}</h3>
            <p>{offline_text}</p>
        </section>
    }
}

#[component]
fn AboutSection() -> impl IntoView {
    let i18n = use_i18n();
    let version = env!("CARGO_PKG_VERSION");
    view! {
        <section class="card" aria-labelledby="settings-about">
            <h2 id="settings-about">{tr!(i18n, settings.about.title)}</h2>
            <p>{tr!(i18n, settings.about.what)}</p>
            <ul class="stack">
                <li>{tr!(i18n, settings.about.where_prefs)}</li>
                <li>{tr!(i18n, settings.about.where_notes)}</li>
                <li>{tr!(i18n, settings.about.nothing_sent)}</li>
            </ul>
            <p class="muted">{t!(i18n, settings.about.version, version)}</p>
        </section>
    }
}

/// Default cadence per circle and the dormancy threshold.
#[component]
fn KeepInTouchSection() -> impl IntoView {
    use crate::domain::contacts::keep_in_touch::{CadenceSettings, CADENCE_DAYS, DORMANT_MONTHS};
    let i18n = use_i18n();
    let feedback = use_feedback();
    let store = crate::ui::contacts::store::use_network();
    let current = store.cadence.get_untracked();
    let fields = [
        RwSignal::new(current.core_days.to_string()),
        RwSignal::new(current.network_days.to_string()),
        RwSignal::new(current.periphery_days.to_string()),
        RwSignal::new(current.dormant_months.to_string()),
    ];
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = |i: usize| fields[i].get_untracked().trim().parse::<u32>().ok();
        let days_ok = |v: Option<u32>| v.filter(|d| CADENCE_DAYS.contains(d));
        let (Some(core), Some(network), Some(periphery), Some(months)) = (
            days_ok(n(0)),
            days_ok(n(1)),
            days_ok(n(2)),
            n(3).filter(|m| DORMANT_MONTHS.contains(m)),
        ) else {
            error.set(Some(
                t_string!(
                    i18n,
                    settings.keep.error,
                    max_days = *CADENCE_DAYS.end(),
                    max_months = *DORMANT_MONTHS.end()
                )
                .to_string(),
            ));
            return;
        };
        error.set(None);
        let settings = CadenceSettings {
            core_days: core,
            network_days: network,
            periphery_days: periphery,
            dormant_months: months,
        };
        match prefs::save_cadence(&settings) {
            Ok(()) => {
                store.cadence.set(settings);
                feedback.toast(t_string!(i18n, settings.keep.saved));
            }
            Err(e) => feedback.error(AppError::SaveFailed(e)),
        }
    };
    let input = move |i: usize, id: &'static str, label: String| {
        let signal = fields[i];
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="number" min="1" class="input--short"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then_some("keep-error")
                    prop:value=move || signal.get() on:input=move |ev| signal.set(event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-keep">
            <h2 id="settings-keep">{tr!(i18n, settings.keep.title)}</h2>
            <p class="muted">{tr!(i18n, settings.keep.hint)}</p>
            <form novalidate on:submit=save>
                <div class="field-row">
                    {move || input(0, "keep-core", t_string!(i18n, settings.keep.core).to_string())}
                    {move || input(1, "keep-network", t_string!(i18n, settings.keep.network).to_string())}
                    {move || input(2, "keep-periphery", t_string!(i18n, settings.keep.periphery).to_string())}
                    {move || input(3, "keep-dormant", t_string!(i18n, settings.keep.dormant).to_string())}
                </div>
                {move || error.get().map(|e| view! { <p class="error" id="keep-error">{e}</p> })}
                <button type="submit" class="button">{tr!(i18n, settings.keep.save)}</button>
            </form>
        </section>
    }
}

#[component]
fn MessagesSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let outreach = crate::ui::messages::store::use_outreach();
    let change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        match prefs::save_linkedin_premium(on) {
            Ok(()) => {
                outreach.premium.set(on);
                feedback.toast(t_string!(i18n, settings.messages.saved).to_string());
            }
            Err(e) => feedback.error(crate::ui::feedback::AppError::SaveFailed(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-messages">
            <h2 id="settings-messages">{tr!(i18n, settings.messages.title)}</h2>
            <label class="choice">
                <input type="checkbox" prop:checked=move || outreach.premium.get() on:change=change />
                {tr!(i18n, settings.messages.premium)}
            </label>
            <p class="hint">{tr!(i18n, settings.messages.premium_hint)}</p>
        </section>
    }
}

/// A theme's name.
fn theme_label(i18n: I18n, theme: Theme) -> String {
    match theme {
        Theme::System => t_string!(i18n, settings.theme.system),
        Theme::Light => t_string!(i18n, settings.theme.light),
        Theme::Dark => t_string!(i18n, settings.theme.dark),
    }
    .to_string()
}
