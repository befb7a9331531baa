//! Translations: the UI language as reactive context, and the texts of `locales/*.json`
//! through the module `build.rs` generates from them ([`keys`]).
//!
//! Call sites read like this:
//! - `tr!(i18n, today.title)`: a text as a view that follows the language;
//! - `t!(i18n, today.due_all, count = n)`: the same with placeholders filled;
//! - `t_string!(i18n, errors.save_failed, reason)`: the text now, for attributes and
//!   messages (a `&'static str` without placeholders, a `String` with them);
//! - `keys::some::key.get(lang)`: the text in a given language.
//!
//! A key or placeholder that does not exist is a compile error: each key is a static
//! (or, with placeholders, a struct with one field per placeholder).

use leptos::prelude::*;

use crate::domain::lang::Lang;

/// Every text, one function or struct per key, generated from `locales/*.json`.
#[allow(missing_docs, clippy::all)]
pub mod keys {
    #[allow(unused_imports)]
    use crate::{domain::lang::Lang, i18n::Text};
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

/// The app's UI language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// Provides the language context for everything below the current owner.
    pub fn provide(initial: Lang) -> Self {
        let i18n = Self {
            lang: RwSignal::new(initial),
        };
        provide_context(i18n);
        i18n
    }

    /// The current language, tracked reactively.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The current language, without tracking.
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Switches the UI language.
    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }
}

/// The language context provided by the app's root.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// The current UI language, tracked reactively.
pub fn use_lang() -> impl Fn() -> Lang + Copy + 'static {
    let i18n = use_i18n();
    move || i18n.lang()
}

/// One text in both languages (German, English), as `build.rs` writes it for each key.
pub struct Text(pub [&'static str; 2]);

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.0[0],
            Lang::En => self.0[1],
        }
    }
}

/// A translated text as a view that follows the language: one closure type for every
/// plain (uninterpolated) text of the app, so the framework's rendering code is compiled
/// once for all of them rather than once per call site. Use it through [`tr!`].
pub fn text(i18n: I18n, key: &'static Text) -> impl Fn() -> &'static str + Copy + 'static {
    move || key.get(i18n.lang())
}

/// A text with placeholders as a view that follows the language, through one closure type
/// for every such text (as [`text`] for plain texts). Use it through [`t!`].
pub fn filled(
    i18n: I18n,
    text: std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>,
) -> impl Fn() -> String + Clone + 'static {
    move || text(i18n.lang())
}

/// A text with its `{{ name }}` placeholders replaced by the values of the same name. A
/// placeholder without a value stays as written (the generated structs make that
/// impossible for the app's own texts).
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            rest = &rest[start..];
            break;
        };
        let name = after[..end].trim();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// `tr!(i18n, some.key)`: the text of a key without placeholders as a view that follows
/// the language, through [`text`].
macro_rules! tr {
    ($i18n:expr, $($key:ident).+) => {
        $crate::i18n::text($i18n, &$crate::i18n::keys::$($key)::+)
    };
}
pub(crate) use tr;

/// `t!(i18n, key, name = value, other)`: a text with placeholders as a view that follows
/// the language. The values are evaluated once, here; `other` alone means `other = other`.
macro_rules! t {
    ($i18n:expr, $($key:ident).+, $($name:ident $(= $value:expr)?),+ $(,)?) => {{
        let i18n: $crate::i18n::I18n = $i18n;
        // `name = name` moves the value into the view: not redundant.
        $(
            #[allow(clippy::redundant_locals)]
            let $name = $crate::i18n::placeholder_value!($name $(= $value)?);
        )+
        $crate::i18n::filled(i18n, ::std::sync::Arc::new(move |lang| {
            $crate::i18n::keys::$($key)::+ { $($name: &$name),+ }.text(lang)
        }))
    }};
}
pub(crate) use t;

/// `t_string!(i18n, key)` / `t_string!(i18n, key, name = value, other)`: the text in the
/// current language (tracked), as `&'static str` without placeholders or `String` with.
macro_rules! t_string {
    ($i18n:expr, $($key:ident).+) => {
        $crate::i18n::keys::$($key)::+.get($crate::i18n::I18n::lang(&$i18n))
    };
    ($i18n:expr, $($key:ident).+, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::i18n::keys::$($key)::+ {
            $($name: &$crate::i18n::placeholder_value!($name $(= $value)?)),+
        }.text($crate::i18n::I18n::lang(&$i18n))
    };
}
pub(crate) use t_string;

/// The value of a placeholder argument: `name = value` or `name` alone.
macro_rules! placeholder_value {
    ($name:ident) => {
        $name
    };
    ($name:ident = $value:expr) => {
        $value
    };
}
pub(crate) use placeholder_value;
