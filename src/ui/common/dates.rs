//! Dates and times as the UI shows and reads them: the range date inputs offer, the
//! browser's time zone, and texts in the user's language.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::domain::format::{self, date_long, hour_minute, iso_minute, parse_iso_minute};
use crate::i18n::*;

/// The earliest day a date input offers (`min`): the range records may have.
pub const DATE_MIN: &str = "1900-01-01";
/// The latest day a date input offers (`max`).
pub const DATE_MAX: &str = "2200-12-31";

/// Parses a date input's value.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    format::parse_iso_date(value)
}

/// A date in the user's language.
pub fn show_date(i18n: I18n, date: NaiveDate) -> String {
    format::date_short(date, i18n.lang())
}

/// The browser's local time for a UTC instant (daylight saving time of that day included).
pub fn local_time(at: DateTime<Utc>) -> NaiveDateTime {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    let offset = -(date.get_timezone_offset() as i64);
    // Stored times lie within the years records may have; an instant at the edge of what
    // chrono can hold shows in UTC rather than panicking.
    at.checked_add_signed(chrono::Duration::minutes(offset))
        .unwrap_or(at)
        .naive_utc()
}

/// The value of a `datetime-local` input for an instant.
pub fn input_value(at: Option<DateTime<Utc>>) -> String {
    at.map(|at| iso_minute(local_time(at))).unwrap_or_default()
}

/// The instant a `datetime-local` input's value means in the browser's time zone.
pub fn parse_input(value: &str) -> Option<DateTime<Utc>> {
    parse_iso_minute(value)?;
    // The Date constructor reads a date-time without zone as local time, DST included.
    let ms = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    if ms.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64)
        .filter(|at| crate::domain::record::in_range(at.date_naive()))
}

/// "3 December 2026, 14:00" in the UI language.
pub fn when_text(i18n: I18n, at: DateTime<Utc>) -> String {
    let local = local_time(at);
    format!(
        "{}, {}",
        date_long(local.date(), i18n.lang()),
        hour_minute(local.time())
    )
}
