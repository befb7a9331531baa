//! The Settings screen: language, appearance, the user's profile, storage status, and what
//! Netzweber does with data.

use leptos::prelude::*;

use crate::domain::format;
use crate::domain::lang::Lang;
use crate::domain::link::LinkError;
use crate::domain::profile::{Profile, ProfileError, ProfileField, MAX_LINE};
use crate::domain::storage_status::StorageHealth;
use crate::domain::theme::Theme;
use crate::i18n::*;
use crate::pwa::OfflineState;
use crate::storage::{estimate, prefs};
use crate::ui::context::{use_app_update, use_preferences};
use crate::ui::feedback::{storage_error_text, use_feedback, AppError};
use crate::ui::title::use_page_title;

/// The Settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, settings.title).to_string());
    view! {
        <h1>{t!(i18n, settings.title)}</h1>
        <p class="muted">{t!(i18n, settings.intro)}</p>
        <LanguageSection />
        <ThemeSection />
        <ProfileSection />
        <StorageSection />
        <AboutSection />
    }
}

#[component]
fn LanguageSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let choose = move |lang: Lang| {
        i18n.set_locale(locale_of(lang));
        if let Err(e) = prefs::save_lang(lang) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-language">
            <h2 id="settings-language">{t!(i18n, settings.language.title)}</h2>
            <fieldset>
                <legend class="visually-hidden">{t!(i18n, settings.language.legend)}</legend>
                <div class="choice-group">
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <label class="choice" lang=lang.code()>
                                    <input
                                        type="radio"
                                        name="language"
                                        value=lang.code()
                                        prop:checked=move || lang_of(i18n.get_locale()) == lang
                                        on:change=move |_| choose(lang)
                                    />
                                    {lang.native_name()}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

#[component]
fn ThemeSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let theme = use_preferences().theme;
    let label = move |t: Theme| match t {
        Theme::System => t_string!(i18n, settings.theme.system),
        Theme::Light => t_string!(i18n, settings.theme.light),
        Theme::Dark => t_string!(i18n, settings.theme.dark),
    };
    let choose = move |t: Theme| {
        theme.set(t);
        if let Err(e) = prefs::save_theme(t) {
            feedback.error(AppError::SaveFailed(e));
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-theme">
            <h2 id="settings-theme">{t!(i18n, settings.theme.title)}</h2>
            <fieldset>
                <legend class="visually-hidden">{t!(i18n, settings.theme.legend)}</legend>
                <div class="choice-group">
                    {Theme::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="theme"
                                        value=t.id()
                                        prop:checked=move || theme.get() == t
                                        on:change=move |_| choose(t)
                                    />
                                    {move || label(t)}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

fn profile_error_text(i18n: I18n, error: &ProfileError) -> String {
    match error {
        ProfileError::TooLong => {
            t_string!(i18n, settings.profile.error_too_long, max = MAX_LINE).to_string()
        }
        ProfileError::InvalidEmail => t_string!(i18n, settings.profile.error_email).to_string(),
        ProfileError::InvalidPhone => t_string!(i18n, settings.profile.error_phone).to_string(),
        ProfileError::InvalidUrl(LinkError::SchemeNotAllowed(_)) => {
            t_string!(i18n, settings.profile.error_url_scheme).to_string()
        }
        ProfileError::InvalidUrl(_) => t_string!(i18n, settings.profile.error_url).to_string(),
    }
}

/// One labelled input of the profile form, with its hint and validation message tied to it
/// through `aria-describedby`.
#[component]
fn ProfileInput(
    field: ProfileField,
    draft: RwSignal<Profile>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (id, input_type, autocomplete) = field_spec(field);
    let has_hint = field_hint(i18n, field).is_some();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = move || draft.with(|p| p.field(field).clone());
    view! {
        <div class="field">
            <label for=id>{move || field_label(i18n, field)}</label>
            {has_hint
                .then(|| {
                    view! {
                        <span class="hint" id=hint_id.clone()>
                            {move || field_hint(i18n, field)}
                        </span>
                    }
                })}
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                maxlength=MAX_LINE * 2
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by
                prop:value=value
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    draft.update(|p| *p.field_mut(field) = v);
                }
            />
            {move || error.get().map(|e| view! { <span class="error" id=error_id.clone()>{e}</span> })}
        </div>
    }
}

/// How each profile field is presented: input id, input type and autofill token.
fn field_spec(field: ProfileField) -> (&'static str, &'static str, &'static str) {
    match field {
        ProfileField::Name => ("profile-name", "text", "name"),
        ProfileField::Headline => ("profile-headline", "text", "organization-title"),
        ProfileField::Email => ("profile-email", "email", "email"),
        ProfileField::Phone => ("profile-phone", "tel", "tel"),
        ProfileField::ProfileUrl => ("profile-url", "url", "url"),
    }
}

fn field_label(i18n: I18n, field: ProfileField) -> String {
    match field {
        ProfileField::Name => t_string!(i18n, settings.profile.name),
        ProfileField::Headline => t_string!(i18n, settings.profile.headline),
        ProfileField::Email => t_string!(i18n, settings.profile.email),
        ProfileField::Phone => t_string!(i18n, settings.profile.phone),
        ProfileField::ProfileUrl => t_string!(i18n, settings.profile.url),
    }
    .to_string()
}

fn field_hint(i18n: I18n, field: ProfileField) -> Option<String> {
    match field {
        ProfileField::Headline => Some(t_string!(i18n, settings.profile.headline_hint).to_string()),
        ProfileField::ProfileUrl => Some(t_string!(i18n, settings.profile.url_hint).to_string()),
        _ => None,
    }
}

#[component]
fn ProfileSection() -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let saved = use_preferences().profile;
    let draft = RwSignal::new(saved.get_untracked());
    // Messages appear only after a save attempt, then follow the input live.
    let attempted = RwSignal::new(false);
    let problems = Memo::new(move |_| draft.with(Profile::validate));
    let error_for = move |field: ProfileField| {
        Signal::derive(move || {
            if !attempted.get() {
                return None;
            }
            problems.with(|errs| {
                errs.iter()
                    .find(|(f, _)| *f == field)
                    .map(|(_, e)| profile_error_text(i18n, e))
            })
        })
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if !problems.with(Vec::is_empty) {
            return;
        }
        let clean = draft.with(Profile::normalised);
        match prefs::save_profile(&clean) {
            Ok(()) => {
                saved.set(clean.clone());
                draft.set(clean);
                attempted.set(false);
                feedback.toast(t_string!(i18n, settings.profile.saved));
            }
            // The draft stays as typed, so nothing the user wrote is lost.
            Err(e) => feedback.error(AppError::SaveFailed(e)),
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-profile">
            <h2 id="settings-profile">{t!(i18n, settings.profile.title)}</h2>
            <p class="muted">{t!(i18n, settings.profile.hint)}</p>
            <form on:submit=on_submit novalidate>
                {ProfileField::ALL
                    .into_iter()
                    .map(|field| view! { <ProfileInput field draft error=error_for(field) /> })
                    .collect_view()}
                <Show when=move || attempted.get() && !problems.with(Vec::is_empty)>
                    <p class="error" role="alert">{t!(i18n, settings.profile.not_saved)}</p>
                </Show>
                <div class="button-row">
                    <button type="submit" class="button">{t!(i18n, settings.profile.save)}</button>
                </div>
            </form>
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
                    <dt>{t!(i18n, settings.storage.protection)}</dt>
                    <dd><span class=status_class>{protection}</span></dd>
                    <dt>{t!(i18n, settings.storage.used)}</dt>
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
                            {t!(i18n, settings.storage.request)}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="button button--secondary"
                        on:click=move |_| status.refetch()
                    >
                        {t!(i18n, settings.storage.refresh)}
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
            <h2 id="settings-storage">{t!(i18n, settings.storage.title)}</h2>
            <p>{t!(i18n, settings.storage.intro)}</p>
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, settings.storage.checking)}</p> }>
                {figures}
            </Suspense>
            <p role="status">{persist_message}</p>
            <h3>{t!(i18n, settings.storage.offline_title)}</h3>
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
            <h2 id="settings-about">{t!(i18n, settings.about.title)}</h2>
            <p>{t!(i18n, settings.about.what)}</p>
            <ul class="stack">
                <li>{t!(i18n, settings.about.where_prefs)}</li>
                <li>{t!(i18n, settings.about.where_notes)}</li>
                <li>{t!(i18n, settings.about.nothing_sent)}</li>
            </ul>
            <p class="muted">{t!(i18n, settings.about.version, version)}</p>
        </section>
    }
}
