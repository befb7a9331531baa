//! Rings: the circles core, network and periphery around "You", in sectors by field; each
//! contact a dot coloured by how keeping in touch stands (a link to them, named in a
//! tooltip on hover and on focus). Too many to draw one by one, each sector's part of a
//! ring is split by the counts per state instead.

use std::f64::consts::{FRAC_PI_2, TAU};

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::domain::code::Code;
use crate::domain::format;
use crate::domain::insights::rings::{Dot, Rings, SectorName, Touch};
use crate::domain::record::Circle;
use crate::i18n::*;
use crate::ui::common::routes::contact_path;
use crate::ui::contacts::labels::circle_label;
use crate::ui::insights::chart::{use_width, TableToggle};
use crate::ui::link::{use_app_path, AppLink};

/// The distances between dots' centres tried, largest first: few contacts get dots large
/// enough to point at, many get small ones before the counts take over.
const PITCHES: [f64; 3] = [20.0, 15.0, 11.0];
/// A dot's radius as a share of the pitch.
const DOT_SHARE: f64 = 0.4;
/// Room around the rings for the sectors' numbers.
const MARGIN: f64 = 20.0;
/// The largest diameter drawn: on a desktop more would only spread the dots.
const MAX_SIZE: f64 = 560.0;

fn touch_label(i18n: I18n, touch: Touch) -> String {
    match touch {
        Touch::Overdue => t_string!(i18n, insights.touch_overdue),
        Touch::Due => t_string!(i18n, insights.touch_due),
        Touch::Dormant => t_string!(i18n, insights.touch_dormant),
        Touch::NoRhythm => t_string!(i18n, insights.touch_none),
        Touch::Fine => t_string!(i18n, insights.touch_fine),
    }
    .to_string()
}

fn people(i18n: I18n, count: usize) -> String {
    match count {
        1 => t_string!(i18n, insights.rings_person).to_string(),
        n => t_string!(
            i18n,
            insights.rings_people,
            count = format::integer(n as i64, i18n.lang_untracked())
        )
        .to_string(),
    }
}

fn sector_label(i18n: I18n, name: &SectorName) -> String {
    match name {
        SectorName::Field(f) => f.clone(),
        SectorName::OtherFields => t_string!(i18n, insights.rings_other_fields).to_string(),
        SectorName::NoField => t_string!(i18n, insights.rings_no_field).to_string(),
    }
}

/// "Core circle: 14 people · overdue: 3 · due within a week: 2"; about everyone when the
/// core circle is empty.
fn summary(i18n: I18n, rings: &Rings) -> String {
    let lang = i18n.lang_untracked();
    let n = |v: usize| format::integer(v as i64, lang);
    let core = rings.circle_counts(Circle::Core);
    let core_total: usize = core.iter().sum();
    let (counts, total, text) = if core_total > 0 {
        (
            core,
            core_total,
            t_string!(i18n, insights.rings_core).to_string(),
        )
    } else {
        let mut all = [0; 5];
        for c in Circle::ALL {
            for (a, v) in all.iter_mut().zip(rings.circle_counts(*c)) {
                *a += v;
            }
        }
        (
            all,
            rings.total(),
            t_string!(i18n, insights.rings_all).to_string(),
        )
    };
    let at = |t: Touch| counts[Touch::ALL.iter().position(|x| *x == t).unwrap_or(0)];
    format!(
        "{text}: {} · {}: {} · {}: {}",
        people(i18n, total),
        touch_label(i18n, Touch::Overdue),
        n(at(Touch::Overdue)),
        touch_label(i18n, Touch::Due),
        n(at(Touch::Due)),
    )
}

/// The section for `rings` (`None` while the network loads).
#[component]
pub fn RingsSection(rings: Memo<Option<Rings>>) -> impl IntoView {
    let i18n = use_i18n();
    let chart_box = NodeRef::<leptos::html::Div>::new();
    let width = use_width(chart_box);
    view! {
        <section class="card insight" aria-labelledby="insights-rings">
            <h2 id="insights-rings">{tr!(i18n, insights.rings_title)}</h2>
            {move || rings.with(|r| match r {
                None => view! { <p class="muted">{tr!(i18n, insights.loading)}</p> }.into_any(),
                Some(r) if r.total() == 0 => view! {
                    <p>{tr!(i18n, insights.rings_empty)}</p>
                    <p><AppLink href="/contacts/new" class="button button--secondary">{tr!(i18n, insights.rings_add)}</AppLink></p>
                }.into_any(),
                Some(r) => {
                    let drawn = r.clone();
                    let rows = r.clone();
                    view! {
                        <p class="insight__summary">{summary(i18n, r)}</p>
                        <p class="hint">{tr!(i18n, insights.rings_how)}</p>
                        <div class="chart-box" node_ref=chart_box>{move || picture(i18n, &drawn, width.get())}</div>
                        <ul class="legend" aria-hidden="true">
                            {Touch::ALL.iter().map(|t| view! {
                                <li><span class=format!("swatch touch-{}", t.key())></span>{touch_label(i18n, *t)}</li>
                            }).collect_view()}
                        </ul>
                        <ol class="sector-legend">
                            {r.sectors.iter().map(|s| view! {
                                <li>{sector_label(i18n, &s.name)}": "{people(i18n, s.total())}</li>
                            }).collect_view()}
                        </ol>
                        <TableToggle id="rings-table" table=move || table(i18n, &rows) />
                    }.into_any()
                }
            })}
        </section>
    }
}

/// Where the rings sit in a picture `width` wide.
struct Layout {
    cx: f64,
    cy: f64,
    /// The radius of "You"; the core ring starts there.
    inner: f64,
    /// The width of each ring.
    band: f64,
    /// Per sector its first angle (clockwise from twelve o'clock), and one more: the end.
    starts: Vec<f64>,
}

impl Layout {
    fn new(width: f64, rings: &Rings) -> Layout {
        let size = width.clamp(240.0, MAX_SIZE);
        let radius = size / 2.0 - MARGIN;
        let inner = (radius * 0.16).max(22.0);
        let total = rings.total().max(1) as f64;
        // A sector as wide as its share, but never so thin that its dots do not fit a row.
        let min = if rings.sectors.len() > 1 { 0.05 } else { 0.0 };
        let shares: Vec<f64> = rings
            .sectors
            .iter()
            .map(|s| (s.total() as f64 / total).max(min))
            .collect();
        let sum: f64 = shares.iter().sum::<f64>().max(f64::EPSILON);
        let mut starts = vec![0.0];
        let mut at = 0.0;
        for s in shares {
            at += s / sum * TAU;
            starts.push(at);
        }
        Layout {
            cx: width / 2.0,
            cy: size / 2.0,
            inner,
            band: (radius - inner) / 3.0,
            starts,
        }
    }

    fn height(&self) -> f64 {
        self.cy * 2.0
    }

    fn outer(&self) -> f64 {
        self.inner + 3.0 * self.band
    }

    fn point(&self, r: f64, angle: f64) -> (f64, f64) {
        let a = angle - FRAC_PI_2;
        (self.cx + r * a.cos(), self.cy + r * a.sin())
    }

    /// The ring of `circle`: its inner and outer radius.
    fn ring(&self, circle: Circle) -> (f64, f64) {
        let i = Circle::ALL.iter().position(|c| *c == circle).unwrap_or(1) as f64;
        (
            self.inner + i * self.band,
            self.inner + (i + 1.0) * self.band,
        )
    }

    /// The outline of the part of a ring between two angles.
    fn wedge(&self, (r1, r2): (f64, f64), a1: f64, a2: f64) -> String {
        if a2 - a1 >= TAU - 1e-9 {
            // A full ring: two half arcs each way, since one arc cannot close a circle.
            let (ox, oy) = self.point(r2, 0.0);
            let (px, py) = self.point(r2, TAU / 2.0);
            let (ix, iy) = self.point(r1, 0.0);
            let (jx, jy) = self.point(r1, TAU / 2.0);
            return format!(
                "M{ox:.2} {oy:.2}A{r2:.2} {r2:.2} 0 1 1 {px:.2} {py:.2}A{r2:.2} {r2:.2} 0 1 1 {ox:.2} {oy:.2}Z\
                 M{ix:.2} {iy:.2}A{r1:.2} {r1:.2} 0 1 0 {jx:.2} {jy:.2}A{r1:.2} {r1:.2} 0 1 0 {ix:.2} {iy:.2}Z"
            );
        }
        let large = u8::from(a2 - a1 > TAU / 2.0);
        let (x1, y1) = self.point(r2, a1);
        let (x2, y2) = self.point(r2, a2);
        let (x3, y3) = self.point(r1, a2);
        let (x4, y4) = self.point(r1, a1);
        format!(
            "M{x1:.2} {y1:.2}A{r2:.2} {r2:.2} 0 {large} 1 {x2:.2} {y2:.2}L{x3:.2} {y3:.2}\
             A{r1:.2} {r1:.2} 0 {large} 0 {x4:.2} {y4:.2}Z"
        )
    }
}

/// The centres of `dots` (sorted by sector, circle and state, as the domain gives them):
/// in each sector's part of a ring, on arcs from the outside in, each arc's dots centred.
/// `None` when some part holds more than fit at `pitch`.
fn place(layout: &Layout, dots: &[Dot], pitch: f64) -> Option<Vec<(f64, f64)>> {
    let mut out = Vec::with_capacity(dots.len());
    let mut at = 0;
    while at < dots.len() {
        let (sector, circle) = (dots[at].sector, dots[at].circle);
        let count = dots[at..]
            .iter()
            .take_while(|d| d.sector == sector && d.circle == circle)
            .count();
        let (a1, a2) = (layout.starts[sector], layout.starts[sector + 1]);
        let (r1, r2) = layout.ring(circle);
        let mut left = count;
        let mut r = r2 - pitch / 2.0;
        while left > 0 {
            if r < r1 + pitch / 2.0 - 0.01 {
                return None;
            }
            let room = ((r * (a2 - a1) - pitch) / pitch).floor() + 1.0;
            let fits = if room >= 1.0 { room as usize } else { 0 };
            let here = fits.min(left);
            let middle = (a1 + a2) / 2.0;
            for j in 0..here {
                let offset = (j as f64 - (here as f64 - 1.0) / 2.0) * pitch / r;
                out.push(layout.point(r, middle + offset));
            }
            left -= here;
            r -= pitch;
        }
        at += count;
    }
    Some(out)
}

/// The rings, the sectors' borders and numbers, "You", and the contacts on top.
fn picture(i18n: I18n, rings: &Rings, width: f64) -> AnyView {
    // Narrower than this the rings would have no room for a dot: the card scrolls instead.
    let width = width.max(240.0);
    let layout = Layout::new(width, rings);
    let height = layout.height();
    let mut base = Vec::new();
    for circle in Circle::ALL.iter().rev() {
        let (_, r2) = layout.ring(*circle);
        base.push(view! { <circle class=format!("ring-band ring-band--{}", circle.key()) cx=layout.cx cy=layout.cy r=r2 /> }.into_any());
    }
    if rings.sectors.len() > 1 {
        for a in &layout.starts[..layout.starts.len() - 1] {
            let (x1, y1) = layout.point(layout.inner, *a);
            let (x2, y2) = layout.point(layout.outer() + 4.0, *a);
            base.push(view! { <line class="sector-border" x1=x1 y1=y1 x2=x2 y2=y2 /> }.into_any());
        }
    }
    for (i, pair) in layout.starts.windows(2).enumerate() {
        let (x, y) = layout.point(
            layout.outer() + MARGIN / 2.0 + 1.0,
            (pair[0] + pair[1]) / 2.0,
        );
        base.push(view! {
            <text class="axis-label sector-number" x=x y=y + 4.0 text-anchor="middle">{(i + 1).to_string()}</text>
        }.into_any());
    }
    base.push(view! {
        <circle class="ring-you" cx=layout.cx cy=layout.cy r=layout.inner />
        <text class="axis-label ring-you__label" x=layout.cx y=layout.cy + 4.0 text-anchor="middle">{tr!(i18n, insights.led_you)}</text>
    }.into_any());
    let placed = rings.dots.as_deref().and_then(|dots| {
        PITCHES
            .iter()
            .find_map(|p| place(&layout, dots, *p).map(|at| (dots, at, *p * DOT_SHARE)))
    });
    match placed {
        Some((dots, at, radius)) => {
            let view_box = format!("0 0 {width} {height}");
            let label = t_string!(i18n, insights.rings_label).to_string();
            view! {
                <svg class="chart rings-chart" width=width height=height viewBox=view_box role="group" aria-label=label>
                    <g aria-hidden="true">{base}</g>
                    <Dots dots=dots.to_vec() at=at radius=radius width=width />
                </svg>
            }
            .into_any()
        }
        None => {
            let lang = i18n.lang_untracked();
            let mut wedges = Vec::new();
            for (s, sector) in rings.sectors.iter().enumerate() {
                let (a1, a2) = (layout.starts[s], layout.starts[s + 1]);
                for circle in Circle::ALL {
                    let all = sector.in_circle(*circle);
                    let mut from = a1;
                    for touch in Touch::ALL {
                        let n = sector.count(*circle, *touch);
                        if n == 0 {
                            continue;
                        }
                        let to = from + (a2 - a1) * n as f64 / all as f64;
                        let d = layout.wedge(layout.ring(*circle), from, to);
                        // A tooltip for the pointer; the table tells everyone.
                        let title = format!(
                            "{} · {} · {}: {}",
                            circle_label(i18n, *circle),
                            sector_label(i18n, &sector.name),
                            touch_label(i18n, *touch),
                            format::integer(n as i64, lang)
                        );
                        wedges.push(view! {
                            <path class=format!("wedge touch-{}", touch.key()) d=d><title>{title}</title></path>
                        });
                        from = to;
                    }
                }
            }
            view! {
                <svg class="chart rings-chart" width=width height=height viewBox=format!("0 0 {width} {height}") aria-hidden="true" focusable="false">
                    {base}
                    {wedges}
                </svg>
            }
            .into_any()
        }
    }
}

/// The contacts as links, and the name of the one pointed at or focused.
#[component]
fn Dots(dots: Vec<Dot>, at: Vec<(f64, f64)>, radius: f64, width: f64) -> impl IntoView {
    let i18n = use_i18n();
    let app_path = use_app_path();
    let navigate = use_navigate();
    let tip = RwSignal::new(None::<usize>);
    let names: Vec<String> = dots.iter().map(|d| d.name.clone()).collect();
    let spots = at.clone();
    let links = dots
        .iter()
        .zip(at)
        .enumerate()
        .map(|(i, (d, (x, y)))| {
            let path = contact_path(&d.id);
            let href = app_path(&path);
            let label = format!("{}, {}", d.name, touch_label(i18n, d.touch));
            let navigate = navigate.clone();
            // In a `<g>`: an `<a>` a view starts with is taken for HTML's, which an SVG
            // neither draws nor offers as a link.
            view! {
                <g><a href=href aria-label=label class="dot-link"
                    on:click=move |ev| { ev.prevent_default(); navigate(&path, Default::default()); }
                    on:focus=move |_| tip.set(Some(i)) on:blur=move |_| tip.set(None)
                    on:mouseenter=move |_| tip.set(Some(i)) on:mouseleave=move |_| tip.set(None)>
                    // A finger's target: a 44 px circle, invisible, on touch screens only
                    // (style/insights.css), where a dot between neighbours is picked anyway.
                    <circle class="dot-hit" cx=x cy=y r=22 />
                    <circle class=format!("dot touch-{}", d.touch.key()) cx=x cy=y r=radius />
                </a></g>
            }
        })
        .collect_view();
    view! {
        <g class="dots">{links}</g>
        {move || tip.get().and_then(|i| {
            let (x, y) = *spots.get(i)?;
            let name = names.get(i)?.clone();
            // Wide enough for the name at the labels' size; kept inside the picture.
            let w = name.chars().count() as f64 * 7.0 + 12.0;
            let left = (x - w / 2.0).clamp(0.0, (width - w).max(0.0));
            let top = if y > radius + 26.0 { y - radius - 26.0 } else { y + radius + 6.0 };
            Some(view! {
                <g class="rings-tip" aria-hidden="true">
                    <rect x=left y=top width=w height=20.0 rx=4.0 />
                    <text x=left + w / 2.0 y=top + 14.0 text-anchor="middle">{name}</text>
                </g>
            })
        })}
    }
}

fn table(i18n: I18n, rings: &Rings) -> AnyView {
    let lang = i18n.lang_untracked();
    let n = move |v: usize| format::integer(v as i64, lang);
    let mut rows = Vec::new();
    for circle in Circle::ALL {
        let counts = rings.circle_counts(*circle);
        rows.push(
            view! {
                <tr class="numbers__total">
                    <th scope="row">{circle_label(i18n, *circle)}</th>
                    <td>{t_string!(i18n, insights.rings_all_fields)}</td>
                    {counts.iter().map(|v| view! { <td>{n(*v)}</td> }).collect_view()}
                    <td>{n(counts.iter().sum())}</td>
                </tr>
            }
            .into_any(),
        );
        for s in rings.sectors.iter().filter(|s| s.in_circle(*circle) > 0) {
            let name = sector_label(i18n, &s.name);
            rows.push(view! {
                <tr>
                    <th scope="row">{circle_label(i18n, *circle)}</th>
                    <td>{name}</td>
                    {Touch::ALL.iter().map(|t| view! { <td>{n(s.count(*circle, *t))}</td> }).collect_view()}
                    <td>{n(s.in_circle(*circle))}</td>
                </tr>
            }.into_any());
        }
    }
    view! {
        <table class="numbers numbers--rings">
            <caption>{tr!(i18n, insights.rings_table)}</caption>
            <thead><tr>
                <th scope="col">{tr!(i18n, insights.rings_circle)}</th>
                <th scope="col">{tr!(i18n, insights.rings_field)}</th>
                {Touch::ALL.iter().map(|t| view! { <th scope="col">{touch_label(i18n, *t)}</th> }).collect_view()}
                <th scope="col">{tr!(i18n, insights.rings_total)}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
