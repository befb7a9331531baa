//! Reusable interview plans and message texts.

use serde::{Deserialize, Serialize};

use super::*;

/// A reusable interview plan or message text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Common fields.
    pub meta: Meta,
    /// `interview` or `message`.
    pub purpose: String,
    /// Name shown in lists.
    pub name: String,
    /// Language code, for message templates.
    #[serde(default)]
    pub lang: String,
    /// Subject line, for e-mail templates.
    #[serde(default)]
    pub subject: String,
    /// Message body with placeholders; for interview templates one question per line as
    /// `minutes<TAB>question id<TAB>text` (see `interviews::template`).
    #[serde(default)]
    pub body: String,
    /// For message templates: the purpose key it was written for (`interview`,
    /// `reconnect`, …); offered first for messages with that purpose.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_purpose: String,
}

impl Record for Template {
    const KIND: Kind = Kind::Templates;
    meta_field!(templates);
    fn check(&self) -> Result<(), RecordProblem> {
        if self.name.trim().is_empty() {
            return Err(RecordProblem::Missing("name"));
        }
        line("purpose", &self.purpose)?;
        line("name", &self.name)?;
        line("lang", &self.lang)?;
        line("subject", &self.subject)?;
        text("body", &self.body)
    }
}
