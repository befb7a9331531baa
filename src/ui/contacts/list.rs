//! The contact list: search as you type, filters, sort, and a list that renders only the
//! rows in view, so 10,000 contacts scroll as smoothly as ten.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use super::labels::{circle_label, only_label, sort_label};
use super::log_interaction::AddInteraction;
use super::name::avatar_text;
use crate::domain::code::{Code, Coded};
use crate::domain::contacts::draft::{display_name, work_line};
use crate::domain::contacts::network::{ListQuery, Only, Sort};
use crate::domain::format;
use crate::domain::record::{Circle, Contact};
use crate::i18n::*;
use crate::ui::common::dates::show_date;
use crate::ui::common::focus::focus_after_render;
use crate::ui::common::routes::contact_path;
use crate::ui::common::select::EnumSelect;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::use_data;
use crate::ui::feedback::{use_feedback, AppError};
use crate::ui::interop::share_contacts;
use crate::ui::link::{use_app_path, AppLink};
use crate::ui::title::use_page_title;

/// Height of one row in pixels; `.contact-row` in the stylesheet has the same.
const ROW_HEIGHT: f64 = 72.0;
/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 5;

/// The contacts screen.
#[component]
pub fn ContactsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    use_page_title(move || t_string!(i18n, contacts.title).to_string());
    let params = use_query_map();
    let initial = params.with_untracked(|p| {
        (
            p.get("q").unwrap_or_default(),
            p.get("tag"),
            p.get("circle").and_then(|c| Circle::from_key(&c)),
            p.get("only")
                .and_then(|o| Only::from_key(&o))
                .unwrap_or_default(),
        )
    });
    let text = RwSignal::new(initial.0);
    let tag = RwSignal::new(initial.1);
    let circle = RwSignal::new(initial.2);
    let only = RwSignal::new(initial.3);
    let sort = RwSignal::new(if initial.3 == Only::Due {
        Sort::NextDue
    } else {
        Sort::Name
    });
    let places = Memo::new(move |_| {
        let query = ListQuery {
            text: text.get(),
            tag: tag.get(),
            circle: circle.get(),
            only: only.get(),
            sort: sort.get(),
        };
        let clock = store.clock.get();
        let cadence = store.cadence.get();
        store
            .network
            .with(|n| n.list_positions(&query, clock, &cadence))
    });
    let tags = Memo::new(move |_| store.network.with(|n| n.tags()));
    let total = Memo::new(move |_| store.network.with(|n| n.len()));
    let quick = RwSignal::new(None::<String>);
    let lang = move || i18n.lang();

    view! {
        <div class="page-head">
            <h1>{tr!(i18n, contacts.title)}</h1>
            <div class="button-row">
                <AppLink href="/contacts/capture" class="button capture-button">{tr!(i18n, capture.button)}</AppLink>
                <AppLink href="/contacts/new" class="button button--secondary">{tr!(i18n, contacts.add)}</AppLink>
                <AppLink href="/contacts/introduce" class="button button--secondary">{tr!(i18n, contacts.introduce.title)}</AppLink>
                <AppLink href="/contacts/duplicates" class="button button--secondary">{tr!(i18n, contacts.merge.title)}</AppLink>
            </div>
        </div>
        <Show
            when=move || store.loaded.get() != Loaded::Nothing
            fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }
        >
            <Show when=move || { total.get() > 0 } fallback=move || view! { <EmptyContacts /> }>
                <ListFilters text tag circle only sort tags />
                {move || only.get().eq(&Only::Dormant).then(|| view! {
                    <p class="card explain">{tr!(i18n, contacts.dormant_why)}</p>
                })}
                <p class="list-count" role="status">
                    {move || if store.loaded.get() == Loaded::First {
                        t_string!(i18n, contacts.loading_rest).to_string()
                    } else {
                        let shown = format::integer(places.with(Vec::len) as i64, lang());
                        let all = format::integer(total.get() as i64, lang());
                        t_string!(i18n, contacts.count, shown = shown, total = all).to_string()
                    }}
                </p>
                <ExportShown places />
                <QuickLog quick />
                <VirtualList places quick />
            </Show>
        </Show>
    }
}

/// The contacts the list shows (all, or the filter's and search's result) as one vCard
/// file.
#[component]
fn ExportShown(places: Memo<Vec<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let data = use_data();
    let feedback = use_feedback();
    let busy = RwSignal::new(false);
    let export = move |_| {
        if busy.get_untracked() {
            return;
        }
        let contacts: Vec<Contact> = store.network.with_untracked(|n| {
            places.with_untracked(|p| {
                p.iter()
                    .filter_map(|&i| n.id_at(i).and_then(|id| n.contact(id)).cloned())
                    .collect()
            })
        });
        busy.set(true);
        leptos::task::spawn_local(async move {
            match share_contacts(i18n, data, contacts).await {
                Ok(file) => feedback.toast(t_string!(i18n, interop.exported, file = file)),
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <p>
            <button type="button" class="button button--secondary"
                disabled=move || busy.get() || places.with(Vec::is_empty)
                aria-busy=move || busy.get().to_string()
                on:click=export>
                {tr!(i18n, interop.export_shown)}
            </button>
        </p>
    }
}

/// Search, tag, circle, which contacts, and the order.
#[component]
fn ListFilters(
    text: RwSignal<String>,
    tag: RwSignal<Option<String>>,
    circle: RwSignal<Option<Circle>>,
    only: RwSignal<Only>,
    sort: RwSignal<Sort>,
    /// The tags in use, for the tag filter.
    tags: Memo<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
    <form class="card filters" role="search" on:submit=|ev| ev.prevent_default()>
        <div class="field field--grow">
            <label for="contact-search">{tr!(i18n, contacts.search)}</label>
            <input
                id="contact-search"
                type="search"
                autocomplete="off"
                aria-describedby="contact-search-hint"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <span class="hint" id="contact-search-hint">{tr!(i18n, contacts.search_hint)}</span>
        </div>
        <div class="field">
            <label for="filter-tag">{tr!(i18n, contacts.filter.tag)}</label>
            <select id="filter-tag" on:change=move |ev| {
                let v = event_target_value(&ev);
                tag.set((!v.is_empty()).then_some(v));
            }>
                <option value="" selected=move || tag.with(Option::is_none)>{tr!(i18n, contacts.filter.any)}</option>
                <For each=move || tags.get() key=|t| t.clone() children=move |t| {
                    let value = t.clone();
                    let is = t.clone();
                    view! { <option value=value selected=move || tag.get().as_deref() == Some(is.as_str())>{t}</option> }
                } />
            </select>
        </div>
        <div class="field">
            <label for="filter-circle">{tr!(i18n, contacts.filter.circle)}</label>
            <EnumSelect id="filter-circle" label=circle_label none=move || t_string!(i18n, contacts.filter.any)
                value={move || circle.get().map(Coded::from)}
                on_pick=move |c| circle.set(c) />
        </div>
        <div class="field">
            <label for="filter-only">{tr!(i18n, contacts.filter.show)}</label>
            <EnumSelect id="filter-only" label=only_label
                value={move || Some(only.get().into())}
                on_pick={move |choice: Option<Only>| {
                    let choice = choice.unwrap_or_default();
                    // The due list is about who is most overdue.
                    if choice == Only::Due {
                        sort.set(Sort::NextDue);
                    }
                    only.set(choice);
                }} />
        </div>
        <div class="field">
            <label for="sort">{tr!(i18n, contacts.sort.label)}</label>
            <EnumSelect id="sort" label=sort_label
                value={move || Some(sort.get().into())}
                on_pick={move |s: Option<Sort>| sort.set(s.unwrap_or_default())} />
        </div>
    </form>
    }
}

/// Logging an interaction with the contact whose row's button was pressed, above the list.
#[component]
fn QuickLog(quick: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    view! {
    {move || quick.get().map(|id| {
        let name = store.network.with(|n| n.contact(&id).map(display_name)).unwrap_or_default();
        view! {
            <section class="card quick-add" aria-labelledby="quick-add-title">
                <h2 id="quick-add-title">{t!(i18n, contacts.timeline.quick_title, name = name)}</h2>
                <AddInteraction contact_id=id id_prefix="quick" on_done=Callback::new(move |_| quick.set(None)) />
                <button type="button" class="button button--secondary" on:click=move |_| quick.set(None)>{tr!(i18n, cancel)}</button>
            </section>
        }
    })}
    }
}

/// The rows in view, with padding standing in for the rest.
#[component]
fn VirtualList(places: Memo<Vec<usize>>, quick: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    // Where the list's top is relative to the viewport, and the viewport's height.
    let top = RwSignal::new(0.0_f64);
    let height = RwSignal::new(800.0_f64);
    let measure = move || {
        if let Some(el) = list_ref.get_untracked() {
            let el: &web_sys::Element = el.unchecked_ref();
            let t = el.get_bounding_client_rect().top();
            if (top.get_untracked() - t).abs() > 1.0 {
                top.set(t);
            }
        }
        let h = window()
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(800.0);
        if height.get_untracked() != h {
            height.set(h);
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    // Measure again once the list is in the page and whenever its content changes.
    Effect::new(move |_| {
        places.track();
        quick.track();
        request_animation_frame(measure);
    });
    let range = Memo::new(move |_| {
        let len = places.with(Vec::len);
        let first = ((-top.get()) / ROW_HEIGHT).floor().max(0.0) as usize;
        let visible = (height.get() / ROW_HEIGHT).ceil() as usize + 1;
        let start = first.saturating_sub(OVERSCAN).min(len);
        let end = (first + visible + OVERSCAN).min(len);
        (start, end, len)
    });
    let rows = Memo::new(move |_| {
        let (start, end, _) = range.get();
        (start..end).collect::<Vec<usize>>()
    });
    view! {
        <ul
            class="contact-list"
            node_ref=list_ref
            aria-label=move || t_string!(i18n, contacts.list_label)
            style:padding-top=move || format!("{}px", range.get().0 as f64 * ROW_HEIGHT)
            style:padding-bottom=move || {
                let (_, end, len) = range.get();
                format!("{}px", (len - end) as f64 * ROW_HEIGHT)
            }
        >
            // Keyed by position in the list, not by contact: a keystroke in the search
            // changes which contacts the visible rows show, and refilling 25 rows is a
            // fraction of building 25 new ones. Scrolling adds a row at one end and
            // removes one at the other; a row keeps its element (and focus) while the
            // list stays as it is.
            <For
                each=move || rows.get()
                key=|position| *position
                children=move |position| {
                    let id = Memo::new(move |_| {
                        let at = places.with(|places| places.get(position).copied());
                        at.and_then(|at| store.network.with(|n| n.id_at(at).map(str::to_string)))
                            .unwrap_or_default()
                    });
                    view! { <ContactRow id position size=Signal::derive(move || range.get().2) quick /> }
                }
            />
        </ul>
        {move || (places.with(Vec::is_empty) && store.network.with(|n| !n.is_empty())).then(|| view! {
            <p class="empty-state">{tr!(i18n, contacts.no_match)}</p>
        })}
    }
}

#[component]
fn ContactRow(
    /// The contact this row shows: another one after a search.
    id: Memo<String>,
    /// Where the row is in the list, from 0.
    position: usize,
    size: Signal<usize>,
    quick: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_network();
    let app_path = use_app_path();
    let path = move || app_path(&contact_path(&id.get()));
    // A search refills most rows at once, so a row has as few reactive parts as will do:
    // one memo for its texts and one for its status line, nothing per field.
    let texts = Memo::new(move |_| {
        id.with(|id| {
            store.network.with(|n| {
                n.contact(id)
                    .map(|c| (display_name(c), avatar_text(c), work_line(c)))
                    .unwrap_or_default()
            })
        })
    });
    let status = store.status_of(id.into());
    let name = move || texts.with(|t| t.0.clone());
    let initials = move || texts.with(|t| t.1.clone());
    let sub = move || texts.with(|t| t.2.clone());
    let badge = Memo::new(move |_| {
        let s = status.get()?;
        if store.loaded.get() != Loaded::All {
            return None;
        }
        if s.dormant {
            Some((
                "badge badge--dormant",
                t_string!(i18n, contacts.status.dormant).to_string(),
            ))
        } else if let Some(days) = s.overdue_days {
            Some(("badge badge--due", super::labels::due_text(i18n, days)))
        } else {
            None
        }
    });
    let last = move || {
        status
            .get()
            .and_then(|s| s.last_contact)
            .map(|d| t_string!(i18n, contacts.status.last, date = show_date(i18n, d)).to_string())
    };
    let log_label =
        move || t_string!(i18n, contacts.timeline.quick_button, name = name()).to_string();
    view! {
        <li class="contact-row" aria-posinset=position + 1 aria-setsize=move || size.get()>
            // A plain link: the router handles clicks on every in-app anchor, and the
            // `A` component's active-link tracking is not needed per row.
            <a href=path class="contact-row__main">
                <span class="avatar" aria-hidden="true">{initials}</span>
                <span class="contact-row__text">
                    <span class="contact-row__name">{name}</span>
                    <span class="contact-row__sub">{sub}</span>
                    // Phones have no room for the status column: the badge goes under the name.
                    {move || badge.get().map(|(class, text)| view! { <span class=format!("{class} contact-row__inline-badge")>{text}</span> })}
                </span>
            </a>
            <span class="contact-row__status">
                {move || badge.get().map(|(class, text)| view! { <span class=class>{text}</span> })}
                <span class="contact-row__last">{last}</span>
            </span>
            <button type="button" class="button button--secondary button--small" aria-label=log_label on:click=move |_| {
                quick.set(Some(id.get_untracked()));
                window().scroll_to_with_x_and_y(0.0, 0.0);
                focus_after_render("quick-kind");
            }>{tr!(i18n, contacts.timeline.quick_short)}</button>
        </li>
    }
}

/// The first-run contacts screen: what to record and why, and the first action.
#[component]
fn EmptyContacts() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="card empty-state" aria-labelledby="contacts-empty">
            <h2 id="contacts-empty">{tr!(i18n, contacts.empty.title)}</h2>
            <p>{tr!(i18n, contacts.empty.text)}</p>
            <ul class="checklist">
                <li>{tr!(i18n, contacts.empty.point_hook)}</li>
                <li>{tr!(i18n, contacts.empty.point_promise)}</li>
                <li>{tr!(i18n, contacts.empty.point_cadence)}</li>
            </ul>
            <p>
                <AppLink href="/contacts/new" class="button">{tr!(i18n, contacts.empty.action)}</AppLink>
                " "
                <AppLink href="/settings#import" class="button button--secondary">{tr!(i18n, contacts.empty.import)}</AppLink>
            </p>
        </section>
    }
}
