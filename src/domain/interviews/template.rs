//! Interview templates: a plan's questions kept for reuse, the built-in ones, and how a
//! plan starts from either.
//!
//! A stored [`Template`] with purpose `interview` keeps one question per line as
//! `minutes<TAB>question id<TAB>text`: readable in a backup file and independent of the
//! plan it came from. Library questions are referred to by id, so a built-in question
//! shows in the user's current language when the template is used.

use super::library::{builtin, Entry, CLOSING_ID};
use super::plan::{closing_item, DEFAULT_MINUTES, MAX_DURATION};
use crate::domain::lang::Lang;
use crate::domain::record::{PlanItem, Template, TemplatePurpose};
use crate::domain::sorting::sort_by_cached_key;

/// A template shipped with the app.
#[derive(Clone, Copy, Debug)]
pub struct BuiltinTemplate {
    /// Stable id.
    pub id: &'static str,
    /// Name in German.
    pub name_de: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// The planned length it suits.
    pub duration: u32,
    /// Built-in question ids, in order.
    pub questions: &'static [&'static str],
}

impl BuiltinTemplate {
    /// The name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.name_de,
            Lang::En => self.name_en,
        }
    }
}

/// The built-in templates.
pub const BUILTIN_TEMPLATES: &[BuiltinTemplate] = &[
    BuiltinTemplate {
        id: "builtin-tpl-career-change",
        name_de: "Quereinstieg in ein neues Feld",
        name_en: "Career change into a new field",
        duration: 30,
        questions: &[
            "builtin-in-path",
            "builtin-day-typical",
            "builtin-in-changers",
            "builtin-skills-transfer",
            "builtin-skills-first",
            "builtin-advice-now",
            CLOSING_ID,
        ],
    },
    BuiltinTemplate {
        id: "builtin-tpl-company",
        name_de: "Ein Unternehmen kennenlernen",
        name_en: "Get to know one company",
        duration: 30,
        questions: &[
            "builtin-day-people",
            "builtin-org-structure",
            "builtin-org-decisions",
            "builtin-org-culture",
            "builtin-org-hiring",
            "builtin-trends-change",
            CLOSING_ID,
        ],
    },
    BuiltinTemplate {
        id: "builtin-tpl-short",
        name_de: "Kurzes 20-Minuten-Gespräch",
        name_en: "Short 20-minute call",
        duration: 20,
        questions: &[
            "builtin-day-tasks",
            "builtin-insight-wish",
            "builtin-advice-position",
            CLOSING_ID,
        ],
    },
];

/// The built-in template with this id.
pub fn builtin_template(id: &str) -> Option<&'static BuiltinTemplate> {
    BUILTIN_TEMPLATES.iter().find(|t| t.id == id)
}

/// One question of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Estimated minutes.
    pub minutes: u32,
    /// The library question, if it came from the library.
    pub question_id: Option<String>,
    /// The text as it was in the plan.
    pub text: String,
}

/// The template body for a plan's questions (answers and states are not kept).
pub fn encode(items: &[PlanItem]) -> String {
    items
        .iter()
        .map(|i| {
            let text: String = i
                .text
                .chars()
                .map(|c| {
                    if c == '\t' || c == '\n' || c == '\r' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            format!(
                "{}\t{}\t{}",
                i.minutes,
                i.question_id.as_deref().unwrap_or(""),
                text.trim()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The questions of a template body. Lines that are plain text (a template written by
/// hand, or by a later version) become own questions of the default length; empty lines
/// are skipped.
pub fn decode(body: &str) -> Vec<Line> {
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.splitn(3, '\t');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(m), Some(id), Some(text)) if m.trim().parse::<u32>().is_ok() => Line {
                    minutes: m
                        .trim()
                        .parse::<u32>()
                        .unwrap_or(DEFAULT_MINUTES)
                        .clamp(1, MAX_DURATION),
                    question_id: Some(id.trim().to_string()).filter(|s| !s.is_empty()),
                    text: text.trim().to_string(),
                },
                _ => Line {
                    minutes: DEFAULT_MINUTES,
                    question_id: None,
                    text: l.trim().to_string(),
                },
            }
        })
        .collect()
}

/// The plan items for a template's lines. A built-in question takes its text in `lang`;
/// an own question still in the library takes its current text; anything else keeps the
/// text saved with the template. The closing question is added at the end if missing:
/// every new plan asks whom else to talk to.
pub fn instantiate(lines: &[Line], library: &[Entry], lang: Lang) -> Vec<PlanItem> {
    let mut items: Vec<PlanItem> = lines
        .iter()
        .map(|line| {
            let text = match line.question_id.as_deref() {
                Some(id) => builtin(id)
                    .map(|b| b.text(lang).to_string())
                    .or_else(|| library.iter().find(|e| e.id == id).map(|e| e.text.clone()))
                    .unwrap_or_else(|| line.text.clone()),
                None => line.text.clone(),
            };
            PlanItem {
                question_id: line.question_id.clone(),
                text,
                minutes: line.minutes,
                ..PlanItem::default()
            }
        })
        .collect();
    if !items
        .iter()
        .any(|i| i.question_id.as_deref() == Some(CLOSING_ID))
    {
        items.push(closing_item(lang));
    }
    items
}

/// The lines of a built-in template.
pub fn builtin_lines(t: &BuiltinTemplate) -> Vec<Line> {
    t.questions
        .iter()
        .filter_map(|id| builtin(id))
        .map(|b| Line {
            minutes: b.minutes,
            question_id: Some(b.id.to_string()),
            text: b.en.to_string(),
        })
        .collect()
}

/// The user's interview templates among all stored templates, by name.
pub fn own_templates(all: &[Template]) -> Vec<&Template> {
    let mut list: Vec<&Template> = all
        .iter()
        .filter(|t| t.purpose.is(TemplatePurpose::Interview))
        .collect();
    sort_by_cached_key(&mut list, |t| t.name.to_lowercase());
    list
}
