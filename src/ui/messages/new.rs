//! Starting a message: to whom, on which channel, why, and in which language and form of
//! address; the draft starts from the matching template, filled in.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::parts::{
    address_name, channel_label, own_message_templates, purpose_label, template_text,
};
use super::store::use_outreach;
use super::template_select::OwnTemplateSelect;
use crate::domain::code::Code;
use crate::domain::code::Coded;
use crate::domain::lang::Lang;
use crate::domain::messages::model::{Address, Channel, Purpose};
use crate::domain::messages::start::{draft, Start, StartError, To};
use crate::domain::record::{Meta, TemplatePurpose};
use crate::i18n::*;
use crate::ui::common::select::lang_name;
use crate::ui::common::select::{EnumRadios, EnumSelect};
use crate::ui::contacts::picker::PersonChooser;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::{new_id, now};
use crate::ui::editor::Creator;
use crate::ui::library_store::use_library;
use crate::ui::title::use_page_title;

/// `/messages/new`, optionally `?contact=ID&purpose=KEY&template=ID`.
#[component]
pub fn NewMessagePage() -> impl IntoView {
    let i18n = use_i18n();
    let network = use_network();
    let outreach = use_outreach();
    let navigate = use_navigate();
    use_page_title(move || t_string!(i18n, messages.new_title).to_string());
    let query = use_query_map();
    let contact = RwSignal::new(query.with_untracked(|q| q.get("contact")));
    let saved_person = RwSignal::new(true);
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let choices = Choices::new(contact);
    let Choices {
        template,
        purpose,
        purpose_picked,
        channel,
        lang,
        lang_picked,
        address,
        ..
    } = choices;
    let library = use_library();
    let templates = Memo::new(move |_| own_message_templates(purpose.get()));
    let has_own = Memo::new(move |_| templates.with(|t| !t.is_empty()));
    let error = RwSignal::new(None::<String>);
    let creator = Creator::new();
    let busy = creator.busy;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let start = Start {
            channel: channel.get_untracked(),
            purpose: purpose.get_untracked(),
            lang: lang.get_untracked(),
            address: address.get_untracked(),
        };
        let (id, name, company) = (
            contact.get_untracked(),
            name.get_untracked(),
            company.get_untracked(),
        );
        let to = match (saved_person.get_untracked(), id.as_deref()) {
            (true, Some(id)) => To::Contact(id),
            (true, None) => {
                error.set(Some(t_string!(i18n, messages.pick_contact).to_string()));
                return;
            }
            (false, _) => To::NewPerson {
                name: &name,
                company: &company,
            },
        };
        // The id may come from the address (`?contact=`): it must name a contact.
        let is_contact = |id: &str| network.network.with_untracked(|n| n.contact(id).is_some());
        let mut m = match draft(Meta::new(new_id(), now()), start, to, is_contact) {
            Ok(m) => m,
            Err(StartError::NoSuchContact) => {
                error.set(Some(t_string!(i18n, messages.contact_missing).to_string()));
                return;
            }
            Err(StartError::NameMissing) => {
                error.set(Some(t_string!(i18n, messages.name_missing).to_string()));
                return;
            }
        };
        error.set(None);
        let choice = template.get_untracked();
        if let Some((subject, body)) = template_text(&choice, &m) {
            m.subject = subject;
            m.body = body;
            // Remembered so that Insights can tell how the user's templates do.
            m.template_id = (!choice.is_empty()).then_some(choice);
        }
        let navigate = navigate.clone();
        creator.create(m, move |saved| {
            let id = saved.meta.id.clone();
            outreach.put_message(saved);
            navigate(&format!("/messages/{id}"), Default::default());
        });
    };
    view! {
        <h1>{tr!(i18n, messages.new_title)}</h1>
        <p class="lead">{tr!(i18n, messages.new_lead)}</p>
        <Show when=move || { network.loaded.get() >= Loaded::Contacts && outreach.loaded.get() && library.loaded.get() } fallback=move || view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }>
            <form class="card stack" novalidate on:submit=submit.clone()>
                <PersonChooser id="msg" saved=saved_person contact=contact name=name company=company
                    legend=Signal::derive(move || t_string!(i18n, messages.to_whom).to_string())
                    label=Signal::derive(move || t_string!(i18n, messages.recipient).to_string())
                    hint=Signal::derive(move || t_string!(i18n, messages.new_person_hint).to_string()) />
                <StartChoices choices />
                // Only the user's own templates make this a choice.
                {move || has_own.get().then(|| view! {
                    <div class="field">
                        <label for="msg-template">{tr!(i18n, messages.start_from)}</label>
                        // A template of the user's brings its own language and purpose.
                        <OwnTemplateSelect id="msg-template" templates chosen=template
                            on_pick=move || { lang_picked.set(None); purpose_picked.set(None); } />
                    </div>
                })}
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="button-row">
                    <button type="submit" class="button" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>{tr!(i18n, messages.create)}</button>
                </div>
            </form>
        </Show>
    }
}

/// Purpose, channel, language and (for German) form of address of the new message: what
/// the user picked, else what the template, the contact and the app's language suggest.
#[component]
fn StartChoices(choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let Choices {
        purpose,
        purpose_picked,
        channel,
        channel_picked,
        lang,
        lang_picked,
        address,
        ..
    } = choices;
    view! {
        <div class="field-row">
            <div class="field">
                <label for="msg-purpose">{tr!(i18n, messages.purpose_label)}</label>
                <EnumSelect id="msg-purpose" label=purpose_label
                    value={move || Some(purpose.get().into())}
                    on_pick={move |p: Option<Purpose>| if p.is_some() { purpose_picked.set(p) }} />
            </div>
            <div class="field">
                <label for="msg-channel">{tr!(i18n, messages.channel_label)}</label>
                <EnumSelect id="msg-channel" label=channel_label
                    value={move || Some(channel.get().into())}
                    on_pick={move |c: Option<Channel>| if c.is_some() { channel_picked.set(c) }} />
            </div>
        </div>
        <div class="field-row">
            <div class="field">
                <label for="msg-lang">{tr!(i18n, messages.language)}</label>
                <EnumSelect id="msg-lang" label=lang_name
                    value={move || Some(lang.get().into())}
                    on_pick={move |l: Option<Lang>| if l.is_some() { lang_picked.set(l) }} />
            </div>
            {move || (lang.get() == Lang::De).then(|| view! {
                <EnumRadios name="address" class="choices field" legend=move || t_string!(i18n, messages.address)
                    label=address_name value={move || address.get()} on_pick=move |a| address.set(a) />
            })}
        </div>
    }
}

/// The new message's choices: what the user picked; until then what the template (from the
/// address or chosen), the contact and the app's language suggest.
#[derive(Clone, Copy)]
struct Choices {
    /// The chosen template's id; empty for the built-in suggestion.
    template: RwSignal<String>,
    purpose_picked: RwSignal<Option<Purpose>>,
    channel_picked: RwSignal<Option<Channel>>,
    lang_picked: RwSignal<Option<Lang>>,
    purpose: Memo<Purpose>,
    channel: Memo<Channel>,
    lang: Memo<Lang>,
    address: RwSignal<Address>,
}

impl Choices {
    /// Choices for a message to `contact`, starting from the address's `purpose` and
    /// `template`.
    fn new(contact: RwSignal<Option<String>>) -> Self {
        let i18n = use_i18n();
        let network = use_network();
        let library = use_library();
        let query = use_query_map();
        let template = RwSignal::new(
            query
                .with_untracked(|q| q.get("template"))
                .unwrap_or_default(),
        );
        let purpose_picked = RwSignal::new(
            query
                .with_untracked(|q| q.get("purpose"))
                .and_then(|p| Purpose::from_key(&p)),
        );
        let channel_picked = RwSignal::new(None::<Channel>);
        let lang_picked = RwSignal::new(None::<Lang>);
        let own = Memo::new(move |_| {
            let id = template.get();
            library.templates.with(|all| {
                all.iter()
                    .find(|t| {
                        !id.is_empty() && t.meta.id == id && t.purpose.is(TemplatePurpose::Message)
                    })
                    .cloned()
            })
        });
        let purpose = Memo::new(move |_| {
            purpose_picked.get().unwrap_or_else(|| {
                own.with(|t| {
                    t.as_ref()
                        .and_then(|t| t.message_purpose.as_ref())
                        .and_then(Coded::known)
                })
                .unwrap_or(Purpose::Interview)
            })
        });
        // A contact's preferred channel decides the default, else e-mail.
        let channel = Memo::new(move |_| {
            channel_picked.get().unwrap_or_else(|| {
                let preferred = contact.get().and_then(|id| {
                    network.network.with(|n| {
                        n.contact(&id)
                            .and_then(|c| c.preferred_channel.as_ref())
                            .and_then(Coded::known)
                    })
                });
                Channel::for_preferred(preferred)
            })
        });
        let lang = Memo::new(move |_| {
            lang_picked.get().unwrap_or_else(|| {
                own.with(|t| t.as_ref().and_then(|t| t.lang.known()))
                    .unwrap_or_else(|| i18n.lang())
            })
        });
        let address = RwSignal::new(Address::Sie);
        Choices {
            template,
            purpose_picked,
            channel_picked,
            lang_picked,
            purpose,
            channel,
            lang,
            address,
        }
    }
}
