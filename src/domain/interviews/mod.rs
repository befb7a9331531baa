//! Informational interviews: the rules behind the interview module (issue 5). The
//! question library, plans and their time budget, templates, the wrap-up and the Markdown
//! export, as pure functions; the clock comes in as a parameter.

pub mod library;
pub mod markdown;
pub mod plan;
pub mod template;
pub mod wrap_up;

#[cfg(test)]
mod tests;
