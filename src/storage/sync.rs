//! Tells the other open tabs that data changed, so they show it within a second.
//!
//! A `BroadcastChannel` per database name carries the names of the stores a committed
//! transaction wrote, or [`LOCK`] when a tab locked, or turned protection on or off (the
//! others must lock too; the key itself never travels). A channel object does not
//! receive its own messages, so a tab never reloads what it just saved itself.

use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

/// The message that locks every other tab.
const LOCK: &str = "lock";

/// One tab's end of the change channel.
pub struct Channel {
    channel: BroadcastChannel,
    _on_message: Closure<dyn Fn(MessageEvent)>,
}

impl Channel {
    /// Joins the channel of database `name`; `on_change` hears the store names other tabs
    /// wrote, `on_lock` that another tab locked. `None` where the browser has no
    /// `BroadcastChannel`.
    pub fn open(
        name: &str,
        on_change: impl Fn(Vec<String>) + 'static,
        on_lock: impl Fn() + 'static,
    ) -> Option<Channel> {
        let channel = BroadcastChannel::new(&format!("netzweber-changes:{name}")).ok()?;
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if text == LOCK {
                on_lock();
                return;
            }
            let stores: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
            if !stores.is_empty() {
                on_change(stores);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel {
            channel,
            _on_message: on_message,
        })
    }

    /// Tells the other tabs that `stores` changed.
    pub fn announce(&self, stores: &[&str]) {
        let message = serde_json::to_string(stores).unwrap_or_default();
        // A closed channel (page unloading) has nobody left to tell.
        let _ = self.channel.post_message(&JsValue::from_str(&message));
    }

    /// Tells the other tabs to lock.
    pub fn announce_lock(&self) {
        let _ = self.channel.post_message(&JsValue::from_str(LOCK));
    }

    /// Leaves the channel.
    pub fn close(&self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
