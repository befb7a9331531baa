//! What a checked file would change: the counts, the people named, the groups to choose.

use leptos::prelude::*;

use crate::domain::format;
use crate::i18n::*;

use super::{Conversations, Staged};

/// The counts of a checked file, the groups to choose, and the import button.
pub(super) fn preview_view(
    i18n: I18n,
    staged: Staged,
    [add_new, add_possible, complete]: [RwSignal<bool>; 3],
    run: impl Fn() + Copy + 'static,
    cancel: impl Fn() + Copy + 'static,
    choose_owner: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let lang = i18n.lang_untracked();
    let n = move |v: usize| format::integer(v as i64, lang);
    let Staged {
        file,
        counts,
        possible,
        skipped,
        photos_left_out,
        photos_left_out_count,
        conversations,
    } = staged;
    let more_photos = photos_left_out_count.saturating_sub(photos_left_out.len());
    let c = counts;
    let more_possible = c.possible_duplicates.saturating_sub(possible.len());
    let more_skipped = c.skipped.saturating_sub(skipped.len());
    let writes = c.new + c.possible_duplicates + c.complete + c.entries;
    let choice = |signal: RwSignal<bool>, id: &'static str, text: String| {
        view! {
            <label class="choice" for=id>
                <input type="checkbox" id=id prop:checked=move || signal.get()
                    on:change=move |ev| signal.set(event_target_checked(&ev)) />
                <span>{text}</span>
            </label>
        }
    };
    view! {
        <h3 id="import-preview-title">{tr!(i18n, interop.preview_title)}</h3>
        <p>{t_string!(i18n, interop.preview_file, file = file)}</p>
        <dl class="facts import-counts">
            <dt>{tr!(i18n, interop.count_new)}</dt><dd>{n(c.new)}</dd>
            <dt>{tr!(i18n, interop.count_complete)}</dt><dd>{n(c.complete)}</dd>
            <dt>{tr!(i18n, interop.count_unchanged)}</dt><dd>{n(c.unchanged)}</dd>
            <dt>{tr!(i18n, interop.count_same_in_file)}</dt><dd>{n(c.same_in_file)}</dd>
            <dt>{tr!(i18n, interop.count_possible)}</dt><dd>{n(c.possible_duplicates)}</dd>
            <dt>{tr!(i18n, interop.count_skipped)}</dt><dd>{n(c.skipped)}</dd>
            {conversations.as_ref().map(|m| view! {
                <dt>{tr!(i18n, interop.count_entries)}</dt><dd>{n(c.entries)}</dd>
                <dt>{tr!(i18n, interop.count_entries_stored)}</dt><dd>{n(m.stored)}</dd>
                <dt>{tr!(i18n, interop.count_unmatched)}</dt><dd>{n(m.unmatched)}</dd>
            })}
        </dl>
        {conversations.map(|m| owner_view(i18n, m, choose_owner))}
        {(!possible.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.possible_title)}</summary>
                <p class="hint">{tr!(i18n, interop.possible_hint)}</p>
                <ul class="stack">{possible.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_possible > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_possible))}</p> })}
            </details>
        })}
        {(!skipped.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.skipped_title)}</summary>
                <ul class="stack">{skipped.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_skipped > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_skipped))}</p> })}
            </details>
        })}
        {(!photos_left_out.is_empty()).then(|| view! {
            <details>
                <summary>{tr!(i18n, interop.photos_left_out)}" ("{n(photos_left_out_count)}")"</summary>
                <ul class="stack">{photos_left_out.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more_photos > 0).then(|| view! { <p>{t_string!(i18n, interop.more, count = n(more_photos))}</p> })}
            </details>
        })}
        <fieldset class="choices">
            <legend>{tr!(i18n, interop.choose)}</legend>
            {(c.new > 0).then(|| choice(add_new, "import-new", t_string!(i18n, interop.choose_new, count = n(c.new)).to_string()))}
            {(c.complete > 0).then(|| choice(complete, "import-complete", t_string!(i18n, interop.choose_complete, count = n(c.complete)).to_string()))}
            {(c.possible_duplicates > 0).then(|| choice(add_possible, "import-possible", t_string!(i18n, interop.choose_possible, count = n(c.possible_duplicates)).to_string()))}
            {(writes == 0).then(|| view! { <p>{tr!(i18n, interop.nothing_to_import)}</p> })}
        </fieldset>
        <div class="button-row">
            {(writes > 0).then(|| view! {
                <button type="button" class="button" on:click=move |_| run()>{tr!(i18n, interop.import_button)}</button>
            })}
            <button type="button" class="button button--secondary" on:click=move |_| cancel()>{tr!(i18n, interop.cancel)}</button>
        </div>
    }
}

/// Who the user is in the messages: named when their profile link found them, otherwise
/// asked among the busiest people of the file, the likeliest chosen.
fn owner_view(
    i18n: I18n,
    m: Conversations,
    choose_owner: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    if m.known || m.participants.len() < 2 {
        return view! {
            <p>{match m.owner {
                Some(name) => t_string!(i18n, interop.owner, name = name).to_string(),
                None => t_string!(i18n, interop.owner_unknown).to_string(),
            }}</p>
        }
        .into_any();
    }
    let chosen = m.chosen;
    view! {
        <div class="field">
            <label for="import-owner">{tr!(i18n, interop.owner_question)}</label>
            <span class="hint" id="import-owner-hint">
                {tr!(i18n, interop.owner_hint)}
                {m.remembered.then(|| view! { " "{tr!(i18n, interop.owner_remembered)} })}
            </span>
            <select id="import-owner" aria-describedby="import-owner-hint"
                on:change=move |ev| choose_owner(event_target_value(&ev))>
                {m.participants.into_iter().map(|(link, label)| {
                    let selected = link == chosen;
                    view! { <option value=link selected=selected>{label}</option> }
                }).collect_view()}
            </select>
        </div>
    }
    .into_any()
}
