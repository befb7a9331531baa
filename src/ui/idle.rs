//! Giving the main thread back to the browser between steps of long work, so that it can
//! paint and answer input in between (a phone counts any task over 50 ms as blocking).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Resolves in a new browser task: with `scheduler.yield()` where the browser has it
/// (it keeps this work ahead of other queued tasks), else after a zero timeout.
pub async fn yield_to_browser() {
    let global = js_sys::global();
    let scheduler = Reflect::get(&global, &"scheduler".into()).unwrap_or(JsValue::UNDEFINED);
    let yield_fn = if scheduler.is_object() {
        Reflect::get(&scheduler, &"yield".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    } else {
        None
    };
    let promise = match yield_fn.and_then(|f| f.call0(&scheduler).ok()) {
        Some(p) => p.unchecked_into::<Promise>(),
        None => Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        }),
    };
    // Neither can fail; if one did, going on at once is the right fallback.
    let _ = JsFuture::from(promise).await;
}
