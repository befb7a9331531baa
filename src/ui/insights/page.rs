//! The Insights page: the time range, and each picture from the records the stores and
//! the database hold.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::contacts::draft::display_name;
use crate::domain::insights::activity::{activity, Activity};
use crate::domain::insights::goal::{goal_week, WeeklyGoal};
use crate::domain::insights::introductions::introductions;
use crate::domain::insights::outreach::{outreach, HeldInterview, Outreach, SentMessage};
use crate::domain::insights::rings::rings;
use crate::domain::insights::shift::{shift, Fields, Side};
use crate::domain::insights::Span;
use crate::domain::messages::checks::Context;
use crate::domain::messages::model::Status;
use crate::domain::record::{Contact, Interaction};
use crate::i18n::*;
use crate::storage::db::Database;
use crate::storage::prefs;
use crate::storage::StorageError;
use crate::ui::common::dates::local_time;
use crate::ui::common::select::EnumRadios;
use crate::ui::contacts::store::{use_network, Loaded};
use crate::ui::data::load_on_epoch;
use crate::ui::insights::activity::ActivitySection;
use crate::ui::insights::chart::InsightsStyle;
use crate::ui::insights::introductions::IntroductionsSection;
use crate::ui::insights::outreach::OutreachSection;
use crate::ui::insights::rings::RingsSection;
use crate::ui::insights::shift::{ShiftData, ShiftSection};
use crate::ui::interviews::store::use_interviews;
use crate::ui::messages::store::use_outreach;
use crate::ui::title::use_page_title;

fn span_label(i18n: I18n, span: Span) -> String {
    match span {
        Span::Months3 => t_string!(i18n, insights.span_3m),
        Span::Months6 => t_string!(i18n, insights.span_6m),
        Span::Months12 => t_string!(i18n, insights.span_12m),
        Span::All => t_string!(i18n, insights.span_all),
    }
    .to_string()
}

/// The timeline entries read for a range.
struct Entries {
    /// The range they were read for: the pictures show it until the next range's read
    /// arrives, so that a picture and its table never mix two ranges.
    span: Span,
    /// Every entry dated within it (or later).
    list: Vec<Interaction>,
}

/// The timeline entries dated `from` or later; everything for `None`.
async fn read_entries(
    db: &Database,
    from: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> Result<Vec<Interaction>, StorageError> {
    let mut all = Vec::new();
    match from {
        Some(from) => {
            db.each_month_since::<Interaction>(from, today, |month| all.extend(month))
                .await?
        }
        None => {
            db.each_page::<Interaction>(5_000, |page| all.extend(page))
                .await?
        }
    }
    Ok(all)
}

/// The Insights screen.
#[component]
pub fn InsightsPage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || t_string!(i18n, insights.title).to_string());
    let network = use_network();
    let outreach_store = use_outreach();
    let span = RwSignal::new(Span::default());
    let goal = prefs::load_weekly_goal();
    let today = Memo::new(move |_| network.clock.get().today);
    let sent_days = Memo::new(move |_| {
        outreach_store.messages.with(|messages| {
            messages
                .iter()
                .filter(|m| m.status.known() != Some(Status::Draft))
                .filter_map(|m| m.sent.map(|at| local_time(at).date()))
                .collect::<Vec<_>>()
        })
    });
    let entries = range_entries(span, today);
    let activity_memo: Memo<Option<Activity>> = Memo::new(move |_| {
        let today = today.get();
        entries.with(|e| {
            e.as_ref()
                .map(|e| sent_days.with(|sent| activity(&e.list, sent, e.span.start(today), today)))
        })
    });
    let streak = goal_streak(goal, today, sent_days, entries, activity_memo);
    let outreach_memo = outreach_of(span, today);
    let shift_data = shift_of(entries, today);
    let forest = Memo::new(move |_| {
        network.network.with(|n| {
            let contacts: Vec<&Contact> = n.contacts().collect();
            let fields = outreach_store
                .profile
                .with(|p| Fields::of(&p.target_field, &p.former_field));
            Some(introductions(&contacts, |c| {
                fields.side(&c.field) == Side::Target
            }))
        })
    });
    // Keep-in-touch states need the timelines: until they are in, every contact would
    // look never contacted.
    let rings_memo = Memo::new(move |_| {
        if network.loaded.get() < Loaded::All {
            return None;
        }
        let (clock, cadence) = (network.clock.get(), network.cadence.get());
        Some(network.network.with(|n| rings(n, clock, &cadence)))
    });
    view! {
        <InsightsStyle />
        <h1>{tr!(i18n, insights.title)}</h1>
        <p class="lead">{tr!(i18n, insights.lead)}</p>
        <EnumRadios name="insights-span" class="segmented" legend=move || t_string!(i18n, insights.span_legend)
            value=move || span.get() on_pick=move |s| span.set(s) label=span_label />
        <ActivitySection activity=activity_memo goal=goal streak=streak />
        <OutreachSection outreach=outreach_memo />
        <ShiftSection data=shift_data />
        <IntroductionsSection forest=forest
            has_target=Signal::derive(move || outreach_store.profile.with(|p| !p.target_field.trim().is_empty())) />
        <RingsSection rings=rings_memo />
    }
}

/// The timeline entries of the range shown, read when the screen opens and again when the
/// range changes, a month (or for everything, 5,000 entries) per task: years of timeline
/// at once would hold the page for a second.
fn range_entries(span: RwSignal<Span>, today: Memo<NaiveDate>) -> RwSignal<Option<Entries>> {
    let entries = RwSignal::new(None::<Entries>);
    load_on_epoch(move |db, reload| {
        let (wanted, today) = (span.get(), today.get());
        async move {
            let list = read_entries(&db, wanted.start(today), today).await?;
            // A newer range or reload started meanwhile: its read applies, not this one.
            if !reload.is_stale() && span.get_untracked() == wanted {
                entries.set(Some(Entries { span: wanted, list }));
            }
            Ok(())
        }
    });
    entries
}

/// How many weeks in a row met the weekly goal. The streak looks back a year whatever
/// the range shows, but only when every week shown met the goal does it need more than
/// the range's entries; then the year is read.
fn goal_streak(
    goal: WeeklyGoal,
    today: Memo<NaiveDate>,
    sent_days: Memo<Vec<NaiveDate>>,
    entries: RwSignal<Option<Entries>>,
    activity_memo: Memo<Option<Activity>>,
) -> Memo<usize> {
    let reaches_back = Memo::new(move |_| {
        if goal.is_off() {
            return false;
        }
        let today = today.get();
        let shorter_than_a_year = entries.with(|e| {
            e.as_ref().is_some_and(|e| {
                e.span
                    .start(today)
                    .zip(Span::Months12.start(today))
                    .is_some_and(|(shown, year)| shown > year)
            })
        });
        shorter_than_a_year
            && activity_memo.with(|a| {
                a.as_ref()
                    .is_some_and(|a| goal_week(goal, &a.weeks, today).streak >= a.weeks.len())
            })
    });
    let year_entries = RwSignal::new(None::<Vec<Interaction>>);
    load_on_epoch(move |db, reload| {
        let (needed, today) = (reaches_back.get(), today.get());
        async move {
            if needed {
                let list = read_entries(&db, Span::Months12.start(today), today).await?;
                if !reload.is_stale() {
                    year_entries.set(Some(list));
                }
            }
            Ok(())
        }
    });
    let streak = Memo::new(move |_| {
        if goal.is_off() {
            return 0;
        }
        let today = today.get();
        let count = |list: &[Interaction]| {
            sent_days.with(|sent| {
                let year = activity(list, sent, Span::Months12.start(today), today);
                goal_week(goal, &year.weeks, today).streak
            })
        };
        if reaches_back.get() {
            year_entries.with(|y| y.as_deref().map_or(0, count))
        } else {
            entries.with(|e| e.as_ref().map_or(0, |e| count(&e.list)))
        }
    });
    streak
}

/// What became of the messages sent and the interviews held in the range shown; `None`
/// until messages and interviews are read.
fn outreach_of(span: RwSignal<Span>, today: Memo<NaiveDate>) -> Memo<Option<Outreach>> {
    let network = use_network();
    let outreach_store = use_outreach();
    let interviews = use_interviews();
    Memo::new(move |_| {
        if !outreach_store.loaded.get() || !interviews.loaded.get() {
            return None;
        }
        let profile = outreach_store.profile.get();
        let premium = outreach_store.premium.get();
        let sent: Vec<SentMessage> = network.network.with(|n| {
            outreach_store.messages.with(|messages| {
                messages
                    .iter()
                    .filter_map(|m| {
                        let contact = m.contact_id.as_deref().and_then(|id| n.contact(id));
                        let introducer = contact
                            .and_then(|c| c.introduced_by.as_deref())
                            .and_then(|id| n.contact(id))
                            .map(display_name)
                            .unwrap_or_default();
                        let ctx = Context::for_recipient(
                            contact,
                            &introducer,
                            &m.recipient_name,
                            &profile,
                            premium,
                        );
                        let day = |at: Option<chrono::DateTime<chrono::Utc>>| {
                            at.map(|at| local_time(at).date())
                        };
                        SentMessage::of(m, day(m.sent), day(m.closed), &ctx)
                    })
                    .collect()
            })
        });
        let held: Vec<HeldInterview> = interviews.plans.with(|plans| {
            plans
                .iter()
                .filter_map(|p| {
                    let held = p.finished.or(p.wrapped_up)?;
                    Some(HeldInterview {
                        contact_id: p.contact_id.clone()?,
                        day: local_time(held).date(),
                        suggested: p.suggested.len(),
                    })
                })
                .collect()
        });
        Some(outreach(&sent, &held, span.get().start(today.get())))
    })
}

/// Month by month, how much of the timeline was with people of the field the user moves
/// to; `None` until the profile and the range's entries are read.
fn shift_of(entries: RwSignal<Option<Entries>>, today: Memo<NaiveDate>) -> Memo<Option<ShiftData>> {
    let network = use_network();
    let outreach_store = use_outreach();
    Memo::new(move |_| {
        if !outreach_store.loaded.get() {
            return None;
        }
        let (target, former) = outreach_store
            .profile
            .with(|p| (p.target_field.clone(), p.former_field.clone()));
        let fields = Fields::of(&target, &former);
        let today = today.get();
        let months = entries.with(|e| {
            let e = e.as_ref()?;
            Some(network.network.with(|n| {
                let contacts: Vec<&Contact> = n.contacts().collect();
                shift(&contacts, &e.list, &fields, e.span.start(today), today)
            }))
        })?;
        Some(ShiftData {
            months,
            target: target.trim().to_string(),
        })
    })
}
