//! Starting a plan: with whom (a contact, or someone not saved yet), from which template,
//! and to what end.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::store::use_interviews;
use crate::domain::interviews::library::entries;
use crate::domain::interviews::plan::new_plan;
use crate::domain::interviews::template::{
    builtin_lines, builtin_template, decode, instantiate, own_templates, BUILTIN_TEMPLATES,
};
use crate::domain::record::{Meta, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::contacts::picker::PersonChooser;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::library_store::use_library;
use crate::ui::title::use_page_title;

/// `/interviews/new`, optionally `?contact=ID` and `?template=ID`.
#[component]
pub fn NewInterviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let library = use_library();
    let network = use_network();
    let navigate = use_navigate();
    use_page_title(move || t_string!(i18n, interviews.new_title).to_string());
    let query = use_query_map();
    let contact = RwSignal::new(query.with_untracked(|q| q.get("contact")));
    let saved_person = RwSignal::new(true);
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let template = RwSignal::new(
        query
            .with_untracked(|q| q.get("template"))
            .unwrap_or_default(),
    );
    let goal = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let creator = Creator::new();
    let busy = creator.busy;
    let own = Memo::new(move |_| {
        library.templates.with(|t| {
            own_templates(t)
                .into_iter()
                .map(|t| (t.meta.id.clone(), t.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = i18n.lang_untracked();
        let mut plan = new_plan(Meta::new(new_id(), now()), lang);
        if saved_person.get_untracked() {
            let Some(id) = contact.get_untracked() else {
                error.set(Some(t_string!(i18n, interviews.pick_contact).to_string()));
                return;
            };
            // The id may come from the address (`?contact=`): it must name a contact.
            if network.network.with_untracked(|n| n.contact(&id).is_none()) {
                error.set(Some(
                    t_string!(i18n, interviews.contact_missing).to_string(),
                ));
                return;
            }
            plan.contact_id = Some(id);
        } else {
            let n = name.get_untracked().trim().to_string();
            if n.is_empty() {
                error.set(Some(t_string!(i18n, interviews.name_missing).to_string()));
                return;
            }
            plan.person_name = n;
            plan.person_company = company.get_untracked().trim().to_string();
        }
        error.set(None);
        let chosen = template.get_untracked();
        if let Some(t) = builtin_template(&chosen) {
            plan.items = instantiate(&builtin_lines(t), &[], lang);
            plan.duration_minutes = t.duration;
        } else if let Some(t) = library
            .templates
            .with_untracked(|all| all.iter().find(|t| t.meta.id == chosen).cloned())
        {
            let questions = library.questions.with_untracked(|q| entries(q, lang));
            plan.items = instantiate(&decode(&t.body), &questions, lang);
        }
        plan.goal = goal.get_untracked().trim().to_string();
        // The short introduction rarely changes between conversations: start from the last one.
        plan.my_intro = store.plans.with_untracked(|plans| {
            plans
                .iter()
                .filter(|p| !p.my_intro.trim().is_empty())
                .max_by_key(|p| p.meta.updated)
                .map(|p| p.my_intro.clone())
                .unwrap_or_default()
        });
        let navigate = navigate.clone();
        creator.create(plan, move |saved| {
            let id = saved.meta.id.clone();
            store.put_plan(saved);
            navigate(&format!("/interviews/{id}"), Default::default());
        });
    };
    view! {
        <h1>{tr!(i18n, interviews.new_title)}</h1>
        <p class="lead">{tr!(i18n, interviews.new_lead)}</p>
        <Show when=move || { network.loaded.get() >= Loaded::Contacts && store.loaded.get() && library.loaded.get() } fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            <form class="card stack" novalidate on:submit=submit.clone()>
                <PersonChooser id="plan" saved=saved_person contact=contact name=name company=company
                    legend=Signal::derive(move || t_string!(i18n, interviews.with_whom).to_string())
                    label=Signal::derive(move || t_string!(i18n, interviews.contact).to_string())
                    hint=Signal::derive(move || t_string!(i18n, interviews.new_person_hint).to_string()) />
                <div class="field">
                    <label for="plan-template">{tr!(i18n, interviews.start_from)}</label>
                    <select id="plan-template" on:change=move |ev| template.set(event_target_value(&ev)) prop:value=move || template.get()>
                        <option value="">{tr!(i18n, interviews.blank_plan)}</option>
                        {BUILTIN_TEMPLATES.iter().map(|t| view! {
                            <option value=t.id selected=move || template.get() == t.id>{move || t.name(i18n.lang()).to_string()}</option>
                        }).collect_view()}
                        {move || own.get().into_iter().map(|(id, name)| {
                            let value = id.clone();
                            view! { <option value=value selected=move || template.get() == id>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="plan-goal">{tr!(i18n, interviews.goal)}</label>
                    <textarea id="plan-goal" rows="3" maxlength=MAX_TEXT_CHARS aria-describedby="plan-goal-hint" prop:value=move || goal.get() on:input=move |ev| goal.set(event_target_value(&ev))></textarea>
                    <p class="hint" id="plan-goal-hint">{tr!(i18n, interviews.goal_hint)}</p>
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr!(i18n, interviews.create)}</button>
                </div>
            </form>
        </Show>
    }
}
