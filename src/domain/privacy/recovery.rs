//! The recovery key: random bytes written as groups of letters and digits that a person
//! can print, keep in a password manager and type back in.
//!
//! Crockford's base 32: no I, L, O or U, and reading it back forgives the look-alikes
//! (`O` → 0, `I`/`L` → 1), case and any spaces or dashes.

/// How many random bytes a recovery key holds: 160 bits, 32 characters.
pub const RECOVERY_BYTES: usize = 20;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The recovery key for `bytes`, in groups of four: `7K2M-…`.
pub fn format_recovery(bytes: &[u8]) -> String {
    let mut digits = Vec::with_capacity(bytes.len() * 8 / 5 + 1);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            digits.push(ALPHABET[((buffer >> bits) & 31) as usize]);
        }
    }
    if bits > 0 {
        digits.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize]);
    }
    digits
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The bytes of a recovery key as the user typed it, or `None` if it is not one (wrong
/// length or a character outside the alphabet).
pub fn parse_recovery(typed: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(RECOVERY_BYTES);
    let (mut buffer, mut bits, mut count) = (0u32, 0u32, 0usize);
    for c in typed.chars() {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        let value = ALPHABET.iter().position(|&a| a as char == c)? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        count += 1;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    (count == RECOVERY_BYTES * 8 / 5 && bytes.len() == RECOVERY_BYTES).then_some(bytes)
}
