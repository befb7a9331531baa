//! The "My profile" section of Settings: the user's own details, saved as one record in
//! the database so that two tabs editing it notice each other.

use leptos::prelude::*;

use crate::domain::link::LinkError;
use crate::domain::profile::{
    Profile, ProfileError, ProfileField, SavedProfile, MAX_LINE, PROFILE_ID,
};
use crate::domain::record::Meta;
use crate::i18n::*;
use crate::storage::db::SaveError;
use crate::ui::data::{now, use_data};
use crate::ui::editor::Creator;
use crate::ui::feedback::{use_feedback, AppError};

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
    let described_by = crate::ui::common::field::described_by(
        has_hint.then(|| hint_id.clone()),
        error_id.clone(),
        error,
    );
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
                list=matches!(field, ProfileField::TargetField | ProfileField::FormerField).then_some("contact-fields")
                maxlength=MAX_LINE
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
        ProfileField::TargetField => ("profile-target-field", "text", "off"),
        ProfileField::FormerField => ("profile-former-field", "text", "off"),
    }
}

fn field_label(i18n: I18n, field: ProfileField) -> String {
    match field {
        ProfileField::Name => t_string!(i18n, settings.profile.name),
        ProfileField::Headline => t_string!(i18n, settings.profile.headline),
        ProfileField::Email => t_string!(i18n, settings.profile.email),
        ProfileField::Phone => t_string!(i18n, settings.profile.phone),
        ProfileField::ProfileUrl => t_string!(i18n, settings.profile.url),
        ProfileField::TargetField => t_string!(i18n, settings.profile.target_field),
        ProfileField::FormerField => t_string!(i18n, settings.profile.former_field),
    }
    .to_string()
}

fn field_hint(i18n: I18n, field: ProfileField) -> Option<String> {
    match field {
        ProfileField::Headline => Some(t_string!(i18n, settings.profile.headline_hint).to_string()),
        ProfileField::ProfileUrl => Some(t_string!(i18n, settings.profile.url_hint).to_string()),
        ProfileField::TargetField | ProfileField::FormerField => {
            Some(t_string!(i18n, settings.profile.field_hint).to_string())
        }
        _ => None,
    }
}

/// What the form was loaded from: the stored record, or nothing yet.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    meta: Option<Meta>,
    profile: Profile,
}

impl Loaded {
    fn from(saved: Option<SavedProfile>) -> Loaded {
        match saved {
            Some(s) => Loaded {
                meta: Some(s.meta),
                profile: s.profile,
            },
            None => Loaded {
                meta: None,
                profile: Profile::default(),
            },
        }
    }
}

/// The profile form.
#[component]
pub fn ProfileSection() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let stored = LocalResource::new(move || {
        // Reload after every change, this tab's or another's.
        data.revision.track();
        let db = data.db();
        async move {
            match db {
                Ok(db) => db.profile().await.map(Loaded::from),
                Err(e) => Err(e),
            }
        }
    });
    // Once shown, the form stays, even if the database closes under it (another tab
    // upgraded): the user's typing must not vanish.
    let shown =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || data.ready());
    view! {
        <section class="card" id="profile" aria-labelledby="settings-profile">
            <h2 id="settings-profile">{tr!(i18n, settings.profile.title)}</h2>
            <p class="muted">{tr!(i18n, settings.profile.hint)}</p>
            <Show
                when=move || shown.get()
                fallback=move || view! { <p class="muted profile-loading">{tr!(i18n, settings.profile.loading)}</p> }
            >
                <ProfileForm stored />
            </Show>
        </section>
    }
}

/// Shown when another tab saved the profile meanwhile: keep this version, take theirs, or
/// compare both side by side first.
#[component]
fn ProfileConflict(
    conflict: RwSignal<Option<Option<SavedProfile>>>,
    /// What the user typed.
    mine: RwSignal<Profile>,
    keep_mine: Callback<()>,
    take_theirs: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let compare = RwSignal::new(false);
    view! {
    {move || conflict.get().map(|theirs| view! {
        <div class="conflict" role="alert">
            <h3 id="profile-conflict-title">{tr!(i18n, settings.profile.conflict_title)}</h3>
            <p>{tr!(i18n, settings.profile.conflict_text)}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| keep_mine.run(())>
                    {tr!(i18n, settings.profile.keep_mine)}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| take_theirs.run(())>
                    {tr!(i18n, settings.profile.take_theirs)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded=move || compare.get().to_string()
                    on:click=move |_| compare.update(|c| *c = !*c)
                >
                    {move || if compare.get() {
                        t_string!(i18n, settings.profile.hide_both)
                    } else {
                        t_string!(i18n, settings.profile.view_both)
                    }}
                </button>
            </div>
            <Show when=move || compare.get()>
                <Comparison mine=mine.get_untracked() theirs=theirs.clone().map(|t| t.profile) />
            </Show>
        </div>
    })}
    }
}

/// The profile's fields, its save, and what happens when another tab saved it first.
#[component]
fn ProfileForm(
    stored: LocalResource<Result<Loaded, crate::storage::StorageError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    let data = use_data();
    // The record the draft is based on, and the draft the user types into.
    let base = RwSignal::new(None::<Loaded>);
    let draft = RwSignal::new(Profile::default());
    let dirty = Memo::new(move |_| {
        base.with(|b| b.as_ref().map(|b| b.profile.clone()).unwrap_or_default()) != draft.get()
    });
    // The draft is the user's own state, not derivable; it follows the stored profile only
    // while the user has not changed anything, so a save in another tab shows up here
    // without ever replacing unsaved typing.
    Effect::new(move |_| {
        if let Some(Ok(loaded)) = stored.get() {
            if !dirty.get_untracked() || base.with_untracked(Option::is_none) {
                draft.set(loaded.profile.clone());
                base.set(Some(loaded));
            }
        }
    });
    let conflict = RwSignal::new(None::<Option<SavedProfile>>);
    let creator = Creator::new();
    let saving = creator.busy;
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
    let save = move |revision: u32| {
        // A second click before the button shows as busy would only meet a conflict.
        if saving.get_untracked() {
            return;
        }
        let clean = draft.with(Profile::normalised);
        let at = now();
        let meta = base
            .with_untracked(|b| b.as_ref().and_then(|b| b.meta.clone()))
            .unwrap_or_else(|| Meta::new(PROFILE_ID, at));
        let record = SavedProfile {
            meta: Meta { revision, ..meta },
            profile: clean.clone(),
        };
        creator.run(move |db| async move {
            match db.save(record, at).await {
                Ok(saved) => {
                    base.set(Some(Loaded::from(Some(saved))));
                    draft.set(clean);
                    attempted.set(false);
                    conflict.set(None);
                    feedback.toast(t_string!(i18n, settings.profile.saved));
                    data.changed();
                }
                Err(SaveError::Conflict(theirs)) => conflict.set(Some(theirs.map(|t| *t))),
                // The draft stays as typed, so nothing the user wrote is lost.
                Err(SaveError::Storage(e)) => feedback.error(AppError::SaveFailed(e)),
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attempted.set(true);
        if !problems.with(Vec::is_empty) {
            return;
        }
        let revision = base.with_untracked(|b| {
            b.as_ref()
                .and_then(|b| b.meta.as_ref())
                .map_or(0, |m| m.revision)
        });
        save(revision);
    };
    let keep_mine = move |()| {
        let theirs_revision = conflict.with_untracked(|c| {
            c.as_ref()
                .and_then(|t| t.as_ref())
                .map_or(0, |t| t.meta.revision)
        });
        save(theirs_revision);
    };
    let take_theirs = move |()| {
        let theirs = conflict.get_untracked().flatten();
        let loaded = Loaded::from(theirs);
        draft.set(loaded.profile.clone());
        base.set(Some(loaded));
        conflict.set(None);
    };
    view! {
        <form on:submit=on_submit novalidate>
            {ProfileField::ALL
                .into_iter()
                .map(|field| view! { <ProfileInput field draft error=error_for(field) /> })
                .collect_view()}
            <FieldSuggestions />
            <Show when=move || attempted.get() && !problems.with(Vec::is_empty)>
                <p class="error" role="alert">{tr!(i18n, settings.profile.not_saved)}</p>
            </Show>
            <ProfileConflict conflict mine=draft keep_mine=Callback::new(keep_mine) take_theirs=Callback::new(take_theirs) />
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>
                    {tr!(i18n, settings.profile.save)}
                </button>
            </div>
        </form>
    }
}

/// The fields the contacts work in, offered while typing the target and former field.
#[component]
fn FieldSuggestions() -> impl IntoView {
    let network = crate::ui::contacts::store::use_network();
    view! {
        <datalist id="contact-fields">
            {move || network.network.with(|n| n.fields()).into_iter().map(|f| view! { <option value=f></option> }).collect_view()}
        </datalist>
    }
}

/// Both versions of the profile side by side, field by field.
#[component]
fn Comparison(mine: Profile, theirs: Option<Profile>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = ProfileField::ALL
        .into_iter()
        .map(|field| {
            let yours = mine.field(field).clone();
            let other = match &theirs {
                Some(t) => t.field(field).clone(),
                None => t_string!(i18n, settings.profile.deleted_elsewhere).to_string(),
            };
            let differs = theirs
                .as_ref()
                .is_none_or(|t| t.field(field) != mine.field(field));
            view! {
                <tr class:differs=differs>
                    <th scope="row">{move || field_label(i18n, field)}</th>
                    <td>{yours}</td>
                    <td>{other}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="profile-conflict-title">
            <table class="compare">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, settings.profile.field)}</th>
                        <th scope="col">{tr!(i18n, settings.profile.mine)}</th>
                        <th scope="col">{tr!(i18n, settings.profile.theirs)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
