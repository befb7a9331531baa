//! Outreach messages: the rules behind the request-message checklist (issue 6). Channels
//! and their limits, templates with placeholders, the live automatic checks, the manual
//! checks, and the 3B7 follow-up discipline, as pure functions.

pub mod checks;
pub mod model;
pub mod own;
pub mod send;
pub mod start;
pub mod templates;
pub mod words;

#[cfg(test)]
mod tests;
