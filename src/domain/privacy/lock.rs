//! When the app locks itself, and how long a wrong guess makes the next one wait.

use crate::domain::code::Code;

/// After how long without use the app locks (also when its tab was hidden that long).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AutoLock {
    /// Five minutes.
    Minutes5,
    /// Fifteen minutes (the default).
    #[default]
    Minutes15,
    /// An hour.
    Minutes60,
    /// Only when the user locks, or the tab is closed.
    Never,
}

impl AutoLock {
    /// The idle time that locks, in minutes; `None` for never.
    pub fn minutes(self) -> Option<u32> {
        match self {
            AutoLock::Minutes5 => Some(5),
            AutoLock::Minutes15 => Some(15),
            AutoLock::Minutes60 => Some(60),
            AutoLock::Never => None,
        }
    }

    /// Whether `idle_ms` of no use (or of a hidden tab) should lock now.
    pub fn due(self, idle_ms: f64) -> bool {
        self.minutes()
            .is_some_and(|m| idle_ms >= f64::from(m) * 60_000.0)
    }
}

impl Code for AutoLock {
    const ALL: &'static [Self] = &[
        AutoLock::Minutes5,
        AutoLock::Minutes15,
        AutoLock::Minutes60,
        AutoLock::Never,
    ];
    fn key(self) -> &'static str {
        match self {
            AutoLock::Minutes5 => "5",
            AutoLock::Minutes15 => "15",
            AutoLock::Minutes60 => "60",
            AutoLock::Never => "never",
        }
    }
}

/// How many seconds the unlock screen waits before it takes the next guess, after
/// `failures` wrong ones in a row: none for the first three typos, then doubling from
/// 2 s up to a minute. The key derivation already costs every guess most of a second.
pub fn unlock_delay_secs(failures: u32) -> u32 {
    match failures {
        0..=2 => 0,
        n => 2u32.saturating_pow(n - 2).min(60),
    }
}
