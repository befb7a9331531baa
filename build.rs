//! Generates the translation module from `locales/*.json`: one static per text key
//! (`keys::today::title.get(lang) -> &'static str`) and, for a text with placeholders, one
//! struct with a field per placeholder (`keys::today::due_all { count: &n }.text(lang)`).
//!
//! Why not leptos_i18n (issue 12): it stores each language's texts as one block that the
//! first download must carry, and brings icu_locale_core, leptos-use and leptos_meta with
//! it. With a static per key, a text that only a lazily loaded screen uses is cut into
//! that screen's chunk together with the code that shows it.
//!
//! Checks, failing the build with the key named: both languages have the same keys and the
//! same placeholders per key, every key is a plain Rust identifier, every value a string.
//! Only the browser build uses the module; native builds (domain tests) skip the work.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The languages, in the order `i18n::Text` holds them.
const LANGS: [&str; 2] = ["de", "en"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?);
    let mut tables = Vec::new();
    for file in LANGS {
        let path = root.join("locales").join(format!("{file}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        tables.push(load(&path)?);
    }
    let code = generate(&tables)?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?);
    std::fs::write(out.join("texts.rs"), code)?;
    Ok(())
}

/// One language's texts by dotted key.
type Table = BTreeMap<Vec<String>, String>;

fn load(path: &Path) -> Result<Table, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut table = Table::new();
    flatten(&mut Vec::new(), &json, &mut table).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(table)
}

fn flatten(prefix: &mut Vec<String>, value: &Value, out: &mut Table) -> Result<(), String> {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if !is_identifier(key) {
                    return Err(format!("key {key:?} is not a lower-case Rust identifier"));
                }
                prefix.push(key.clone());
                flatten(prefix, inner, out)?;
                prefix.pop();
            }
            Ok(())
        }
        Value::String(text) => {
            out.insert(prefix.clone(), text.clone());
            Ok(())
        }
        other => Err(format!(
            "{}: only strings and objects, found {other}",
            prefix.join(".")
        )),
    }
}

fn is_identifier(key: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match",
        "mod", "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "try", "type", "unsafe", "use", "where", "while", "yield",
    ];
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !KEYWORDS.contains(&key)
}

/// The placeholder names of a text (`{{ name }}`), sorted.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let end = after.find("}}").ok_or("a `{{` without `}}`")?;
        let name = after[..end].trim();
        if !is_identifier(name) {
            return Err(format!("placeholder {name:?} is not an identifier"));
        }
        names.insert(name.to_string());
        rest = &after[end + 2..];
    }
    Ok(names)
}

fn generate(tables: &[Table]) -> Result<String, Box<dyn Error>> {
    let (first, others) = tables.split_first().ok_or("no languages")?;
    for (other, file) in others.iter().zip(&LANGS[1..]) {
        let missing: Vec<_> = first.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !first.contains_key(*k)).collect();
        if !missing.is_empty() || !extra.is_empty() {
            return Err(format!(
                "{file}.json: missing {missing:?}, not in {}.json: {extra:?}",
                LANGS[0]
            )
            .into());
        }
    }
    let mut code = String::from("// Generated by build.rs from locales/*.json. Do not edit.\n");
    let mut open: Vec<String> = Vec::new();
    for (key, text) in first {
        let (modules, name) = key.split_at(key.len() - 1);
        let same = open.iter().zip(modules).take_while(|(a, b)| a == b).count();
        while open.len() > same {
            open.pop();
            code.push_str("}\n");
        }
        for module in &modules[open.len()..] {
            writeln!(code, "/// Texts under `{module}`.\npub mod {module} {{\n#![allow(unused_imports)]\nuse crate::domain::lang::Lang;\nuse crate::i18n::Text;")?;
            open.push(module.clone());
        }
        let dotted = key.join(".");
        let names = placeholders(text).map_err(|e| format!("{dotted}: {e}"))?;
        let mut texts = Vec::new();
        for (table, file) in tables.iter().zip(LANGS) {
            let text = &table[key];
            let own = placeholders(text).map_err(|e| format!("{file}.json {dotted}: {e}"))?;
            if own != names {
                return Err(format!(
                    "{file}.json {dotted}: placeholders {own:?}, expected {names:?}"
                )
                .into());
            }
            texts.push(format!("{text:?}"));
        }
        let texts = texts.join(", ");
        let name = &name[0];
        if names.is_empty() {
            writeln!(code, "/// `{dotted}`: {text:?}\n#[allow(non_upper_case_globals)]\npub static {name}: Text = Text([{texts}]);")?;
        } else {
            let fields: String = names
                .iter()
                .map(|n| format!("pub {n}: &'a dyn ::core::fmt::Display, "))
                .collect();
            let args: String = names
                .iter()
                .map(|n| format!("({n:?}, self.{n}), "))
                .collect();
            writeln!(
                code,
                "/// `{dotted}`: {text:?}\n#[allow(non_camel_case_types, missing_docs)]\npub struct {name}<'a> {{ {fields} }}\n\
                 impl {name}<'_> {{\n/// The text in `lang` with the placeholders filled.\n\
                 pub fn text(&self, lang: Lang) -> String {{ static TEXT: Text = Text([{texts}]); crate::i18n::fill(TEXT.get(lang), &[{args}]) }}\n}}"
            )?;
        }
    }
    for _ in open {
        code.push_str("}\n");
    }
    Ok(code)
}
