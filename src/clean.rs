//! Page cruft: lines pasted along with an article that are not part of it ("Leave a Reply",
//! "Follow AsumeTech on", comment-form prompts). They become `boilerplate` spans; the text is
//! never rewritten.

use crate::span::Span;

/// Whole lines that are cruft (compared case-insensitively, trailing punctuation ignored).
const LINES: &[&str] = &[
    "advertisement",
    "all rights reserved",
    "cancel reply",
    "click to comment",
    "comment",
    "comments",
    "connect with us",
    "email",
    "email *",
    "leave a comment",
    "leave a reply",
    "loading",
    "more from category",
    "more stories",
    "more stories today",
    "name",
    "name *",
    "post comment",
    "print",
    "read more",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "reply",
    "scroll to top",
    "share",
    "share this",
    "share this article",
    "share this:",
    "sign up",
    "skip to content",
    "subscribe",
    "to top",
    "back to top",
    "tweet",
    "website",
    "you may also like",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "about the author",
    // An outlet's signposts over the sections of a story: no statement of it.
    "here's what we know",
    "here’s what we know",
    "here's what we know so far",
    "here’s what we know so far",
    "here is what we know",
    "here is what we know so far",
    "what we know",
    "what we know so far",
    "what we know now",
    "here's what you need to know",
    "here’s what you need to know",
    "what you need to know",
    "what to know",
    "what happens next",
];

/// Line beginnings that mark cruft when the line is short.
const PREFIXES: &[&str] = &[
    "read more about",
    "follow us",
    "connect with",
    "share on",
    "share this",
    "sign up for",
    "subscribe to",
    "you must be logged in",
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "notify me of",
    "this site uses akismet",
    "copyright ©",
    "© ",
    "posted in",
    "filed under",
    "tags:",
    "related:",
    "also read",
    "recommended",
    "click here to",
    "like us on",
];

/// Line beginnings that mark cruft only on very short lines ("More in Counterterrorism").
const SHORT_PREFIXES: &[&str] = &[
    "more in ",
    "more from ",
    "more on ",
    "leave a comment",
    "leave a reply",
    "tags ",
    "share via",
    "print this",
    "posted by",
    "written by",
    "author:",
    "about the author",
    "categories:",
    "category:",
    "published:",
    "updated:",
    "last updated",
    "photo:",
    "image:",
    "credit:",
    "photo credit",
    "source:",
    "topics:",
    "see also",
];

/// The longest line (in words) that a short-prefix rule may call cruft.
const MAX_SHORT_PREFIX_WORDS: usize = 5;

/// The longest line (in words) that a prefix rule may call cruft.
const MAX_PREFIX_WORDS: usize = 18;

/// Finds the cruft lines of `text`; each span is the line without its surrounding white space.
pub fn boilerplate(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start_trim = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() && is_cruft(trimmed) {
            let start = offset + start_trim;
            spans.push(Span::new(start, start + trimmed.len()));
        }
        offset += line.len();
    }
    spans
}

/// True when `span` overlaps a cruft line. `cruft` is as [`boilerplate`] returns it: in text
/// order and disjoint, so a binary search finds the one line that could overlap.
pub fn in_cruft(cruft: &[Span], span: Span) -> bool {
    let i = cruft.partition_point(|b| b.end <= span.start);
    cruft.get(i).is_some_and(|b| b.overlaps(span))
}

/// The longest entry of [`LINES`], in bytes.
const LONGEST_LINE: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < LINES.len() {
        if LINES[i].len() > longest {
            longest = LINES[i].len();
        }
        i += 1;
    }
    longest
};

/// `line` without the punctuation and white space a cruft line may end with.
fn trim_marks(line: &str) -> &str {
    line.trim_end_matches(|c: char| {
        matches!(c, '.' | ':' | '!' | '»' | '›' | '>' | '→') || c.is_whitespace()
    })
}

/// What a byline may call its writers after the comma ("Valley Courier staff").
const BYLINE_ROLES: &[&str] = &[
    "correspondent",
    "correspondents",
    "editor",
    "reporter",
    "reporters",
    "staff",
    "writer",
    "writers",
];

/// True when one trimmed line is page cruft.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub fn is_cruft(line: &str) -> bool {
    // White space has no case: the line's words are its lower case's. Every rule but the
    // whole-line one wants a short line, so a paragraph is not lowercased whole for nothing.
    let words = line.split_whitespace().take(MAX_PREFIX_WORDS + 1).count();
    if words > MAX_PREFIX_WORDS {
        // The trailing marks are their own lower case, so trimming first trims the same; and
        // lowercasing shrinks a char at most threefold (KELVIN SIGN → "k").
        let bare = trim_marks(line);
        return bare.len() <= 3 * LONGEST_LINE && LINES.contains(&bare.to_lowercase().as_str());
    }
    let lower = line.to_lowercase();
    let bare = trim_marks(&lower);
    if LINES.contains(&bare) {
        return true;
    }
    if words <= MAX_PREFIX_WORDS && PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if words <= MAX_SHORT_PREFIX_WORDS && SHORT_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // A byline: "By Sophie Mangal", "By Priya Shah, Market Desk", "By Ann Lee and Tom Ode",
    // "By Ruth Castel, Valley Courier staff" (capitalised words, and a writer's role after the
    // comma, so "By Monday, 20 died" is kept).
    let named = |w: &str| {
        (w.chars().next().is_some_and(char::is_uppercase) || w == "and")
            && !w.contains(|c: char| c.is_ascii_digit())
    };
    let (writers, desk) = line.split_once(',').unwrap_or((line, ""));
    if words <= 7
        && lower.starts_with("by ")
        && line.matches(',').count() <= 1
        && writers.split_whitespace().skip(1).all(named)
        && desk
            .split_whitespace()
            .all(|w| named(w) || BYLINE_ROLES.contains(&w.trim_end_matches('.')))
        && !line.trim_end().ends_with(',')
        && !lower.split_whitespace().nth(1).is_some_and(|w| {
            let w = w.trim_end_matches(',');
            crate::entities::dates::is_time_word(w)
        })
    {
        return true;
    }
    // "Follow AsumeTech on", "Follow us on Twitter": a short follow prompt.
    if words <= 6
        && lower.starts_with("follow ")
        && (bare.ends_with(" on") || lower.contains(" on "))
    {
        return true;
    }
    false
}
