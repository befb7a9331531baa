//! The plan builder's form that keeps the plan's questions as a template of the user's
//! own.

use leptos::prelude::*;

use super::parts::PlanEditor;
use crate::domain::interviews::template::encode;
use crate::domain::record::{Meta, Template, TemplatePurpose, MAX_LINE_CHARS};
use crate::i18n::*;
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::feedback::use_feedback;
use crate::ui::library_store::use_library;

/// Saves the plan's questions as a named template.
#[component]
pub fn SavePlanAsTemplate(
    /// The plan being built.
    editor: PlanEditor,
) -> impl IntoView {
    let i18n = use_i18n();
    let library = use_library();
    let feedback = use_feedback();
    let template_name = RwSignal::new(String::new());
    let creator = Creator::new();
    let save_template = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = template_name.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        let body = editor
            .record
            .with_untracked(|p| p.as_ref().map(|p| encode(&p.items)).unwrap_or_default());
        let t = Template {
            meta: Meta::new(new_id(), now()),
            purpose: TemplatePurpose::Interview.into(),
            name: name.clone(),
            lang: i18n.lang_untracked().into(),
            subject: String::new(),
            body,
            message_purpose: None,
        };
        creator.create(t, move |saved| {
            library.put_template(saved);
            template_name.set(String::new());
            feedback.toast(t_string!(i18n, interviews.templates.saved, name = name).to_string());
        });
    };
    view! {
        <form class="template-save" on:submit=save_template>
            <h3>{tr!(i18n, interviews.templates.save_title)}</h3>
            <div class="field-row">
                <div class="field field--grow">
                    <label for="template-name">{tr!(i18n, interviews.templates.name)}</label>
                    <input id="template-name" type="text" maxlength=MAX_LINE_CHARS prop:value=move || template_name.get() on:input=move |ev| template_name.set(event_target_value(&ev)) />
                </div>
            </div>
            <button type="submit" class="button button--secondary" disabled=move || creator.busy.get() || template_name.with(|n| n.trim().is_empty())>{tr!(i18n, interviews.templates.save)}</button>
        </form>
    }
}
