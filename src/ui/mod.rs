//! Leptos components. They render state and dispatch user intent; rules live in
//! `domain`, persistence in `storage`.

mod app;
mod backup;
mod context;
mod data;
mod feedback;
mod home;
mod link;
mod not_found;
mod profile;
mod settings;
mod shell;
mod title;

pub use app::App;
