//! The interview module's screens: overview, new plan, plan and builder, question library,
//! conduct mode, wrap-up and the printable sheet.

mod builder;
mod conduct;
mod library;
mod list;
mod new;
mod own_question;
pub mod parts;
mod plan;
mod print;
mod save_template;
mod search;
pub mod store;
mod wrapup;

pub use conduct::ConductPage;
pub use library::QuestionsPage;
pub use list::{InterviewsPage, PlanRow};
pub use new::NewInterviewPage;
pub use plan::PlanPage;
pub use print::PrintPage;
pub use wrapup::WrapUpPage;
