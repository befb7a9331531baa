//! A spreadsheet Netzweber does not know: which column fills which contact field.

use leptos::prelude::*;

use crate::domain::code::Code;
use crate::domain::interop::columns::{guess_all, Target};
use crate::domain::interop::csv::Row;
use crate::i18n::*;

use super::importer::Importer;
use super::texts::target_label;
use super::Step;

/// The columns of a spreadsheet to map, as shown.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Mapping {
    file: String,
    /// Each column's header, first value and guessed target.
    columns: Vec<(String, String, Target)>,
}

impl Mapping {
    pub(super) fn of(file: String, rows: &[Row]) -> Mapping {
        let header = &rows[0];
        let guesses = guess_all(header);
        let columns = header
            .fields
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let sample = rows[1..]
                    .iter()
                    .map(|r| r.get(Some(i)).trim())
                    .find(|v| !v.is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(60)
                    .collect();
                (h.trim().to_string(), sample, guesses[i])
            })
            .collect();
        Mapping { file, columns }
    }
}

/// Which column of an unknown spreadsheet fills which field, guessed from the headers.
pub(super) fn mapping_view(i18n: I18n, mapping: Mapping, importer: Importer) -> impl IntoView {
    let Mapping { file, columns } = mapping;
    let targets = StoredValue::new_local(columns.iter().map(|c| c.2).collect::<Vec<_>>());
    let no_name = RwSignal::new(false);
    let go = move |_| {
        let chosen = targets.get_value();
        let named = chosen
            .iter()
            .any(|t| matches!(t, Target::FirstName | Target::LastName | Target::FullName));
        no_name.set(!named);
        if named {
            importer.apply_mapping(i18n, file.clone(), chosen);
        }
    };
    view! {
        <h3 id="import-mapping-title">{tr!(i18n, interop.mapping_title)}</h3>
        <p>{tr!(i18n, interop.mapping_intro)}</p>
        <div class="mapping">
            {columns.into_iter().enumerate().map(|(i, (header, sample, guess))| {
                let id = format!("import-column-{i}");
                let hint = format!("import-column-{i}-hint");
                let header = if header.is_empty() { format!("{}", i + 1) } else { header };
                view! {
                    <div class="field">
                        <label for=id.clone()>{header}</label>
                        <span class="hint" id=hint.clone()>{(!sample.is_empty()).then(|| t_string!(i18n, interop.mapping_sample, value = sample.clone()).to_string())}</span>
                        <select id=id aria-describedby=hint on:change=move |ev| {
                            let t = Target::from_key(&event_target_value(&ev)).unwrap_or(Target::Ignore);
                            targets.update_value(|v| v[i] = t);
                        }>
                            {Target::ALL.iter().map(|&t| view! {
                                <option value=t.key() selected=t == guess>{target_label(i18n, t)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                }
            }).collect_view()}
        </div>
        {move || no_name.get().then(|| view! { <p class="error" role="alert">{tr!(i18n, interop.mapping_no_name)}</p> })}
        <div class="button-row">
            <button type="button" class="button" on:click=go>{tr!(i18n, interop.mapping_continue)}</button>
            <button type="button" class="button button--secondary" on:click=move |_| {
                importer.pending.set_value(None);
                importer.step.set(Step::Idle);
            }>{tr!(i18n, interop.cancel)}</button>
        </div>
    }
}
