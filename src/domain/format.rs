//! Locale-aware formatting of dates and numbers for the two UI languages.
//!
//! Two languages with fixed conventions do not justify shipping CLDR data to the browser,
//! so the rules live here, small and tested. Dates come in as `chrono` values; nothing
//! here reads a clock.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use super::lang::Lang;

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `month` (1–12) in `lang`.
pub fn month_name_of(month: u32, lang: Lang) -> &'static str {
    month_name(lang, month.saturating_sub(1))
}

fn month_name(lang: Lang, month0: u32) -> &'static str {
    let names = match lang {
        Lang::De => &MONTHS_DE,
        Lang::En => &MONTHS_EN,
    };
    names[month0 as usize % 12]
}

/// A month's name in three letters (`Mär`, `Oct`): for a chart's axis.
pub fn month_short(date: NaiveDate, lang: Lang) -> String {
    month_name(lang, date.month0()).chars().take(3).collect()
}

/// A compact date: `28.11.2026` in German, `28 Nov 2026` in English.
pub fn date_short(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{:02}.{:02}.{}", date.day(), date.month(), date.year()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            &month_name(lang, date.month0())[..3],
            date.year()
        ),
    }
}

/// A written-out date: `28. November 2026` / `28 November 2026`.
pub fn date_long(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        day_month(date.month(), date.day(), lang),
        date.year()
    )
}

/// Day and month without a year (birthdays whose year is unknown): `3. März` / `3 March`.
pub fn day_month(month: u32, day: u32, lang: Lang) -> String {
    let name = month_name(lang, month.saturating_sub(1));
    match lang {
        Lang::De => format!("{day}. {name}"),
        Lang::En => format!("{day} {name}"),
    }
}

fn group_thousands(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// A whole number with thousands separators: `10.000` / `10,000`.
pub fn integer(n: i64, lang: Lang) -> String {
    let (group, _) = separators(lang);
    let grouped = group_thousands(&n.unsigned_abs().to_string(), group);
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A number with a fixed count of decimals: `1.234,5` / `1,234.5`. Non-finite values
/// print as `–` so that a broken estimate never shows `NaN` to a user.
pub fn decimal(x: f64, decimals: usize, lang: Lang) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let (group, point) = separators(lang);
    let fixed = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut out = String::new();
    // `-0.0` rounds to zero: no minus sign for something that shows as zero.
    if x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('-');
    }
    out.push_str(&group_thousands(int_part, group));
    if !frac_part.is_empty() {
        out.push(point);
        out.push_str(frac_part);
    }
    out
}

/// A byte count in decimal units (as operating systems show disk space): `1,5 MB` / `1.5 MB`.
pub fn bytes(n: u64, lang: Lang) -> String {
    const UNITS: [&str; 5] = ["kB", "MB", "GB", "TB", "PB"];
    if n < 1000 {
        return format!("{} B", integer(n as i64, lang));
    }
    let mut value = n as f64 / 1000.0;
    let mut unit = 0;
    while value >= 999.95 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    let decimals = if value < 10.0 { 1 } else { 0 };
    format!("{} {}", decimal(value, decimals, lang), UNITS[unit])
}

/// A ratio in `0.0..=1.0` as a percentage: `12 %` (German typography) / `12%`.
pub fn percent(ratio: f64, lang: Lang) -> String {
    let digits = decimal(ratio * 100.0, 0, lang);
    match lang {
        Lang::De => format!("{digits}\u{a0}%"),
        Lang::En => format!("{digits}%"),
    }
}

/// A date as ISO 8601 (`2026-03-01`): for index keys and file names. Written by hand
/// because chrono's `format` brings its whole strftime machinery into the wasm (~15 KB).
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Reads an ISO 8601 date (`2026-03-01`; month and day may have one digit) as date
/// inputs give it. By hand, like [`iso_date`]: chrono's `parse_from_str` is the strftime
/// machinery again.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let mut parts = text.trim().splitn(3, '-');
    let year = digits(parts.next()?, 4, 4)?;
    let month = digits(parts.next()?, 1, 2)?;
    let day = digits(parts.next()?, 1, 2)?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// A local date and time to the minute as a `datetime-local` input takes it
/// (`2026-03-01T09:30`).
pub fn iso_minute(at: NaiveDateTime) -> String {
    format!("{}T{}", iso_date(at.date()), hour_minute(at.time()))
}

/// Reads a `datetime-local` input's value (`2026-03-01T09:30`, seconds not allowed).
pub fn parse_iso_minute(text: &str) -> Option<NaiveDateTime> {
    let (date, time) = text.split_once('T')?;
    let (hour, minute) = time.split_once(':')?;
    let time = NaiveTime::from_hms_opt(digits(hour, 1, 2)?, digits(minute, 2, 2)?, 0)?;
    Some(NaiveDateTime::new(parse_iso_date(date)?, time))
}

/// The time of day as `09:30`.
pub fn hour_minute(time: NaiveTime) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// The number `text` spells with `min` to `max` ASCII digits and nothing else.
pub(crate) fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    if !(min..=max).contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::domain::code::Code;

    #[test]
    fn iso_dates_are_zero_padded() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(iso_date(d(2026, 3, 1)), "2026-03-01");
        assert_eq!(iso_date(d(999, 12, 31)), "0999-12-31");
        assert_eq!(
            iso_date(d(2024, 2, 29)),
            d(2024, 2, 29).format("%Y-%m-%d").to_string()
        );
    }

    #[test]
    fn iso_dates_and_minutes_read_and_write_as_chrono_does() {
        for text in [
            "2026-03-01",
            "1900-01-01",
            "2200-12-31",
            "2024-02-29",
            "2026-3-5",
            " 2026-03-01 ",
        ] {
            assert_eq!(
                parse_iso_date(text),
                NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok(),
                "{text}"
            );
        }
        for text in [
            "",
            "2026",
            "2026-03",
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-03-01",
            "2026-03-01x",
            "2026/03/01",
            "2026-+3-01",
            "2026-03-001",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
        for text in ["2026-03-01T09:30", "2026-12-31T23:59", "1900-01-01T00:00"] {
            let at = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").unwrap();
            assert_eq!(parse_iso_minute(text), Some(at), "{text}");
            assert_eq!(iso_minute(at), at.format("%Y-%m-%dT%H:%M").to_string());
            assert_eq!(hour_minute(at.time()), at.format("%H:%M").to_string());
        }
        for text in [
            "2026-03-01T24:00",
            "2026-03-01T09:60",
            "2026-03-01 09:30",
            "2026-03-01T09:30:00",
            "2026-03-01T9:3",
        ] {
            assert_eq!(parse_iso_minute(text), None, "{text}");
        }
    }

    proptest! {
        #[test]
        fn every_date_and_minute_reads_back(days in 0i64..(300 * 366), minutes in 0u32..(24 * 60)) {
            let date = d(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(parse_iso_date(&iso_date(date)), Some(date));
            let at = date.and_hms_opt(minutes / 60, minutes % 60, 0).unwrap();
            prop_assert_eq!(parse_iso_minute(&iso_minute(at)), Some(at));
        }
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates() {
        assert_eq!(date_short(d(2026, 11, 28), Lang::De), "28.11.2026");
        assert_eq!(date_short(d(2026, 3, 5), Lang::De), "05.03.2026");
        assert_eq!(date_short(d(2026, 3, 5), Lang::En), "5 Mar 2026");
        assert_eq!(date_long(d(2024, 2, 29), Lang::De), "29. Februar 2024");
        assert_eq!(date_long(d(2024, 2, 29), Lang::En), "29 February 2024");
        assert_eq!(day_month(3, 1, Lang::De), "1. März");
        assert_eq!(day_month(12, 24, Lang::En), "24 December");
    }

    #[test]
    fn integers() {
        assert_eq!(integer(0, Lang::De), "0");
        assert_eq!(integer(999, Lang::En), "999");
        assert_eq!(integer(1000, Lang::De), "1.000");
        assert_eq!(integer(1234567, Lang::En), "1,234,567");
        assert_eq!(integer(-50000, Lang::De), "-50.000");
        assert_eq!(integer(i64::MIN, Lang::En), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn decimals() {
        assert_eq!(decimal(1234.5, 1, Lang::De), "1.234,5");
        assert_eq!(decimal(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(decimal(-0.04, 1, Lang::En), "0.0");
        assert_eq!(decimal(-2.5, 2, Lang::De), "-2,50");
        assert_eq!(decimal(f64::NAN, 1, Lang::De), "–");
    }

    #[test]
    fn byte_sizes() {
        assert_eq!(bytes(0, Lang::De), "0 B");
        assert_eq!(bytes(999, Lang::En), "999 B");
        assert_eq!(bytes(1500, Lang::De), "1,5 kB");
        assert_eq!(bytes(1_500_000, Lang::En), "1.5 MB");
        assert_eq!(bytes(12_345_678_901, Lang::En), "12 GB");
        assert_eq!(bytes(999_960, Lang::En), "1.0 MB");
        assert_eq!(bytes(u64::MAX, Lang::En), "18,447 PB");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.123, Lang::De), "12\u{a0}%");
        assert_eq!(percent(1.0, Lang::En), "100%");
    }

    proptest! {
        #[test]
        fn grouping_keeps_the_digits(n in any::<i64>()) {
            for &lang in Lang::ALL {
                let s = integer(n, lang);
                let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '-').collect();
                prop_assert_eq!(digits, n.to_string());
            }
        }

        #[test]
        fn german_short_date_parses_back(days in 0i64..200_000) {
            let date = d(1900, 1, 1) + chrono::Duration::days(days);
            let s = date_short(date, Lang::De);
            prop_assert_eq!(NaiveDate::parse_from_str(&s, "%d.%m.%Y").unwrap(), date);
        }
    }
}
