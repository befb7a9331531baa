use super::envelope::*;
use super::lock::*;
use super::passphrase::*;
use super::recovery::*;
use super::vault::*;
use crate::domain::code::Code;

#[test]
fn strength_refuses_short_and_common_passphrases() {
    assert_eq!(strength(""), Strength::TooShort);
    assert_eq!(strength("kurz12345"), Strength::TooShort);
    // Characters, not bytes: nine umlauts are still too short.
    assert_eq!(strength("äöüäöüäöü"), Strength::TooShort);
    assert_eq!(strength("Password123!"), Strength::Common);
    assert_eq!(strength("1234567890"), Strength::Common);
    assert_eq!(strength("!!Passwort2024"), Strength::Common);
    assert_eq!(strength("aaaaaaaaaaaa"), Strength::Common);
    assert!(!Strength::Common.accepted());
    assert!(!Strength::TooShort.accepted());
}

#[test]
fn strength_grows_with_length_and_words() {
    assert_eq!(strength("Kaffee7Tasse"), Strength::Fair);
    assert_eq!(strength("Kaffee7Tasse-Mond9"), Strength::Good);
    assert_eq!(strength("rote tasse grüner mond"), Strength::Strong);
    assert_eq!(strength(&"x7".repeat(12)), Strength::Strong);
    assert!(Strength::Fair.accepted());
    // A huge paste is judged, not choked on.
    assert_eq!(strength(&"wort ".repeat(100_000)), Strength::Strong);
}

#[test]
fn recovery_key_round_trips_and_forgives_typing() {
    let bytes: Vec<u8> = (0..RECOVERY_BYTES as u8)
        .map(|b| b.wrapping_mul(37))
        .collect();
    let key = format_recovery(&bytes);
    assert_eq!(key.len(), 32 + 7, "{key}");
    assert_eq!(key.split('-').count(), 8);
    assert!(!key.contains(['I', 'L', 'O', 'U']));
    assert_eq!(parse_recovery(&key), Some(bytes.clone()));
    let sloppy = key
        .to_lowercase()
        .replace('-', " ")
        .replace('0', "o")
        .replace('1', "l");
    assert_eq!(parse_recovery(&sloppy), Some(bytes.clone()));
    assert_eq!(parse_recovery(&format!("  {key}\n")), Some(bytes));
}

#[test]
fn recovery_key_refuses_what_is_not_one() {
    assert_eq!(parse_recovery(""), None);
    assert_eq!(parse_recovery("ABCD-EFGH"), None);
    let key = format_recovery(&[0xff; RECOVERY_BYTES]);
    assert_eq!(parse_recovery(&format!("{key}Z")), None);
    assert_eq!(
        parse_recovery(&key.replacen(|c: char| c.is_alphanumeric(), "U", 1)),
        None
    );
    assert_eq!(
        parse_recovery(&key.replacen(|c: char| c.is_alphanumeric(), "ä", 1)),
        None
    );
    assert_eq!(parse_recovery(&"Z".repeat(100_000)), None);
}

#[test]
fn auto_lock_defaults_to_fifteen_minutes() {
    assert_eq!(AutoLock::default(), AutoLock::Minutes15);
    assert!(!AutoLock::Minutes15.due(14.0 * 60_000.0));
    assert!(AutoLock::Minutes15.due(15.0 * 60_000.0));
    assert!(AutoLock::Minutes5.due(5.0 * 60_000.0));
    assert!(!AutoLock::Never.due(f64::MAX));
    for lock in AutoLock::ALL {
        assert_eq!(AutoLock::from_key(lock.key()), Some(*lock));
    }
}

#[test]
fn unlock_waits_longer_after_repeated_failures() {
    assert_eq!(unlock_delay_secs(0), 0);
    assert_eq!(unlock_delay_secs(2), 0);
    assert_eq!(unlock_delay_secs(3), 2);
    assert_eq!(unlock_delay_secs(4), 4);
    assert_eq!(unlock_delay_secs(9), 60);
    assert_eq!(unlock_delay_secs(u32::MAX), 60);
}

fn salt() -> String {
    "AAAAAAAAAAAAAAAAAAAAAA==".into()
}

fn params() -> VaultParams {
    let wrapped = Wrapped {
        kdf: Kdf::current(salt()),
        key: "A".repeat(54) + "==",
    };
    VaultParams {
        version: VAULT_VERSION,
        key_id: "k".into(),
        cipher: "AES-GCM".into(),
        wrap: "AES-KW".into(),
        passphrase: wrapped.clone(),
        recovery: wrapped,
    }
}

#[test]
fn vault_params_round_trip_and_are_checked() {
    let p = params();
    assert!(p.supported(), "{p:?}");
    let json = serde_json::to_string(&p).unwrap();
    assert!(json.contains("\"iterations\":600000"));
    assert_eq!(serde_json::from_str::<VaultParams>(&json).unwrap(), p);
    let mut newer = p.clone();
    newer.passphrase.kdf.name = "Argon2id".into();
    assert!(!newer.supported());
    let mut short_salt = p.clone();
    short_salt.recovery.kdf.salt = "AAAA".into();
    assert!(!short_salt.supported());
    let mut raised = p;
    raised.passphrase.kdf.iterations = 2_000_000;
    assert!(
        raised.supported(),
        "raising iterations later stays readable"
    );
}

#[test]
fn envelopes_are_recognised_and_checked() {
    let e = envelope(
        Kdf::current(salt()),
        "A".repeat(54) + "==",
        "AAAAAAAAAAAAAAAA".into(),
        "A".repeat(40),
    );
    let text = serde_json::to_string_pretty(&e).unwrap();
    assert!(looks_encrypted(&text));
    assert_eq!(read_envelope(&text), Ok(e.clone()));
    assert!(!looks_encrypted(
        r#"{"format_version":4,"app":"netzweber"}"#
    ));
    assert!(!looks_encrypted(""));
    let mut newer = e.clone();
    newer.version = 2;
    assert_eq!(
        read_envelope(&serde_json::to_string(&newer).unwrap()),
        Err(EnvelopeProblem::Unsupported)
    );
    let mut cut = e.clone();
    cut.data = "AAA".into();
    assert_eq!(
        read_envelope(&serde_json::to_string(&cut).unwrap()),
        Err(EnvelopeProblem::Damaged)
    );
    assert_eq!(
        read_envelope(&text[..text.len() / 2]),
        Err(EnvelopeProblem::Damaged)
    );
    assert_eq!(read_envelope("[]"), Err(EnvelopeProblem::Damaged));
    let mut no_key = e;
    no_key.wrapped_key = "AAAA".into();
    assert_eq!(
        read_envelope(&serde_json::to_string(&no_key).unwrap()),
        Err(EnvelopeProblem::Damaged)
    );
}
