//! Prints the claim pairs across sources that the pair model finds most alike, with their
//! probability and the dense features that made it: for looking at what the comparison sees.
//!
//! ```text
//! cargo run --release --example explain_pairs -- [--top N] [--with WORD] FILE...   # one source per file
//! ```
//!
//! `--with WORD` keeps the pairs whose two claims both contain WORD (any case). With
//! `SAME_SOURCE=1` in the environment, pairs within one source are listed too.

use crosscheck::compare::{pair, ClaimInfo};
use crosscheck::Source;

/// The claim without its clauses, to score it as a whole.
fn strip(c: &ClaimInfo) -> ClaimInfo {
    let mut c = c.clone();
    c.clauses.clear();
    c
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut top = 30;
    if args.first().map(String::as_str) == Some("--top") && args.len() > 1 {
        top = args[1].parse().unwrap_or(30);
        args.drain(..2);
    }
    let mut with: Option<String> = None;
    if args.first().map(String::as_str) == Some("--with") && args.len() > 1 {
        with = Some(args[1].to_lowercase());
        args.drain(..2);
    }
    let sources: Vec<Source> = args
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{f}: {e}"));
            Source::new(&format!("s{}", i + 1), f, &text)
        })
        .collect();
    let infos = crosscheck::claim_infos(&sources);
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (i, a) in infos.iter().enumerate() {
        for (j, b) in infos.iter().enumerate().skip(i + 1) {
            if a.source != b.source || std::env::var_os("SAME_SOURCE").is_some() {
                pairs.push((crosscheck::compare::similarity(a, b) as f32, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let text = |c: &ClaimInfo| {
        let claims = crosscheck::claims_of(&sources[c.source]);
        claims[c.claim].clone()
    };
    if let Some(w) = &with {
        let has = |c: &ClaimInfo| text(c).to_lowercase().contains(w.as_str());
        pairs.retain(|&(_, i, j)| has(&infos[i]) && has(&infos[j]));
    }
    println!("threshold {}", pair::model().threshold);
    for &(p, i, j) in pairs.iter().take(top) {
        let (a, b) = (&infos[i], &infos[j]);
        println!("{p:.3}  s{} · s{}", a.source + 1, b.source + 1);
        println!("    {}", text(a));
        println!("    {}", text(b));
        // The two units (whole claims or clauses) that scored best.
        let (mut best, mut x, mut y) = (-1f32, a, b);
        for u in std::iter::once(a).chain(&a.clauses) {
            for v in std::iter::once(b).chain(&b.clauses) {
                let q = pair::similarity(&strip(u), &strip(v));
                if q > best {
                    (best, x, y) = (q, u, v);
                }
            }
        }
        if !std::ptr::eq(x, a) || !std::ptr::eq(y, b) {
            let at = |c: &ClaimInfo| &sources[c.source].text[c.span.start..c.span.end];
            println!("    clauses: «{}» · «{}»", at(x), at(y));
        }
        let d = pair::dense(x, y);
        let shown: Vec<String> = pair::DENSE
            .iter()
            .zip(d)
            .filter(|(_, v)| *v != 0.0)
            .map(|(n, v)| format!("{n} {v:.2}"))
            .collect();
        println!("    {}", shown.join(", "));
        if !a.figures.is_empty() && !b.figures.is_empty() {
            let figures = |c: &ClaimInfo| {
                let list: Vec<String> = c
                    .figures
                    .iter()
                    .map(|f| {
                        let mut tags = Vec::new();
                        if let Some(t) = f.toll {
                            tags.push(format!("{t:?}"));
                        }
                        if f.noun != 0 {
                            tags.push("counted".to_string());
                        }
                        if f.with_others {
                            tags.push("with others".to_string());
                        }
                        if !f.role.is_empty() {
                            tags.push(format!("{} role words", f.role.len()));
                        }
                        format!("{} [{:?}..{:?}] {}", f.text, f.low, f.high, tags.join(" "))
                    })
                    .collect();
                list.join("; ")
            };
            // The best probability of the two, or a clause of either, numbers aside.
            let mut aside = 0f32;
            for u in std::iter::once(a).chain(&a.clauses) {
                for v in std::iter::once(b).chain(&b.clauses) {
                    let d = pair::dense(u.numberless(), v.numberless());
                    aside = aside.max(pair::model().probability(&d));
                }
            }
            println!(
                "    figures: {} · {}; numbers aside {aside:.3}; in dispute: {}",
                figures(a),
                figures(b),
                pair::in_dispute(a, b)
            );
        }
    }
}
