//! Storage and mounting, tested in headless Chromium (wasm-bindgen-test).
//! Run with `make test-wasm`; each test starts from cleared storage.
#![cfg(target_arch = "wasm32")]

use gloo_storage::{LocalStorage, Storage};
use netzweber::domain::lang::Lang;
use netzweber::domain::profile::Profile;
use netzweber::domain::theme::Theme;
use netzweber::storage::{estimate, prefs};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;

use support::sleep;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh() {
    LocalStorage::clear();
}

#[wasm_bindgen_test]
fn nothing_saved_means_defaults() {
    fresh();
    assert_eq!(prefs::load_lang(), None);
    assert_eq!(prefs::load_theme(), Theme::System);
    assert_eq!(prefs::load_legacy_profile(), None);
}

#[wasm_bindgen_test]
fn preferences_round_trip_through_local_storage() {
    fresh();
    prefs::save_lang(Lang::De).unwrap();
    prefs::save_theme(Theme::Dark).unwrap();
    let profile = Profile {
        name: "Zoë Ünal 👩‍💻".into(),
        headline: "مرحبا <b>bold</b>".into(),
        email: "zoe@example.com".into(),
        phone: "+49 30 1234567".into(),
        profile_url: "https://www.xing.com/profile/Zoe_Uenal".into(),
        target_field: "UX-Forschung, Nutzerforschung".into(),
        former_field: "Öffentlicher Dienst".into(),
    };
    prefs::save_legacy_profile(&profile).unwrap();
    assert_eq!(prefs::load_lang(), Some(Lang::De));
    assert_eq!(prefs::load_theme(), Theme::Dark);
    assert_eq!(prefs::load_legacy_profile(), Some(profile));
    // Stored under documented, namespaced keys.
    assert_eq!(
        LocalStorage::raw()
            .get_item(prefs::LANG_KEY)
            .unwrap()
            .as_deref(),
        Some("\"de\"")
    );
}

#[wasm_bindgen_test]
fn unreadable_values_fall_back_instead_of_crashing() {
    fresh();
    let raw = LocalStorage::raw();
    raw.set_item(prefs::THEME_KEY, "{not json").unwrap();
    raw.set_item(prefs::LANG_KEY, "\"klingon\"").unwrap();
    raw.set_item(prefs::LEGACY_PROFILE_KEY, "[1,2,3]").unwrap();
    assert_eq!(prefs::load_theme(), Theme::System);
    assert_eq!(prefs::load_lang(), None);
    assert_eq!(prefs::load_legacy_profile(), None);
    assert_eq!(prefs::load_reminder_days(), Some(14));
}

#[wasm_bindgen_test]
async fn storage_status_reports_usage_and_quota() {
    let status = estimate::storage_status().await;
    assert!(status.quota.is_some_and(|q| q > 0), "{status:?}");
    assert!(status.usage.is_some(), "{status:?}");
    assert!(status.persisted.is_some(), "{status:?}");
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_its_shell() {
    fresh();
    prefs::save_lang(Lang::En).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), netzweber::ui::App);
    sleep(50).await;
    let main = host.query_selector("main#main").unwrap();
    assert!(main.is_some(), "no main landmark");
    let nav = host
        .query_selector("nav")
        .unwrap()
        .expect("no navigation")
        .text_content()
        .unwrap_or_default();
    assert!(nav.contains("Settings"), "{nav}");
    let footer = host
        .query_selector("footer")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(footer.contains("stays on this device"), "{footer}");
    assert_eq!(
        document
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    drop(handle);
}

#[wasm_bindgen_test]
fn the_weekly_goal_is_kept_and_no_goal_leaves_no_entry() {
    use netzweber::domain::insights::goal::{WeeklyGoal, MAX_PER_WEEK};
    fresh();
    assert!(!prefs::weekly_goal_set());
    assert!(prefs::load_weekly_goal().is_off());
    let goal = WeeklyGoal {
        messages: 3,
        conversations: 2,
        interviews: 0,
    };
    prefs::save_weekly_goal(goal).unwrap();
    assert!(prefs::weekly_goal_set());
    assert_eq!(prefs::load_weekly_goal(), goal);
    // A value written elsewhere is held to the limit.
    LocalStorage::set(
        prefs::WEEKLY_GOAL_KEY,
        serde_json::json!({"messages": 9999}),
    )
    .unwrap();
    assert_eq!(prefs::load_weekly_goal().messages, MAX_PER_WEEK);
    prefs::save_weekly_goal(WeeklyGoal::default()).unwrap();
    assert!(!prefs::weekly_goal_set());
}
