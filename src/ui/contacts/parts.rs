//! Pieces the contact screens share: avatar, name link, follow-up item and forms, the
//! quick interaction form and the contact picker.

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;

use super::labels::{
    follow_up_label, interaction_from_id, interaction_id, interaction_label, INTERACTION_KINDS,
};
use crate::domain::contacts::draft::{display_name, initials};
use crate::domain::contacts::search::fold;
use crate::domain::format::{self, iso_date};
use crate::domain::record::{
    in_range, Contact, FollowUp, FollowUpKind, Interaction, Meta, Record, RecordProblem,
    MAX_LINE_CHARS, MAX_TEXT_CHARS,
};
use crate::i18n::*;
use crate::ui::data::{new_id, now, use_data, Data};
use crate::ui::feedback::{problem_text, use_feedback, AppError, Feedback};
use crate::ui::link::use_app_path;
use crate::ui::network::{use_network, NetworkStore};

/// The earliest day a date input offers (`min`): the range records may have.
pub const DATE_MIN: &str = "1900-01-01";
/// The latest day a date input offers (`max`).
pub const DATE_MAX: &str = "2200-12-31";

/// Parses a date input's value.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    crate::domain::format::parse_iso_date(value)
}

/// A date in the user's language.
pub fn show_date(i18n: I18n, date: NaiveDate) -> String {
    format::date_short(date, i18n.lang())
}

/// "Due today" / "Overdue by N days", for a contact's keep-in-touch state.
pub fn due_text(i18n: I18n, days: i64) -> String {
    match days {
        0 => t_string!(i18n, contacts.status.due_today).to_string(),
        1 => t_string!(i18n, contacts.status.overdue_one).to_string(),
        d => t_string!(i18n, contacts.status.overdue, days = d).to_string(),
    }
}

/// The path of a contact's page.
pub fn contact_path(id: &str) -> String {
    format!("/contacts/{id}")
}

/// The contact's name as a link to their page (or a note if they were deleted).
#[component]
pub fn ContactName(#[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let path = use_app_path()(&contact_path(&id));
    let name = move || store.network.with(|n| n.contact(&id).map(display_name));
    view! {
        {move || match name() {
            Some(name) => view! { <A href=path.clone()>{name}</A> }.into_any(),
            None => view! { <span class="muted">{tr!(i18n, contacts.unknown)}</span> }.into_any(),
        }}
    }
}

pub use crate::ui::feedback::report_save;

/// Saves a follow-up and puts it into the network; on failure shows why and reloads the
/// contact's follow-ups so the screen shows what is stored.
async fn save_follow_up(
    data: Data,
    store: NetworkStore,
    feedback: Feedback,
    f: FollowUp,
) -> Option<FollowUp> {
    let db = data
        .db()
        .map_err(|e| feedback.error(AppError::SaveFailed(e)))
        .ok()?;
    let contact = f.contact_id.clone();
    match db.save(f, now()).await {
        Ok(saved) => {
            store.network.update(|n| n.set_follow_up(saved.clone()));
            data.changed();
            Some(saved)
        }
        Err(e) => {
            feedback.error(report_save(e));
            if let Some(id) = contact {
                feedback.reloaded(store.reload_contact(&id).await);
            }
            None
        }
    }
}

/// One promise or follow-up with a "done" checkbox.
#[component]
pub fn FollowUpItem(follow_up: FollowUp, #[prop(optional)] show_contact: bool) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let today = move || store.clock.get().today;
    let overdue = {
        let due = follow_up.due;
        move || follow_up.done.is_none() && due.is_some_and(|d| d < today())
    };
    let checkbox_id = format!("fu-{}", follow_up.meta.id);
    let done = follow_up.done.is_some();
    let busy = RwSignal::new(false);
    let toggle = {
        let f = follow_up.clone();
        move |_| {
            let mut f = f.clone();
            f.done = if f.done.is_some() { None } else { Some(now()) };
            busy.set(true);
            leptos::task::spawn_local(async move {
                let finished = f.done.is_some();
                let text = f.text.clone();
                if let Some(saved) = save_follow_up(data, store, feedback, f).await {
                    // Today lists open promises only, so a ticked one vanishes from there:
                    // say what happened and let a slip of the finger be taken back.
                    if finished {
                        feedback.offer_undo(
                            t_string!(i18n, contacts.promise.done_toast, text = text).to_string(),
                            move || {
                                let mut again = saved.clone();
                                again.done = None;
                                leptos::task::spawn_local(async move {
                                    save_follow_up(data, store, feedback, again).await;
                                });
                            },
                        );
                    }
                }
                busy.set(false);
            });
        }
    };
    let who = follow_up_label(i18n, follow_up.kind);
    let due = follow_up.due;
    let contact = follow_up.contact_id.clone().filter(|_| show_contact);
    view! {
        <li class="follow-up" class:follow-up--overdue=overdue class:follow-up--done=done>
            <input type="checkbox" id=checkbox_id.clone() checked=done disabled=move || busy.get() on:change=toggle />
            <label for=checkbox_id>
                <span class="follow-up__who">{who}</span>
                " "
                <span class="follow-up__text">{follow_up.text.clone()}</span>
            </label>
            <span class="follow-up__meta">
                {contact.map(|id| view! { <ContactName id /> " · " })}
                {move || due.map(|d| {
                    let text = show_date(i18n, d);
                    if overdue() {
                        t_string!(i18n, contacts.promise.overdue_since, date = text).to_string()
                    } else {
                        t_string!(i18n, contacts.promise.due_on, date = text).to_string()
                    }
                })}
            </span>
        </li>
    }
}

/// The form for a new promise or follow-up on a contact.
#[component]
pub fn AddFollowUp(#[prop(into)] contact_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let kind = RwSignal::new(FollowUpKind::IPromised);
    let text = RwSignal::new(String::new());
    // Advisers say: send what you promised right away, so it is due tomorrow by default.
    let tomorrow = move || iso_date(store.clock.get_untracked().today + Duration::days(1));
    let due = RwSignal::new(tomorrow());
    // The message and the field it belongs to ("text" or "due").
    let error = RwSignal::new(None::<(&'static str, String)>);
    let on =
        move |field: &'static str| error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == field));
    let busy = RwSignal::new(false);
    let id = contact_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = text.get_untracked().trim().to_string();
        if body.is_empty() {
            error.set(Some((
                "text",
                t_string!(i18n, contacts.promise.text_missing).to_string(),
            )));
            return;
        }
        let due_day = parse_date(&due.get_untracked());
        if due_day.is_some_and(|d| !in_range(d)) {
            error.set(Some(("due", t_string!(i18n, date_range).to_string())));
            return;
        }
        error.set(None);
        let record = FollowUp {
            meta: Meta::new(new_id(), now()),
            contact_id: Some(id.clone()),
            kind: kind.get_untracked(),
            text: body,
            due: due_day,
            done: None,
            message_id: None,
        };
        let Some(db) = feedback.database(data) else {
            return;
        };
        let id = id.clone();
        busy.set(true);
        leptos::task::spawn_local(async move {
            match db.save(record, now()).await {
                Ok(saved) => {
                    store.network.update(|n| n.set_follow_up(saved));
                    data.changed();
                    text.set(String::new());
                    kind.set(FollowUpKind::IPromised);
                    due.set(tomorrow());
                    feedback.toast(t_string!(i18n, contacts.promise.added));
                }
                Err(e) => {
                    feedback.error(report_save(e));
                    feedback.reloaded(store.reload_contact(&id).await);
                }
            }
            busy.set(false);
        });
    };
    let prefix = format!("fu-new-{contact_id}");
    let (kind_id, text_id, due_id, err_id) = (
        format!("{prefix}-kind"),
        format!("{prefix}-text"),
        format!("{prefix}-due"),
        format!("{prefix}-error"),
    );
    let due_err_id = format!("{prefix}-due-error");
    view! {
        <form class="inline-form" on:submit=submit novalidate>
            <div class="field">
                <label for=kind_id.clone()>{tr!(i18n, contacts.promise.kind)}</label>
                <select id=kind_id on:change=move |ev| {
                    let k = match event_target_value(&ev).as_str() {
                        "they_offered" => FollowUpKind::TheyOffered,
                        "reminder" => FollowUpKind::Reminder,
                        _ => FollowUpKind::IPromised,
                    };
                    kind.set(k);
                }>
                    <option value="i_promised" selected=move || kind.get() == FollowUpKind::IPromised>{move || follow_up_label(i18n, FollowUpKind::IPromised)}</option>
                    <option value="they_offered" selected=move || kind.get() == FollowUpKind::TheyOffered>{move || follow_up_label(i18n, FollowUpKind::TheyOffered)}</option>
                    <option value="reminder" selected=move || kind.get() == FollowUpKind::Reminder>{move || follow_up_label(i18n, FollowUpKind::Reminder)}</option>
                </select>
            </div>
            <div class="field field--grow">
                <label for=text_id.clone()>{tr!(i18n, contacts.promise.text)}</label>
                <input
                    id=text_id
                    type="text"
                    maxlength=MAX_TEXT_CHARS
                    aria-invalid=move || on("text").then_some("true")
                    aria-describedby=move || on("text").then(|| err_id.clone())
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
                {let err_id = format!("{prefix}-error"); move || error.get().filter(|(f, _)| *f == "text").map(|(_, e)| view! { <span class="error" id=err_id.clone()>{e}</span> })}
            </div>
            <div class="field">
                <label for=due_id.clone()>{tr!(i18n, contacts.promise.due)}</label>
                <input id=due_id type="date" min=DATE_MIN max=DATE_MAX
                    aria-invalid=move || on("due").then_some("true")
                    aria-describedby=move || on("due").then(|| due_err_id.clone())
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) />
                {let id = format!("{prefix}-due-error"); move || error.get().filter(|(f, _)| *f == "due").map(|(_, e)| view! { <span class="error" id=id.clone()>{e}</span> })}
            </div>
            <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr!(i18n, contacts.promise.add)}</button>
        </form>
    }
}

/// The form that logs an interaction, or corrects one already logged (`existing`, with a
/// way to cancel); `on_done` runs after a successful save or the cancel.
#[component]
pub fn AddInteraction(
    #[prop(into)] contact_id: String,
    /// Prefix for element ids, so two forms can be on one page.
    #[prop(into)]
    id_prefix: String,
    #[prop(optional, into)] on_done: Option<Callback<()>>,
    #[prop(optional)] existing: Option<Interaction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let store = use_network();
    let feedback = use_feedback();
    let editing = existing.is_some();
    let kind = RwSignal::new(
        interaction_id(existing.as_ref().map(|e| e.kind).unwrap_or_default()).to_string(),
    );
    let date = RwSignal::new(iso_date(
        existing
            .as_ref()
            .map_or(store.clock.get_untracked().today, |e| e.date),
    ));
    let summary = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.summary.clone())
            .unwrap_or_default(),
    );
    let keywords = RwSignal::new(
        existing
            .as_ref()
            .map(|e| e.keywords.join(", "))
            .unwrap_or_default(),
    );
    let existing = StoredValue::new(existing);
    // The message and the field it belongs to ("date" or "keywords").
    let error = RwSignal::new(None::<(&'static str, String)>);
    let on =
        move |field: &'static str| error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == field));
    let saving = RwSignal::new(false);
    let id = contact_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let today = store.clock.get_untracked().today;
        let Some(day) = parse_date(&date.get_untracked()) else {
            error.set(Some((
                "date",
                t_string!(i18n, contacts.timeline.date_missing).to_string(),
            )));
            return;
        };
        if today
            .checked_add_signed(Duration::days(366))
            .is_some_and(|far| day > far)
        {
            error.set(Some((
                "date",
                t_string!(i18n, contacts.timeline.date_far).to_string(),
            )));
            return;
        }
        if !in_range(day) {
            error.set(Some(("date", t_string!(i18n, date_range).to_string())));
            return;
        }
        error.set(None);
        // A correction keeps the entry's id, revision (a change made meanwhile in another
        // tab is not overwritten) and the other person of an introduction.
        let base = existing.get_value();
        let record = Interaction {
            meta: base
                .as_ref()
                .map_or_else(|| Meta::new(new_id(), now()), |e| e.meta.clone()),
            contact_id: id.clone(),
            kind: interaction_from_id(&kind.get_untracked()),
            date: day,
            summary: summary.get_untracked().trim().to_string(),
            keywords: keywords
                .get_untracked()
                .split(',')
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            other_contact_name: base
                .as_ref()
                .map(|e| e.other_contact_name.clone())
                .unwrap_or_default(),
            other_contact_id: base.and_then(|e| e.other_contact_id),
        };
        if let Some(max) = record
            .keywords
            .iter()
            .any(|k| k.chars().count() > MAX_LINE_CHARS)
            .then_some(MAX_LINE_CHARS)
        {
            error.set(Some((
                "keywords",
                t_string!(i18n, contacts.timeline.keyword_long, max = max).to_string(),
            )));
            return;
        }
        if let Err(problem) = record.check() {
            let field = if matches!(
                problem,
                RecordProblem::TooLong {
                    field: "keywords",
                    ..
                }
            ) {
                "keywords"
            } else {
                "summary"
            };
            error.set(Some((field, problem_text(i18n, &problem))));
            return;
        }
        let Some(db) = feedback.database(data) else {
            return;
        };
        let id = id.clone();
        saving.set(true);
        leptos::task::spawn_local(async move {
            match db.save(record, now()).await {
                Ok(_) => {
                    summary.set(String::new());
                    keywords.set(String::new());
                    feedback.reloaded(store.reload_contact(&id).await);
                    feedback.toast(if editing {
                        t_string!(i18n, contacts.timeline.updated)
                    } else {
                        t_string!(i18n, contacts.timeline.added)
                    });
                    if let Some(done) = on_done {
                        done.run(());
                    }
                }
                Err(e) => feedback.error(report_save(e)),
            }
            saving.set(false);
        });
    };
    let p = id_prefix;
    let (kind_id, date_id, summary_id, kw_id, err_id) = (
        format!("{p}-kind"),
        format!("{p}-date"),
        format!("{p}-summary"),
        format!("{p}-keywords"),
        format!("{p}-error"),
    );
    let err_id2 = err_id.clone();
    let summary_err = format!("{p}-summary-error");
    let kw_err = format!("{p}-keywords-error");
    view! {
        <form class="stack-form" on:submit=submit novalidate>
            <div class="field-row">
                <div class="field">
                    <label for=kind_id.clone()>{tr!(i18n, contacts.timeline.kind)}</label>
                    <select id=kind_id on:change=move |ev| kind.set(event_target_value(&ev))>
                        {INTERACTION_KINDS
                            .into_iter()
                            .map(|k| {
                                let value = interaction_id(k);
                                view! {
                                    <option value=value selected=move || kind.get() == value>
                                        {move || interaction_label(i18n, k)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=date_id.clone()>{tr!(i18n, contacts.timeline.date)}</label>
                    <input
                        id=date_id
                        type="date"
                        required
                        min=DATE_MIN
                        max=DATE_MAX
                        aria-invalid=move || on("date").then_some("true")
                        aria-describedby=move || on("date").then(|| err_id.clone())
                        prop:value=move || date.get()
                        on:input=move |ev| date.set(event_target_value(&ev))
                    />
                    {move || error.get().filter(|(f, _)| *f == "date").map(|(_, e)| view! { <span class="error" id=err_id2.clone()>{e}</span> })}
                </div>
            </div>
            <div class="field">
                <label for=summary_id.clone()>{tr!(i18n, contacts.timeline.summary)}</label>
                <textarea
                    id=summary_id
                    rows="3"
                    maxlength=MAX_TEXT_CHARS
                    aria-invalid=move || on("summary").then_some("true")
                    aria-describedby=move || on("summary").then(|| summary_err.clone())
                    prop:value=move || summary.get()
                    on:input=move |ev| summary.set(event_target_value(&ev))
                ></textarea>
                {let id = format!("{p}-summary-error"); move || error.get().filter(|(f, _)| *f == "summary").map(|(_, e)| view! { <span class="error" id=id.clone()>{e}</span> })}
            </div>
            <div class="field">
                <label for=kw_id.clone()>{tr!(i18n, contacts.timeline.keywords)}</label>
                <input
                    id=kw_id
                    type="text"
                    maxlength=MAX_TEXT_CHARS
                    aria-invalid=move || on("keywords").then_some("true")
                    aria-describedby=move || on("keywords").then(|| kw_err.clone())
                    prop:value=move || keywords.get()
                    on:input=move |ev| keywords.set(event_target_value(&ev))
                />
                {let id = format!("{p}-keywords-error"); move || error.get().filter(|(f, _)| *f == "keywords").map(|(_, e)| view! { <span class="error" id=id.clone()>{e}</span> })}
            </div>
            <div class="button-row">
                <button type="submit" class="button" disabled=move || saving.get() aria-busy=move || saving.get().to_string()>
                    {move || if editing { t_string!(i18n, contacts.timeline.save) } else { t_string!(i18n, contacts.timeline.add) }}
                </button>
                {editing.then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| {
                        if let Some(done) = on_done {
                            done.run(());
                        }
                    }>{tr!(i18n, cancel)}</button>
                })}
            </div>
        </form>
    }
}

/// How many matches the picker lists.
const PICKER_RESULTS: usize = 6;

/// Picks a contact by typing part of their name: a search field and a short list of
/// matches. `selected` holds the chosen id.
#[component]
pub fn ContactPicker(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<String>,
    selected: RwSignal<Option<String>>,
    /// A contact that cannot be picked (the one being edited).
    #[prop(optional, into)]
    exclude: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = query.get();
        if fold(&q).is_empty() {
            return Vec::new();
        }
        let clock = store.clock.get();
        let cadence = store.cadence.get();
        store.network.with(|n| {
            let list = crate::domain::contacts::network::ListQuery {
                text: q,
                ..Default::default()
            };
            n.list(&list, clock, &cadence)
                .into_iter()
                .filter(|c| Some(c) != exclude.as_ref())
                .take(PICKER_RESULTS)
                .filter_map(|id| n.contact(&id).map(|c| (id, describe(c))))
                .collect::<Vec<_>>()
        })
    });
    let chosen = move || {
        selected
            .get()
            .and_then(|id| store.network.with(|n| n.contact(&id).map(describe)))
    };
    let input_id = id.clone();
    let results_id = format!("{id}-results");
    view! {
        <div class="picker">
            {move || match chosen() {
                Some(name) => view! {
                    <div class="field">
                        <span class="field__label" id=format!("{}-label", input_id)>{label.get()}</span>
                        <p class="picker__chosen">
                            <span>{name}</span>
                            <button type="button" class="button button--secondary" on:click=move |_| selected.set(None)>
                                {tr!(i18n, contacts.picker.change)}
                            </button>
                        </p>
                    </div>
                }.into_any(),
                None => {
                    let results_id = results_id.clone();
                    view! {
                        <div class="field">
                            <label for=input_id.clone()>{label.get()}</label>
                            <input
                                id=input_id.clone()
                                type="search"
                                autocomplete="off"
                                aria-controls=results_id.clone()
                                placeholder=move || t_string!(i18n, contacts.picker.placeholder)
                                prop:value=move || query.get()
                                on:input=move |ev| query.set(event_target_value(&ev))
                            />
                            <ul class="picker__results list-plain" id=results_id aria-live="polite">
                                <For
                                    each=move || matches.get()
                                    key=|(id, _)| id.clone()
                                    children=move |(id, text)| {
                                        view! {
                                            <li>
                                                <button type="button" class="picker__option" on:click=move |_| {
                                                    selected.set(Some(id.clone()));
                                                    query.set(String::new());
                                                }>{text}</button>
                                            </li>
                                        }
                                    }
                                />
                            </ul>
                        </div>
                    }.into_any()
                }
            }}
        </div>
    }
}

/// Who a plan or message is for: a saved contact (picked by name) or someone not saved yet
/// (name and company typed). `saved` says which.
#[component]
pub fn PersonChooser(
    /// Prefix of the element ids.
    id: &'static str,
    /// The question above the choice ("With whom?").
    #[prop(into)]
    legend: Signal<String>,
    /// The picker's label ("Contact").
    #[prop(into)]
    label: Signal<String>,
    /// What happens to someone not saved yet.
    #[prop(into)]
    hint: Signal<String>,
    saved: RwSignal<bool>,
    contact: RwSignal<Option<String>>,
    name: RwSignal<String>,
    company: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = format!("{id}-who");
    let group2 = group.clone();
    view! {
        <fieldset class="choices">
            <legend>{move || legend.get()}</legend>
            <label class="choice">
                <input type="radio" name=group prop:checked=move || saved.get() on:change=move |_| saved.set(true) />
                {tr!(i18n, interviews.saved_contact)}
            </label>
            <label class="choice">
                <input type="radio" name=group2 prop:checked=move || !saved.get() on:change=move |_| saved.set(false) />
                {tr!(i18n, interviews.new_person)}
            </label>
        </fieldset>
        {move || if saved.get() {
            view! { <ContactPicker id=format!("{id}-contact") label=label selected=contact /> }.into_any()
        } else {
            view! {
                <div class="field-row">
                    <div class="field">
                        <label for=format!("{id}-person")>{tr!(i18n, interviews.person_name)}</label>
                        <input id=format!("{id}-person") type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=format!("{id}-company")>{tr!(i18n, interviews.person_company)}</label>
                        <input id=format!("{id}-company") type="text" autocomplete="off" maxlength=MAX_LINE_CHARS prop:value=move || company.get() on:input=move |ev| company.set(event_target_value(&ev)) />
                    </div>
                </div>
                <p class="hint">{move || hint.get()}</p>
            }.into_any()
        }}
    }
}

/// A contact as one line: name, then company.
pub fn describe(c: &Contact) -> String {
    let name = display_name(c);
    match c.company.trim() {
        "" => name,
        company => format!("{name} ({company})"),
    }
}

/// Initials for a contact's avatar.
pub fn avatar_text(c: &Contact) -> String {
    initials(c)
}
