//! CARDINAL, MONEY, PERCENT, QUANTITY and ORDINAL mentions with their values as ranges:
//! "2,164" → 2164; "40k" → 40000; "$81 million" → 81e6 USD; "47 percent" → 47 %;
//! "some 2,000" → 1800–2200; "at least 218,000" → 218000–open; "tens of thousands" →
//! 20000–99999; "dozens" → 24–99; "thousands" → 2000–open; "one in five" → 20 %; "between 20 and 22 percent" → 20–22 %;
//! "nearly a third of" → a share of 0.3–0.333.

use super::{Label, Mention, Tokens, Value};

const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// The number words of [`small_number`] without a hyphen.
pub const NUMBER_WORDS: [&[&str]; 2] = [ONES, TENS];

/// "nine" → 9, "twenty-five" → 25 (lower case).
pub fn small_number(w: &str) -> Option<f64> {
    if let Some(i) = ONES.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    if !tens_hyphen(w) {
        return None;
    }
    let (a, b) = w.split_once('-')?;
    let tens = TENS.iter().position(|x| *x == a)?;
    let ones = ONES
        .iter()
        .position(|x| *x == b)
        .filter(|&o| (1..=9).contains(&o))?;
    Some((tens as f64 + 2.0) * 10.0 + ones as f64)
}

/// True when `w` is a tens word, a hyphen and more ("twenty-one"): as `w.split_once('-')` with
/// its first part in `TENS`, but without a search call for each word of a text.
pub(crate) fn tens_hyphen(w: &str) -> bool {
    TENS.iter()
        .any(|t| w.as_bytes().get(t.len()) == Some(&b'-') && w.starts_with(t))
}

fn magnitude(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "mln" | "mn" => Some(1e6),
        "billion" | "bln" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// "2,164" → 2164, "2.5" → 2.5, "40k" → 40000, "1.5bn" → 1.5e9; a number joined by a hyphen to
/// the word it counts is that number ("47-page" → 47, "40-year-old" → 40).
fn digits(w: &str) -> Option<f64> {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let num_end = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (num, suffix) = w.split_at(num_end);
    let counted = |s: &str| {
        s.strip_prefix('-').is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_alphabetic())
                && rest.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        })
    };
    let mult = match suffix.to_lowercase().as_str() {
        "" => 1.0,
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" => 1e12,
        s if counted(s) => 1.0,
        _ => return None,
    };
    // Thousands separators must group by three: "2,164" yes, "6,14" no.
    let (int, frac) = match num.split_once('.') {
        Some((a, b)) if !b.contains('.') && !b.contains(',') => (a, Some(b)),
        Some(_) => return None,
        None => (num, None),
    };
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let mut s: String = groups.concat();
    if let Some(f) = frac {
        if f.is_empty() {
            return None;
        }
        s.push('.');
        s.push_str(f);
    }
    s.parse::<f64>().ok().map(|x| x * mult)
}

fn ordinal(w: &str) -> Option<f64> {
    if let Some(i) = ORDINALS.iter().position(|x| *x == w) {
        return Some(i as f64 + 1.0);
    }
    let digits_end = w.find(|c: char| !c.is_ascii_digit())?;
    let (n, suffix) = w.split_at(digits_end);
    if n.is_empty() || !matches!(suffix, "st" | "nd" | "rd" | "th") {
        return None;
    }
    n.parse::<f64>().ok()
}

/// How a modifier bends a number into a range.
#[derive(Clone, Copy)]
enum Modifier {
    Exact,
    /// "about", "some", "around": ±10 %.
    About,
    /// "nearly", "almost": up to 10 % below.
    Below,
    /// "at least", "more than": open above.
    AtLeast,
    /// "up to", "fewer than": open below.
    AtMost,
}

const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["at", "least"], Modifier::AtLeast),
    (&["more", "than"], Modifier::AtLeast),
    (&["over"], Modifier::AtLeast),
    (&["upwards", "of"], Modifier::AtLeast),
    (&["in", "excess", "of"], Modifier::AtLeast),
    (&["at", "most"], Modifier::AtMost),
    (&["up", "to"], Modifier::AtMost),
    (&["less", "than"], Modifier::AtMost),
    (&["fewer", "than"], Modifier::AtMost),
    (&["no", "more", "than"], Modifier::AtMost),
    (&["under"], Modifier::AtMost),
    (&["nearly"], Modifier::Below),
    (&["almost"], Modifier::Below),
    (&["close", "to"], Modifier::Below),
    (&["about"], Modifier::About),
    (&["around"], Modifier::About),
    (&["some"], Modifier::About),
    (&["approximately"], Modifier::About),
    (&["roughly"], Modifier::About),
    (&["an", "estimated"], Modifier::About),
    (&["estimated"], Modifier::About),
    (&["circa"], Modifier::About),
];

/// Vague amounts: "tens of thousands", "hundreds", "dozens". "Thousands" and "millions" have
/// no top: news says "thousands lose power" of 65,000 homes as readily as of 3,000.
const VAGUE: &[(&[&str], f64, f64)] = &[
    (&["hundreds", "of", "thousands"], 200_000.0, 999_999.0),
    (&["tens", "of", "thousands"], 20_000.0, 99_999.0),
    (&["tens", "of", "millions"], 20e6, 99_999_999.0),
    (&["hundreds", "of", "millions"], 200e6, 999_999_999.0),
    (&["millions"], 2e6, f64::INFINITY),
    (&["thousands"], 2_000.0, f64::INFINITY),
    (&["hundreds"], 200.0, 999.0),
    (&["dozens"], 24.0, 99.0),
    (&["scores"], 40.0, 99.0),
    (&["a", "dozen"], 12.0, 12.0),
    (&["a", "hundred"], 100.0, 100.0),
    (&["a", "thousand"], 1000.0, 1000.0),
    (&["a", "million"], 1e6, 1e6),
    (&["a", "billion"], 1e9, 1e9),
    (&["half", "a", "million"], 5e5, 5e5),
    (&["half", "a", "billion"], 5e8, 5e8),
    (&["a", "quarter", "of", "a", "million"], 2.5e5, 2.5e5),
    (&["a", "quarter", "of", "a", "billion"], 2.5e8, 2.5e8),
    (&["three", "quarters", "of", "a", "million"], 7.5e5, 7.5e5),
    (&["three", "quarters", "of", "a", "billion"], 7.5e8, 7.5e8),
    (&["a", "handful"], 2.0, 9.0),
];

const PERCENT_WORDS: &[&[&str]] = &[
    &["percent"],
    &["per", "cent"],
    &["%"],
    &["percentage", "points"],
    &["percentage", "point"],
    &["pct"],
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
    ("francs", "CHF"),
    ("pesos", "peso"),
    ("kronor", "crown"),
    ("krona", "crown"),
    ("kroner", "crown"),
    ("koruna", "crown"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("forints", "HUF"),
    ("forint", "HUF"),
    ("shekels", "ILS"),
    ("dirhams", "AED"),
    ("riyals", "SAR"),
    ("baht", "THB"),
    ("rupiah", "IDR"),
    ("ringgit", "MYR"),
    ("naira", "NGN"),
    ("shillings", "shilling"),
];
/// Currencies whose names are also things counted ("two crowns" stolen): money only in sums
/// of at least [`SUM_MIN`] ("60 million crowns").
const CURRENCY_OR_THING: &[(&str, &str)] = &[("crowns", "crown"), ("rand", "ZAR")];
const SUM_MIN: f64 = 1000.0;
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₺", "TRY"),
    ("₹", "INR"),
    ("₽", "RUB"),
];
const UNITS: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("kg", "kg"),
    ("kilograms", "kg"),
    ("kilos", "kg"),
    ("tons", "t"),
    ("tonnes", "t"),
    ("ton", "t"),
    ("tonne", "t"),
    ("acres", "acre"),
    ("hectares", "ha"),
    ("barrels", "bbl"),
    ("liters", "l"),
    ("litres", "l"),
    ("gallons", "gal"),
    ("degrees", "deg"),
    ("mph", "mph"),
];

fn seq_at(t: &Tokens, i: usize, end: usize, words: &[&str]) -> bool {
    i + words.len() <= end && words.iter().enumerate().all(|(k, w)| t.lower(i + k) == *w)
}

/// True when a number could begin at token `i`: a digit, a currency sign, or a word from the
/// lists `number_at` starts from. Most tokens are none of these and skip every pattern.
fn may_start(t: &Tokens, i: usize) -> bool {
    // Looked up for every token, never iterated: the word hash, not FNV's byte at a time.
    static STARTS: std::sync::OnceLock<crate::hash::WordSet<&'static str>> =
        std::sync::OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        let mut set = crate::hash::WordSet::default();
        set.extend(MODIFIERS.iter().map(|(words, _)| words[0]));
        set.extend(VAGUE.iter().map(|(words, _, _)| words[0]));
        set.extend(ONES.iter().chain(TENS).chain(ORDINALS).copied());
        set.extend(["us", "usd", "between"]);
        set
    });
    let w = t.lower(i);
    match w.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_lowercase() => {
            starts.contains(w)
                || tens_hyphen(w)
                || w.split_once('-').is_some_and(|(n, d)| {
                    ONES.contains(&n) && FRACTIONS.iter().any(|(f, _)| *f == d)
                })
        }
        // Of the symbols only a currency sign: every other pattern opens with a word or a digit
        // (a comma or a full stop tried them all).
        Some(_) => {
            !w.chars().next().is_some_and(char::is_alphabetic)
                && CURRENCY_SYMBOLS.iter().any(|(s, _)| *s == t.text(i))
        }
    }
}

/// Finds numeric mentions in the tokens not yet taken, marking theirs.
pub fn find(t: &Tokens, taken: &mut [bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in &t.seg.sentences {
        let (begin, end) = (sentence.tokens.start, sentence.tokens.end);
        let mut i = begin;
        while i < end {
            if !taken[i] && may_start(t, i) {
                if let Some((j, tally)) = tally_at(t, i, end, begin) {
                    if !taken[i..j].iter().any(|&x| x) {
                        out.push(Mention {
                            span: t.span(i, j),
                            label: Label::Cardinal,
                            key: format!("{TALLY}{tally}"),
                            value: None,
                            iso: None,
                        });
                        taken[i..j].iter_mut().for_each(|x| *x = true);
                        i = j;
                        continue;
                    }
                }
                if let Some((j, label, value)) = range_at(t, i, end, begin)
                    .or_else(|| fraction_at(t, i, end))
                    .or_else(|| number_at(t, i, end, begin))
                {
                    if j > i && !taken[i..j].iter().any(|&x| x) {
                        let span = t.span(i, j);
                        let key = value_key(label, &value);
                        out.push(Mention {
                            span,
                            label,
                            key,
                            value: Some(value),
                            iso: None,
                        });
                        taken[i..j].iter_mut().for_each(|x| *x = true);
                        i = j;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
    out
}

/// The key of a tally ("voted 9-4", "an 8-5 vote", "by a vote of 9 to 4") opens with this,
/// then the two counts ("tally:9-4"). A tally has no one value: it is a CARDINAL without one.
pub const TALLY: &str = "tally:";

/// Words that make two counts joined by a dash a tally of votes or a score: before it ("voted
/// 9-4", "won 3-1", "by a 52-48 margin" is the word after) ...
const TALLY_BEFORE: &[&str] = &[
    "voted", "vote", "votes", "voting", "approved", "passed", "rejected", "ruled", "ruling",
    "decided", "won", "lost", "beat", "defeated", "split", "margin", "score",
];
/// ... or right after it ("an 8-5 vote", "a 7-2 ruling").
const TALLY_AFTER: &[&str] = &[
    "vote", "votes", "decision", "ruling", "majority", "margin", "victory", "win", "loss",
    "defeat", "verdict", "split", "tally", "score",
];

/// A tally at token `i` of the sentence `begin..end`: the token after it and the two counts
/// as "9-4". Two counts of at most three digits joined by a dash ("9-4", "8–5"), or by "to"
/// after "vote of" or "voted" ("by a vote of 9 to 4"), next to a word of voting or winning.
fn tally_at(t: &Tokens, i: usize, end: usize, begin: usize) -> Option<(usize, String)> {
    fn count(w: &str) -> Option<&str> {
        (!w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())).then_some(w)
    }
    let w = t.text(i);
    let (j, a, b) = if let Some((a, b)) = w.split_once('-') {
        (i + 1, count(a)?, count(b)?)
    } else {
        let a = count(w)?;
        if i + 2 >= end || count(t.text(i + 2)).is_none() {
            return None;
        }
        let sep = t.lower(i + 1);
        let joined = matches!(sep, "–" | "-" | "—") && t.attached(i + 1) && t.attached(i + 2);
        let after_vote = sep == "to"
            && i > begin
            && (t.lower(i - 1) == "voted"
                || (i >= begin + 2 && t.lower(i - 1) == "of" && t.lower(i - 2) == "vote"));
        if !(joined || after_vote) {
            return None;
        }
        (i + 3, a, t.text(i + 2))
    };
    let before = (i.saturating_sub(3).max(begin)..i).any(|k| TALLY_BEFORE.contains(&t.lower(k)));
    let after = j < end && TALLY_AFTER.contains(&t.lower(j));
    (before || after).then(|| (j, format!("{a}-{b}")))
}

/// The key of a numeric mention: its value range and unit.
pub fn value_key(label: Label, v: &Value) -> String {
    let f = |x: Option<f64>| x.map(|x| format!("{x}")).unwrap_or_default();
    format!(
        "{}:{}..{}{}",
        label.as_str().to_lowercase(),
        f(v.low),
        f(v.high),
        v.unit.unwrap_or("")
    )
}

#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
/// A range written as two numbers, the unit given once: "between 20 and 22 percent", "9 to 10
/// percent", "$5 million to $7 million". One PERCENT, MONEY or QUANTITY from the first value to
/// the second (a bare first number takes the second's unit and magnitude: "between 20 and 30
/// million"). Not "from 8 to 9 percent": that is a change, two values.
fn range_at(t: &Tokens, i: usize, end: usize, begin: usize) -> Option<(usize, Label, Value)> {
    let between = t.lower(i) == "between";
    let start = i + usize::from(between);
    if !between && i > begin && t.lower(i - 1) == "from" {
        return None;
    }
    let (k, first_label, first) = number_at(t, start, end, begin)?;
    let joiner = t.lower(k);
    let joined = if between {
        joiner == "and"
    } else {
        matches!(joiner, "to" | "-" | "–")
    };
    if !joined || k + 1 >= end {
        return None;
    }
    let (j, label, second) = number_at(t, k + 1, end, begin)?;
    let (Some(lo), Some(hi)) = (first.low, second.high) else {
        return None;
    };
    let exact = |v: &Value| v.low == v.high;
    // A bare count between ("between 20 and 30 people") is a CARDINAL range; without "between"
    // two bare numbers are as often a score or a ratio ("won 3 to 1").
    let unit_given = matches!(label, Label::Percent | Label::Money | Label::Quantity);
    if !exact(&first) || !exact(&second) || !(unit_given || (between && label == Label::Cardinal)) {
        return None;
    }
    let lo = if first_label == Label::Cardinal && first.unit.is_none() {
        // The second's magnitude applies to a bare first number: "between 20 and 30 million".
        let written = digits(t.text(k + 1)).or_else(|| small_number(t.lower(k + 1)))?;
        let scale = if written > 0.0 { hi / written } else { 1.0 };
        if scale > 1.0 && lo * scale <= hi {
            lo * scale
        } else {
            lo
        }
    } else if first_label == label && first.unit == second.unit {
        lo
    } else {
        return None;
    };
    if lo > hi {
        return None;
    }
    Some((
        j,
        label,
        Value {
            low: Some(lo),
            high: Some(hi),
            unit: second.unit,
        },
    ))
}

/// Denominators of a fraction: "a third", "two-thirds", "three quarters".
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// The unit of a fraction's value, a share of a whole: "a third" is 0.333 of something.
pub const SHARE: &str = "share";

/// A fraction of a whole before "of": "a third of the nurses", "nearly two-thirds of voters",
/// "one quarter of". A CARDINAL whose value is the share (unit [`SHARE`]): "third" alone
/// stays an ORDINAL ("the third day").
fn fraction_at(t: &Tokens, i: usize, end: usize) -> Option<(usize, Label, Value)> {
    let (modifier, j) = modifier_at(t, i, end);
    // "a quarter of a million" is an amount (see `VAGUE`).
    if VAGUE.iter().any(|(w, _, _)| seq_at(t, j, end, w)) {
        return None;
    }
    let denominator = |w: &str| FRACTIONS.iter().find(|(f, _)| *f == w).map(|(_, d)| *d);
    let w = t.lower(j);
    let (share, k) = if let Some((n, d)) = w.split_once('-') {
        // "two-thirds", "one-third".
        let n = small_number(n)?;
        (n / denominator(d)?, j + 1)
    } else {
        let n = if w == "a" { 1.0 } else { small_number(w)? };
        (n / denominator(t.lower(j + 1))?, j + 2)
    };
    if k >= end || t.lower(k) != "of" || !(share > 0.0 && share < 1.0) {
        return None;
    }
    let share = (share * 1000.0).round() / 1000.0;
    Some((
        k,
        Label::Cardinal,
        apply(modifier, share, share, Some(SHARE), false),
    ))
}

/// The modifier opening at token `i` ("about", "at least") and the token after it; `Exact`
/// and `i` when there is none.
fn modifier_at(t: &Tokens, i: usize, end: usize) -> (Modifier, usize) {
    // The first word picks the few patterns worth matching whole (most tokens here start none).
    let first = t.lower(i);
    MODIFIERS
        .iter()
        .find(|(words, _)| words.first() == Some(&first) && seq_at(t, i, end, words))
        .map_or((Modifier::Exact, i), |(words, m)| (*m, i + words.len()))
}

fn number_at(t: &Tokens, i: usize, end: usize, begin: usize) -> Option<(usize, Label, Value)> {
    let (modifier, mut j) = modifier_at(t, i, end);
    // Currency before the number: "$81 million", "US$ 5".
    let mut unit: Option<&'static str> = None;
    let mut label = Label::Cardinal;
    if j < end {
        let w = t.text(j);
        if let Some((_, code)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == w) {
            unit = Some(code);
            label = Label::Money;
            j += 1;
        } else if (w == "US" || w == "USD") && j + 1 < end && t.text(j + 1) == "$" {
            unit = Some("USD");
            label = Label::Money;
            j += 2;
        }
    }
    if j >= end {
        return None;
    }
    // The number itself.
    let (mut low, mut high, mut k): (f64, f64, usize);
    let mut precise = false;
    if let Some(x) = digits(t.text(j)) {
        // A ratio "one in five" is handled below; years and dates were taken before.
        precise = significant_digits(x) >= 2;
        low = x;
        high = x;
        k = j + 1;
    } else if let Some((words, lo, hi)) = VAGUE
        .iter()
        .find(|(w, _, _)| w.first() == Some(&t.lower(j)) && seq_at(t, j, end, w))
    {
        low = *lo;
        high = *hi;
        k = j + words.len();
    } else if let Some(x) = small_number(t.lower(j)) {
        let prev = if j > begin { t.lower(j - 1) } else { "" };
        let next = t.lower(j + 1);
        // "one" as a pronoun: "no one", "the one", "one another", "a longer one".
        let a_kind_of_one = j >= begin + 2
            && matches!(t.lower(j - 2), "a" | "an")
            && prev.len() > 2
            && prev.chars().all(|c| c.is_ascii_alphabetic())
            && !matches!(prev, "mere" | "only" | "single" | "full" | "whole")
            && !matches!(next, "percent" | "in" | "of" | "out");
        if t.lower(j) == "one"
            && (a_kind_of_one
                || matches!(
                    prev,
                    "no" | "the"
                        | "this"
                        | "that"
                        | "which"
                        | "any"
                        | "each"
                        | "every"
                        | "someone"
                        | "anyone"
                )
                || next == "another")
        {
            return None;
        }
        low = x;
        high = x;
        k = j + 1;
    } else if let Some(x) =
        ordinal(t.lower(j)).filter(|_| modifier_is_exact(modifier) && label == Label::Cardinal)
    {
        return Some((j + 1, Label::Ordinal, Value::exact(x, None)));
    } else {
        return None;
    }
    // Magnitudes: "2.5 million", "two hundred thousand".
    while k < end {
        if let Some(m) = magnitude(t.lower(k)) {
            low *= m;
            high *= m;
            k += 1;
        } else {
            break;
        }
    }
    // "one in five" → 20 %.
    if t.lower(k) == "in" && k + 1 < end && label == Label::Cardinal {
        if let Some(d) = small_number(t.lower(k + 1)).or_else(|| digits(t.text(k + 1))) {
            if d > 0.0 && low <= d {
                let p = low / d * 100.0;
                return Some((
                    k + 2,
                    Label::Percent,
                    apply(modifier, p, p, Some("%"), false),
                ));
            }
        }
    }
    // Ages are dates in OntoNotes ("a 34-year-old trader"; "61 years old" is a date of
    // `super::dates`), and no count of anything.
    if label == Label::Cardinal && t.lower(k - 1).ends_with("-old") {
        let word = t.lower(k - 1);
        let unit = ["month", "week", "day"]
            .into_iter()
            .zip(["months old", "weeks old", "days old"])
            .find(|(w, _)| word.contains(w))
            .map_or("years old", |(_, u)| u);
        return Some((
            k,
            Label::Date,
            apply(modifier, low, high, Some(unit), precise),
        ));
    }
    // Units after the number.
    if label == Label::Cardinal {
        if let Some(words) = PERCENT_WORDS.iter().find(|w| seq_at(t, k, end, w)) {
            label = Label::Percent;
            unit = Some("%");
            k += words.len();
        } else if let Some((_, code)) = CURRENCY_WORDS
            .iter()
            .chain(CURRENCY_OR_THING.iter().filter(|_| low >= SUM_MIN))
            .find(|(w, _)| t.lower(k) == *w && k < end)
        {
            label = Label::Money;
            unit = Some(code);
            k += 1;
        } else if let Some((_, u)) = UNITS.iter().find(|(w, _)| t.lower(k) == *w && k < end) {
            label = Label::Quantity;
            unit = Some(u);
            k += 1;
        } else if t.lower(k) == "square" && k + 1 < end {
            if let Some((_, u)) = UNITS.iter().find(|(w, _)| t.lower(k + 1) == *w) {
                label = Label::Quantity;
                unit = Some(if *u == "km" {
                    "km2"
                } else if *u == "mi" {
                    "mi2"
                } else {
                    u
                });
                k += 2;
            }
        }
    } else if label == Label::Money && k < end {
        // "$5 million dollars" is rare; "$5 USD" keeps the code.
        if matches!(t.text(k), "USD" | "dollars") {
            k += 1;
        }
    }
    Some((k, label, apply(modifier, low, high, unit, precise)))
}

fn modifier_is_exact(m: Modifier) -> bool {
    matches!(m, Modifier::Exact)
}

/// How many significant digits a figure is written to: 1,200,000 and 1.2 have two, 40 one.
fn significant_digits(x: f64) -> usize {
    let digits = format!("{:.6}", x.abs()).replace('.', "");
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// The range a figure stands for. `precise`: written in digits to two or more significant
/// digits.
fn apply(m: Modifier, low: f64, high: f64, unit: Option<&'static str>, precise: bool) -> Value {
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let (lo, hi) = match m {
        Modifier::Exact => (Some(low), Some(high)),
        Modifier::About => {
            // A figure written to two or more significant digits is a closer estimate:
            // "about 1.2 million" lies nearer 1.2 million than "about 1 million" does to 1.
            let spread = if precise { 0.05 } else { 0.1 };
            (Some(low * (1.0 - spread)), Some(high * (1.0 + spread)))
        }
        Modifier::Below => (Some(low * 0.9), Some(high)),
        Modifier::AtLeast => (Some(low), None),
        Modifier::AtMost => (None, Some(high)),
    };
    Value {
        low: lo.map(round),
        high: hi.filter(|h| h.is_finite()).map(round),
        unit,
    }
}
