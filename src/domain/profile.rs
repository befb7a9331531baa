//! The user's own profile, used later to sign outreach messages.

use serde::{Deserialize, Serialize};

use super::link::{LinkError, SafeLink};
use super::record::{Meta, RecordProblem};

/// Longest accepted single-line profile field, in characters.
pub const MAX_LINE: usize = 200;

/// What the user tells Netzweber about themselves. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// Full name as it should appear under a message.
    pub name: String,
    /// One line about what they do or are looking for.
    pub headline: String,
    /// E-mail address shared in outreach messages.
    pub email: String,
    /// Phone number shared in outreach messages.
    pub phone: String,
    /// Link to their own LinkedIn, Xing or personal page.
    pub profile_url: String,
    /// The field or fields they are moving into, comma-separated ("UX research").
    pub target_field: String,
    /// The field or fields they come from, comma-separated.
    pub former_field: String,
}

/// A profile field, for attaching validation messages to the right input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileField {
    /// [`Profile::name`]
    Name,
    /// [`Profile::headline`]
    Headline,
    /// [`Profile::email`]
    Email,
    /// [`Profile::phone`]
    Phone,
    /// [`Profile::profile_url`]
    ProfileUrl,
    /// [`Profile::target_field`]
    TargetField,
    /// [`Profile::former_field`]
    FormerField,
}

/// Why a profile field is not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Longer than [`MAX_LINE`] characters.
    TooLong,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not a phone number (digits, spaces, `+ - ( ) / .`).
    InvalidPhone,
    /// Not a web link we accept.
    InvalidUrl(LinkError),
}

impl ProfileField {
    /// Every field, in form order.
    pub const ALL: [ProfileField; 7] = [
        ProfileField::Name,
        ProfileField::Headline,
        ProfileField::Email,
        ProfileField::Phone,
        ProfileField::ProfileUrl,
        ProfileField::TargetField,
        ProfileField::FormerField,
    ];
}

impl Profile {
    /// The value of one field.
    pub fn field(&self, field: ProfileField) -> &String {
        match field {
            ProfileField::Name => &self.name,
            ProfileField::Headline => &self.headline,
            ProfileField::Email => &self.email,
            ProfileField::Phone => &self.phone,
            ProfileField::ProfileUrl => &self.profile_url,
            ProfileField::TargetField => &self.target_field,
            ProfileField::FormerField => &self.former_field,
        }
    }

    /// The value of one field, for editing.
    pub fn field_mut(&mut self, field: ProfileField) -> &mut String {
        match field {
            ProfileField::Name => &mut self.name,
            ProfileField::Headline => &mut self.headline,
            ProfileField::Email => &mut self.email,
            ProfileField::Phone => &mut self.phone,
            ProfileField::ProfileUrl => &mut self.profile_url,
            ProfileField::TargetField => &mut self.target_field,
            ProfileField::FormerField => &mut self.former_field,
        }
    }

    /// Checks every field; an empty field is always fine.
    pub fn validate(&self) -> Vec<(ProfileField, ProfileError)> {
        let mut errors = Vec::new();
        for field in ProfileField::ALL {
            if self.field(field).chars().count() > MAX_LINE {
                errors.push((field, ProfileError::TooLong));
            }
        }
        let email = self.email.trim();
        if !email.is_empty() && !is_plausible_email(email) {
            errors.push((ProfileField::Email, ProfileError::InvalidEmail));
        }
        let phone = self.phone.trim();
        if !phone.is_empty() && !is_plausible_phone(phone) {
            errors.push((ProfileField::Phone, ProfileError::InvalidPhone));
        }
        let url = self.profile_url.trim();
        if !url.is_empty() {
            match SafeLink::parse_web(url) {
                Err(e) => errors.push((ProfileField::ProfileUrl, ProfileError::InvalidUrl(e))),
                // What is stored is the normalised link (`https://` added): that is what
                // must fit, or the backup of it would be refused.
                Ok(link)
                    if link.href().chars().count() > MAX_LINE
                        && !errors.contains(&(ProfileField::ProfileUrl, ProfileError::TooLong)) =>
                {
                    errors.push((ProfileField::ProfileUrl, ProfileError::TooLong))
                }
                Ok(_) => {}
            }
        }
        errors
    }

    /// The profile with surrounding white space removed and the link normalised; call after
    /// [`Profile::validate`] found nothing.
    pub fn normalised(&self) -> Profile {
        let url = self.profile_url.trim();
        Profile {
            name: self.name.trim().to_string(),
            headline: self.headline.trim().to_string(),
            email: self.email.trim().to_string(),
            phone: self.phone.trim().to_string(),
            profile_url: SafeLink::parse_web(url)
                .map(|l| l.href().to_string())
                .unwrap_or_else(|_| url.to_string()),
            target_field: self.target_field.trim().to_string(),
            former_field: self.former_field.trim().to_string(),
        }
    }
}

impl Profile {
    /// A copy that passes [`Profile::validate`]: fields shortened to fit, and an e-mail,
    /// phone or link that is not one dropped. For profiles stored before every save was
    /// checked.
    pub fn repaired(&self) -> Profile {
        let mut p = self.normalised();
        for field in ProfileField::ALL {
            let value = p.field_mut(field);
            if value.chars().count() > MAX_LINE {
                *value = crate::domain::record::fit(value, MAX_LINE);
            }
        }
        for (field, _) in p.validate() {
            p.field_mut(field).clear();
        }
        p
    }
}

/// A pragmatic e-mail check: one `@`, a non-empty local part, a dotted domain, no spaces.
/// Deliberately looser than RFC 5322 so that unusual but real addresses pass.
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return false;
    };
    let domain_ok = domain.split('.').count() >= 2
        && domain
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    !local.is_empty()
        && !local.contains('@')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        && !s.contains(['<', '>', '"', ',', ';', '\\', '(', ')', ':'])
        && domain_ok
}

/// Digits with the usual separators, at least five digits, `+` only in front.
pub fn is_plausible_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && s.char_indices().all(|(i, c)| {
            c.is_ascii_digit()
                || matches!(c, ' ' | '-' | '(' | ')' | '/' | '.')
                || (c == '+' && i == 0)
        })
}

/// Record id of the one saved profile.
pub const PROFILE_ID: &str = "profile";

/// The profile as stored: one record with the common fields, so that two tabs editing it
/// notice each other and backups can merge it like any other record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedProfile {
    /// Common fields; the id is always [`PROFILE_ID`].
    pub meta: Meta,
    /// The profile itself.
    pub profile: Profile,
}

impl SavedProfile {
    /// What the backup reader and every write require of the stored profile: the fixed id
    /// and fields that pass [`Profile::validate`].
    pub fn check(&self) -> Result<(), RecordProblem> {
        if self.meta.id != PROFILE_ID {
            Err(RecordProblem::BadId)
        } else if !self.profile.validate().is_empty() {
            Err(RecordProblem::Invalid("profile"))
        } else {
            Ok(())
        }
    }
}

/// The profile to save so that `url`, which the user said is theirs (choosing themselves
/// among the people of a LinkedIn messages file), is remembered: `saved` with the link
/// filled in, or a new profile holding only it. `None` when a link is there already (the
/// user's own word wins) or `url` is not one a profile can hold.
pub fn with_own_link(
    saved: Option<SavedProfile>,
    url: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<SavedProfile> {
    let mut record = saved.unwrap_or_else(|| SavedProfile {
        meta: Meta::new(PROFILE_ID, now),
        profile: Profile::default(),
    });
    if !record.profile.profile_url.trim().is_empty() {
        return None;
    }
    record.profile.profile_url = url.to_string();
    record.profile.validate().is_empty().then(|| SavedProfile {
        profile: record.profile.normalised(),
        ..record
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_link_is_remembered_only_where_none_is() {
        let now = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let url = "https://www.linkedin.com/in/mia-sommer";
        let fresh = with_own_link(None, url, now).unwrap();
        assert_eq!(fresh.meta.id, PROFILE_ID);
        assert_eq!(fresh.meta.revision, 0);
        assert_eq!(fresh.profile.profile_url, url);
        assert!(fresh.check().is_ok());
        let named = SavedProfile {
            meta: Meta {
                revision: 4,
                ..Meta::new(PROFILE_ID, now)
            },
            profile: Profile {
                name: "Mia Sommer".into(),
                ..Profile::default()
            },
        };
        let kept = with_own_link(Some(named.clone()), url, now).unwrap();
        assert_eq!(kept.meta.revision, 4, "saved over what was read");
        assert_eq!(kept.profile.name, "Mia Sommer");
        assert_eq!(kept.profile.profile_url, url);
        let linked = SavedProfile {
            profile: Profile {
                profile_url: "https://xing.com/profile/Mia_Sommer".into(),
                ..named.profile.clone()
            },
            ..named.clone()
        };
        assert_eq!(with_own_link(Some(linked), url, now), None);
        assert_eq!(with_own_link(Some(named), "javascript:alert(1)", now), None);
    }

    #[test]
    fn empty_profile_is_valid() {
        assert!(Profile::default().validate().is_empty());
    }

    #[test]
    fn emails() {
        for ok in [
            "a@b.de",
            "erika.mustermann+netz@example.co.uk",
            "jörg@müller.de",
        ] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@",
            "@b.de",
            "a@b",
            "a b@c.de",
            "a@b..de",
            "a@@b.de",
            "<a@b.de>",
            "a@b.de,c@d.de",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for ok in ["+49 30 123456", "030/123 45 67", "(0)171-1234567"] {
            assert!(is_plausible_phone(ok), "{ok}");
        }
        for bad in ["123", "call me", "49+30123456", "+49 30 12345 ext. 7"] {
            assert!(!is_plausible_phone(bad), "{bad}");
        }
    }

    #[test]
    fn reports_each_bad_field() {
        let p = Profile {
            name: "x".repeat(MAX_LINE + 1),
            email: "nope".into(),
            phone: "abc".into(),
            profile_url: "javascript:alert(1)".into(),
            ..Profile::default()
        };
        let fields: Vec<_> = p.validate().into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                ProfileField::Name,
                ProfileField::Email,
                ProfileField::Phone,
                ProfileField::ProfileUrl
            ]
        );
    }

    #[test]
    fn mail_link_is_not_a_profile_url() {
        let p = Profile {
            profile_url: "a@b.de".into(),
            ..Profile::default()
        };
        assert!(matches!(p.validate()[0].1, ProfileError::InvalidUrl(_)));
    }

    #[test]
    fn normalises_whitespace_and_link() {
        let p = Profile {
            name: "  Erika Muster ".into(),
            profile_url: " linkedin.com/in/erika ".into(),
            ..Profile::default()
        };
        let n = p.normalised();
        assert_eq!(n.name, "Erika Muster");
        assert_eq!(n.profile_url, "https://linkedin.com/in/erika");
    }

    #[test]
    fn counts_characters_not_bytes() {
        let p = Profile {
            name: "ü".repeat(MAX_LINE),
            ..Profile::default()
        };
        assert!(p.validate().is_empty());
    }

    #[test]
    fn old_saved_profiles_with_missing_fields_still_load() {
        let p: Profile = serde_json::from_str(r#"{"name":"Erika"}"#).unwrap();
        assert_eq!(p.name, "Erika");
        assert_eq!(p.email, "");
    }
}
