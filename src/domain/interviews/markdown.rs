//! A plan with its answers as Markdown, to download or paste elsewhere.

use chrono::NaiveDateTime;

use super::plan::{Budget, ItemState};
use crate::domain::format::{date_long, hour_minute, iso_date};
use crate::domain::lang::Lang;
use crate::domain::record::{InterviewPlan, MeetingFormat};

/// Escapes the characters that would turn user text into Markdown structure.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line user text as a block quote indented under a list item.
fn quote(text: &str, indent: &str) -> String {
    text.trim()
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                format!("{indent}>")
            } else {
                format!("{indent}> {}", escape(l.trim_end()))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

struct Labels {
    title: &'static str,
    date: &'static str,
    format: [&'static str; 3],
    planned: &'static str,
    goal: &'static str,
    hopes: &'static str,
    intro: &'static str,
    questions: &'static str,
    asked: &'static str,
    skipped: &'static str,
    minutes: &'static str,
    suggested: &'static str,
    may_mention: &'static str,
    promised: &'static str,
    notes: &'static str,
}

fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::De => Labels {
            title: "Informationsgespräch",
            date: "Termin",
            format: ["Persönlich", "Telefon", "Video"],
            planned: "Geplant",
            goal: "Ziel",
            hopes: "Was ich erfahren möchte",
            intro: "Meine kurze Vorstellung",
            questions: "Fragen",
            asked: "gestellt",
            skipped: "ausgelassen",
            minutes: "Min.",
            suggested: "Empfohlene Kontakte",
            may_mention: "darf mich auf die Empfehlung berufen",
            promised: "Ich habe versprochen",
            notes: "Notizen",
        },
        Lang::En => Labels {
            title: "Informational interview",
            date: "When",
            format: ["In person", "Phone", "Video"],
            planned: "Planned",
            goal: "Goal",
            hopes: "What I hope to learn",
            intro: "My short introduction",
            questions: "Questions",
            asked: "asked",
            skipped: "skipped",
            minutes: "min",
            suggested: "People they suggested",
            may_mention: "may mention their name",
            promised: "I promised",
            notes: "Notes",
        },
    }
}

/// The plan as Markdown. `person` is the interviewee's name, `when` the local date and
/// time of the appointment.
pub fn to_markdown(
    plan: &InterviewPlan,
    person: &str,
    when: Option<NaiveDateTime>,
    lang: Lang,
) -> String {
    let l = labels(lang);
    let mut out = String::new();
    let person = person.trim();
    if person.is_empty() {
        out.push_str(&format!("# {}\n\n", l.title));
    } else {
        out.push_str(&format!("# {}: {}\n\n", l.title, escape(person)));
    }
    if let Some(at) = when {
        out.push_str(&format!(
            "- **{}:** {}, {}\n",
            l.date,
            date_long(at.date(), lang),
            hour_minute(at.time())
        ));
    }
    let format = l.format[match plan.format {
        MeetingFormat::InPerson => 0,
        MeetingFormat::Phone => 1,
        MeetingFormat::Video => 2,
    }];
    if plan.place.trim().is_empty() {
        out.push_str(&format!("- {format}\n"));
    } else {
        out.push_str(&format!("- {format}: {}\n", escape(plan.place.trim())));
    }
    let budget = Budget::of(plan);
    out.push_str(&format!(
        "- **{}:** {} {}\n",
        l.planned, budget.planned, l.minutes
    ));
    for (title, text) in [
        (l.goal, &plan.goal),
        (l.hopes, &plan.hopes),
        (l.intro, &plan.my_intro),
    ] {
        if !text.trim().is_empty() {
            out.push_str(&format!("\n## {title}\n\n{}\n", escape(text.trim())));
        }
    }
    if !plan.items.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l.questions));
        for (n, item) in plan.items.iter().enumerate() {
            let state = match item.state.or(ItemState::Open) {
                ItemState::Open => String::new(),
                ItemState::Asked => format!(" — {}", l.asked),
                ItemState::Skipped => format!(" — {}", l.skipped),
            };
            out.push_str(&format!(
                "{}. **{}** ({} {}){}\n",
                n + 1,
                escape(item.text.trim()),
                item.minutes,
                l.minutes,
                state
            ));
            if !item.answer.trim().is_empty() {
                out.push_str(&quote(&item.answer, "   "));
                out.push('\n');
            }
        }
    }
    let people: Vec<_> = plan
        .suggested
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .collect();
    if !people.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l.suggested));
        for p in people {
            let mut line = format!("- {}", escape(p.name.trim()));
            if !p.company.trim().is_empty() {
                line.push_str(&format!(" ({})", escape(p.company.trim())));
            }
            if !p.note.trim().is_empty() {
                line.push_str(&format!(": {}", escape(p.note.trim())));
            }
            if p.may_mention {
                line.push_str(&format!(" — {}", l.may_mention));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    let promised: Vec<_> = plan
        .promised
        .iter()
        .filter(|p| !p.trim().is_empty())
        .collect();
    if !promised.is_empty() {
        out.push_str(&format!("\n## {}\n\n", l.promised));
        for p in promised {
            out.push_str(&format!("- {}\n", escape(p.trim())));
        }
    }
    if !plan.notes.trim().is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            l.notes,
            escape(plan.notes.trim())
        ));
    }
    out
}

/// A file name for the export: `interview-2026-12-03-dana-odegaard.md`.
pub fn file_name(person: &str, when: Option<NaiveDateTime>) -> String {
    let slug: String = crate::domain::contacts::search::fold(person)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let mut name = String::from("interview");
    if let Some(at) = when {
        name.push('-');
        name.push_str(&iso_date(at.date()));
    }
    if !slug.is_empty() {
        name.push('-');
        name.push_str(&slug.chars().take(40).collect::<String>());
    }
    name.push_str(".md");
    name
}
