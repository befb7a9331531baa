//! The contacts module's screens (issue 4), one file per page: list, contact page, form,
//! introductions, duplicates and year-end greetings; plus the pieces other features use
//! (names, follow-ups, the interaction form, the person picker) and their labels.

mod birthday_field;
mod capture;
mod detail;
mod duplicates;
mod facts;
pub mod follow_ups;
mod form;
mod form_fields;
mod greetings;
mod introduce;
pub mod labels;
mod list;
pub mod log_interaction;
pub mod name;
pub(crate) mod photo;
mod photo_field;
pub mod picker;
pub mod store;
mod timeline;

pub use capture::CapturePage;
pub use detail::ContactPage;
pub use duplicates::DuplicatesPage;
pub use form::{EditContactPage, NewContactPage};
pub use greetings::GreetingsPage;
pub use introduce::IntroducePage;
pub use list::ContactsPage;
