//! The question library: built-in questions in German and English, written for this app
//! and grouped by the families of an informational interview (Dalton's TIARA plus the
//! classic topics), merged with the user's own questions and their hidden built-ins.
//!
//! Over 600 lines: most of it is the built-in questions themselves, as data.

use crate::domain::code::Code;
use crate::domain::contacts::search::fold;
use crate::domain::lang::Lang;
use crate::domain::record::Question;
use crate::domain::sorting::sort_by_cached_key;

/// A family of interview questions. A question without one counts as advice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// What a typical day or week looks like.
    DailyWork,
    /// How they got in; entry routes for newcomers and career changers.
    GettingIn,
    /// What they enjoy, what frustrates them.
    UpsDowns,
    /// Skills, training and knowledge that matter.
    Skills,
    /// Where people in this role go next.
    CareerPaths,
    /// How the organisation works and decides.
    Organisation,
    /// What is changing in the field (TIARA: T).
    Trends,
    /// What surprised them, what outsiders get wrong (TIARA: I).
    Insights,
    /// What they would do in the user's position (TIARA: A).
    #[default]
    Advice,
    /// Books, communities, events, people (TIARA: R).
    Resources,
    /// Projects that would give relevant experience (TIARA: A).
    Assignments,
    /// The closing question: whom else to talk to.
    Closing,
}

impl Code for Family {
    /// In the order a conversation usually visits them.
    const ALL: &'static [Self] = &[
        Family::DailyWork,
        Family::GettingIn,
        Family::UpsDowns,
        Family::Skills,
        Family::CareerPaths,
        Family::Organisation,
        Family::Trends,
        Family::Insights,
        Family::Advice,
        Family::Resources,
        Family::Assignments,
        Family::Closing,
    ];

    fn key(self) -> &'static str {
        match self {
            Family::DailyWork => "daily_work",
            Family::GettingIn => "getting_in",
            Family::UpsDowns => "ups_downs",
            Family::Skills => "skills",
            Family::CareerPaths => "career_paths",
            Family::Organisation => "organisation",
            Family::Trends => "trends",
            Family::Insights => "insights",
            Family::Advice => "advice",
            Family::Resources => "resources",
            Family::Assignments => "assignments",
            Family::Closing => "closing",
        }
    }
}

/// A question shipped with the app.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// Stable id, always starting with `builtin-` (plans and templates refer to it).
    pub id: &'static str,
    /// Its family.
    pub family: Family,
    /// Estimated minutes for question and answer.
    pub minutes: u32,
    /// The question in German (Sie form: the safe default with someone new).
    pub de: &'static str,
    /// The question in English.
    pub en: &'static str,
    /// Why to ask it, in German.
    pub hint_de: &'static str,
    /// Why to ask it, in English.
    pub hint_en: &'static str,
}

impl Builtin {
    /// The question in `lang`.
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }

    /// The hint in `lang`.
    pub fn hint(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.hint_de,
            Lang::En => self.hint_en,
        }
    }
}

/// The id of the closing question every new plan ends with.
pub const CLOSING_ID: &str = "builtin-closing-whom-else";

macro_rules! q {
    ($id:literal, $family:ident, $min:literal, $en:literal, $de:literal, $hint_en:literal, $hint_de:literal) => {
        Builtin {
            id: concat!("builtin-", $id),
            family: Family::$family,
            minutes: $min,
            de: $de,
            en: $en,
            hint_de: $hint_de,
            hint_en: $hint_en,
        }
    };
}

/// The built-in questions.
pub const BUILTINS: &[Builtin] = &[
    q!(
        "day-typical",
        DailyWork,
        4,
        "What does a typical week look like for you?",
        "Wie sieht eine typische Arbeitswoche bei Ihnen aus?",
        "Shows the real work behind the job title.",
        "Zeigt die echte Arbeit hinter der Stellenbezeichnung."
    ),
    q!(
        "day-tasks",
        DailyWork,
        3,
        "Which tasks take up most of your time?",
        "Welche Aufgaben nehmen den größten Teil Ihrer Zeit ein?",
        "Separates the core of the role from its edges.",
        "Trennt den Kern der Rolle von den Randthemen."
    ),
    q!(
        "day-people",
        DailyWork,
        3,
        "Whom do you work with most closely, inside and outside the team?",
        "Mit wem arbeiten Sie am engsten zusammen, im Team und darüber hinaus?",
        "Tells you which people and roles you would deal with.",
        "Zeigt, mit welchen Menschen und Rollen Sie zu tun hätten."
    ),
    q!(
        "day-tools",
        DailyWork,
        2,
        "Which tools and methods do you use every day?",
        "Mit welchen Werkzeugen und Methoden arbeiten Sie täglich?",
        "Concrete, easy to answer, and a list of things to learn.",
        "Konkret, leicht zu beantworten und eine Liste zum Lernen."
    ),
    q!(
        "in-path",
        GettingIn,
        4,
        "How did you get into this field?",
        "Wie sind Sie in dieses Feld gekommen?",
        "People like telling their story; it warms up the conversation.",
        "Menschen erzählen gern ihren Weg; das wärmt das Gespräch an."
    ),
    q!(
        "in-routes",
        GettingIn,
        3,
        "What are typical ways in for newcomers today?",
        "Welche Einstiegswege gibt es heute für Neue?",
        "Entry routes change; their view is current.",
        "Einstiegswege ändern sich; ihr Blick ist aktuell."
    ),
    q!(
        "in-changers",
        GettingIn,
        3,
        "How do career changers usually get a foothold here?",
        "Wie fassen Quereinsteigerinnen und Quereinsteiger hier üblicherweise Fuß?",
        "The question a career changer most needs answered.",
        "Die Frage, die bei einem Wechsel am meisten zählt."
    ),
    q!(
        "in-again",
        GettingIn,
        3,
        "If you started again today, would you take the same route?",
        "Würden Sie den gleichen Weg wieder gehen, wenn Sie heute neu anfingen?",
        "Turns their story into advice for today.",
        "Macht aus ihrer Geschichte einen Rat für heute."
    ),
    q!(
        "ups-best",
        UpsDowns,
        3,
        "What do you enjoy most about your work?",
        "Was macht Ihnen an Ihrer Arbeit am meisten Freude?",
        "Shows what keeps people in the role.",
        "Zeigt, was Menschen in der Rolle hält."
    ),
    q!(
        "ups-worst",
        UpsDowns,
        3,
        "What frustrates you, or what would you change if you could?",
        "Was frustriert Sie, oder was würden Sie ändern, wenn Sie könnten?",
        "The downsides nobody writes in a job ad.",
        "Die Schattenseiten, die in keiner Anzeige stehen."
    ),
    q!(
        "ups-hard",
        UpsDowns,
        3,
        "What was the hardest situation in your job so far?",
        "Was war bisher die schwierigste Situation in Ihrem Beruf?",
        "Reveals the pressure points of the work.",
        "Zeigt die Belastungsspitzen der Arbeit."
    ),
    q!(
        "ups-stress",
        UpsDowns,
        2,
        "How predictable are your hours and workload?",
        "Wie planbar sind Arbeitszeiten und Arbeitslast?",
        "Matters for whether the role fits your life.",
        "Wichtig dafür, ob die Rolle zu Ihrem Leben passt."
    ),
    q!(
        "skills-key",
        Skills,
        3,
        "Which skills matter most to do this job well?",
        "Welche Fähigkeiten sind am wichtigsten, um diese Arbeit gut zu machen?",
        "Tells you what to show and what to build.",
        "Zeigt, was Sie zeigen und was Sie aufbauen sollten."
    ),
    q!(
        "skills-first",
        Skills,
        3,
        "What should someone like me learn first?",
        "Was sollte jemand wie ich als Erstes lernen?",
        "Gives you a first step, not a whole curriculum.",
        "Ergibt einen ersten Schritt statt eines ganzen Lehrplans."
    ),
    q!(
        "skills-training",
        Skills,
        3,
        "Which courses or certificates are really valued here, and which are not?",
        "Welche Fortbildungen oder Zertifikate zählen hier wirklich, welche nicht?",
        "Saves money and time on training that does not count.",
        "Spart Geld und Zeit für Fortbildungen, die nicht zählen."
    ),
    q!(
        "skills-transfer",
        Skills,
        3,
        "Which of my previous experience could be useful here?",
        "Welche meiner bisherigen Erfahrungen könnten hier nützlich sein?",
        "Lets them connect your past to their field.",
        "Lässt sie Ihre Erfahrung mit ihrem Feld verbinden."
    ),
    q!(
        "career-next",
        CareerPaths,
        3,
        "Where do people in your role usually go next?",
        "Wohin entwickeln sich Menschen in Ihrer Rolle üblicherweise?",
        "Shows whether the role is a good step, not only a good job.",
        "Zeigt, ob die Rolle ein guter Schritt ist, nicht nur eine gute Stelle."
    ),
    q!(
        "career-growth",
        CareerPaths,
        3,
        "How does growth work here: specialist, management, or both?",
        "Wie funktioniert Entwicklung hier: Fachlaufbahn, Führung oder beides?",
        "Career ladders differ a lot between organisations.",
        "Laufbahnen unterscheiden sich stark zwischen Organisationen."
    ),
    q!(
        "career-own",
        CareerPaths,
        3,
        "Where do you see yourself going in the next few years?",
        "Wohin möchten Sie sich in den nächsten Jahren entwickeln?",
        "Shows interest in them as a person, not only as a source.",
        "Zeigt Interesse an der Person, nicht nur an der Quelle."
    ),
    q!(
        "career-starters",
        CareerPaths,
        3,
        "What do entry-level roles look like, and what do they lead to?",
        "Wie sehen Einstiegsrollen aus, und wohin führen sie?",
        "Realistic expectations for your first position.",
        "Realistische Erwartungen an den ersten Schritt."
    ),
    q!(
        "org-structure",
        Organisation,
        3,
        "How is your team organised, and where does it sit in the company?",
        "Wie ist Ihr Team organisiert, und wo ist es im Unternehmen angesiedelt?",
        "Helps you understand the organisation's map.",
        "Hilft, die Landkarte der Organisation zu verstehen."
    ),
    q!(
        "org-decisions",
        Organisation,
        3,
        "How are decisions made in your team?",
        "Wie werden in Ihrem Team Entscheidungen getroffen?",
        "Culture shows most clearly in how decisions happen.",
        "Kultur zeigt sich am deutlichsten in Entscheidungen."
    ),
    q!(
        "org-culture",
        Organisation,
        3,
        "What kind of people do well here?",
        "Welche Menschen kommen hier gut zurecht?",
        "A polite way to learn about the culture.",
        "Ein höflicher Weg, etwas über die Kultur zu erfahren."
    ),
    q!(
        "org-hiring",
        Organisation,
        3,
        "How do people usually find their way into this organisation?",
        "Wie finden Menschen üblicherweise den Weg in diese Organisation?",
        "Learn about hiring without asking for a job.",
        "Erfahren, wie eingestellt wird, ohne nach einer Stelle zu fragen."
    ),
    q!(
        "trends-change",
        Trends,
        3,
        "What is changing in your field right now?",
        "Was verändert sich in Ihrem Feld gerade?",
        "Insiders see trends before they reach the news.",
        "Insider sehen Trends, bevor sie in den Nachrichten sind."
    ),
    q!(
        "trends-future",
        Trends,
        3,
        "How will this role look in five years?",
        "Wie wird diese Rolle in fünf Jahren aussehen?",
        "Checks whether the field is worth the investment.",
        "Prüft, ob sich die Investition in das Feld lohnt."
    ),
    q!(
        "trends-tech",
        Trends,
        3,
        "Which new technologies or regulations affect your work most?",
        "Welche neuen Technologien oder Regeln wirken sich am stärksten auf Ihre Arbeit aus?",
        "Names the topics to read up on.",
        "Benennt die Themen zum Einlesen."
    ),
    q!(
        "trends-demand",
        Trends,
        2,
        "Which skills are in short supply at the moment?",
        "Welche Fähigkeiten sind gerade knapp?",
        "Where scarce skills are, doors open more easily.",
        "Wo Fähigkeiten knapp sind, öffnen sich Türen leichter."
    ),
    q!(
        "insight-surprise",
        Insights,
        3,
        "What surprised you most when you started?",
        "Was hat Sie am Anfang am meisten überrascht?",
        "Prepares you for what nobody tells newcomers.",
        "Bereitet auf das vor, was Neuen niemand sagt."
    ),
    q!(
        "insight-wrong",
        Insights,
        3,
        "What do outsiders often get wrong about this work?",
        "Was verstehen Außenstehende an dieser Arbeit oft falsch?",
        "Corrects your own assumptions early.",
        "Korrigiert die eigenen Annahmen früh."
    ),
    q!(
        "insight-success",
        Insights,
        3,
        "What separates people who are very good at this from the rest?",
        "Was unterscheidet die sehr Guten in diesem Beruf vom Rest?",
        "Shows what excellence means in this field.",
        "Zeigt, was Exzellenz in diesem Feld bedeutet."
    ),
    q!(
        "insight-wish",
        Insights,
        2,
        "What do you wish you had known earlier?",
        "Was hätten Sie gern früher gewusst?",
        "A short question that often gets the best answer.",
        "Eine kurze Frage, die oft die beste Antwort bekommt."
    ),
    q!(
        "advice-position",
        Advice,
        3,
        "What would you do in my position?",
        "Was würden Sie an meiner Stelle tun?",
        "Invites concrete advice instead of general talk.",
        "Lädt zu konkretem Rat statt allgemeiner Worte ein."
    ),
    q!(
        "advice-now",
        Advice,
        3,
        "What could I do in the next three months to prepare?",
        "Was könnte ich in den nächsten drei Monaten tun, um mich vorzubereiten?",
        "A time-bound question gets an actionable answer.",
        "Eine Frage mit Zeitrahmen bekommt eine umsetzbare Antwort."
    ),
    q!(
        "advice-avoid",
        Advice,
        2,
        "Which mistakes should I avoid when moving into this field?",
        "Welche Fehler sollte ich beim Wechsel in dieses Feld vermeiden?",
        "Learning from others' mistakes is cheaper.",
        "Aus fremden Fehlern zu lernen ist günstiger."
    ),
    q!(
        "advice-profile",
        Advice,
        3,
        "How would you present my background to someone in your field?",
        "Wie würden Sie meinen Hintergrund jemandem aus Ihrem Feld beschreiben?",
        "Helps you tell your story in their language.",
        "Hilft, die eigene Geschichte in ihrer Sprache zu erzählen."
    ),
    q!(
        "res-reading",
        Resources,
        2,
        "Which books, blogs or podcasts would you recommend?",
        "Welche Bücher, Blogs oder Podcasts würden Sie empfehlen?",
        "Easy to answer and easy to follow up on.",
        "Leicht zu beantworten und leicht nachzuverfolgen."
    ),
    q!(
        "res-communities",
        Resources,
        2,
        "Which communities, associations or meetups are worth joining?",
        "Welche Communities, Verbände oder Treffen lohnen sich?",
        "Where the field meets is where your network grows.",
        "Wo sich das Feld trifft, wächst Ihr Netzwerk."
    ),
    q!(
        "res-events",
        Resources,
        2,
        "Which conferences or events do people in your field attend?",
        "Welche Konferenzen oder Veranstaltungen besuchen Menschen aus Ihrem Feld?",
        "Gives you places to meet more insiders.",
        "Ergibt Orte, um weitere Insider zu treffen."
    ),
    q!(
        "res-follow",
        Resources,
        2,
        "Whose work in this field should I follow?",
        "Wessen Arbeit in diesem Feld sollte ich verfolgen?",
        "Names people, which often leads to introductions.",
        "Nennt Menschen, was oft zu Vorstellungen führt."
    ),
    q!(
        "assign-project",
        Assignments,
        3,
        "Which small project could give me relevant experience?",
        "Mit welchem kleinen Projekt könnte ich relevante Erfahrung sammeln?",
        "Turns advice into something you can show.",
        "Macht aus Rat etwas, das Sie vorzeigen können."
    ),
    q!(
        "assign-volunteer",
        Assignments,
        3,
        "Are there volunteer, freelance or side projects that would count?",
        "Gibt es ehrenamtliche, freiberufliche oder Nebenprojekte, die zählen würden?",
        "Finds a way in before the first position.",
        "Findet einen Einstieg vor der ersten Stelle."
    ),
    q!(
        "assign-test",
        Assignments,
        2,
        "How could I test whether this work suits me before I switch?",
        "Wie könnte ich prüfen, ob mir diese Arbeit liegt, bevor ich wechsle?",
        "A cheap experiment beats a costly change.",
        "Ein günstiger Versuch schlägt einen teuren Wechsel."
    ),
    q!(
        "assign-portfolio",
        Assignments,
        2,
        "What would you like to see in a portfolio or sample of work?",
        "Was würden Sie gern in einer Arbeitsprobe oder einem Portfolio sehen?",
        "Learn what evidence the field trusts.",
        "Erfahren, welchen Nachweisen das Feld vertraut."
    ),
    q!(
        "closing-whom-else",
        Closing,
        3,
        "Whom else would you recommend I talk to? May I mention your name?",
        "Mit wem sollte ich Ihrer Meinung nach noch sprechen? Darf ich mich auf Sie berufen?",
        "This is how the network grows; always ask it.",
        "So wächst das Netzwerk; diese Frage immer stellen."
    ),
    q!(
        "closing-help",
        Closing,
        2,
        "Is there anything I can do for you in return?",
        "Kann ich im Gegenzug etwas für Sie tun?",
        "Networking is give and take.",
        "Netzwerken ist Geben und Nehmen."
    ),
    q!(
        "closing-stay",
        Closing,
        1,
        "May I let you know how things went?",
        "Darf ich Ihnen berichten, was aus Ihren Tipps geworden ist?",
        "Opens the door for the report-back.",
        "Öffnet die Tür für die spätere Rückmeldung."
    ),
];

/// The built-in question with this id.
pub fn builtin(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

/// Whether an id names a built-in question.
pub fn is_builtin(id: &str) -> bool {
    id.starts_with("builtin-")
}

/// One question as the library shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The built-in id or the stored question's id.
    pub id: String,
    /// The text in the current language (built-ins) or as written (own questions).
    pub text: String,
    /// The family; own questions without a known family count as advice.
    pub family: Family,
    /// Estimated minutes.
    pub minutes: u32,
    /// Why to ask it.
    pub hint: String,
    /// Whether it is one of the user's own questions.
    pub own: bool,
    /// Hidden (built-ins) or archived (own questions).
    pub hidden: bool,
}

/// The library in `lang`: built-ins in catalogue order, then own questions by text. A
/// stored [`Question`] whose id is a built-in's only says whether that built-in is hidden.
pub fn entries(stored: &[Question], lang: Lang) -> Vec<Entry> {
    let hidden = |id: &str| stored.iter().any(|q| q.meta.id == id && q.archived);
    let mut list: Vec<Entry> = BUILTINS
        .iter()
        .map(|b| Entry {
            id: b.id.to_string(),
            text: b.text(lang).to_string(),
            family: b.family,
            minutes: b.minutes,
            hint: b.hint(lang).to_string(),
            own: false,
            hidden: hidden(b.id),
        })
        .collect();
    let mut own: Vec<Entry> = stored
        .iter()
        .filter(|q| !is_builtin(&q.meta.id))
        .map(|q| Entry {
            id: q.meta.id.clone(),
            text: q.text.clone(),
            family: q.family.or(Family::Advice),
            minutes: q.minutes.clamp(1, 60),
            hint: q.hint.clone(),
            own: true,
            hidden: q.archived,
        })
        .collect();
    sort_by_cached_key(&mut own, |e| fold(&e.text));
    list.extend(own);
    list
}

/// What the library shows: the search text, a family, and whether hidden ones are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words that must all appear in the question or its hint (folded: "fuer" finds "für").
    pub text: String,
    /// Only this family.
    pub family: Option<Family>,
    /// Show hidden and archived questions too.
    pub show_hidden: bool,
}

/// The entries that pass `filter`, in library order.
pub fn filter<'a>(entries: &'a [Entry], filter: &Filter) -> Vec<&'a Entry> {
    let words: Vec<String> = fold(&filter.text)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    entries
        .iter()
        .filter(|e| filter.show_hidden || !e.hidden)
        .filter(|e| filter.family.is_none_or(|f| f == e.family))
        .filter(|e| {
            if words.is_empty() {
                return true;
            }
            let hay = fold(&format!("{} {}", e.text, e.hint));
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}
