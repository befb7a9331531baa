//! The printable question sheet: the plan on one A4 page with room for notes.

use leptos::prelude::*;

use super::parts::{format_label, person_of};
use super::plan::plan_id;
use super::store::use_interviews;
use crate::domain::interviews::plan::Budget;
use crate::i18n::*;
use crate::ui::common::dates::when_text;
use crate::ui::link::use_app_path;
use crate::ui::title::use_page_title;

/// `/interviews/:id/print`.
#[component]
pub fn PrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_interviews();
    let app_path = use_app_path();
    let id = plan_id();
    let plan = Memo::new({
        let id = id.clone();
        move |_| store.plan(&id())
    });
    let person = Memo::new(move |_| plan.with(|p| p.as_ref().map(person_of)).unwrap_or_default());
    use_page_title(move || {
        t_string!(i18n, interviews.print.title, name = person.get()).to_string()
    });
    let print = |_| {
        let _ = window().print();
    };
    view! {
        {move || match plan.get() {
            None if !store.loaded.get() => view! { <p class="muted">{tr!(i18n, contacts.loading)}</p> }.into_any(),
            None => view! { <h1>{tr!(i18n, interviews.not_found)}</h1> }.into_any(),
            Some(p) => {
                let budget = Budget::of(&p);
                let back = app_path(&format!("/interviews/{}", p.meta.id));
                view! {
                    <div class="button-row no-print">
                        <button type="button" class="button" on:click=print>{tr!(i18n, interviews.print.print)}</button>
                        <a class="button button--secondary" href=back>{tr!(i18n, interviews.print.back)}</a>
                    </div>
                    <article class="sheet">
                        <h1 class="sheet__title">{t!(i18n, interviews.print.heading, name = person.get())}</h1>
                        <p class="sheet__meta">
                            {p.scheduled.map(|at| view! { <span>{when_text(i18n, at)}</span>" · " })}
                            <span>{format_label(i18n, p.format)}</span>
                            {(!p.place.trim().is_empty()).then(|| view! { " · "<span>{p.place.clone()}</span> })}
                            " · "<span>{t!(i18n, interviews.minutes, minutes = budget.planned)}</span>
                        </p>
                        {(!p.goal.trim().is_empty()).then(|| view! { <p class="sheet__block"><strong>{tr!(i18n, interviews.goal)}": "</strong>{p.goal.clone()}</p> })}
                        {(!p.my_intro.trim().is_empty()).then(|| view! { <p class="sheet__block"><strong>{tr!(i18n, interviews.intro)}": "</strong>{p.my_intro.clone()}</p> })}
                        {(!p.hopes.trim().is_empty()).then(|| view! { <p class="sheet__block"><strong>{tr!(i18n, interviews.hopes)}": "</strong>{p.hopes.clone()}</p> })}
                        <p class="sheet__block muted">{t!(i18n, interviews.print.structure, talk = budget.small_talk, wrap = budget.wrap_up)}</p>
                        <ol class="sheet__questions">
                            {p.items.iter().map(|item| view! {
                                <li>
                                    <span class="sheet__question">{item.text.clone()}</span>
                                    <span class="sheet__minutes">{t!(i18n, interviews.minutes, minutes = item.minutes)}</span>
                                    {if item.answer.trim().is_empty() {
                                        view! { <div class="sheet__space" aria-hidden="true"></div> }.into_any()
                                    } else {
                                        view! { <p class="sheet__answer">{item.answer.clone()}</p> }.into_any()
                                    }}
                                </li>
                            }).collect_view()}
                        </ol>
                        <p class="sheet__footer">{tr!(i18n, interviews.print.after)}</p>
                    </article>
                }.into_any()
            }
        }}
    }
}
