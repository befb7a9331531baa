//! Every UI text exists in every language: the locale files must have the same keys, no
//! empty texts, and the same placeholders per key.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

fn flatten(prefix: &str, value: &Value, out: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: only strings and objects are expected, found {other}"),
    }
}

fn load(lang: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = BTreeMap::new();
    flatten("", &json, &mut out);
    out
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("}}")
                .map(|(name, _)| name.trim().to_string())
        })
        .collect()
}

#[test]
fn german_and_english_have_the_same_keys() {
    let en = load("en");
    let de = load("de");
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in de.json: {only_en:?}");
    assert!(only_de.is_empty(), "missing in en.json: {only_de:?}");
}

#[test]
fn no_text_is_empty_and_placeholders_match() {
    let en = load("en");
    let de = load("de");
    for (key, en_text) in &en {
        assert!(!en_text.trim().is_empty(), "en.json {key} is empty");
        let Some(de_text) = de.get(key) else { continue };
        assert!(!de_text.trim().is_empty(), "de.json {key} is empty");
        assert_eq!(
            placeholders(en_text),
            placeholders(de_text),
            "placeholders differ in {key}"
        );
    }
}

#[test]
fn there_is_something_to_compare() {
    assert!(load("en").len() > 50);
}
