//! The message's own parts on the compose screen: channel, purpose, language and form of
//! address, the template to start from, the text with its counts, and keeping it as a
//! template.

use leptos::prelude::*;

use super::compose::MessageEditor;
use super::parts::{
    address_name, channel_label, own_message_templates, purpose_label, template_text,
    template_values,
};
use super::store::use_outreach;
use super::template_select::OwnTemplateSelect;
use crate::domain::lang::Lang;
use crate::domain::messages::model::{Address, Channel, Purpose};
use crate::domain::messages::own::template_from;
use crate::domain::messages::templates::unfilled;
use crate::domain::record::{Meta, MAX_LINE_CHARS, MAX_TEXT_CHARS};
use crate::i18n::*;
use crate::ui::common::select::lang_name;
use crate::ui::common::select::EnumSelect;
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::feedback::use_feedback;
use crate::ui::library_store::use_library;

/// Channel, purpose, language and (for German) form of address; fixed once sent.
#[component]
pub fn ChoiceFields(editor: MessageEditor, draft: Signal<bool>, lang: Memo<Lang>) -> impl IntoView {
    let i18n = use_i18n();
    // Fixed once sent.
    let locked = Signal::derive(move || !draft.get());
    view! {
        <div class="field-row">
            <div class="field">
                <label for="compose-channel">{tr!(i18n, messages.channel_label)}</label>
                <EnumSelect id="compose-channel" disabled=locked label=channel_label
                    value={move || editor.part(|m| m.channel.clone())}
                    on_pick={move |c: Option<Channel>| if let Some(c) = c { editor.edit(|m| m.channel = c.into()) }} />
            </div>
            <div class="field">
                <label for="compose-purpose">{tr!(i18n, messages.purpose_label)}</label>
                <EnumSelect id="compose-purpose" disabled=locked label=purpose_label
                    value={move || editor.part(|m| m.purpose.clone())}
                    on_pick={move |p: Option<Purpose>| if let Some(p) = p { editor.edit(|m| m.purpose = p.into()) }} />
            </div>
        </div>
        <div class="field-row">
            <div class="field">
                <label for="compose-lang">{tr!(i18n, messages.language)}</label>
                <EnumSelect id="compose-lang" disabled=locked label=lang_name
                    value={move || editor.part(|m| m.lang.clone())}
                    on_pick={move |l: Option<Lang>| if let Some(l) = l { editor.edit(|m| m.lang = l.into()) }} />
            </div>
            {move || (lang.get() == Lang::De).then(|| view! {
                <div class="field">
                    <label for="compose-address">{tr!(i18n, messages.address)}</label>
                    <EnumSelect id="compose-address" disabled=locked label=address_name
                        value={move || editor.part(|m| m.address.clone())}
                        on_pick={move |a: Option<Address>| if let Some(a) = a { editor.edit(|m| m.address = a.into()) }} />
                </div>
            })}
        </div>
    }
}

/// The user's own templates for the message's purpose (when there are any) and "Replace"
/// with the chosen one or the built-in suggestion, which can be undone.
#[component]
pub fn TemplateChoice(editor: MessageEditor, purpose: Memo<Purpose>) -> impl IntoView {
    let i18n = use_i18n();
    let feedback = use_feedback();
    // Which template "Replace" uses: empty for the built-in suggestion, else an own one.
    let template = RwSignal::new(String::new());
    let templates = Memo::new(move |_| own_message_templates(purpose.get()));
    let has_own = Memo::new(move |_| templates.with(|t| !t.is_empty()));
    let apply_template = move |_| {
        let Some(current) = editor.record.get_untracked() else {
            return;
        };
        let choice = template.get_untracked();
        let Some((subject, body)) = template_text(&choice, &current) else {
            return;
        };
        let old = (
            current.subject.clone(),
            current.body.clone(),
            current.template_id.clone(),
        );
        editor.edit(|m| {
            m.body = body;
            if m.channel.or(Channel::Email).has_subject() {
                m.subject = subject;
            }
            // The text now comes from this template (none: the built-in suggestion).
            m.template_id = (!choice.is_empty()).then_some(choice);
        });
        feedback.offer_undo(
            t_string!(i18n, messages.template_applied).to_string(),
            move || {
                let (s, b, t) = old.clone();
                editor.edit(|m| {
                    m.subject = s;
                    m.body = b;
                    m.template_id = t;
                });
            },
        );
    };
    view! {
        <div class="field-row field-row--end">
            {move || has_own.get().then(|| view! {
                <div class="field">
                    <label for="compose-template">{tr!(i18n, messages.template_label)}</label>
                    <OwnTemplateSelect id="compose-template" templates chosen=template />
                </div>
            })}
            <button type="button" class="button button--secondary" on:click=apply_template>{tr!(i18n, messages.use_template)}</button>
        </div>
    }
}

/// Subject (for e-mail) and text, with the word and character count and the placeholders
/// still to fill.
#[component]
pub fn MessageText(
    editor: MessageEditor,
    draft: Signal<bool>,
    channel: Memo<Channel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft = move || draft.get();
    let open_placeholders = Memo::new(move |_| {
        editor.record.with(|m| {
            m.as_ref()
                .map(|m| {
                    let mut list = unfilled(&m.subject);
                    for p in unfilled(&m.body) {
                        if !list.contains(&p) {
                            list.push(p);
                        }
                    }
                    list
                })
                .unwrap_or_default()
        })
    });
    let words = Memo::new(move |_| {
        editor
            .record
            .with(|m| {
                m.as_ref().map(|m| {
                    (
                        crate::domain::messages::words::word_count(&m.body),
                        m.body.trim().chars().count(),
                    )
                })
            })
            .unwrap_or((0, 0))
    });
    view! {
        {move || channel.get().has_subject().then(|| view! {
            <div class="field">
                <label for="compose-subject">{tr!(i18n, messages.subject)}</label>
                <input id="compose-subject" type="text" maxlength=MAX_LINE_CHARS readonly=move || !draft() prop:value=move || editor.part(|m| m.subject.clone()).unwrap_or_default() on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|m| m.subject = v) } />
            </div>
        })}
        <div class="field">
            <label for="compose-body">{tr!(i18n, messages.body)}</label>
            <textarea id="compose-body" rows="12" maxlength=MAX_TEXT_CHARS readonly=move || !draft() aria-describedby="compose-count"
                prop:value=move || editor.part(|m| m.body.clone()).unwrap_or_default() on:input=move |ev| { let v = event_target_value(&ev); editor.edit(|m| m.body = v) }></textarea>
            <p class="hint" id="compose-count">{move || {
                let (w, c) = words.get();
                match channel.get().char_limit(use_outreach().premium.get()) {
                    Some(limit) => t_string!(i18n, messages.count_limit, words = w, chars = c, limit = limit).to_string(),
                    None => t_string!(i18n, messages.count, words = w, chars = c).to_string(),
                }
            }}</p>
        </div>
        {move || (!open_placeholders.with(Vec::is_empty)).then(|| view! {
            <p class="banner banner--warn" role="status">{t!(i18n, messages.unfilled, names = open_placeholders.get().iter().map(|p| format!("{{{p}}}")).collect::<Vec<_>>().join(", "))}</p>
        })}
    }
}

/// Keeps a message that worked as one of the user's templates, with this recipient's
/// details turned back into placeholders.
#[component]
pub fn SaveAsTemplate(editor: MessageEditor) -> impl IntoView {
    let i18n = use_i18n();
    let library = use_library();
    let feedback = use_feedback();
    let creator = Creator::new();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(m) = editor.record.get_untracked() else {
            return;
        };
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(
                t_string!(i18n, messages.template_name_missing).to_string(),
            ));
            return;
        }
        error.set(None);
        let t = template_from(Meta::new(new_id(), now()), &n, &m, &template_values(&m));
        creator.create(t, move |saved| {
            let shown = saved.name.clone();
            library.put_template(saved);
            name.set(String::new());
            feedback.toast(t_string!(i18n, messages.template_saved, name = shown).to_string());
        });
    };
    view! {
        <details class="save-template">
            <summary>{tr!(i18n, messages.save_template_title)}</summary>
            <form class="stack" novalidate on:submit=save>
                <p class="hint" id="template-name-hint">{tr!(i18n, messages.save_template_hint)}</p>
                <div class="field">
                    <label for="template-name">{tr!(i18n, messages.template_name)}</label>
                    <input id="template-name" type="text" maxlength=MAX_LINE_CHARS aria-describedby="template-name-hint"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="button button--secondary" disabled=move || creator.busy.get()>{tr!(i18n, messages.save_template)}</button>
            </form>
        </details>
    }
}
