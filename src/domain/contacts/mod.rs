//! Contact notes: the rules behind the contacts module (issue 4). Pure functions over
//! records and an in-memory [`network::Network`]; the clock comes in as a parameter.

pub mod capture;
pub mod draft;
pub mod duplicates;
pub mod give_take;
pub mod introduce;
pub mod keep_in_touch;
pub mod log;
pub mod network;
pub mod occasions;
pub mod search;
pub mod shared;

#[cfg(test)]
mod tests;
