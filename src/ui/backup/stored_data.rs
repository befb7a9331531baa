//! What is stored, kind by kind, and "delete all".

use leptos::prelude::*;

use crate::domain::code::Code;
use crate::domain::format;
use crate::domain::record::Kind;
use crate::i18n::*;
use crate::ui::data::use_data;
use crate::ui::feedback::{use_feedback, AppError};

use super::kind_label;

/// The overview of stored data, and "delete all".
#[component]
pub fn DataSection() -> impl IntoView {
    let i18n = use_i18n();
    let data = use_data();
    let feedback = use_feedback();
    let counts = LocalResource::new(move || {
        data.revision.track();
        let db = data.db();
        async move { db?.counts().await }
    });
    let confirming = RwSignal::new(false);
    let wipe = move |_| {
        let Ok(db) = data
            .db()
            .map_err(|e| feedback.error(AppError::ActionFailed(e)))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            match db.wipe().await {
                Ok(()) => {
                    confirming.set(false);
                    data.replaced();
                    feedback.toast(t_string!(i18n, settings.data.wiped));
                }
                Err(e) => feedback.error(AppError::ActionFailed(e)),
            }
        });
    };
    let lang = use_lang();
    let list = move || {
        counts.get().map(|result| match result {
            Ok((counts, profile)) => view! {
                <dl class="facts facts--counts">
                    {Kind::ALL
                        .iter()
                        .map(|&kind| {
                            let n = counts.get(&kind).copied().unwrap_or(0);
                            view! {
                                <dt>{move || kind_label(i18n, kind)}</dt>
                                <dd>{move || format::integer(i64::from(n), lang())}</dd>
                            }
                        })
                        .collect_view()}
                    <dt>{tr!(i18n, settings.data.profile)}</dt>
                    <dd>
                        {move || if profile {
                            t_string!(i18n, settings.data.profile_saved)
                        } else {
                            t_string!(i18n, settings.data.profile_none)
                        }}
                    </dd>
                </dl>
            }
            .into_any(),
            Err(e) => view! {
                <p class="error">{crate::ui::feedback::storage_error_text(i18n, &e)}</p>
            }
            .into_any(),
        })
    };
    view! {
        <section class="card" aria-labelledby="settings-data">
            <h2 id="settings-data">{tr!(i18n, settings.data.title)}</h2>
            <p>{tr!(i18n, settings.data.intro)}</p>
            <Suspense fallback=move || view! { <p class="muted">{tr!(i18n, settings.data.loading)}</p> }>
                {list}
            </Suspense>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <div class="button-row">
                        <button
                            type="button"
                            class="button button--danger"
                            disabled=move || !data.ready()
                            on:click=move |_| confirming.set(true)
                        >
                            {tr!(i18n, settings.data.wipe)}
                        </button>
                    </div>
                }
            >
                <div class="confirm" role="group" aria-labelledby="wipe-title">
                    <h3 id="wipe-title">{tr!(i18n, settings.data.wipe_title)}</h3>
                    <p>{tr!(i18n, settings.data.wipe_text)}</p>
                    <div class="button-row">
                        <button type="button" class="button button--danger" on:click=wipe>
                            {tr!(i18n, settings.data.wipe_yes)}
                        </button>
                        <button
                            type="button"
                            class="button button--secondary"
                            on:click=move |_| confirming.set(false)
                        >
                            {tr!(i18n, settings.data.cancel)}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
