//! The parts of the contact form: its fields bound to the draft, their messages, the
//! groups of fields, and the banner when another tab saved the contact meanwhile.

use leptos::prelude::*;

use super::birthday_field::BirthdayField;
use super::labels::{channel_label, circle_hint, circle_label};
use super::picker::ContactPicker;
use crate::domain::code::Coded;
use crate::domain::contacts::draft::{ContactDraft, DraftError, DraftField};
use crate::domain::link::LinkError;
use crate::domain::record::{Circle, Contact, PreferredChannel, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::dates::{DATE_MAX, DATE_MIN};
use crate::ui::common::select::{EnumRadios, EnumSelect};
use crate::ui::contacts::store::use_network;

/// The form's messages: none until the user first tried to save, then each field's.
#[derive(Clone, Copy)]
pub struct FormErrors {
    /// Whether the user tried to save.
    pub attempted: RwSignal<bool>,
    /// The contact the form describes, or every problem found.
    pub checked: Memo<Result<Contact, Vec<(DraftField, DraftError)>>>,
}

impl FormErrors {
    /// The messages of `field`, in the user's language.
    pub fn of(self, i18n: I18n, field: DraftField) -> Signal<Option<String>> {
        Signal::derive(move || {
            if !self.attempted.get() {
                return None;
            }
            self.checked.with(|r| {
                r.as_ref()
                    .err()
                    .map(|errors| {
                        errors
                            .iter()
                            .filter(|(f, _)| *f == field)
                            .map(|(_, e)| draft_error_text(i18n, e))
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|s| !s.is_empty())
            })
        })
    }

    /// The messages of the single-line field `name`.
    pub fn line(self, i18n: I18n, name: &'static str) -> Signal<Option<String>> {
        self.of(i18n, DraftField::Line(name))
    }
}

/// A contact form problem in the user's language.
pub fn draft_error_text(i18n: I18n, error: &DraftError) -> String {
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
pub fn Field(
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

/// Shown when saving found the contact changed (or deleted) in another tab: keep this
/// version, or take theirs.
#[component]
pub fn ConflictBanner(
    conflict: RwSignal<Option<Option<Contact>>>,
    /// Saves this version over the stored revision it names.
    save_again: impl Fn(u32) + Clone + Send + Sync + 'static,
    /// Replaces the form with their version.
    take_theirs: impl Fn(Contact) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
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
                        <button type="button" class="button" on:click=move |_| save_again(revision.unwrap_or(0))>
                            {tr!(i18n, contacts.form.keep_mine)}
                        </button>
                        {theirs.map(|t| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| take_theirs(t.clone())>
                                {tr!(i18n, contacts.form.take_theirs)}
                            </button>
                        })}
                    </div>
                </div>
            }
        })}
    }
}

/// First and last name.
#[component]
pub fn NameSection(draft: RwSignal<ContactDraft>, errors: FormErrors) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{tr!(i18n, contacts.form.name_group)}</legend>
            <div class="field-row">
                <Field id="first-name" label=Signal::derive(move || t_string!(i18n, contacts.field.first_name).to_string()) draft
                    get=|d| &d.first_name set=|d| &mut d.first_name autocomplete="off"
                    error=Signal::derive(move || errors.of(i18n, DraftField::Name).get().or_else(|| errors.line(i18n, "first_name").get())) />
                <Field id="last-name" label=Signal::derive(move || t_string!(i18n, contacts.field.last_name).to_string()) draft
                    get=|d| &d.last_name set=|d| &mut d.last_name autocomplete="off" error=errors.line(i18n, "last_name") />
            </div>
        </fieldset>
    }
}

/// Where they work and how to reach them.
#[component]
pub fn WorkAndReachSection(draft: RwSignal<ContactDraft>, errors: FormErrors) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{tr!(i18n, contacts.form.work_group)}</legend>
            <div class="field-row">
                <Field id="company" label=Signal::derive(move || t_string!(i18n, contacts.field.company).to_string()) draft get=|d| &d.company set=|d| &mut d.company autocomplete="off" error=errors.line(i18n, "company") />
                <Field id="role" label=Signal::derive(move || t_string!(i18n, contacts.field.role).to_string()) draft get=|d| &d.role set=|d| &mut d.role autocomplete="off" error=errors.line(i18n, "role") />
            </div>
            <div class="field-row">
                <Field id="field" label=Signal::derive(move || t_string!(i18n, contacts.field.field).to_string()) draft get=|d| &d.field set=|d| &mut d.field autocomplete="off" error=errors.line(i18n, "field") />
                <Field id="city" label=Signal::derive(move || t_string!(i18n, contacts.field.city).to_string()) draft get=|d| &d.city set=|d| &mut d.city autocomplete="off" error=errors.line(i18n, "city") />
            </div>
        </fieldset>
        <fieldset>
            <legend>{tr!(i18n, contacts.form.reach_group)}</legend>
            <div class="field-row">
                <Field id="email" kind="email" label=Signal::derive(move || t_string!(i18n, contacts.field.email).to_string()) draft get=|d| &d.email set=|d| &mut d.email autocomplete="off" error=errors.of(i18n, DraftField::Email) />
                <Field id="phone" kind="tel" label=Signal::derive(move || t_string!(i18n, contacts.field.phone).to_string()) draft get=|d| &d.phone set=|d| &mut d.phone autocomplete="off" error=errors.of(i18n, DraftField::Phone) />
            </div>
            <Field id="links" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.links).to_string())
                hint=Signal::derive(move || t_string!(i18n, contacts.field.links_hint).to_string())
                draft get=|d| &d.links set=|d| &mut d.links error=errors.of(i18n, DraftField::Links) />
            <div class="field">
                <label for="channel">{tr!(i18n, contacts.field.channel)}</label>
                <EnumSelect id="channel" label=channel_label none=move || t_string!(i18n, contacts.field.channel_none)
                    value={move || draft.with(|d| d.preferred_channel.clone())}
                    on_pick={move |c: Option<PreferredChannel>| draft.update(|d| d.preferred_channel = c.map(Coded::from))} />
            </div>
        </fieldset>
    }
}

/// How the user met them, and who introduced them.
#[component]
pub fn MetSection(
    draft: RwSignal<ContactDraft>,
    errors: FormErrors,
    introduced_by: RwSignal<Option<String>>,
    /// The contact's own id, which cannot have introduced them.
    self_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset>
            <legend>{tr!(i18n, contacts.form.met_group)}</legend>
            <div class="field-row">
                <Field id="met-occasion" label=Signal::derive(move || t_string!(i18n, contacts.field.occasion).to_string()) draft get=|d| &d.met_occasion set=|d| &mut d.met_occasion autocomplete="off" error=errors.line(i18n, "met_occasion") />
                <Field id="met-date" kind="date" label=Signal::derive(move || t_string!(i18n, contacts.field.met_date).to_string()) draft get=|d| &d.met_date set=|d| &mut d.met_date error=errors.of(i18n, DraftField::MetDate) />
            </div>
            <Field id="met-hook" multiline=true label=Signal::derive(move || t_string!(i18n, contacts.field.hook).to_string())
                hint=Signal::derive(move || t_string!(i18n, contacts.field.hook_hint).to_string())
                draft get=|d| &d.met_hook set=|d| &mut d.met_hook error=errors.of(i18n, DraftField::Text("met_hook")) />
            <ContactPicker id="introduced-by" label=Signal::derive(move || t_string!(i18n, contacts.field.introduced_by).to_string()) selected=introduced_by exclude=self_id />
        </fieldset>
    }
}

/// Circle, keep-in-touch rhythm, tags and birthday.
#[component]
pub fn RelationSection(draft: RwSignal<ContactDraft>, errors: FormErrors) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    view! {
        <fieldset>
            <legend>{tr!(i18n, contacts.form.relation_group)}</legend>
            <EnumRadios name="circle" class="field" legend=move || t_string!(i18n, contacts.field.circle)
                label=circle_label hint=circle_hint
                value={move || draft.with(|d| d.circle)}
                on_pick=move |c: Circle| draft.update(|d| d.circle = c) />
            <Field id="cadence" kind="number" label=Signal::derive(move || t_string!(i18n, contacts.field.cadence).to_string())
                hint=Signal::derive(move || {
                    let days = store.cadence.get().for_circle(draft.with(|d| d.circle));
                    t_string!(i18n, contacts.field.cadence_hint, days = days).to_string()
                })
                draft get=|d| &d.cadence set=|d| &mut d.cadence error=errors.of(i18n, DraftField::Cadence) />
            <Field id="tags" max=MAX_TEXT_CHARS label=Signal::derive(move || t_string!(i18n, contacts.field.tags).to_string())
                hint=Signal::derive(move || t_string!(i18n, contacts.field.tags_hint).to_string())
                draft get=|d| &d.tags set=|d| &mut d.tags autocomplete="off" error=errors.line(i18n, "tags") />
            <BirthdayField draft error=errors.of(i18n, DraftField::Birthday) />
        </fieldset>
    }
}
