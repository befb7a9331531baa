//! The contact form's birthday: day, month (named in the user's language) and an
//! optional year, with one message for the three.

use leptos::prelude::*;

use crate::domain::contacts::draft::ContactDraft;
use crate::i18n::*;

/// The birthday fieldset of the contact form.
#[component]
pub fn BirthdayField(
    /// The form's draft, whose birthday fields this edits.
    draft: RwSignal<ContactDraft>,
    /// What is wrong with the birthday, once the user tried to save.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field">
            <legend>{tr!(i18n, contacts.field.birthday)}</legend>
            <span class="hint" id="birthday-hint">{tr!(i18n, contacts.field.birthday_hint)}</span>
            <div class="field-row field-row--tight">
                <div class="field">
                    <label for="birthday-day">{tr!(i18n, contacts.field.day)}</label>
                    <input id="birthday-day" type="number" min="1" max="31" inputmode="numeric" class="input--short"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="birthday-hint birthday-error"
                        prop:value=move || draft.with(|d| d.birthday_day.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.birthday_day = v); } />
                </div>
                <div class="field">
                    <label for="birthday-month">{tr!(i18n, contacts.field.month)}</label>
                    <select id="birthday-month"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="birthday-hint birthday-error"
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.birthday_month = v); }>
                        <option value="" selected=move || draft.with(|d| d.birthday_month.is_empty())>"–"</option>
                        {(1..=12u32).map(|m| view! {
                            <option value=m.to_string() selected=move || draft.with(|d| d.birthday_month == m.to_string())>
                                {move || crate::domain::format::month_name_of(m, i18n.lang())}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="birthday-year">{tr!(i18n, contacts.field.year)}</label>
                    <input id="birthday-year" type="number" min="1900" inputmode="numeric" class="input--short"
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby="birthday-hint birthday-error"
                        prop:value=move || draft.with(|d| d.birthday_year.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.birthday_year = v); } />
                </div>
            </div>
            {move || error.get().map(|e| view! { <span class="error" id="birthday-error">{e}</span> })}
        </fieldset>
    }
}
