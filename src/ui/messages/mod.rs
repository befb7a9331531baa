//! The outreach module's screens: overview by status, a new message, and composing with
//! live checks and the 3B7 follow-up.

mod actions;
mod checks_panel;
mod compose;
mod compose_text;
mod list;
mod new;
pub mod parts;
pub mod store;
mod template_select;

pub use compose::MessagePage;
pub use list::MessagesPage;
pub use new::NewMessagePage;
