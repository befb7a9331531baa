//! Contact photos, stored as base64 next to their contact.

use serde::{Deserialize, Serialize};

use super::*;

/// A contact's photo, scaled down in the browser before it is stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Photo {
    /// Common fields.
    pub meta: Meta,
    /// The contact it shows.
    pub contact_id: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// The image, base64 encoded (standard alphabet, padded).
    pub data: String,
}

impl Record for Photo {
    const KIND: Kind = Kind::Photos;
    meta_field!(photos);
    fn index_values(&self) -> Vec<(&'static str, IndexValue)> {
        vec![("contact", IndexValue::Text(self.contact_id.clone()))]
    }
    fn references(&self) -> Vec<Reference<'_>> {
        vec![Reference {
            target: Kind::Contacts,
            id: &self.contact_id,
            field: "contact_id",
            link: Link::Owner,
        }]
    }
    fn references_mut(&mut self) -> Vec<ReferenceMut<'_>> {
        vec![ReferenceMut {
            target: Kind::Contacts,
            field: "contact_id",
            link: Link::Owner,
            slot: Slot::Required(&mut self.contact_id),
        }]
    }
    fn check(&self) -> Result<(), RecordProblem> {
        if !PHOTO_TYPES.contains(&self.mime.as_str()) {
            return Err(RecordProblem::Invalid("mime"));
        }
        match base64_decoded_len(&self.data) {
            None | Some(0) => Err(RecordProblem::Invalid("data")),
            Some(n) if n > MAX_PHOTO_BYTES => Err(RecordProblem::TooLong {
                field: "data",
                max: MAX_PHOTO_BYTES,
            }),
            Some(_) => Ok(()),
        }
    }
}

/// The decoded length of padded standard base64, or `None` if `s` is not such base64.
pub fn base64_decoded_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return None;
    }
    let body = &bytes[..bytes.len() - padding];
    body.iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/')
        .then(|| bytes.len() / 4 * 3 - padding)
}
