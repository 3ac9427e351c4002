//! Normalised keys: how two mentions are known to name the same thing.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds case and diacritics: "Erdoğan" → "erdogan", "İzmir" → "izmir", "Şanlıurfa" →
/// "sanliurfa". Periods go ("U.S." → "us"), hyphens and runs of white space become one space,
/// curly apostrophes become straight.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Most words: no decomposition, no case mapping beyond ASCII.
        crate::entities::gazetteer::fold_into(s, &mut out);
        return out;
    }
    let mut space = false;
    for c in s.chars() {
        let mut push = |c: char, out: &mut String| {
            if c.is_whitespace() || c == '-' || c == '‑' || c == '_' {
                space = !out.is_empty();
                return;
            }
            if c == '.' || is_combining_mark(c) || matches!(c as u32, 0x200B..=0x200F | 0xFEFF) {
                return;
            }
            if space {
                out.push(' ');
                space = false;
            }
            match c {
                'ı' => out.push('i'),
                'ß' => out.push_str("ss"),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' => out.push('d'),
                'ł' | 'Ł' => out.push('l'),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                '’' | '‘' | '`' | 'ʼ' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        };
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            decompose_canonical(c, |d| push(d, &mut out));
        }
    }
    out
}

/// The key of a name: folded, without a leading "the" or a trailing possessive.
pub fn name_key(s: &str) -> String {
    let mut k = fold(s);
    if let Some(rest) = k.strip_prefix("the ") {
        k = rest.to_string();
    }
    for suffix in ["'s", "'"] {
        if let Some(rest) = k.strip_suffix(suffix) {
            k = rest.to_string();
            break;
        }
    }
    k
}

/// A token in lower case, borrowed when it already is (most words are).
pub fn lower(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        std::borrow::Cow::Owned(raw.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}
