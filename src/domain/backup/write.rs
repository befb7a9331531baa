//! Writing a backup file.

use super::*;

/// The header and records of a backup file as written.
#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    format_version: u32,
    app_version: &'a str,
    created_at: DateTime<Utc>,
    counts: BTreeMap<&'static str, usize>,
    profile: &'a Option<SavedProfile>,
    records: RecordsOut<'a>,
}

#[derive(Serialize)]
struct RecordsOut<'a> {
    contacts: &'a [Contact],
    interactions: &'a [Interaction],
    follow_ups: &'a [FollowUp],
    photos: &'a [Photo],
    interview_plans: &'a [InterviewPlan],
    questions: &'a [Question],
    templates: &'a [Template],
    messages: &'a [Message],
}

/// Writes `data` as a backup file.
pub fn write_backup(data: &Dataset, app_version: &str, now: DateTime<Utc>) -> String {
    let file = FileOut {
        format: FORMAT_NAME,
        format_version: SCHEMA_VERSION,
        app_version,
        created_at: now,
        counts: data
            .counts()
            .into_iter()
            .map(|(k, n)| (k.key(), n))
            .collect(),
        profile: &data.profile,
        records: RecordsOut {
            contacts: &data.contacts,
            interactions: &data.interactions,
            follow_ups: &data.follow_ups,
            photos: &data.photos,
            interview_plans: &data.interview_plans,
            questions: &data.questions,
            templates: &data.templates,
            messages: &data.messages,
        },
    };
    // Serialising plain data structures to a string cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}
