//! What a backup holds: every record of every kind and the profile, and the ids and times
//! of what is stored, for previews.

use super::*;

/// Everything the user keeps in Netzweber.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dataset {
    /// The user's own profile, if saved.
    pub profile: Option<SavedProfile>,
    /// People.
    pub contacts: Vec<Contact>,
    /// Timeline entries.
    pub interactions: Vec<Interaction>,
    /// Promises and follow-ups.
    pub follow_ups: Vec<FollowUp>,
    /// Contact photos.
    pub photos: Vec<Photo>,
    /// Informational interviews.
    pub interview_plans: Vec<InterviewPlan>,
    /// The user's own questions.
    pub questions: Vec<Question>,
    /// Interview and message templates.
    pub templates: Vec<Template>,
    /// Outreach messages.
    pub messages: Vec<Message>,
}

/// Calls `$body` once per record kind with `$field` bound to the dataset's vector and `$ty`
/// to its record type, so that per-kind code is written once (`mut` for a mutable vector).
macro_rules! for_each_kind {
    (mut $data:expr, |$field:ident: $ty:ident| $body:block) => {{
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Contact;
            let $field = &mut $data.contacts;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Interaction;
            let $field = &mut $data.interactions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::FollowUp;
            let $field = &mut $data.follow_ups;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Photo;
            let $field = &mut $data.photos;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::InterviewPlan;
            let $field = &mut $data.interview_plans;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Question;
            let $field = &mut $data.questions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Template;
            let $field = &mut $data.templates;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Message;
            let $field = &mut $data.messages;
            $body
        }
    }};
    ($data:expr, |$field:ident: $ty:ident| $body:block) => {{
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Contact;
            let $field = &$data.contacts;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Interaction;
            let $field = &$data.interactions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::FollowUp;
            let $field = &$data.follow_ups;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Photo;
            let $field = &$data.photos;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::InterviewPlan;
            let $field = &$data.interview_plans;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Question;
            let $field = &$data.questions;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Template;
            let $field = &$data.templates;
            $body
        }
        {
            #[allow(dead_code)]
            type $ty = $crate::domain::record::Message;
            let $field = &$data.messages;
            $body
        }
    }};
}
pub(crate) use for_each_kind;

/// Evaluates `$body` with `$ty` bound to the record type of the kind `$kind` (known only
/// at run time), so that generic per-kind code can be chosen by a [`Kind`] value.
#[allow(unused_macros)]
macro_rules! with_kind {
    ($kind:expr, |$ty:ident| $body:expr) => {{
        use $crate::domain::record::Kind as K;
        match $kind {
            K::Contacts => {
                type $ty = $crate::domain::record::Contact;
                $body
            }
            K::Interactions => {
                type $ty = $crate::domain::record::Interaction;
                $body
            }
            K::FollowUps => {
                type $ty = $crate::domain::record::FollowUp;
                $body
            }
            K::Photos => {
                type $ty = $crate::domain::record::Photo;
                $body
            }
            K::InterviewPlans => {
                type $ty = $crate::domain::record::InterviewPlan;
                $body
            }
            K::Questions => {
                type $ty = $crate::domain::record::Question;
                $body
            }
            K::Templates => {
                type $ty = $crate::domain::record::Template;
                $body
            }
            K::Messages => {
                type $ty = $crate::domain::record::Message;
                $body
            }
        }
    }};
}
#[allow(unused_imports)]
pub(crate) use with_kind;

impl Dataset {
    /// Adds every record of `other`, and its profile when it has one.
    pub fn absorb(&mut self, other: Dataset) {
        let Dataset {
            profile,
            contacts,
            interactions,
            follow_ups,
            photos,
            interview_plans,
            questions,
            templates,
            messages,
        } = other;
        if profile.is_some() {
            self.profile = profile;
        }
        self.contacts.extend(contacts);
        self.interactions.extend(interactions);
        self.follow_ups.extend(follow_ups);
        self.photos.extend(photos);
        self.interview_plans.extend(interview_plans);
        self.questions.extend(questions);
        self.templates.extend(templates);
        self.messages.extend(messages);
    }

    /// How many records of each kind there are (the profile not counted).
    pub fn counts(&self) -> BTreeMap<Kind, usize> {
        let mut counts = BTreeMap::new();
        for_each_kind!(self, |records: R| {
            counts.insert(R::KIND, records.len());
        });
        counts
    }

    /// Whether there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.profile.is_none() && self.counts().values().all(|n| *n == 0)
    }

    /// Every record's id and updated time per kind, and the profile's updated time.
    pub fn stamps(&self) -> Stamps {
        let mut stamps = Stamps::default();
        for_each_kind!(self, |records: R| {
            let map = stamps.kinds.entry(R::KIND).or_default();
            for r in records {
                map.insert(r.meta().id.clone(), r.meta().updated.timestamp_millis());
            }
        });
        stamps.profile = self
            .profile
            .as_ref()
            .map(|p| p.meta.updated.timestamp_millis());
        stamps
    }
}

/// Ids and updated times of stored records, enough to preview an import. Times are
/// milliseconds since the epoch: the precision the database indexes them with.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    /// Per kind: id → updated.
    pub kinds: BTreeMap<Kind, HashMap<String, i64>>,
    /// The profile's updated time, if saved.
    pub profile: Option<i64>,
}
