//! Reusable interview plans and message texts.

use serde::{Deserialize, Serialize};

use super::*;
use crate::domain::code::optional;
use crate::domain::lang::Lang;
use crate::domain::messages::model::Purpose;

/// What a template is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplatePurpose {
    /// An interview plan's questions.
    Interview,
    /// A message text the user wrote.
    Message,
}

impl Code for TemplatePurpose {
    const ALL: &'static [Self] = &[TemplatePurpose::Interview, TemplatePurpose::Message];

    fn key(self) -> &'static str {
        match self {
            TemplatePurpose::Interview => "interview",
            TemplatePurpose::Message => "message",
        }
    }
}

/// A reusable interview plan or message text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Common fields.
    pub meta: Meta,
    /// Interview plan or message text.
    pub purpose: Coded<TemplatePurpose>,
    /// Name shown in lists.
    pub name: String,
    /// The language it is written in.
    #[serde(default)]
    pub lang: Coded<Lang>,
    /// Subject line, for e-mail templates.
    #[serde(default)]
    pub subject: String,
    /// Message body with placeholders; for interview templates one question per line as
    /// `minutes<TAB>question id<TAB>text` (see `interviews::template`).
    #[serde(default)]
    pub body: String,
    /// For message templates: the purpose it was written for; offered first for messages
    /// with that purpose.
    #[serde(default, with = "optional", skip_serializing_if = "Option::is_none")]
    pub message_purpose: Option<Coded<Purpose>>,
}

impl Record for Template {
    const KIND: Kind = Kind::Templates;
    meta_field!(templates);
    fn check(&self) -> Result<(), RecordProblem> {
        if self.name.trim().is_empty() {
            return Err(RecordProblem::Missing("name"));
        }
        line("purpose", self.purpose.key())?;
        line("name", &self.name)?;
        line("lang", self.lang.key())?;
        line(
            "message_purpose",
            self.message_purpose.as_ref().map_or("", Coded::key),
        )?;
        line("subject", &self.subject)?;
        text("body", &self.body)
    }
}
