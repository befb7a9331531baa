//! Quick capture (`/contacts/capture`): a person recorded in seconds at an event, and the
//! target of shares from other apps (`?title=&text=&url=`, the manifest's share target).
//! "Save and next" keeps the occasion, so five people met at one event take a minute.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::labels::interaction_label;
use super::log_interaction::log_error_text;
use crate::domain::backup::Dataset;
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::capture::{
    captured, remembered_occasion, CaptureError, CaptureField, CaptureForm, Captured, NewIds,
};
use crate::domain::contacts::draft::display_name;
use crate::domain::contacts::log::{logged, LogForm};
use crate::domain::contacts::shared::{read_share, Shared};
use crate::domain::format::iso_date;
use crate::domain::record::{InteractionKind, Meta, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::storage::prefs;
use crate::storage::vault::Protection;
use crate::ui::common::field::TextField;
use crate::ui::common::focus::focus_id;
use crate::ui::common::routes::contact_path;
use crate::ui::common::select::EnumSelect;
use crate::ui::contacts::form_fields::draft_error_text;
use crate::ui::contacts::name::ContactName;
use crate::ui::contacts::picker::ContactPicker;
use crate::ui::contacts::store::use_network;
use crate::ui::data::{new_id, now, use_data};
use crate::ui::editor::Creator;
use crate::ui::feedback::{problem_text, report_save, use_feedback, AppError};
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

fn field_key(field: CaptureField) -> &'static str {
    match field {
        CaptureField::Name => "name",
        CaptureField::Company => "company",
        CaptureField::Occasion => "occasion",
        CaptureField::Hook => "hook",
        CaptureField::Keywords => "keywords",
        CaptureField::Link => "link",
        CaptureField::Promise => "promise",
    }
}

fn error_text(i18n: I18n, error: &CaptureError) -> String {
    match error {
        CaptureError::Draft(e) => draft_error_text(i18n, e),
        CaptureError::Log(e) => log_error_text(i18n, e),
        CaptureError::Record(p) => problem_text(i18n, p),
    }
}

/// The quick capture screen.
#[component]
pub fn CapturePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, capture.title).to_string());
    let query = use_query_map();
    let shared: Shared = query.with_untracked(|q| {
        let get = |k: &str| q.get(k).unwrap_or_default();
        read_share(&get("title"), &get("text"), &get("url"))
    });
    let has_share = shared.link.is_some() || shared.name.is_some();
    let plain_text = (!has_share && !shared.text.is_empty()).then(|| shared.text.clone());
    view! {
        <h1>{tr!(i18n, capture.title)}</h1>
        <p class="lead">{tr!(i18n, capture.lead)}</p>
        {plain_text.map(|text| view! { <LogShared text=text /> })}
        <CaptureSheet shared=shared />
        <p><AppLink href="/contacts/new">{tr!(i18n, capture.full_form)}</AppLink></p>
    }
}

/// What the sheet's fields hold, as typed.
#[derive(Clone, Copy)]
struct Sheet {
    name: RwSignal<String>,
    company: RwSignal<String>,
    occasion: RwSignal<String>,
    hook: RwSignal<String>,
    keywords: RwSignal<String>,
    link: RwSignal<String>,
    promise: RwSignal<String>,
}

impl Sheet {
    /// The sheet for a shared profile (its name and link filled in) and the occasion
    /// still remembered.
    fn new(shared: &Shared, occasion: String) -> Sheet {
        let text = |v: &Option<String>| RwSignal::new(v.clone().unwrap_or_default());
        let empty = || RwSignal::new(String::new());
        Sheet {
            name: text(&shared.name),
            company: empty(),
            occasion: RwSignal::new(occasion),
            hook: empty(),
            keywords: empty(),
            link: text(&shared.link),
            promise: empty(),
        }
    }

    /// The records what was typed describes, or each field's problem.
    fn records(self, today: NaiveDate) -> Result<Captured, Vec<(CaptureField, CaptureError)>> {
        let get = |s: RwSignal<String>| s.get_untracked();
        let (n, c, o, h, k, l, p) = (
            get(self.name),
            get(self.company),
            get(self.occasion),
            get(self.hook),
            get(self.keywords),
            get(self.link),
            get(self.promise),
        );
        let form = CaptureForm {
            name: &n,
            company: &c,
            occasion: &o,
            hook: &h,
            keywords: &k,
            link: &l,
            promise: &p,
        };
        let at = now();
        let ids = NewIds {
            contact: Meta::new(new_id(), at),
            entry: Meta::new(new_id(), at),
            promise: Meta::new(new_id(), at),
        };
        captured(form, ids, today)
    }

    /// Ready for the next person met at the same occasion.
    fn clear_for_next(self) {
        for s in [
            self.name,
            self.company,
            self.hook,
            self.keywords,
            self.link,
            self.promise,
        ] {
            s.set(String::new());
        }
    }
}

/// The sheet: name, company, occasion (remembered for an hour), hook, keywords, link and
/// a promise; saved as one transaction.
#[component]
fn CaptureSheet(shared: Shared) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    let navigate = StoredValue::new_local(use_navigate());
    let app_data = use_data();
    let last = prefs::load_last_occasion();
    let occasion = remembered_occasion(last.as_ref().map(|(o, at)| (o.as_str(), *at)), now());
    let sheet = Sheet::new(&shared, occasion);
    let Sheet {
        name,
        company,
        occasion,
        hook,
        keywords,
        link,
        promise,
    } = sheet;
    // The hint stays while the name is the guess: edited (or the next person), it goes.
    let guess = shared.name.clone();
    let guessed = move || name.with(|n| guess.as_deref() == Some(n.as_str()));
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let error = move |key: &'static str| {
        Signal::derive(move || {
            errors.with(|e| e.iter().find(|(k, _)| *k == key).map(|(_, m)| m.clone()))
        })
    };
    let creator = Creator::new();
    let saving = creator.busy;
    // Set by the button that was pressed (Enter presses the first: "Save and next").
    let then_next = StoredValue::new(true);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let records = match sheet.records(store.clock.get_untracked().today) {
            Ok(r) => r,
            Err(found) => {
                errors.set(
                    found
                        .iter()
                        .map(|(f, e)| (field_key(*f), error_text(i18n, e)))
                        .collect(),
                );
                if let Some((first, _)) = found.first() {
                    focus_id(&format!("capture-{}", field_key(*first)));
                }
                return;
            }
        };
        errors.set(Vec::new());
        let next = then_next.get_value();
        let said_occasion = occasion.get_untracked();
        let data = Dataset {
            contacts: vec![records.contact],
            interactions: records.entry.into_iter().collect(),
            follow_ups: records.promise.into_iter().collect(),
            ..Dataset::default()
        };
        creator.run(move |db| async move {
            let saved = match db.create(data, now()).await {
                Ok(saved) => saved,
                Err(e) => return feedback.error(AppError::SaveFailed(e)),
            };
            let Some(contact) = saved.contacts.first() else {
                return;
            };
            let id = contact.meta.id.clone();
            let who = display_name(contact);
            feedback.reloaded(store.reload_contact(&id).await);
            // Protected, no event's name is kept in plain text outside the database.
            if app_data.protection.get_untracked() != Protection::Off {
                prefs::forget_last_occasion();
            } else if let Err(e) = prefs::save_last_occasion(&said_occasion, now()) {
                feedback.error(AppError::ActionFailed(e));
            }
            if next {
                sheet.clear_for_next();
                feedback.toast(t_string!(i18n, capture.saved_next, name = who));
                focus_id("capture-name");
            } else {
                feedback.toast(t_string!(i18n, capture.saved, name = who));
                navigate.with_value(|go| go(&contact_path(&id), Default::default()));
            }
        });
    };
    view! {
        <form class="card stack-form capture" on:submit=submit novalidate>
            <AlreadyThere link=link />
            <TextField id="capture-name" required=true maxlength=MAX_LINE_CHARS
                label=move || t_string!(i18n, capture.name) value=name error=error("name") />
            {move || guessed().then(|| view! { <p class="hint capture__guess">{tr!(i18n, capture.guessed)}</p> })}
            <TextField id="capture-company" maxlength=MAX_LINE_CHARS
                label=move || t_string!(i18n, capture.company) value=company error=error("company") />
            <TextField id="capture-occasion" maxlength=MAX_LINE_CHARS
                label=move || t_string!(i18n, capture.occasion) value=occasion error=error("occasion") />
            <TextField id="capture-hook" maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, capture.hook) value=hook error=error("hook") />
            <TextField id="capture-keywords" maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, capture.keywords) value=keywords error=error("keywords") />
            <TextField id="capture-link" kind="url" maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, capture.link) value=link error=error("link") />
            <TextField id="capture-promise" maxlength=MAX_TEXT_CHARS
                label=move || t_string!(i18n, capture.promise) value=promise error=error("promise") />
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()
                    on:click=move |_| then_next.set_value(true)>{tr!(i18n, capture.save_next)}</button>
                <button type="submit" class="button button--secondary" disabled=move || saving.get()
                    on:click=move |_| then_next.set_value(false)>{tr!(i18n, capture.save)}</button>
            </div>
        </form>
    }
}

/// Whoever already has the profile link typed: open them instead of adding them twice.
#[component]
fn AlreadyThere(link: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let app_path = use_app_path();
    let existing = Memo::new(move |_| {
        let l = link.get();
        store.network.with(|n| {
            n.with_link(&l)
                .map(|c| (c.meta.id.clone(), display_name(c)))
        })
    });
    move || {
        existing.get().map(|(id, who)| view! {
            <div class="banner banner--warn" role="status">
                <p>{t_string!(i18n, capture.exists, name = who.clone())}" "
                    <a href=app_path(&contact_path(&id))>{t_string!(i18n, capture.open, name = who)}</a></p>
            </div>
        })
    }
}

/// Text shared into Netzweber without a profile in it: logged on a chosen contact's
/// timeline, as the user picks.
#[component]
fn LogShared(text: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let feedback = use_feedback();
    let contact = RwSignal::new(None::<String>);
    let kind = RwSignal::new(InteractionKind::Message.key().to_string());
    let summary = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let creator = Creator::new();
    let saving = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = contact.get_untracked() else {
            error.set(Some(t_string!(i18n, capture.pick_contact).to_string()));
            return;
        };
        let today = store.clock.get_untracked().today;
        let (date, s) = (iso_date(today), summary.get_untracked());
        let form = LogForm {
            kind: InteractionKind::from_key(&kind.get_untracked()).unwrap_or_default(),
            date: &date,
            summary: &s,
            keywords: "",
        };
        let record = match logged(form, &id, None, Meta::new(new_id(), now()), today) {
            Ok(r) => r,
            Err(e) => {
                error.set(Some(log_error_text(i18n, &e)));
                return;
            }
        };
        error.set(None);
        creator.run(move |db| async move {
            match db.save(record, now()).await {
                Ok(_) => {
                    feedback.reloaded(store.reload_contact(&id).await);
                    feedback.toast(t_string!(i18n, contacts.timeline.added));
                    done.set(true);
                }
                Err(e) => feedback.error(report_save(e)),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="shared-title">
            <h2 id="shared-title">{tr!(i18n, capture.shared_title)}</h2>
            <Show when=move || !done.get() fallback=move || view! {
                <p role="status">{tr!(i18n, capture.shared_done)}" "
                    {move || contact.get().map(|id| view! { <ContactName id=id /> })}</p>
            }>
                <form class="stack-form" on:submit=submit novalidate>
                    <ContactPicker id="shared-contact" label=Signal::derive(move || t_string!(i18n, capture.shared_contact).to_string()) selected=contact />
                    <div class="field">
                        <label for="shared-kind">{tr!(i18n, contacts.timeline.kind)}</label>
                        <EnumSelect id="shared-kind" label=interaction_label
                            value={move || Some(Coded::from(kind.get()))}
                            on_pick={move |k: Option<InteractionKind>| if let Some(k) = k { kind.set(k.key().to_string()) }} />
                    </div>
                    <TextField id="shared-summary" rows=3 maxlength=MAX_TEXT_CHARS
                        label=move || t_string!(i18n, contacts.timeline.summary) value=summary error=Signal::derive(move || error.get()) />
                    <div class="button-row">
                        <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>
                            {tr!(i18n, contacts.timeline.add)}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
