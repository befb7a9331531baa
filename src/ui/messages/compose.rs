//! Composing a message: the text with live automatic checks and the manual ones, the
//! summary ("7 of 17 checks met"), and the actions: copy, open in the mail program, mark
//! as sent (which logs it and starts the 3B7 reminders) and record the answer.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::actions::{copy_message, mailto_link, mark_sent, Actions};
use super::checks_panel::ChecksPanel;
use super::compose_text::{ChoiceFields, MessageText, SaveAsTemplate, TemplateChoice};
use super::parts::{channel_label, check_context, purpose_label, recipient_name, status_label};
use super::store::use_outreach;
use crate::domain::lang::Lang;
use crate::domain::messages::checks::{failing, run, Draft};
use crate::domain::messages::model::{Channel, Purpose, Status};
use crate::domain::record::Message;
use crate::i18n::*;
use crate::ui::common::select::coded_label;
use crate::ui::editor::{Editor, SaveStatus, WhenFound};
use crate::ui::feedback::use_feedback;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// The compose screen's working copy of the message.
pub type MessageEditor = Editor<Message>;

/// `/messages/:id`.
#[component]
pub fn MessagePage() -> impl IntoView {
    let i18n = use_i18n();
    let outreach = use_outreach();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let editor: MessageEditor = Editor::new(
        id,
        move |id| outreach.message(id),
        move |m| outreach.put_message(m),
    );
    let has = Memo::new(move |_| editor.record.with(Option::is_some));
    let name = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(recipient_name))
            .unwrap_or_default()
    });
    use_page_title(move || t_string!(i18n, messages.compose_title, name = name.get()).to_string());
    view! {
        <WhenFound loaded=outreach.loaded found=has back_href=use_app_path()("/messages")
            missing=move || t_string!(i18n, messages.not_found).to_string()
            back_text=tr!(i18n, messages.title)>
            <Compose editor=editor name=name />
        </WhenFound>
    }
}

/// What waits for confirmation because checks fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// Copy the text to the clipboard.
    Copy,
    /// Open it in the mail program.
    Mail,
    /// Mark it as sent.
    Send,
}

#[component]
fn Compose(editor: MessageEditor, name: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let _feedback = use_feedback();
    let Some(_m) = editor.shown() else {
        return ().into_any();
    };
    let channel = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(|m| m.channel.or(Channel::Email)))
            .unwrap_or(Channel::Email)
    });
    let purpose = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().map(|m| m.purpose.or(Purpose::Interview)))
            .unwrap_or(Purpose::Interview)
    });
    let lang = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.lang.known()))
            .unwrap_or_default()
    });
    // `None` for a status this version does not know: not a draft, so the text stays as
    // it is, and no action of this version's outreach steps applies.
    let status = Memo::new(move |_| {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.status.known()))
    });
    let is_draft = Memo::new(move |_| status.get() == Some(Status::Draft));
    let draft = move || is_draft.get();
    let outcomes = Memo::new(move |_| {
        editor.record.with(|m| {
            m.as_ref()
                .map(|m| {
                    let ctx = check_context(m);
                    run(
                        &Draft {
                            channel: m.channel.or(Channel::Email),
                            purpose: m.purpose.or(Purpose::Interview),
                            lang: m.lang.or(Lang::default()),
                            body: &m.body,
                        },
                        &ctx,
                    )
                })
                .unwrap_or_default()
        })
    });
    let pending = RwSignal::new(None::<Act>);
    let copy_now = copy_message(editor);
    let mailto = mailto_link(editor);
    let open_mail = move || {
        if let Some(url) = mailto.get_untracked() {
            let _ = window().location().set_href(&url);
        }
    };
    let send = mark_sent(editor);
    let act = move |a: Act, confirmed: bool| {
        if !confirmed && outcomes.with_untracked(|o| !failing(o).is_empty()) {
            pending.set(Some(a));
            return;
        }
        pending.set(None);
        match a {
            Act::Copy => copy_now(),
            Act::Mail => open_mail(),
            Act::Send => send(),
        }
    };
    let link_path = app_path.clone();
    let contact_link = move || {
        editor
            .record
            .with(|m| m.as_ref().and_then(|m| m.contact_id.clone()))
            .map(|c| link_path(&format!("/contacts/{c}")))
    };
    view! {
        <p class="breadcrumb"><a href=app_path("/messages")>{tr!(i18n, messages.title)}</a></p>
        <h1>{move || t_string!(i18n, messages.compose_title, name = name.get()).to_string()}
            <span class="h1-sub">{move || format!("{} · {} · {}", purpose_label(i18n, purpose.get()), channel_label(i18n, channel.get()), editor.part(|m| coded_label(i18n, &m.status, status_label)).unwrap_or_default())}</span>
        </h1>
        <SaveStatus editor=editor />
        <div class="compose">
            <div class="compose__main">
                <section class="card" aria-labelledby="compose-text-h">
                    <h2 id="compose-text-h">{tr!(i18n, messages.text)}</h2>
                    <ChoiceFields editor draft=is_draft.into() lang />
                    {move || draft().then(|| view! { <TemplateChoice editor purpose /> })}
                    <MessageText editor draft=is_draft.into() channel />
                    <SaveAsTemplate editor=editor />
                </section>
                <Actions editor=editor status=status pending=pending act=Callback::new(move |(a, c): (Act, bool)| act(a, c)) outcomes=outcomes mailto=mailto channel=channel contact_link=Signal::derive(contact_link) />
            </div>
            <ChecksPanel editor outcomes purpose />
        </div>
    }
    .into_any()
}
