//! Noun phrases around a cue: the subject before it, the phrase after it, appositions,
//! time phrases, outlets and web addresses, and whether a source is named.

use super::candidates::Paragraph;
use super::lexicon::*;
use super::AttributionKind;
use crate::claims::list;
use crate::entities::{Label, Mention};
use crate::segment::TokenKind;
use crate::span::Span;

impl Paragraph<'_> {
    /// Token `k` in lower case for a feature: "#" for punctuation and past the end.
    pub(super) fn word(&self, k: usize) -> &str {
        if self.is_punct(k) {
            "#"
        } else {
            self.w(k)
        }
    }

    /// The last word of the phrase `a..=b`.
    pub(super) fn head(&self, a: usize, b: usize) -> usize {
        (a..=b).rev().find(|&k| !self.is_punct(k)).unwrap_or(b)
    }

    /// False for a token that cannot start a cue: its lower-case form is in no table, and it
    /// is no [`cue_mark`].
    pub(super) fn maybe_cue(&self, k: usize) -> bool {
        self.is(k, list::CUE) && !self.in_name(k)
    }

    /// True when local token `k` is an opening quotation mark, or a dash with space on both
    /// sides, before a speaker's name ("\"WALLACE:", "TOO EARLY - Mark Blumenthal:").
    pub(super) fn opens_line_part(&self, k: usize) -> bool {
        match self.w(k) {
            "\"" | "“" | "‘" => true,
            w if DASHES.contains(&w) => {
                let spaced = |a: usize, b: usize| self.toks[a].span.end < self.toks[b].span.start;
                k > 0 && k + 1 < self.toks.len() && spaced(k - 1, k) && spaced(k, k + 1)
            }
            _ => false,
        }
    }

    /// True when local token `k` comes right after a closing quotation mark, on its line or at
    /// the start of the next one.
    pub(super) fn after_quotation(&self, k: usize) -> bool {
        let g = self.first + k;
        if g == 0 || g >= self.seg.tokens.len() {
            return false;
        }
        // The paragraph starts at a line, so the token before may lie outside it.
        let before = &self.text[self.seg.tokens[g - 1].span];
        matches!(before, "”" | "\"" | "’" | "''")
    }

    /// A coarse class of local token `k` (for features); "end" at or past `hi`.
    pub(super) fn class_of(&self, k: usize, hi: usize) -> &'static str {
        if k >= hi || k >= self.toks.len() {
            return "end";
        }
        match self.w(k) {
            "that" => "that",
            ":" => "colon",
            "“" | "\"" | "‘" => "quote",
            "”" | "’" => "close",
            "," => "comma",
            "." | "!" | "?" => "stop",
            "to" => "to",
            "of" | "for" | "about" | "on" | "in" | "at" | "with" | "by" => "prep",
            "a" | "an" | "the" | "his" | "her" | "their" | "its" => "det",
            "he" | "she" | "they" | "i" | "we" | "it" | "you" => "pronoun",
            "and" | "but" | "or" => "conj",
            _ if self.is_punct(k) => "punct",
            _ if self.capitalised(k) => "cap",
            _ => "word",
        }
    }

    /// True for an adverb or auxiliary allowed between a source and its cue.
    pub(super) fn is_between(&self, k: usize) -> bool {
        let w = self.w(k);
        !self.capitalised(k)
            && !self.quoted[k]
            && (self.is(k, IS_BETWEEN)
                || (w.ends_with("ly") && w.len() > 4)
                || w.ends_with("n't")
                || w.ends_with("n’t")
                || matches!(
                    w,
                    "ever"
                        | "actually"
                        | "more"
                        | "less"
                        | "too"
                        | "very"
                        | "however"
                        | "nevertheless"
                        | "since"
                        | "instead"
                        | "meanwhile"
                        | "likewise"
                        | "perhaps"
                        | "together"
                        | "almost"
                ))
    }

    /// The subject before the cue that starts at `k` (its auxiliaries included).
    pub(super) fn subject_left(
        &self,
        k: usize,
        lo: usize,
        cue: usize,
    ) -> Option<((usize, usize), &'static str)> {
        let mut k = k;
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        // "Trump on Monday said", "Trump on Twitter said", "the committee this week announced"
        if k >= lo + 3 && self.w(k - 2) == "on" && self.capitalised(k - 1) {
            k -= 2;
        }
        k = self.skip_time_left(k, lo);
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        if k <= lo {
            return None;
        }
        let prev = self.w(k - 1);
        if RELATIVES.contains(&prev) {
            // "X, who said": the relative pronoun, as PolNeAR marks it.
            return (prev != "that" || k - 1 == lo || self.w(k - 2) != ",")
                .then_some(((k - 1, k - 1), "relative"))
                .filter(|_| cue > k - 1);
        }
        if prev == "," {
            return self.apposition_left(k - 1, lo).map(|s| (s, "apposition"));
        }
        // "Gov. Chris Christie — who is being vetted as a running mate — made": the phrase
        // before the dashes, with what they set off.
        if matches!(prev, "—" | "–" | "--") {
            let open = (k.saturating_sub(30).max(lo)..k - 1)
                .rev()
                .find(|&j| self.w(j) == prev)?;
            let (a, _) = self.np_left(open, lo)?;
            return Some(((a, k - 1), "apposition"));
        }
        if self.is_punct(k - 1)
            && !matches!(prev, "." | "'s" | "’s" | ")" | "%")
            && !self.possessive_mark(k - 1)
        {
            return None;
        }
        let np = match self.np_left(k, lo) {
            Some(np) => self.extend_left(np, lo),
            // "A nurse who asked not to be named said": the clause ends in no noun.
            None => (self.modified_subject(k, lo)?, k - 1),
        };
        let how = if np.0 == np.1 && PRONOUNS.contains(&self.w(np.0)) {
            "pronoun"
        } else if self.capitalised(np.1) || self.w(np.1) == ")" {
            "name"
        } else {
            "np"
        };
        Some((np, how))
    }

    /// The source of a cue in the infinitive, whose "to" is local token `to`.
    pub(super) fn infinitive_source(
        &self,
        to: usize,
        lo: usize,
    ) -> (Option<(usize, usize)>, &'static str) {
        if let Some((a, b)) = self.np_left(to, lo) {
            // The phrase found may run over the verb: "the win led her".
            let verb = (a.saturating_sub(1).max(lo)..b)
                .rev()
                .find(|&k| CONTROL_VERBS.contains(&self.w(k)));
            if let Some(v) = verb {
                return (Some((v + 1, b)), "object_control");
            }
        }
        // Skip auxiliaries and adverbs: "the House is likely to consider".
        let mut k = to;
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        // A headline: "AFL-CIO to endorse Clinton".
        if k == to && self.np_left(to, lo).is_some_and(|np| np.0 == lo) {
            return (self.np_left(to, lo), "headline_to");
        }
        // Before "to" comes the subject (when something was skipped) or a verb ("refused to
        // say", "is right to note") whose subject it is.
        let verb = if k < to {
            k
        } else if k > lo + 1 && !self.is_punct(k - 1) && !self.capitalised(k - 1) {
            k - 1
        } else {
            return (None, "");
        };
        match self.subject_left(verb, lo, to) {
            Some((np, _)) => (Some(np), "infinitive"),
            None => (None, ""),
        }
    }

    /// "X, a security expert at Y, said": the comma at `comma` closes an apposition or a
    /// parenthetical; the source is the phrase before it, with an apposition kept.
    pub(super) fn apposition_left(&self, comma: usize, lo: usize) -> Option<(usize, usize)> {
        // The comma that opens it: the nearest one followed by a relative pronoun, else the
        // nearest followed by a determiner, a capitalised word or a participle, else the nearest.
        let mut commas = Vec::new();
        let mut j = comma;
        while j > lo && comma - j < 30 {
            j -= 1;
            let w = self.w(j);
            if w == "," {
                commas.push(j);
                continue;
            }
            if self.is_punct(j)
                && !matches!(w, "." | "-" | "'s" | "’s" | "(" | ")")
                && !self.possessive_mark(j)
            {
                break;
            }
        }
        let relative = |j: &usize| matches!(self.w(j + 1), "who" | "which" | "whose");
        let starter = |j: &usize| {
            let next = self.w(j + 1);
            matches!(
                next,
                "a" | "an" | "the" | "now" | "himself" | "herself" | "then" | "like"
            ) || self.capitalised(j + 1)
                || next.ends_with("ing")
        };
        let open = commas
            .iter()
            .find(|j| relative(j))
            .or_else(|| commas.iter().find(|j| starter(j)))
            .or(commas.first())
            .copied();
        let mut j = open?;
        // An adverb set off by commas before the clause is no phrase of its own: "Sanders,
        // meanwhile, who sits at zero endorsements, said".
        while let Some(&before) = commas.iter().find(|&&i| i < j) {
            if before + 1 < j && (before + 1..j).all(|k| self.is_between(k)) {
                j = before;
            } else {
                break;
            }
        }
        let (mut a, _) = self.extend_left(self.np_left(j, lo)?, lo);
        // Two appositions in a row: "Giovanni Vian, the editor of the Vatican's newspaper,
        // L'Osservatore Romano, said": the name before both.
        if a > lo + 1 && self.w(a - 1) == "," && !self.capitalised(a) {
            if let Some((name, end)) = self.np_left(a - 1, lo) {
                if self.capitalised(name) && self.capitalised(end) {
                    a = name;
                }
            }
        }
        // An age between commas belongs to the name before it: "Kemal Aydin, 54, a farmer".
        let age =
            a + 1 == j && self.w(a).len() <= 3 && self.w(a).bytes().all(|b| b.is_ascii_digit());
        if age && a > lo + 1 && self.w(a - 1) == "," {
            if let Some((name, _)) = self.np_left(a - 1, lo) {
                a = name;
            }
        }
        let inner = self.w(j + 1);
        let clause = RELATIVES.contains(&inner)
            || matches!(
                inner,
                "whose" | "as" | "in" | "on" | "at" | "after" | "when" | "while" | "speaking"
            )
            || inner.ends_with("ing")
            || inner.ends_with("ed");
        if clause {
            Some((a, j - 1))
        } else {
            Some((a, comma - 1))
        }
    }

    /// Subject phrase `np` with what goes before it as one phrase: "at" of "at least four
    /// members", the head a complement belongs to ("Sources familiar with the case", "people
    /// close to the mayor"), and a conjunct that ends in a name ("Council president Linda
    /// Moss and at least four other council members"), and the people a place or an
    /// organisation only locates ("Two mechanics at the airline", "Passengers on Flight 417").
    fn extend_left(&self, np: (usize, usize), lo: usize) -> (usize, usize) {
        let (mut a, b) = np;
        if a > lo && self.w(a - 1) == "at" && matches!(self.w(a), "least" | "most") {
            a -= 1;
        }
        // "its" ends a phrase walking left ("the company … its board said"), but not inside a
        // complement: "two people familiar with its report said".
        if a >= lo + 4 && self.w(a - 1) == "its" && self.complement_at(a - 2) {
            a -= 1;
        }
        if a >= lo + 3 && self.complement_at(a - 1) {
            if let Some((c, _)) = self.np_left(a - 2, lo) {
                a = c;
            }
        }
        // Twice at most: "Nurses at the flagship hospital in Nashville".
        for _ in 0..2 {
            if a < lo + 2 || !matches!(self.w(a - 1), "at" | "on" | "in" | "aboard" | "with") {
                break;
            }
            let head = a - 2;
            let located = !self.is(head, IS_TIME)
                && self.w(head).chars().all(char::is_alphabetic)
                && (!self.capitalised(head) || self.at_start(head));
            match self.np_left(a - 1, lo) {
                Some((c, _)) if located && c < a => a = c,
                _ => break,
            }
        }
        if a >= lo + 2 && self.w(a - 1) == "and" && self.capitalised(a - 2) && !self.at_start(a - 2)
        {
            if let Some((c, _)) = self.np_left(a - 1, lo) {
                a = c;
            }
        } else if a >= lo + 2 && self.w(a - 1) == "and" {
            // "…, the airline and local officials said", "police and fire officials said": a
            // short phrase of its own before "and", from the clause's start or a comma, speaks
            // too. Not "the jet landed safely and officials said".
            if let Some((c, e)) = self.np_left(a - 1, lo) {
                let opens = c == lo || self.w(c - 1) == ",";
                let short = e - c < 3
                    && (e == c || matches!(self.w(c), "the" | "its" | "their" | "his" | "her"));
                let plain = (c..=e).all(|j| {
                    let w = self.w(j);
                    !w.ends_with("ly") && !w.ends_with("ed") && !w.ends_with("ing")
                });
                if opens && short && plain {
                    a = c;
                }
            }
        }
        if let Some(c) = self.modified_subject(a, lo) {
            a = c;
        }
        (a, b)
    }

    /// The start of a subject that opens the sentence and is told by a clause that runs up to
    /// local token `a`: a noun of up to three words, or up to six with a place or body after
    /// it ("A nurse at Springfield General"), then "who" or a participle ("People who live near
    /// the river said", "Workers leaving the plant after the afternoon shift said", "Two
    /// officials who spoke on condition of anonymity because they were not authorized to
    /// discuss the talks said"). No mark and no cue may come between (a verb that only tells
    /// why the source is unnamed is none).
    fn modified_subject(&self, a: usize, lo: usize) -> Option<usize> {
        if a < lo + 2 || !self.at_start(lo) || self.is(lo, IS_BOUNDARY) {
            return None;
        }
        let plain = |k: usize| self.w(k).chars().all(char::is_alphabetic) && !self.quoted[k];
        if !(lo..a).all(plain) {
            return None;
        }
        let modifier = |k: usize| {
            let w = self.w(k);
            w == "who" || (w.len() > 5 && w.ends_with("ing") && !self.capitalised(k))
        };
        let head = (lo..a.min(lo + 6))
            .find(|&k| modifier(k + 1) && k + 1 < a)
            .filter(|&k| k < lo + 3 || self.w(k + 1) == "who")?;
        // A cue in the head is a clause of its own; in the "who" clause it is the clause's
        // ("People who said they saw the crash"), and the verb that opens a participle clause
        // must be no cue ("Officials saying …" is a cue of its own).
        let cue_free = |k: usize| !self.sure_cue(k) || self.anonymity_verb(k);
        let opener_free = self.w(head + 1) == "who" || cue_free(head + 1);
        if !(opener_free && (lo..=head).all(cue_free)) {
            return None;
        }
        // A preposition within the noun places it: "A nurse at Springfield General who".
        let placing = |k: usize| {
            k > lo
                && matches!(
                    self.w(k),
                    "at" | "of" | "from" | "with" | "in" | "for" | "on"
                )
        };
        // Two words of one kind joined: "Current and former officials who".
        let joining = |k: usize| k > lo && k < head && matches!(self.w(k), "and" | "or");
        (lo..=head)
            .all(|k| (!self.is(k, IS_BOUNDARY) || placing(k) || joining(k)) && !modifier(k))
            .then_some(lo)
    }

    /// The noun phrase ending just before local token `end`.
    pub(super) fn np_left(&self, end: usize, lo: usize) -> Option<(usize, usize)> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if PRONOUNS.contains(&self.w(last)) || matches!(self.w(last), "it" | "this") {
            return Some((last, last));
        }
        let mut k = end;
        let mut words = 0;
        while k > lo && words < 10 {
            if self.w(k - 1) == ")" {
                // "Rep. Hank Johnson (D-Ga.)": skip back to the opening parenthesis.
                let open = (k.saturating_sub(8).max(lo)..k - 1)
                    .rev()
                    .find(|&j| self.w(j) == "(");
                match open {
                    Some(j) if j > lo => {
                        k = j;
                        continue;
                    }
                    _ => break,
                }
            }
            if !self.is_np_word(k - 1) {
                break;
            }
            // An article opens its phrase: "After the meeting the mayor said" is "the mayor".
            // Only "of" and a few quantifiers go on before it ("head of the agency", "all the").
            if words > 0
                && matches!(self.w(k), "the" | "a" | "an")
                && !matches!(
                    self.w(k - 1),
                    "of" | "all" | "both" | "half" | "such" | "quite"
                )
                && !self.is_punct(k - 1)
            {
                break;
            }
            k -= 1;
            words += 1;
        }
        // The phrase starts with a word, not a parenthesis or a mark.
        while k < end && (self.is_punct(k) && !matches!(self.w(k), "(")) {
            k += 1;
        }
        // "a" or "an" cannot go with a plural head: "in a raid police described" is "a raid"
        // and then "police". Not after a quantifier ("a few officials", "a dozen people").
        // Only over plain nouns: "a group of doctors", "a union representing flight
        // attendants" are one phrase.
        let plain = |j: usize| {
            let w = self.w(j);
            w.chars().all(|c| c.is_ascii_lowercase())
                && !w.ends_with("ing")
                && !matches!(
                    w,
                    "of" | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "from"
                        | "with"
                        | "by"
                        | "to"
                        | "and"
                        | "or"
                )
        };
        if k + 2 <= last
            && last <= k + 3
            && matches!(self.w(k), "a" | "an")
            && plural_head(self.w(last))
            && (k + 1..=last).all(plain)
            && !matches!(
                self.w(k + 1),
                "few" | "dozen" | "couple" | "handful" | "lot" | "number" | "hundred" | "thousand"
            )
        {
            k += 2;
        }
        (k < end && words > 0).then_some((k, last))
    }

    /// True when local token `k` opens the complement of the adjective before it ("familiar
    /// with", "close to", "briefed on"): a source before its cue runs on over it.
    fn complement_at(&self, k: usize) -> bool {
        k > 0
            && matches!(
                (self.w(k - 1), self.w(k)),
                ("familiar" | "involved", "with")
                    | ("close", "to")
                    | ("briefed", "on")
                    | ("knowledgeable", "about")
            )
    }

    /// The noun phrase starting at local token `s`.
    pub(super) fn np_right(&self, s: usize, hi: usize) -> Option<(usize, usize)> {
        let mut k = s;
        while k < hi
            && k - s < 10
            && (self.is_np_word(k)
                || (k > s && matches!(self.w(k), "of" | "at" | "for" | "in" | "from"))
                || self.report_by(k))
            && (self.w(k) != "." || self.abbreviation_dot(k))
        {
            k += 1;
        }
        while k > s && matches!(self.w(k - 1), "of" | "at" | "for" | "in" | "from") {
            k -= 1;
        }
        // "a group known as BlackVault", "a gang calling itself BlackVault": the name it goes
        // by is part of the phrase.
        if k > s {
            if let Some(end) = self.name_gone_by(k, hi) {
                return Some((s, end));
            }
        }
        // "a source familiar with the investigation": the complement is part of the phrase.
        if k > s && k + 1 < hi && self.complement_at(k) {
            // "familiar with its terms": "its" opens the complement's phrase.
            let from = if self.w(k + 1) == "its" && k + 2 < hi {
                k + 2
            } else {
                k + 1
            };
            if let Some((_, end)) = self.np_right(from, hi) {
                return Some((s, end));
            }
        }
        (k > s).then(|| (s, k - 1))
    }

    /// The last token of the name a phrase ending before local token `k` goes by: "known as
    /// BlackVault", "calling itself BlackVault", "called BlackVault". `None` without one.
    fn name_gone_by(&self, k: usize, hi: usize) -> Option<usize> {
        let start = match (self.w(k - 1), self.w(k)) {
            ("known", "as") => k + 1,
            (_, "calling") if matches!(self.w(k + 1), "itself" | "themselves") => k + 2,
            ("called" | "named", _) => k,
            _ => return None,
        };
        let mut end = None;
        let mut j = start;
        while j < hi && j - start < 6 && self.capitalised(j) && !self.is_punct(j) {
            end = Some(j);
            j += 1;
        }
        end
    }

    /// True when local token `k` is "by" after a report that is a source itself ("a report by
    /// the consulting firm Dunmore Partners", "a study by researchers at Yale", "a summary
    /// released by the board"): who made it is part of the source.
    fn report_by(&self, k: usize) -> bool {
        let report = |w: &str| {
            let singular = w.strip_suffix('s').unwrap_or(w);
            SOURCE_REPORTS.contains(&w)
                || SOURCE_REPORTS.contains(&singular)
                || matches!(singular, "summary" | "statement" | "finding" | "figure")
        };
        k > 0 && self.w(k) == "by" && {
            let before = self.w(k - 1);
            // "a summary released by the board", "a study conducted by Ipsos".
            let made = matches!(
                before,
                "released" | "published" | "issued" | "prepared" | "commissioned" | "conducted"
            );
            report(before) || (made && k >= 2 && report(self.w(k - 2)))
        }
    }

    /// True when token `k` is the period of an abbreviation it follows ("Dr.", "St."): part
    /// of a name, not the end of a phrase.
    fn abbreviation_dot(&self, k: usize) -> bool {
        self.w(k) == "."
            && k > 0
            && self.toks[k - 1].span.end == self.toks[k].span.start
            && crate::segment::is_abbreviation(self.w(k - 1))
    }

    /// A noun phrase after its cue extended over an apposition: "Alan Abramowitz, a
    /// demographer at Emory University" (up to the next comma or the end of the sentence).
    pub(super) fn with_apposition(&self, np: (usize, usize), hi: usize) -> (usize, usize) {
        let (a, b) = np;
        if self.w(b + 1) != "," || b + 2 >= hi {
            return np;
        }
        let next = self.w(b + 2);
        if !(matches!(next, "a" | "an" | "the" | "former" | "one")
            || (self.capitalised(b + 2) && !self.is_punct(b + 2)))
        {
            return np;
        }
        let mut e = b + 2;
        while e + 1 < hi
            && e - b < 30
            && !matches!(self.w(e + 1), "," | "." | ";" | ":" | "”" | "\"" | "—")
            && !self.quoted[e + 1]
        {
            e += 1;
        }
        (a, e)
    }

    /// The first noun phrase of the clause `lo..end`, after openers, a dateline ("WASHINGTON
    /// (AFP) –") and introductory phrases ("For months,", "Hours later,", "At a campaign event in
    /// Ames, Iowa, on Sunday,"): the subject a participle at the clause's end goes with.
    pub(super) fn first_np(&self, lo: usize, end: usize) -> Option<(usize, usize)> {
        let mut s = lo;
        while s < end && (self.is_punct(s) || OPENERS.contains(&self.w(s))) {
            s += 1;
        }
        // A dateline: a place, then up to a dash ("ORLANDO, Fla. (Reuters) -", "New York
        // (AFP) –", "WASHINGTON —"): capitalised words and marks, with an agency in
        // parentheses or the place in capitals.
        let upper = |k: usize| {
            let t = self.raw(k);
            t.len() > 2 && t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        };
        let dash = (s + 1..end.min(s + 10)).find(|&k| matches!(self.w(k), "-" | "–" | "—" | "--"));
        if let Some(d) = dash {
            let plain =
                (s..d).all(|k| self.capitalised(k) || matches!(self.w(k), "," | "." | "(" | ")"));
            if plain && (upper(s) || (s..d).any(|k| self.w(k) == "(")) {
                s = d + 1;
            }
        }
        let mut skipped = false;
        for _ in 0..4 {
            let Some(comma) = (s..end.min(s + 12)).find(|&k| self.w(k) == ",") else {
                break;
            };
            let first = self.w(s);
            let last = self.w(comma.saturating_sub(1));
            let intro = INTRODUCERS.contains(&first)
                || (first.len() > 4 && (first.ends_with("ly") || first.ends_with("ing")))
                // "Hours later,", "Two days ago,": a short phrase ending in a time.
                || (comma > s + 1
                    && comma <= s + 3
                    && (matches!(last, "later" | "ago" | "earlier") || self.is(comma - 1, IS_TIME)))
                // "…in Ames, Iowa, on Sunday,": the state after a place just skipped.
                || (skipped && comma <= s + 2 && (s..comma).all(|k| self.capitalised(k)));
            if !intro {
                break;
            }
            s = comma + 1;
            skipped = true;
        }
        // A dash that sets off what follows is not the phrase's: "Mrs. Clinton -- whose …".
        let (a, mut b) = self.np_right(s, end)?;
        while b > a && self.is_punct(b) && !matches!(self.w(b), ")" | "." | "%") {
            b -= 1;
        }
        Some((a, b))
    }

    /// Skips a time phrase ending before local token `k` ("this week", "on Wednesday morning",
    /// "at the time", "last month").
    pub(super) fn skip_time_left(&self, k: usize, lo: usize) -> usize {
        let mut j = k;
        let mut timed = false;
        while j > lo && k - j < 5 {
            let w = self.w(j - 1);
            // A year counts as a time: "who in 2010 said".
            let year = w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|b| b.is_ascii_digit());
            if self.is(j - 1, IS_TIME) || year {
                timed = true;
            } else if !matches!(
                w,
                "on" | "last"
                    | "this"
                    | "next"
                    | "early"
                    | "late"
                    | "earlier"
                    | "at"
                    | "the"
                    | "that"
                    | "same"
                    | "in"
            ) {
                break;
            }
            j -= 1;
        }
        // The phrase starts with its first word, not with a dangling article.
        while j < k && !timed {
            j += 1;
        }
        if timed && j > lo {
            j
        } else {
            k
        }
    }

    /// True when tokens `a..b` open a parenthesis they do not close ("(D-N." before "Y.)").
    pub(super) fn unclosed_parenthesis(&self, a: usize, b: usize) -> bool {
        let mut depth = 0i32;
        for k in a..b {
            match self.w(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    }

    /// True for a closing apostrophe that makes a possessive ("Sanders’ campaign").
    pub(super) fn possessive_mark(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.toks.len()
            && matches!(self.w(k), "’" | "'")
            && self.toks[k - 1].span.end == self.toks[k].span.start
            && self.w(k - 1).ends_with('s')
            && self.toks[k].span.end < self.toks[k + 1].span.start
            && !self.is_punct(k + 1)
    }

    /// True at the start of a sentence or after an opening mark.
    pub(super) fn at_start(&self, k: usize) -> bool {
        k == 0
            || matches!(
                self.w(k - 1),
                "." | "“" | "\"" | ":" | "—" | "(" | "!" | "?" | "‘"
            )
    }

    pub(super) fn is_np_word(&self, k: usize) -> bool {
        let w = self.w(k);
        let boundary = self.is(k, IS_BOUNDARY) && (!self.capitalised(k) || self.at_start(k));
        // A hyphen joins a name ("al-Allaq"); a dash with space around it ends a dateline
        // ("DETROIT (Wire) - Velmont Motors said").
        let spaced = w == "-"
            && k > 0
            && k + 1 < self.toks.len()
            && self.toks[k - 1].span.end < self.toks[k].span.start
            && self.toks[k].span.end < self.toks[k + 1].span.start;
        !spaced
            && (!self.is_punct(k)
                || matches!(w, "'s" | "’s" | "." | "-" | "%")
                || self.possessive_mark(k)
                || self.ampersand_in_name(k))
            && !boundary
            && !self.quoted[k]
            && !self.sure_cue(k)
    }

    /// True when token `k` is "&" between capitalised words: "Buckeye Power & Light".
    fn ampersand_in_name(&self, k: usize) -> bool {
        self.w(k) == "&"
            && k > 0
            && k + 1 < self.toks.len()
            && self.capitalised(k - 1)
            && self.capitalised(k + 1)
    }

    /// True when tokens `a..=b` hold an outlet: an organisation or a web address.
    pub(super) fn outlet_in(&self, a: usize, b: usize, mentions: &[Mention]) -> bool {
        let span = self.span(a, b);
        (a..=b).any(|k| self.is_web(k))
            || mentions_in(mentions, span).any(|m| m.label == Label::Org)
    }

    /// The last token of a web address starting at local token `k` ("wnd.com",
    /// "Arabiya.net"), which the tokenizer splits at its dots.
    pub(super) fn web_at(&self, k: usize) -> Option<usize> {
        let attached = |j: usize| {
            j + 1 < self.toks.len() && self.toks[j].span.end == self.toks[j + 1].span.start
        };
        let mut j = k;
        if k >= self.toks.len() || self.is_punct(k) {
            return None;
        }
        while attached(j) && self.w(j + 1) == "." && attached(j + 1) && !self.is_punct(j + 2) {
            j += 2;
        }
        (j > k
            && matches!(
                self.w(j),
                "com" | "net" | "org" | "tv" | "news" | "info" | "uk"
            ))
        .then_some(j)
    }

    /// A noun phrase extended to the end of a web address that starts inside it ("Al
    /// Arabiya" → "Al Arabiya.net").
    pub(super) fn with_web(&self, np: (usize, usize)) -> (usize, usize) {
        let end = (np.0..=np.1)
            .filter_map(|k| self.web_at(k))
            .max()
            .unwrap_or(np.1);
        (np.0, end.max(np.1))
    }

    /// True when token `k` starts or ends a web address.
    pub(super) fn is_web(&self, k: usize) -> bool {
        self.web_at(k).is_some()
            || (k >= 2 && self.w(k - 1) == "." && self.web_at(k - 2) == Some(k))
    }

    /// "in an interview with CNN" after the cue: the outlet.
    pub(super) fn interview_with(
        &self,
        s: usize,
        hi: usize,
        mentions: &[Mention],
    ) -> Option<(usize, usize)> {
        let mut k = s;
        while k < hi && k < s + 6 {
            if matches!(self.w(k), "interview" | "appearance")
                && matches!(self.w(k + 1), "with" | "on")
            {
                let np = self.with_web(self.np_right(k + 2, hi)?);
                return self.outlet_in(np.0, np.1, mentions).then_some(np);
            }
            k += 1;
        }
        None
    }

    pub(super) fn kind_of(&self, a: usize, b: usize, mentions: &[Mention]) -> AttributionKind {
        let source = self.span(a, b);
        let named = mentions_in(mentions, source).any(|m| {
            matches!(
                m.label,
                Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Fac
            )
        });
        if named || (a..=b).any(|k| self.web_at(k).is_some()) {
            return AttributionKind::Named;
        }
        if a == b
            && (PRONOUNS.contains(&self.w(a))
                || matches!(self.w(a), "his" | "her" | "their" | "my" | "our"))
        {
            return AttributionKind::Named;
        }
        if a == b && RELATIVES.contains(&self.w(a)) {
            // The antecedent decides: "Trump, who" is named, "an official, who" is not.
            let mut k = a;
            while k > 0 && self.w(k - 1) == "," {
                k -= 1;
            }
            return match self.np_left(k, 0) {
                Some((x, y)) if y < a => self.kind_of(x, y, mentions),
                _ => AttributionKind::Anonymous,
            };
        }
        let head = (a..=b)
            .rev()
            .find(|&k| self.toks[k].kind == TokenKind::Word)
            .map(|k| self.w(k))
            .unwrap_or("");
        if ANONYMOUS_HEADS.contains(&head) {
            return AttributionKind::Anonymous;
        }
        let capitalised = (a..=b).any(|k| {
            (k > 0 && !matches!(self.w(k - 1), "." | "“" | "\"" | "—" | "–"))
                && self.capitalised(k)
                && self.toks[k].kind == TokenKind::Word
        });
        if capitalised {
            AttributionKind::Named
        } else {
            AttributionKind::Anonymous
        }
    }
}

/// The mentions inside `span` (mentions are sorted by span).
impl Paragraph<'_> {
    /// A source after its cue that stops inside a name goes on to the name's end: "according
    /// to the Food and Drug Administration", where the phrase stops at "and".
    pub(super) fn to_name_end(
        &self,
        np: (usize, usize),
        hi: usize,
        mentions: &[Mention],
    ) -> (usize, usize) {
        let (a, mut b) = np;
        let span = self.span(a, b);
        let from = mentions.partition_point(|m| m.span.end <= span.end);
        let end = mentions[from..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.label.is_name() && m.span.start >= span.start)
            .map(|m| m.span.end)
            .max();
        if let Some(end) = end {
            while b + 1 < hi && self.toks[b + 1].span.end <= end {
                b += 1;
            }
        }
        (a, b)
    }
}

pub(super) fn mentions_in(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let from = mentions.partition_point(|m| m.span.end <= span.start);
    mentions[from..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
}

/// True for a lower-case plural noun that heads a group of speakers ("police", "officials",
/// "rescue workers"): no "a" or "an" goes with it.
fn plural_head(w: &str) -> bool {
    matches!(w, "police" | "people" | "staff")
        || (w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !matches!(w, "news" | "series" | "species")
            && w.chars().all(|c| c.is_ascii_lowercase()))
}
