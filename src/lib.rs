//! Netzweber: a private networking companion that keeps everything on the user's device.
//!
//! `domain` is pure and compiles everywhere; the browser-facing layers (`storage`, `ui`,
//! `pwa`, `i18n`) only exist for the wasm32 target.

#![warn(missing_docs)]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
mod split;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
