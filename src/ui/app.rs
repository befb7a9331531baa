//! The root component: providers, router and the effects that mirror state onto the page.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::domain::code::Code;
use crate::domain::lang::Lang;
use crate::domain::theme::Theme;
use crate::i18n::*;
use crate::pwa::{self, OfflineState};
use crate::storage::prefs;
use crate::ui::contacts::store::NetworkStore;
use crate::ui::context::{AppUpdate, Preferences};
use crate::ui::data::{Data, DbState};
use crate::ui::editor::Keeper;
use crate::ui::feedback::Feedback;
use crate::ui::guard::LeaveGuard;
use crate::ui::interviews::store::InterviewStore;
use crate::ui::lazy::{screens, Lazy};
use crate::ui::library_store::LibraryStore;
use crate::ui::link::RouterBase;
use crate::ui::messages::store::OutreachStore;
use crate::ui::not_found::NotFound;
use crate::ui::shell::Shell;
use crate::ui::today::Today;

/// One chunk per module of the app; Today, the shell and the stores stay in the first
/// download, so the start screen paints from it alone. Interviews and messages share one
/// chunk (`outreach`): they share the editor, the creator and the person chooser, and as
/// two chunks they cost 21 KB gzip more in all (measured), for little gain on first use.
pub(super) mod screens {
    use crate::ui::contacts::{
        CapturePage, ContactPage, ContactsPage, DuplicatesPage, EditContactPage, GreetingsPage,
        IntroducePage, NewContactPage,
    };
    use crate::ui::insights::goal::WeekGoal;
    use crate::ui::insights::InsightsPage;
    use crate::ui::interviews::{
        ConductPage, InterviewsPage, NewInterviewPage, PlanPage, PrintPage, QuestionsPage,
        WrapUpPage,
    };
    use crate::ui::messages::{MessagePage, MessagesPage, NewMessagePage};
    use crate::ui::more::MorePage;
    use crate::ui::privacy::locking::LockControls;
    use crate::ui::privacy::unlock::UnlockPage;
    use crate::ui::settings::SettingsPage;

    super::screens!(contacts {
        contacts_list => ContactsPage,
        new_contact => NewContactPage,
        introduce => IntroducePage,
        duplicates => DuplicatesPage,
        greetings => GreetingsPage,
        contact => ContactPage,
        edit_contact => EditContactPage,
    });
    super::screens!(outreach {
        interviews_list => InterviewsPage,
        new_interview => NewInterviewPage,
        questions => QuestionsPage,
        plan => PlanPage,
        conduct => ConductPage,
        wrap_up => WrapUpPage,
        print => PrintPage,
    });
    super::screens!(outreach {
        messages_list => MessagesPage,
        new_message => NewMessagePage,
        message => MessagePage,
    });
    super::screens!(settings { settings => SettingsPage });
    // Its own chunk: at an event, the phone fetches the sheet, not the whole contacts module.
    super::screens!(capture { capture => CapturePage });
    super::screens!(more { more => MorePage });
    super::screens!(insights { insights => InsightsPage, week_goal => WeekGoal });
    // Only protected users see it: a chunk of its own.
    super::screens!(unlock { unlock => UnlockPage, lock_controls => LockControls });
}

/// The router base: the path of the document's `<base href>`, without the trailing slash,
/// so one build works at `/` and under any sub-path it was built for.
fn router_base() -> String {
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

fn browser_languages() -> Vec<String> {
    let navigator = window().navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    // The saved choice, else the browser's languages; `<html lang>` follows it below.
    let i18n = I18n::provide(Lang::choose(prefs::load_lang(), &browser_languages()));

    let preferences = Preferences {
        theme: RwSignal::new(prefs::load_theme()),
        reminder_days: RwSignal::new(prefs::load_reminder_days()),
        reminder_dismissed: RwSignal::new(prefs::load_reminder_dismissed()),
    };
    provide_context(preferences);
    Feedback::provide(i18n);
    Data::provide();
    NetworkStore::provide();
    Keeper::provide();
    InterviewStore::provide();
    LibraryStore::provide();
    OutreachStore::provide();
    LeaveGuard::provide(i18n);

    let update = AppUpdate {
        offline: RwSignal::new(OfflineState::Pending),
        update_ready: RwSignal::new(false),
    };
    provide_context(update);
    leptos::task::spawn_local(async move {
        // Not part of the first render's task: registering is not needed to paint.
        crate::ui::idle::yield_to_browser().await;
        let state = pwa::register(move || update.update_ready.set(true)).await;
        update.offline.set(state);
    });

    Effect::new(move |_| {
        let root = document().document_element();
        if let Some(root) = root {
            let _ = root.set_attribute("lang", i18n.lang().key());
            match preferences.theme.get() {
                Theme::System => root.remove_attribute("data-theme").unwrap_or_default(),
                theme => root
                    .set_attribute("data-theme", theme.key())
                    .unwrap_or_default(),
            }
        }
    });

    // The installed app's badge: promises and follow-ups due today or overdue.
    let network = crate::ui::contacts::store::use_network();
    Effect::new(move |_| {
        if network.loaded.get() == crate::ui::contacts::store::Loaded::All {
            let today = network.clock.get().today;
            pwa::set_app_badge(network.network.with(|n| n.follow_ups_due(today)));
        }
    });

    let base = router_base();
    provide_context(RouterBase(base.clone()));

    // The shell paints in the first task and the screen in the next: the code each runs is
    // compiled on first use, and together they blocked a phone's main thread for well over
    // 50 ms. The loading bar stays until the screen is there.
    let screen_due = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::ui::idle::yield_to_browser().await;
        screen_due.set(true);
    });

    let data = crate::ui::data::use_data();
    let locked = move || matches!(data.state.get(), DbState::Locked | DbState::Locking);
    view! {
        <Show when=move || !locked() fallback=move || view! { <LockedScreen /> }>
        <Router base=base.clone()>
            <Shell>
                <Show when=move || screen_due.get() fallback=|| view! { <div class="lazy-loading" aria-hidden="true"><span class="boot__bar"></span></div> }>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Today />
                    <Route path=path!("/contacts") view=|| view! { <Lazy load=screens::contacts_list /> } />
                    <Route path=path!("/contacts/new") view=|| view! { <Lazy load=screens::new_contact /> } />
                    <Route path=path!("/contacts/capture") view=|| view! { <Lazy load=screens::capture /> } />
                    <Route path=path!("/contacts/introduce") view=|| view! { <Lazy load=screens::introduce /> } />
                    <Route path=path!("/contacts/duplicates") view=|| view! { <Lazy load=screens::duplicates /> } />
                    <Route path=path!("/contacts/greetings") view=|| view! { <Lazy load=screens::greetings /> } />
                    <Route path=path!("/contacts/:id") view=|| view! { <Lazy load=screens::contact /> } />
                    <Route path=path!("/contacts/:id/edit") view=|| view! { <Lazy load=screens::edit_contact /> } />
                    <Route path=path!("/interviews") view=|| view! { <Lazy load=screens::interviews_list /> } />
                    <Route path=path!("/interviews/new") view=|| view! { <Lazy load=screens::new_interview /> } />
                    <Route path=path!("/interviews/questions") view=|| view! { <Lazy load=screens::questions /> } />
                    <Route path=path!("/interviews/:id") view=|| view! { <Lazy load=screens::plan /> } />
                    <Route path=path!("/interviews/:id/conduct") view=|| view! { <Lazy load=screens::conduct /> } />
                    <Route path=path!("/interviews/:id/wrap-up") view=|| view! { <Lazy load=screens::wrap_up /> } />
                    <Route path=path!("/interviews/:id/print") view=|| view! { <Lazy load=screens::print /> } />
                    <Route path=path!("/messages") view=|| view! { <Lazy load=screens::messages_list /> } />
                    <Route path=path!("/messages/new") view=|| view! { <Lazy load=screens::new_message /> } />
                    <Route path=path!("/messages/:id") view=|| view! { <Lazy load=screens::message /> } />
                    <Route path=path!("/insights") view=|| view! { <Lazy load=screens::insights /> } />
                    <Route path=path!("/settings") view=|| view! { <Lazy load=screens::settings /> } />
                    <Route path=path!("/more") view=|| view! { <Lazy load=screens::more /> } />
                </Routes>
                </Show>
            </Shell>
        </Router>
        </Show>
    }
}

/// Instead of the app while locked: the unlock screen, or a moment of "Locking…" before
/// the page reloads.
#[component]
fn LockedScreen() -> impl IntoView {
    let i18n = use_i18n();
    let data = crate::ui::data::use_data();
    move || match data.state.get() {
        DbState::Locking => view! {
            <main class="unlock" id="main">
                <div class="unlock__box" role="status">
                    <span class="boot__bar"></span>
                    <p>{tr!(i18n, privacy.locking)}</p>
                </div>
            </main>
        }
        .into_any(),
        _ => view! { <Lazy load=screens::unlock /> }.into_any(),
    }
}
