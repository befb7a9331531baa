//! How safe the browser keeps the user's data, derived from the Storage API's figures.

/// Usage above this share of the quota earns a warning.
pub const NEARLY_FULL: f64 = 0.8;

/// What the browser reported about this site's storage. Each figure may be missing:
/// older browsers lack the API, and private windows may refuse it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StorageStatus {
    /// `navigator.storage.persisted()`: whether the browser promised not to evict the data.
    pub persisted: Option<bool>,
    /// Bytes used by this site, from `navigator.storage.estimate()`.
    pub usage: Option<u64>,
    /// Bytes this site may use, from `navigator.storage.estimate()`.
    pub quota: Option<u64>,
}

/// The verdict shown to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageHealth {
    /// Persistent storage granted and room to spare.
    Safe,
    /// The browser may clear the data under storage pressure; a backup or installing the
    /// app (on Safari) protects it.
    BestEffort,
    /// More than [`NEARLY_FULL`] of the quota is used.
    NearlyFull,
    /// The browser did not say.
    Unknown,
}

impl StorageStatus {
    /// Used share of the quota, when both figures are known and the quota is non-zero.
    pub fn usage_ratio(&self) -> Option<f64> {
        match (self.usage, self.quota) {
            (Some(u), Some(q)) if q > 0 => Some(u as f64 / q as f64),
            _ => None,
        }
    }

    /// The single most important thing to tell the user; a full disk outranks eviction.
    pub fn health(&self) -> StorageHealth {
        if self.usage_ratio().is_some_and(|r| r >= NEARLY_FULL) {
            return StorageHealth::NearlyFull;
        }
        match self.persisted {
            Some(true) => StorageHealth::Safe,
            Some(false) => StorageHealth::BestEffort,
            None => StorageHealth::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_needs_both_figures_and_a_quota() {
        let s = StorageStatus {
            usage: Some(50),
            quota: Some(200),
            persisted: None,
        };
        assert_eq!(s.usage_ratio(), Some(0.25));
        assert_eq!(
            StorageStatus {
                quota: Some(0),
                usage: Some(1),
                ..s
            }
            .usage_ratio(),
            None
        );
        assert_eq!(StorageStatus { usage: None, ..s }.usage_ratio(), None);
    }

    #[test]
    fn health() {
        let base = StorageStatus {
            usage: Some(10),
            quota: Some(100),
            persisted: Some(true),
        };
        assert_eq!(base.health(), StorageHealth::Safe);
        assert_eq!(
            StorageStatus {
                persisted: Some(false),
                ..base
            }
            .health(),
            StorageHealth::BestEffort
        );
        assert_eq!(
            StorageStatus {
                persisted: None,
                ..base
            }
            .health(),
            StorageHealth::Unknown
        );
        assert_eq!(
            StorageStatus {
                usage: Some(80),
                ..base
            }
            .health(),
            StorageHealth::NearlyFull
        );
        assert_eq!(StorageStatus::default().health(), StorageHealth::Unknown);
    }
}
