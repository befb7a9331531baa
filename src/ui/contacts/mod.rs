//! The contacts module's screens (issue 4): list, contact page, form, introductions,
//! duplicates and year-end greetings, plus the parts Today uses.

mod detail;
mod form;
pub mod labels;
mod list;
mod more;
pub mod parts;
mod photo;

pub use detail::ContactPage;
pub use form::{EditContactPage, NewContactPage};
pub use list::ContactsPage;
pub use more::{DuplicatesPage, GreetingsPage, IntroducePage};
