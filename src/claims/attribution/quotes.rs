//! Quotation marks: which tokens lie between them.

use crate::segment::{Segmented, Token, TokenKind};

/// For every token of `seg`, whether it lies between quotation marks (each line on its own).
pub fn quoted_tokens(text: &str, seg: &Segmented) -> Vec<bool> {
    quoted_lines(text, &seg.tokens)
}

/// For every token of `toks`, whether it lies between quotation marks, each line on its own.
pub(super) fn quoted_lines(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    for k in 1..=toks.len() {
        if k == toks.len() || toks[k].newlines_before > 0 {
            mark_quoted(text, &toks[start..k], &mut out[start..k]);
            start = k;
        }
    }
    out
}

/// Marks the tokens of one line between quotation marks in `mask` (one `false` per token):
/// curly, straight, and the doubled apostrophes and backquotes of some archives (`''`,
/// ``` `` ```).
pub(super) fn mark_quoted(text: &str, toks: &[Token], mask: &mut [bool]) {
    let mut inside = false;
    let mut k = 0;
    let attached = |k: usize| toks[k].span.end == toks[k + 1].span.start;
    while k < toks.len() {
        if toks[k].kind != TokenKind::Punct {
            mask[k] = inside;
            k += 1;
            continue;
        }
        let t = &text[toks[k].span];
        let doubled = k + 1 < toks.len() && attached(k) && &text[toks[k + 1].span] == t;
        // A “ right after a word closes ("…,“ said X" and German „…“).
        let closes = k > 0 && toks[k - 1].span.end == toks[k].span.start;
        match t {
            "“" => inside = !(inside && closes),
            "„" => inside = true,
            "”" => inside = false,
            "\"" => inside = !inside,
            "'" if doubled => {
                inside = !inside;
                k += 1;
            }
            "`" if doubled => {
                inside = true;
                k += 1;
            }
            _ => mask[k] = inside,
        }
        k += 1;
    }
}
