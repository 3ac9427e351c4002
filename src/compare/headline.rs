//! Headlines and their ledes. A news article opens with a headline, a line of its own without a
//! final stop, sometimes with a second line under it (a deck), and then its lede: the first
//! sentence, which states in full what the headline says in a few words. The pair model scores
//! a headline low against any full sentence ("Velmont slashes workforce" against "Velmont
//! Motors will eliminate roughly 4,200 jobs"), so a headline is put with its own lede's group
//! when that group is shared by other sources (`grouping`).

use super::claim::ClaimInfo;
use super::Analysed;

/// At most this many headline lines open an article (a headline and a deck): more lines
/// without a final stop make a list or unpunctuated text, not a headline.
const MAX_LINES: usize = 2;

/// Whether `span` of `text` is a line of its own that does not end as a sentence does.
fn is_headline_line(text: &str, span: crate::span::Span) -> bool {
    let (Some(before), Some(line), Some(after)) = (
        text.get(..span.start),
        text.get(span.start..span.end),
        text.get(span.end..),
    ) else {
        return false;
    };
    let starts_line = before
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim().is_empty());
    let ends_line = after
        .split('\n')
        .next()
        .is_some_and(|l| l.trim().is_empty());
    let line = line.trim_end();
    let ends_as_sentence = line.ends_with(['.', '!', '?', '"', '”', '’', '\'', '…', ':', ';']);
    starts_line && ends_line && !ends_as_sentence && line.split_whitespace().nth(1).is_some()
}

/// How many of an article's first lines are headlines, given whether each of its lines in turn
/// is a headline line.
fn headlines(lines: impl Iterator<Item = bool>) -> usize {
    let n = lines.take_while(|&x| x).count();
    if n <= MAX_LINES {
        n
    } else {
        0
    }
}

/// For each claim (an index into `infos`), the claim that is its lede when it is a headline.
/// `infos` holds each source's claims in order.
pub fn ledes(sources: &[Analysed], infos: &[ClaimInfo]) -> Vec<Option<usize>> {
    let mut out = vec![None; infos.len()];
    let mut i = 0;
    while i < infos.len() {
        let s = infos[i].source;
        let end = infos[i..]
            .iter()
            .position(|x| x.source != s)
            .map_or(infos.len(), |k| i + k);
        let Some(src) = sources.get(s) else {
            i = end;
            continue;
        };
        let lines = headlines(
            infos[i..end]
                .iter()
                .map(|x| is_headline_line(src.text, x.span)),
        );
        let lede = i + lines;
        if lede < end {
            for o in &mut out[i..lede] {
                *o = Some(lede);
            }
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn line(text: &str, part: &str) -> bool {
        let start = text.find(part).unwrap();
        is_headline_line(text, Span::new(start, start + part.len()))
    }

    #[test]
    fn a_headline_is_a_line_of_its_own_without_a_final_stop() {
        // Reason: these tell a headline from the lede under it and from a sentence in a
        // paragraph.
        let text = "Central bank raises rates to 4.5%\n\nThe bank raised its rate. It said so.\n";
        assert!(line(text, "Central bank raises rates to 4.5%"));
        assert!(!line(text, "The bank raised its rate."));
        assert!(!line(text, "It said so."));
        // A quoted headline line or one word alone is not taken for one.
        assert!(!line("\"We are not done\"\n\nText.", "\"We are not done\""));
        assert!(!line("Analysis\n\nText.", "Analysis"));
    }

    #[test]
    fn a_list_of_lines_has_no_headline() {
        // Reason: a headline and a deck open an article; more lines without a final stop at
        // the top are a list or text without punctuation, and taking the first for a headline
        // would put it in another line's group.
        assert_eq!(headlines([true, false, false].into_iter()), 1);
        assert_eq!(headlines([true, true, false].into_iter()), 2);
        assert_eq!(headlines([true, true, true, false].into_iter()), 0);
        assert_eq!(headlines([false, true].into_iter()), 0);
    }
}
