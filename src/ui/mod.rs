//! Leptos components. They render state and dispatch user intent; rules live in
//! `domain`, persistence in `storage`.

mod app;
mod backup;
mod common;
mod contacts;
mod context;
mod data;
mod editor;
mod feedback;
mod files;
mod guard;
mod idle;
mod insights;
mod install;
mod interop;
mod interviews;
mod lazy;
mod library_store;
mod link;
mod messages;
mod more;
mod not_found;
mod privacy;
mod profile;
mod settings;
mod shell;
mod title;
mod today;

pub use app::App;
