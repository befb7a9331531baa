//! Screens and actions that arrive in their own wasm chunk on first use (issue 12; how
//! the split works is in [`crate::split`]).

use std::future::Future;
use std::pin::Pin;

pub(crate) use crate::split::{split_point, SplitLoaderError};
use leptos::prelude::*;

use crate::i18n::*;

/// A screen of a chunk: called once the chunk is there, it builds the screen's view.
pub type Screen = fn() -> AnyView;

/// Fetches a screen's chunk (at once if it is there) and hands out the screen. One type
/// for all screens, so that [`Lazy`] is compiled once rather than once per route.
pub type Loader = fn() -> Pin<Box<dyn Future<Output = Result<Screen, SplitLoaderError>>>>;

/// Declares a [`Loader`] per screen: `screens!(group { name => Component, … })`.
macro_rules! screens {
    ($group:ident { $($name:ident => $component:ident),* $(,)? }) => {
        $(
            pub fn $name() -> ::std::pin::Pin<Box<dyn ::std::future::Future<
                Output = Result<$crate::ui::lazy::Screen, $crate::ui::lazy::SplitLoaderError>,
            >>> {
                // Named as the screen: the splitter's link names derive from the name.
                $crate::split::split_point!($group, fn $name() -> $crate::ui::lazy::Screen {
                    || ::leptos::prelude::IntoAny::into_any(::leptos::prelude::view! { <$component /> })
                });
                Box::pin($name())
            }
        )*
    };
}
pub(crate) use screens;

/// A part of a screen that arrives with a chunk (Today's weekly goal): nothing until the
/// chunk is there. Unlike a screen it shows nothing when the chunk cannot come (offline
/// before it was cached): the screen around it works without it, and the next visit tries
/// again.
#[component]
pub fn LazyPart(load: Loader) -> impl IntoView {
    let part = RwSignal::new(None::<Screen>);
    leptos::task::spawn_local(async move {
        if let Ok(screen) = load().await {
            part.try_set(Some(screen));
        }
    });
    move || part.get().map(|screen| screen())
}

thread_local! {
    /// The loaders whose screen has been shown once (by address: one per screen).
    static SHOWN: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[derive(Clone, Copy)]
enum Chunk {
    Loading,
    Ready(Screen),
    Failed,
}

/// Shows the screen `load` delivers: the app's loading bar while its chunk arrives, and a
/// message with Retry when it cannot (offline before the chunk was cached, or a new
/// version deployed meanwhile). A chunk already loaded resolves before the next paint.
#[component]
pub fn Lazy(load: Loader) -> impl IntoView {
    let i18n = use_i18n();
    let chunk = RwSignal::new(Chunk::Loading);
    let fetch = move || {
        chunk.set(Chunk::Loading);
        leptos::task::spawn_local(async move {
            let first = !SHOWN.with_borrow(|shown| shown.contains(&(load as usize)));
            let outcome = load().await;
            // A chunk fetched just now was instantiated in this task; building its screen
            // (whose code is compiled on first use) gets a task of its own, so that neither
            // blocks a phone's main thread for long. Later visits show it at once.
            if first && outcome.is_ok() {
                crate::ui::idle::yield_to_browser().await;
                SHOWN.with_borrow_mut(|shown| shown.push(load as usize));
            }
            // The screen may have been left while its chunk loaded.
            chunk.try_set(match outcome {
                Ok(screen) => Chunk::Ready(screen),
                Err(_) => Chunk::Failed,
            });
        });
    };
    fetch();
    move || match chunk.get() {
        Chunk::Ready(screen) => screen(),
        Chunk::Loading => view! {
            <div class="lazy-loading" role="status">
                <span class="boot__bar"></span>
                <span class="visually-hidden">{tr!(i18n, lazy.loading)}</span>
            </div>
        }
        .into_any(),
        Chunk::Failed => view! {
            <div class="lazy-failed" role="alert">
                <h1>{tr!(i18n, lazy.failed_title)}</h1>
                <p>{tr!(i18n, lazy.failed_text)}</p>
                <button type="button" class="button button--primary" on:click=move |_| fetch()>
                    {tr!(i18n, lazy.retry)}
                </button>
            </div>
        }
        .into_any(),
    }
}
