//! Where a restore stands once a file is chosen: the passphrase of an encrypted file, the
//! preview of what it would change (and the references it repairs), merge or replace,
//! the confirmation of a replace, and why a file was refused.

use leptos::prelude::*;

use crate::domain::backup::{ImportMode, KindPreview, MAX_LISTED_PROBLEMS};
use crate::domain::format;
use crate::domain::integrity::{Effect, Repairs};
use crate::domain::record::Kind;
use crate::i18n::*;

use super::problems::failure_text;
use super::restore::{Staged, Step};
use super::{kind_label, EncryptedStep};

/// Where an import stands: reading, the preview with merge / replace, the confirmation of
/// a replace, working, done, or why the file was refused.
#[component]
pub(super) fn ImportStep(
    /// The import's state.
    step: RwSignal<Step>,
    /// Writes the staged backup in the chosen mode.
    run_import: Callback<ImportMode>,
    /// Drops the staged backup.
    cancel: Callback<()>,
    /// Tries a passphrase on an encrypted file.
    open: Callback<String>,
    /// Why the last passphrase did not open it.
    open_error: RwSignal<Option<String>>,
    /// True while a passphrase is tried.
    opening: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Replace asks first; its Cancel goes back to the preview, the staged file kept.
    let toggle_replace = move || {
        step.update(|s| {
            *s = match std::mem::replace(s, Step::Idle) {
                Step::Preview(staged) => Step::ConfirmReplace(staged),
                Step::ConfirmReplace(staged) => Step::Preview(staged),
                other => other,
            }
        })
    };
    move || {
        match step.get() {
        Step::Idle => ().into_any(),
        Step::Reading => view! { <p class="muted">{tr!(i18n, settings.backup.reading)}</p> }.into_any(),
        Step::Working => view! { <p class="muted">{tr!(i18n, settings.backup.working)}</p> }.into_any(),
        Step::Done(message) => view! { <p class="status status--ok">{message}</p> }.into_any(),
        Step::Encrypted(file) => view! {
            <EncryptedStep file open error=open_error busy=opening cancel />
        }
        .into_any(),
        Step::Failed(failure) => {
            let (headline, items, more) = failure_text(i18n, &failure);
            view! {
                <div class="banner banner--error import-error">
                    <p><strong>{tr!(i18n, settings.backup.error_title)}</strong></p>
                    <p>{headline}</p>
                    {(!items.is_empty()).then(|| view! {
                        <ul class="stack">
                            {items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}
                        </ul>
                    })}
                    {(more > 0).then(|| view! {
                        <p>{t!(i18n, settings.backup.err_more, count = more)}</p>
                    })}
                </div>
            }
            .into_any()
        }
        Step::Preview(staged) => view! {
            <PreviewView staged />
            <p class="muted">{tr!(i18n, settings.backup.merge_hint)}</p>
            <p class="muted">{tr!(i18n, settings.backup.replace_hint)}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| run_import.run(ImportMode::Merge)>
                    {tr!(i18n, settings.backup.merge)}
                </button>
                <button type="button" class="button button--danger" on:click=move |_| toggle_replace()>
                    {tr!(i18n, settings.backup.replace)}
                </button>
                <button type="button" class="button button--secondary" on:click=move |_| cancel.run(())>
                    {tr!(i18n, settings.backup.cancel)}
                </button>
            </div>
        }
        .into_any(),
        Step::ConfirmReplace(staged) => {
            let removed = staged.preview.total().only_here;
            view! {
                <PreviewView staged />
                <div class="confirm" role="alert">
                    <p>{t!(i18n, settings.backup.replace_confirm, removed)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--danger" on:click=move |_| run_import.run(ImportMode::Replace)>
                            {tr!(i18n, settings.backup.replace_yes)}
                        </button>
                        <button type="button" class="button button--secondary" on:click=move |_| toggle_replace()>
                            {tr!(i18n, settings.backup.cancel)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
    }
    }
}

/// The table of what an import would change.
#[component]
fn PreviewView(staged: Staged) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let Staged {
        file,
        info,
        preview,
        repairs,
    } = staged;
    let written = move || {
        let date = info
            .created_at
            .map(|at| format::date_long(at.date_naive(), lang()))
            .unwrap_or_else(|| t_string!(i18n, settings.backup.unknown).to_string());
        let version = info
            .app_version
            .clone()
            .unwrap_or_else(|| t_string!(i18n, settings.backup.unknown).to_string());
        t_string!(
            i18n,
            settings.backup.preview_file,
            file = file.clone(),
            date,
            version
        )
        .to_string()
    };
    let mut rows: Vec<(Option<Kind>, KindPreview)> = preview
        .kinds
        .iter()
        .filter(|(_, p)| p.in_file + p.only_here > 0)
        .map(|(k, p)| (Some(*k), *p))
        .collect();
    if preview.profile.in_file + preview.profile.only_here > 0 {
        rows.push((None, preview.profile));
    }
    let total = preview.total();
    let cells = move |p: KindPreview| {
        [p.in_file, p.new, p.newer, p.kept, p.only_here]
            .into_iter()
            .map(|n| view! { <td>{move || format::integer(n as i64, lang())}</td> })
            .collect_view()
    };
    view! {
        <h3 id="import-preview-title">{tr!(i18n, settings.backup.preview_title)}</h3>
        <p>{written}</p>
        <RepairsView repairs />
        // Focusable, so keyboard users can scroll the table on a narrow screen.
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="import-preview-title">
            <table class="numbers">
                <thead>
                    <tr>
                        <th scope="col">{tr!(i18n, settings.backup.col_kind)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_in_file)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_new)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_newer)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_kept)}</th>
                        <th scope="col">{tr!(i18n, settings.backup.col_only_here)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(kind, p)| view! {
                            <tr>
                                <th scope="row">
                                    {move || match kind {
                                        Some(k) => kind_label(i18n, k),
                                        None => t_string!(i18n, settings.data.profile).to_string(),
                                    }}
                                </th>
                                {cells(p)}
                            </tr>
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{tr!(i18n, settings.backup.total)}</th>
                        {cells(total)}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// What the import will do about references to entries that are not in the file: the
/// same as deleting those entries would have done.
#[component]
fn RepairsView(repairs: Repairs) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let group = move |effect: Effect| {
        let found: Vec<_> = repairs
            .found
            .iter()
            .filter(|d| d.effect == effect)
            .cloned()
            .collect();
        (!found.is_empty()).then(|| {
            let count = found.len();
            let head = move || match (effect, count) {
                (Effect::Removed, 1) => t_string!(i18n, settings.backup.repair_removed_one).to_string(),
                (Effect::Removed, _) => {
                    t_string!(i18n, settings.backup.repair_removed, count = count).to_string()
                }
                (_, 1) => t_string!(i18n, settings.backup.repair_cleared_one).to_string(),
                _ => t_string!(i18n, settings.backup.repair_cleared, count = count).to_string(),
            };
            let more = count.saturating_sub(MAX_LISTED_PROBLEMS);
            let items = found
                .into_iter()
                .take(MAX_LISTED_PROBLEMS)
                .map(|d| {
                    view! {
                        <li>
                            {move || t_string!(
                                i18n,
                                settings.backup.repair_item,
                                kind = kind_label(i18n, d.kind),
                                id = d.id.clone(),
                                field = d.field,
                                target = d.target.clone()
                            )
                            .to_string()}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice">
                    <p>{head}</p>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! {
                        <p>{move || t_string!(i18n, settings.backup.err_more, count = format::integer(more as i64, lang())).to_string()}</p>
                    })}
                </div>
            }
        })
    };
    view! {
        {group(Effect::Detached)}
        {group(Effect::Removed)}
    }
}
