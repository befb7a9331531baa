//! Insights (`/insights`, its own chunk): pictures of the user's networking, each drawn as
//! SVG from numbers [`crate::domain::insights`] computes, with a text summary and the
//! same numbers as a table for screen readers and print. The weekly goal's settings and
//! its rings on Today live here too.

mod activity;
mod chart;
pub mod goal;
mod introductions;
mod outreach;
mod page;
mod rings;
mod shift;

pub use page::InsightsPage;
