//! DATE and TIME mentions by pattern: "October 9, 2019", "9 October 2019", "June 2015",
//! "6/14-6/15", "2019-10-09", years after "in"/"since", weekdays, and relative dates ("last
//! month", "earlier this month", "six months ago"), which get no ISO value. A length of time
//! ("12 weeks", "three months") gets its value in days.

use super::numbers::{small_number, tens_hyphen};
use super::{key::fold, Label, Mention, Tokens, Value};

/// Months by name, in order.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
/// Weekdays by name, from Monday.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const PERIODS: &[&str] = &[
    "week", "weeks", "month", "months", "year", "years", "weekend", "decade", "decades", "century",
    "summer", "winter", "spring", "autumn", "fall", "quarter", "season", "day", "days",
];
const TIME_UNITS: &[&str] = &["hour", "hours", "minute", "minutes", "second", "seconds"];
/// True for a folded word that names a time: a month, a weekday, or a period ("summer").
pub fn is_time_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w) || PERIODS.contains(&w)
}

/// Words before a bare number that make it a year ("in 2017", "since 1999").
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "of", "through",
    "early", "late", "mid", "around", "circa", "spring", "summer", "autumn", "fall", "winter",
    "the", "to", "and", "or", "year", "between",
];

/// The month number (1–12) of a month name or abbreviation, in lower case.
fn month(lower: &str) -> Option<u32> {
    let w = lower.trim_end_matches('.');
    if !(3..=9).contains(&w.len()) {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == w))
        .map(|i| i as u32 + 1)
}

/// The one day a date's key names, to tell two accounts of one event apart: its ISO date when
/// that gives the day ("2024-03-07"), else the weekday it names ("thursday" in "thursday
/// morning"). None for a month, a year, a span, or a key naming two weekdays.
pub fn one_day<'a>(key: &'a str, iso: Option<&'a str>) -> Option<&'a str> {
    if let Some(iso) = iso.filter(|d| d.len() == 10) {
        return Some(iso);
    }
    let mut days = key.split(' ').filter(|w| WEEKDAYS.contains(w));
    match (days.next(), days.next()) {
        (Some(d), None) => Some(d),
        _ => None,
    }
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u32> {
    if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        word.parse().ok().filter(|y| (1000..=2199).contains(y))
    } else {
        None
    }
}

/// Finds dates and times, marking their tokens taken.
pub fn find(t: &Tokens, taken: &mut [bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    for sentence in &t.seg.sentences {
        let end = sentence.tokens.end;
        let mut i = sentence.tokens.start;
        while i < end {
            if taken[i] {
                i += 1;
                continue;
            }
            if !may_start(t, i) {
                i += 1;
                continue;
            }
            if let Some((j, label, iso)) = date_at(t, i, end, sentence.tokens.start) {
                if j > i && !taken[i..j].iter().any(|&x| x) {
                    let span = t.span(i, j);
                    out.push(Mention {
                        span,
                        label,
                        key: fold(&t.text[span]),
                        value: (label == Label::Date).then(|| duration(t, i, j)).flatten(),
                        iso,
                    });
                    taken[i..j].iter_mut().for_each(|x| *x = true);
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
    }
    out
}

/// The days in one of each unit of a length of time, least and most: a month is 28 to 31, so
/// "three months" and "12 weeks" can both be right.
const DAYS: &[(&str, f64, f64)] = &[
    ("day", 1.0, 1.0),
    ("week", 7.0, 7.0),
    ("month", 28.0, 31.0),
    ("year", 365.0, 366.0),
    ("decade", 3652.0, 3653.0),
];

/// The value in days of a length of time that is tokens `i..j`: a count and its unit ("12
/// weeks", "three months", "one year"). None for a date in the past ("six months ago"), an age,
/// or a count that is no exact number ("several weeks").
fn duration(t: &Tokens, i: usize, j: usize) -> Option<Value> {
    if j != i + 2 {
        return None;
    }
    // "a day" is as often a rate ("an aspirin a day", "$5 a day") as a length: only a
    // number counts.
    let n = match t.lower(i) {
        "one" => 1.0,
        w if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().ok()?
        }
        w => small_number(w)?,
    };
    let unit = t.lower(i + 1);
    let &(_, low, high) = DAYS
        .iter()
        .find(|(u, _, _)| unit == *u || unit.strip_suffix('s') == Some(u))?;
    (n > 0.0).then_some(Value {
        low: Some(n * low),
        high: Some(n * high),
        unit: Some("days"),
    })
}

/// True when a date or time could begin at token `i`: a capitalised word (a month, a
/// weekday), a digit, or one of the words `date_at` starts from. Most tokens are none of these,
/// and are passed over without trying every pattern.
fn may_start(t: &Tokens, i: usize) -> bool {
    // Looked up for every token, never iterated: the word hash, not FNV's byte at a time.
    static STARTS: std::sync::OnceLock<crate::hash::WordSet<&'static str>> =
        std::sync::OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        let mut set: crate::hash::WordSet<&'static str> = [
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "noon",
            "midnight",
            "earlier",
            "later",
            "early",
            "late",
            "mid",
            "last",
            "next",
            "this",
            "past",
            "coming",
            "previous",
            "recent",
        ]
        .into_iter()
        .chain(COUNT_WORDS.iter().copied())
        .collect();
        set.extend(
            super::numbers::NUMBER_WORDS
                .iter()
                .flat_map(|l| l.iter().copied()),
        );
        set
    });
    let w = t.text(i);
    match w.as_bytes().first() {
        None => false,
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_lowercase() => {
            let lw = t.lower(i);
            starts.contains(lw) || (tens_hyphen(lw) && small_number(lw).is_some())
        }
        _ => t.capitalised(i) || count_word(t.lower(i)),
    }
}

/// Words that count ("a", "several"), besides the numbers.
const COUNT_WORDS: &[&str] = &["a", "an", "several", "few", "many", "two", "some"];

/// Skips an abbreviation's period ("Sept." → after the period).
fn skip_period(t: &Tokens, i: usize, end: usize) -> usize {
    if i < end && t.text(i) == "." && t.attached(i) {
        i + 1
    } else {
        i
    }
}

#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn date_at(
    t: &Tokens,
    i: usize,
    end: usize,
    sentence_start: usize,
) -> Option<(usize, Label, Option<String>)> {
    let w = t.text(i);
    let lw = t.lower(i);
    // Month-first: "October 9, 2019", "Sept. 11", "June 2015", "February".
    if let Some(m) = month(lw).filter(|_| t.capitalised(i)) {
        let mut j = skip_period(t, i + 1, end);
        let abbreviated = j > i + 1;
        if j < end {
            if let Some(d) = day(t.text(j)) {
                j += 1;
                let mut k = j;
                if k < end && t.text(k) == "," {
                    k += 1;
                }
                if k < end {
                    if let Some(y) = year(t.text(k)) {
                        return Some((k + 1, Label::Date, Some(format!("{y:04}-{m:02}-{d:02}"))));
                    }
                }
                return Some((j, Label::Date, None));
            }
            if let Some(y) = year(t.text(j)) {
                return Some((j + 1, Label::Date, Some(format!("{y:04}-{m:02}"))));
            }
        }
        // A month alone; "May" and "March" also are words, so only after a date preposition.
        let prev = if i > sentence_start {
            t.lower(i - 1)
        } else {
            ""
        };
        let ambiguous = matches!(lw, "may" | "march") || (lw.len() == 3 && !abbreviated);
        if !ambiguous
            || matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "until"
                    | "by"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "this"
                    | "from"
                    | "during"
            )
        {
            return Some((i + 1, Label::Date, None));
        }
        return None;
    }
    // Day-first: "9 October 2019".
    if let Some(d) = day(w) {
        if i + 1 < end {
            if let Some(m) = month(t.lower(i + 1)).filter(|_| t.capitalised(i + 1)) {
                let j = skip_period(t, i + 2, end);
                if j < end {
                    if let Some(y) = year(t.text(j)) {
                        return Some((j + 1, Label::Date, Some(format!("{y:04}-{m:02}-{d:02}"))));
                    }
                }
                return Some((j, Label::Date, None));
            }
        }
    }
    // Numeric: "2019-10-09", "10/9/2019", "6/14", "6/14-6/15".
    if let Some(iso) = numeric_date(w) {
        return Some((i + 1, Label::Date, iso));
    }
    // Clock times: "10:30", "10 a.m.", "3:30 p.m.".
    if let Some(j) = clock(t, i, end) {
        return Some((j, Label::Time, None));
    }
    // Decades: "1990s", "the 1990s".
    if w.len() == 5 && w.ends_with('s') && year(&w[..4]).is_some() {
        return Some((i + 1, Label::Date, None));
    }
    // A bare year after a date word: "in 2017", "since 2014", or before a closing mark.
    if let Some(y) = year(w) {
        let prev = if i > sentence_start {
            t.lower(i - 1)
        } else {
            ""
        };
        let next = if i + 1 < end { t.text(i + 1) } else { "" };
        let next_closes =
            next.is_empty() || matches!(next, "." | "," | ";" | ")" | ":" | "!" | "?" | "”" | "\"");
        if (1900..=2100).contains(&y) && (YEAR_PREPOSITIONS.contains(&prev) || next_closes) {
            return Some((i + 1, Label::Date, Some(format!("{y:04}"))));
        }
    }
    // Weekdays: "Monday", "Monday night".
    if WEEKDAYS.contains(&lw) && t.capitalised(i) {
        return Some((i + 1, Label::Date, None));
    }
    match lw {
        "today" | "yesterday" | "tomorrow" => return Some((i + 1, Label::Date, None)),
        "tonight" | "noon" | "midnight" => return Some((i + 1, Label::Time, None)),
        _ => {}
    }
    // "earlier this month", "last year", "this week", "the past two years", "recent months".
    let mut j = i;
    if matches!(t.lower(j), "earlier" | "later" | "early" | "late" | "mid")
        && matches!(t.lower(j + 1), "this" | "last" | "next")
    {
        j += 1;
    }
    if matches!(
        t.lower(j),
        "last" | "next" | "this" | "past" | "coming" | "previous" | "recent"
    ) && j + 1 < end
    {
        let unit = t.lower(j + 1);
        if PERIODS.contains(&unit) || WEEKDAYS.contains(&unit) || month(unit).is_some() {
            return Some((j + 2, Label::Date, None));
        }
        if matches!(unit, "night" | "morning" | "evening" | "afternoon") {
            return Some((j + 2, Label::Time, None));
        }
        // "the past two years"
        if let Some(n) = count_at(t, j + 1, end) {
            if n < end && PERIODS.contains(&t.lower(n)) {
                return Some((n + 1, Label::Date, None));
            }
        }
    }
    // "six months ago", "two years", "a week ago", "three hours".
    if let Some(n) = count_at(t, i, end) {
        if n < end {
            let unit = t.lower(n);
            // "ago" ends a date in the past; "old" an age ("61 years old").
            let ago = matches!(t.lower(n + 1), "ago" | "old") && n + 1 < end;
            // "a quarter of a million", "a quarter of the vote": a share, not a date.
            let share = unit == "quarter" && t.lower(n + 1) == "of";
            if PERIODS.contains(&unit) && unit != "fall" && unit != "spring" && !share {
                return Some((if ago { n + 2 } else { n + 1 }, Label::Date, None));
            }
            // "a second shift", "a second term": an ordinal before its noun, no time.
            let ordinal = unit == "second" && n + 1 < end && {
                let next = t.lower(n + 1);
                next.chars().all(|c| c.is_ascii_lowercase())
                    && !matches!(
                        next,
                        "later" | "earlier" | "ago" | "or" | "and" | "before" | "after"
                    )
            };
            if TIME_UNITS.contains(&unit) && !ordinal {
                return Some((if ago { n + 2 } else { n + 1 }, Label::Time, None));
            }
        }
    }
    None
}

/// A word that counts ("a", "several", "six").
fn count_word(lower: &str) -> bool {
    COUNT_WORDS.contains(&lower) || small_number(lower).is_some()
}

/// After a count ("six", "2", "a", "several"), the index of the next token.
fn count_at(t: &Tokens, i: usize, end: usize) -> Option<usize> {
    if i >= end {
        return None;
    }
    let w = t.lower(i);
    if count_word(w) || w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() && w.len() <= 3 {
        if w == "a" && t.lower(i + 1) == "few" {
            return Some(i + 2);
        }
        return Some(i + 1);
    }
    None
}

fn clock(t: &Tokens, i: usize, end: usize) -> Option<usize> {
    let w = t.text(i);
    let is_hm = w.len() >= 4
        && w.len() <= 5
        && w.split_once(':').is_some_and(|(h, m)| {
            h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.len() == 2
                && m.parse::<u32>().is_ok_and(|m| m < 60)
        });
    let is_hour =
        !w.is_empty() && w.len() <= 2 && w.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h));
    if !is_hm && !is_hour {
        return None;
    }
    let mut j = i + 1;
    if j < end {
        let next = t.lower(j);
        if matches!(
            next,
            "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc"
        ) {
            j += 1;
            return Some(skip_period(t, j, end).min(j));
        }
    }
    if is_hm {
        Some(i + 1)
    } else {
        None
    }
}

fn numeric_date(w: &str) -> Option<Option<String>> {
    let b = w.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // 2019-10-09
    let parts: Vec<&str> = w.split('-').collect();
    if parts.len() == 3 && parts[0].len() == 4 && parts[1].len() == 2 && parts[2].len() == 2 {
        let (y, m, d) = (
            parts[0].parse::<u32>().ok()?,
            parts[1].parse::<u32>().ok()?,
            parts[2].parse::<u32>().ok()?,
        );
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            return Some(Some(format!("{y:04}-{m:02}-{d:02}")));
        }
        return None;
    }
    // 10/9/2019, 6/14, 6/14-6/15
    let md = |s: &str| -> Option<(u32, u32, Option<u32>)> {
        let p: Vec<&str> = s.split('/').collect();
        if !(2..=3).contains(&p.len()) || p.iter().any(|x| x.is_empty() || x.len() > 4) {
            return None;
        }
        let m: u32 = p[0].parse().ok()?;
        let d: u32 = p[1].parse().ok()?;
        let y: Option<u32> = if p.len() == 3 {
            Some(p[2].parse().ok()?)
        } else {
            None
        };
        if p[0].len() > 2 || p[1].len() > 2 || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        Some((m, d, y))
    };
    let ranges: Vec<&str> = w.split('-').collect();
    if ranges.len() > 2 || !w.contains('/') {
        return None;
    }
    let mut first = None;
    for r in &ranges {
        let v = md(r)?;
        first.get_or_insert(v);
    }
    let (m, d, y) = first?;
    Some(match (ranges.len(), y) {
        (1, Some(y)) if (1000..=2199).contains(&y) => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    })
}
