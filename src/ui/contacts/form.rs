//! The contact form, for new and existing contacts: every field, inline validation in the
//! user's language, a photo picked or pasted, and a warning before unsaved changes go.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::birthday_field::BirthdayField;
use super::labels::{channel_label, circle_hint, circle_label};
use super::photo_field::{take_photo, PhotoField, PhotoState};
use super::picker::ContactPicker;
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::draft::{
    display_name, new_contact, ContactDraft, DraftError, DraftField,
};
use crate::domain::link::LinkError;
use crate::domain::record::{
    Circle, Contact, Meta, Photo, PreferredChannel, MAX_LINE_CHARS, MAX_TEXT_CHARS,
};
use crate::i18n::*;
use crate::storage::db::{PhotoChange, SaveError};
use crate::ui::common::dates::{DATE_MAX, DATE_MIN};
use crate::ui::common::focus::focus_first_invalid;
use crate::ui::common::routes::contact_path;
use crate::ui::common::select::EnumSelect;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::Creator;
use crate::ui::feedback::report_save;
use crate::ui::feedback::use_feedback;
use crate::ui::guard::use_leave_guard;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// The "new contact" screen.
#[component]
pub fn NewContactPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, contacts.form.new_title).to_string());
    let store = use_network();
    let base = new_contact(Meta::new(new_id(), now()));
    view! {
        <h1>{tr!(i18n, contacts.form.new_title)}</h1>
        <Show when=move || store.loaded.get() != Loaded::Nothing fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            <ContactForm base=base.clone() photo=None />
        </Show>
    }
}

/// The "edit contact" screen.
#[component]
pub fn EditContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    // The form starts from the contact as it is when the screen opens; later saves from
    // elsewhere surface as a conflict on save rather than replacing what the user types.
    let base = Memo::new(move |before: Option<&Option<Contact>>| {
        if let Some(Some(c)) = before {
            if c.meta.id == id.get() {
                return Some(c.clone());
            }
        }
        store.network.with(|n| n.contact(&id.get()).cloned())
    });
    let photo = LocalResource::new(move || {
        let db = data.db();
        let id = id.get();
        async move {
            match db {
                Ok(db) => db
                    .by_contact::<Photo>(&id)
                    .await
                    .map(|p| p.into_iter().next()),
                Err(e) => Err(e),
            }
        }
    });
    use_page_title(move || {
        let name = base.with(|c| c.as_ref().map(display_name).unwrap_or_default());
        t_string!(i18n, contacts.form.edit_title, name = name).to_string()
    });
    // Which of loading, not found or the form to show. A memo, so that a reload of the
    // network elsewhere (another tab's change, which sets `loaded` again) does not build
    // the form anew and throw away what the user typed.
    let phase = Memo::new(move |_| {
        match (
            store.loaded.get(),
            base.with(Option::is_some),
            photo.with(Option::is_some),
        ) {
            (_, true, false) => Phase::Loading,
            (loaded, false, _) if loaded < Loaded::Contacts => Phase::Loading,
            (_, false, _) => Phase::Missing,
            (_, true, true) => Phase::Ready,
        }
    });
    view! {
        {move || {
            let name = base.with(|c| c.as_ref().map(display_name).unwrap_or_default());
            view! { <h1>{t!(i18n, contacts.form.edit_title, name = name)}</h1> }
        }}
        {move || match phase.get() {
            Phase::Loading => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            Phase::Missing => view! { <p>{tr!(i18n, contacts.not_found)}</p> }.into_any(),
            Phase::Ready => {
                // Read once: the form owns what the user types from here on.
                let c = base.get_untracked();
                let p = photo.get_untracked().and_then(|p| p.ok().flatten());
                c.map(|c| view! { <ContactForm base=c photo=p /> }.into_any())
                    .unwrap_or_else(|| ().into_any())
            }
        }}
    }
}

/// What the edit screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Loading,
    Missing,
    Ready,
}

fn error_text(i18n: I18n, error: &DraftError) -> String {
    match error {
        DraftError::NameMissing => t_string!(i18n, contacts.form.error_name).to_string(),
        DraftError::TooLong(max) => {
            t_string!(i18n, contacts.form.error_too_long, max = *max).to_string()
        }
        DraftError::InvalidEmail => t_string!(i18n, contacts.form.error_email).to_string(),
        DraftError::InvalidPhone => t_string!(i18n, contacts.form.error_phone).to_string(),
        DraftError::Link {
            line,
            error: LinkError::SchemeNotAllowed(_),
        } => t_string!(i18n, contacts.form.error_link_scheme, line = *line).to_string(),
        DraftError::Link { line, .. } => {
            t_string!(i18n, contacts.form.error_link, line = *line).to_string()
        }
        DraftError::BirthdayInvalid => t_string!(i18n, contacts.form.error_birthday).to_string(),
        DraftError::BirthdayFuture => {
            t_string!(i18n, contacts.form.error_birthday_future).to_string()
        }
        DraftError::BirthdayIncomplete => {
            t_string!(i18n, contacts.form.error_birthday_incomplete).to_string()
        }
        DraftError::BirthdayYear => t_string!(i18n, contacts.form.error_birthday_year).to_string(),
        DraftError::MetDateFuture => t_string!(i18n, contacts.form.error_met_future).to_string(),
        DraftError::CadenceInvalid => t_string!(i18n, contacts.form.error_cadence).to_string(),
        DraftError::OutOfRange => t_string!(i18n, date_range).to_string(),
    }
}

type FieldGet = fn(&ContactDraft) -> &String;
type FieldSet = fn(&mut ContactDraft) -> &mut String;

/// One labelled text input bound to a draft field, with its error tied to it.
#[component]
fn Field(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    draft: RwSignal<ContactDraft>,
    get: FieldGet,
    set: FieldSet,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] multiline: bool,
    /// Most characters the input takes; by default what the record allows for one line
    /// or for free text.
    #[prop(optional)]
    max: Option<usize>,
) -> impl IntoView {
    let max = max.unwrap_or(if multiline {
        MAX_TEXT_CHARS
    } else {
        MAX_LINE_CHARS
    });
    let is_date = kind == "date";
    let maxlength = (kind != "number" && !is_date).then_some(max);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some();
    let described = {
        let (h, e) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(h.clone());
            }
            if error.with(Option::is_some) {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = move || draft.with(|d| get(d).clone());
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        draft.update(|d| *set(d) = v);
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let input = if multiline {
        view! {
            <textarea id=id name=id rows="4" maxlength=max aria-invalid=invalid aria-describedby=described prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                name=id
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                maxlength=maxlength
                min=is_date.then_some(DATE_MIN)
                max=is_date.then_some(DATE_MAX)
                aria-invalid=invalid
                aria-describedby=described
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{move || h.get()}</span> })}
            {input}
            {move || error.get().map(|e| view! { <span class="error" id=error_id.clone()>{e}</span> })}
        </div>
    }
}

#[component]
fn ContactForm(base: Contact, photo: Option<Photo>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    let navigate = use_navigate();
    let app_path = use_app_path();
    let is_new = base.meta.revision == 0;
    let initial = ContactDraft::from_contact(&base);
    let base = RwSignal::new(base);
    let draft = RwSignal::new(initial.clone());
    let photo = RwSignal::new(PhotoState::Stored(photo));
    let photo_error = RwSignal::new(None::<String>);
    let attempted = RwSignal::new(false);
    let creator = Creator::new();
    let saving = creator.busy;
    let conflict = RwSignal::new(None::<Option<Contact>>);
    let introduced_by = RwSignal::new(initial.introduced_by.clone());
    let initial_draft = StoredValue::new(initial);
    let dirty = Memo::new(move |_| {
        let mut d = draft.get();
        d.introduced_by = introduced_by.get();
        initial_draft.with_value(|i| *i != d) || !matches!(photo.get(), PhotoState::Stored(_))
    });
    let guard = use_leave_guard(dirty.into());
    let checked = Memo::new(move |_| {
        let mut d = draft.get();
        d.introduced_by = introduced_by.get();
        d.to_contact(&base.get(), store.clock.get().today)
    });
    let error_for = move |field: DraftField| {
        Signal::derive(move || {
            if !attempted.get() {
                return None;
            }
            checked.with(|r| {
                r.as_ref()
                    .err()
                    .map(|errors| {
                        errors
                            .iter()
                            .filter(|(f, _)| *f == field)
                            .map(|(_, e)| error_text(i18n, e))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|s| !s.is_empty())
            })
        })
    };
    let line_error = move |name: &'static str| error_for(DraftField::Line(name));

    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let file = ev
            .clipboard_data()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
            .filter(|f| f.type_().starts_with("image/"));
        if let Some(file) = file {
            ev.prevent_default();
            take_photo(i18n, photo, photo_error, file);
        }
    };

    let cancel_path = {
        let id = base.with_untracked(|b| b.meta.id.clone());
        if is_new {
            app_path("/contacts")
        } else {
            app_path(&contact_path(&id))
        }
    };
    let save = move |keep_mine_over: Option<u32>| {
        if saving.get_untracked() {
            return;
        }
        attempted.set(true);
        let contact = match checked.get_untracked() {
            Ok(mut c) => {
                if let Some(revision) = keep_mine_over {
                    c.meta.revision = revision;
                }
                c
            }
            Err(_) => {
                focus_first_invalid();
                return;
            }
        };
        let change = match photo.get_untracked() {
            PhotoState::Stored(_) => PhotoChange::Keep,
            PhotoState::Removed => PhotoChange::Remove,
            PhotoState::New(mime, data) => PhotoChange::Set(Photo {
                meta: Meta::new(new_id(), now()),
                contact_id: contact.meta.id.clone(),
                mime,
                data,
            }),
        };
        let navigate = navigate.clone();
        creator.run(move |db| async move {
            match db.save_contact(contact, change, now()).await {
                Ok(saved) => {
                    conflict.set(None);
                    let id = saved.meta.id.clone();
                    feedback.reloaded(store.reload_contact(&id).await);
                    feedback.toast(t_string!(i18n, contacts.form.saved));
                    guard.release();
                    // The router adds its base itself.
                    navigate(&contact_path(&id), Default::default());
                }
                Err(SaveError::Conflict(theirs)) => conflict.set(Some(theirs.map(|b| *b))),
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    let save_again = save.clone();
    let self_id = base.with_untracked(|b| b.meta.id.clone());

    view! {
        <form class="card contact-form" novalidate on:submit=move |ev| { ev.prevent_default(); save(None); } on:paste=on_paste>
            {move || conflict.get().map(|theirs| {
                let save_again = save_again.clone();
                let revision = theirs.as_ref().map(|t| t.meta.revision);
                view! {
                    <div class="conflict" role="alert">
                        <p>{match revision {
                            Some(_) => tr!(i18n, contacts.form.conflict).into_any(),
                            None => tr!(i18n, contacts.form.conflict_deleted).into_any(),
                        }}</p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| save_again(Some(revision.unwrap_or(0)))>
                                {tr!(i18n, contacts.form.keep_mine)}
                            </button>
                            {theirs.map(|t| view! {
                                <button type="button" class="button button--secondary" on:click=move |_| {
                                    draft.set(ContactDraft::from_contact(&t));
                                    introduced_by.set(t.introduced_by.clone());
                                    initial_draft.set_value(ContactDraft::from_contact(&t));
                                    base.set(t.clone());
                                    conflict.set(None);
                                }>{tr!(i18n, contacts.form.take_theirs)}</button>
                            })}
                        </div>
                    </div>
                }
            })}
            <p class="muted">{tr!(i18n, contacts.form.required_hint)}</p>
            <fieldset>
                <legend>{tr!(i18n, contacts.form.name_group)}</legend>
                <div class="field-row">
                    <Field id="first-name" label=Signal::derive(move || t_string!(i18n, contacts.field.first_name).to_string()) draft
                        get=|d| &d.first_name set=|d| &mut d.first_name autocomplete="off"
                        error=Signal::derive(move || error_for(DraftField::Name).get().or_else(|| line_error("first_name").get())) />
                    <Field id="last-name" label=Signal::derive(move || t_string!(i18n, contacts.field.last_name).to_string()) draft
                        get=|d| &d.last_name set=|d| &mut d.last_name autocomplete="off" error=line_error("last_name") />
                </div>
            </fieldset>
            <PhotoField photo error=photo_error />
            <fieldset>
                <legend>{tr!(i18n, contacts.form.work_group)}</legend>
                <div class="field-row">
                    <Field id="company" label=Signal::derive(move || t_string!(i18n, contacts.field.company).to_string()) draft get=|d| &d.company set=|d| &mut d.company autocomplete="off" error=line_error("company") />
                    <Field id="role" label=Signal::derive(move || t_string!(i18n, contacts.field.role).to_string()) draft get=|d| &d.role set=|d| &mut d.role autocomplete="off" error=line_error("role") />
                </div>
                <div class="field-row">
                    <Field id="field" label=Signal::derive(move || t_string!(i18n, contacts.field.field).to_string()) draft get=|d| &d.field set=|d| &mut d.field autocomplete="off" error=line_error("field") />
                    <Field id="city" label=Signal::derive(move || t_string!(i18n, contacts.field.city).to_string()) draft get=|d| &d.city set=|d| &mut d.city autocomplete="off" error=line_error("city") />
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, contacts.form.reach_group)}</legend>
                <div class="field-row">
                    <Field id="email" kind="email" label=Signal::derive(move || t_string!(i18n, contacts.field.email).to_string()) draft get=|d| &d.email set=|d| &mut d.email autocomplete="off" error=error_for(DraftField::Email) />
                    <Field id="phone" kind="tel" label=Signal::derive(move || t_string!(i18n, contacts.field.phone).to_string()) draft get=|d| &d.phone set=|d| &mut d.phone autocomplete="off" error=error_for(DraftField::Phone) />
                </div>
                <Field id="links" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.links).to_string())
                    hint=Signal::derive(move || t_string!(i18n, contacts.field.links_hint).to_string())
                    draft get=|d| &d.links set=|d| &mut d.links error=error_for(DraftField::Links) />
                <div class="field">
                    <label for="channel">{tr!(i18n, contacts.field.channel)}</label>
                    <EnumSelect id="channel" label=channel_label none=move || t_string!(i18n, contacts.field.channel_none)
                        value=Signal::derive(move || draft.with(|d| d.preferred_channel.clone()))
                        on_pick={move |c: Option<PreferredChannel>| draft.update(|d| d.preferred_channel = c.map(Coded::from))} />
                </div>
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, contacts.form.met_group)}</legend>
                <div class="field-row">
                    <Field id="met-occasion" label=Signal::derive(move || t_string!(i18n, contacts.field.occasion).to_string()) draft get=|d| &d.met_occasion set=|d| &mut d.met_occasion autocomplete="off" error=line_error("met_occasion") />
                    <Field id="met-date" kind="date" label=Signal::derive(move || t_string!(i18n, contacts.field.met_date).to_string()) draft get=|d| &d.met_date set=|d| &mut d.met_date error=error_for(DraftField::MetDate) />
                </div>
                <Field id="met-hook" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.hook).to_string())
                    hint=Signal::derive(move || t_string!(i18n, contacts.field.hook_hint).to_string())
                    draft get=|d| &d.met_hook set=|d| &mut d.met_hook error=error_for(DraftField::Text("met_hook")) />
                <ContactPicker id="introduced-by" label=Signal::derive(move || t_string!(i18n, contacts.field.introduced_by).to_string()) selected=introduced_by exclude=self_id />
            </fieldset>
            <fieldset>
                <legend>{tr!(i18n, contacts.form.relation_group)}</legend>
                <fieldset class="field">
                    <legend>{tr!(i18n, contacts.field.circle)}</legend>
                    <div class="choice-group">
                        {Circle::ALL.iter().map(|&c| view! {
                            <label class="choice">
                                <input type="radio" name="circle" prop:checked=move || draft.with(|d| d.circle == c) on:change=move |_| draft.update(|d| d.circle = c) />
                                <span>{move || circle_label(i18n, c)}<span class="hint choice__hint">{move || circle_hint(i18n, c)}</span></span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <Field id="cadence" kind="number" label=Signal::derive(move || t_string!(i18n, contacts.field.cadence).to_string())
                    hint=Signal::derive(move || {
                        let days = store.cadence.get().for_circle(draft.with(|d| d.circle));
                        t_string!(i18n, contacts.field.cadence_hint, days = days).to_string()
                    })
                    draft get=|d| &d.cadence set=|d| &mut d.cadence error=error_for(DraftField::Cadence) />
                <Field id="tags" max=MAX_TEXT_CHARS label=Signal::derive(move || t_string!(i18n, contacts.field.tags).to_string())
                    hint=Signal::derive(move || t_string!(i18n, contacts.field.tags_hint).to_string())
                    draft get=|d| &d.tags set=|d| &mut d.tags autocomplete="off" error=line_error("tags") />
                <BirthdayField draft error=error_for(DraftField::Birthday) />
            </fieldset>
            <Field id="notes" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.notes).to_string())
                draft get=|d| &d.notes set=|d| &mut d.notes error=error_for(DraftField::Text("notes")) />
            <p role="status" class="form-status">
                {move || (attempted.get() && checked.with(Result::is_err)).then(|| view! {
                    <span class="error">{tr!(i18n, contacts.form.not_saved)}</span>
                })}
            </p>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>{tr!(i18n, contacts.form.save)}</button>
                <a class="button button--secondary" href=cancel_path>{tr!(i18n, cancel)}</a>
            </div>
        </form>
    }
}
