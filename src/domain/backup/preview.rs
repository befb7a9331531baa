//! What importing a checked backup would change, and which records a merge takes.

use super::*;

/// How an import would change one kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindPreview {
    /// Records in the file.
    pub in_file: usize,
    /// In the file, not on this device.
    pub new: usize,
    /// On both, the file's copy saved later: a merge takes it.
    pub newer: usize,
    /// On both, this device's copy as new or newer: a merge keeps it.
    pub kept: usize,
    /// On this device, not in the file: a replacement deletes them.
    pub only_here: usize,
}

impl KindPreview {
    fn add(&mut self, other: KindPreview) {
        self.in_file += other.in_file;
        self.new += other.new;
        self.newer += other.newer;
        self.kept += other.kept;
        self.only_here += other.only_here;
    }
}

/// How an import would change the stored data, per kind and in total.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Preview {
    /// Per record kind.
    pub kinds: BTreeMap<Kind, KindPreview>,
    /// The profile, counted like a record.
    pub profile: KindPreview,
}

impl Preview {
    /// All kinds and the profile added up.
    pub fn total(&self) -> KindPreview {
        let mut total = self.profile;
        for p in self.kinds.values() {
            total.add(*p);
        }
        total
    }
}

fn preview_one(
    incoming: &HashMap<String, i64>,
    stored: Option<&HashMap<String, i64>>,
) -> KindPreview {
    let empty = HashMap::new();
    let stored = stored.unwrap_or(&empty);
    let mut p = KindPreview {
        in_file: incoming.len(),
        ..KindPreview::default()
    };
    for (id, updated) in incoming {
        match stored.get(id) {
            None => p.new += 1,
            Some(here) if updated > here => p.newer += 1,
            Some(_) => p.kept += 1,
        }
    }
    p.only_here = stored
        .keys()
        .filter(|id| !incoming.contains_key(*id))
        .count();
    p
}

/// Compares a checked backup with what is stored.
pub fn preview(backup: &Dataset, stored: &Stamps) -> Preview {
    let incoming = backup.stamps();
    let kinds = Kind::ALL
        .iter()
        .map(|&kind| {
            let empty = HashMap::new();
            let inc = incoming.kinds.get(&kind).unwrap_or(&empty);
            (kind, preview_one(inc, stored.kinds.get(&kind)))
        })
        .collect();
    let as_map = |t: Option<i64>| -> HashMap<String, i64> {
        t.map(|t| (PROFILE_ID.to_string(), t)).into_iter().collect()
    };
    let profile = preview_one(&as_map(incoming.profile), Some(&as_map(stored.profile)));
    Preview { kinds, profile }
}

fn newer_only<R: Record>(records: &[R], stored: Option<&HashMap<String, i64>>) -> Vec<R> {
    records
        .iter()
        .filter(|r| match stored.and_then(|s| s.get(&r.meta().id)) {
            None => true,
            Some(here) => r.meta().updated.timestamp_millis() > *here,
        })
        .cloned()
        .collect()
}

/// The records a merge writes: those not stored yet, and those the file has a later
/// version of. Everything else stays as stored.
pub fn merge_selection(backup: &Dataset, stored: &Stamps) -> Dataset {
    let s = |k: Kind| stored.kinds.get(&k);
    Dataset {
        profile: backup.profile.clone().filter(|p| {
            stored
                .profile
                .is_none_or(|here| p.meta.updated.timestamp_millis() > here)
        }),
        contacts: newer_only(&backup.contacts, s(Kind::Contacts)),
        interactions: newer_only(&backup.interactions, s(Kind::Interactions)),
        follow_ups: newer_only(&backup.follow_ups, s(Kind::FollowUps)),
        photos: newer_only(&backup.photos, s(Kind::Photos)),
        interview_plans: newer_only(&backup.interview_plans, s(Kind::InterviewPlans)),
        questions: newer_only(&backup.questions, s(Kind::Questions)),
        templates: newer_only(&backup.templates, s(Kind::Templates)),
        messages: newer_only(&backup.messages, s(Kind::Messages)),
    }
}

/// How an import is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Add new records, take newer ones, keep the rest.
    Merge,
    /// Delete everything stored, then write the file's records.
    Replace,
}
