//! The ECB+ evaluation of one entity across sources (`crosscheck eval-coref`) on a topic written
//! for the tests (tests/fixtures/ecbplus/1: two documents, a handful of mentions), with the
//! pairs counted by hand so that the scorer can fail.
//!
//! Document 1_1: "Duncan Hunter met Nancy Pelosi at the Pentagon in Washington on Monday. He said
//! the talks went well." Document 1_2: "Reporters said Hunter told them that Pelosi met the
//! Defense Department in Washington on Monday. Officials in Washington said nothing."
//!
//! Named gold mentions, five a document: Hunter, Pelosi, the Pentagon / the Defense Department
//! (one instance), Washington (two instances: the gold tells the city from the state) and Monday
//! (annotated as an entity here, so that a named mention has no system name mention: the
//! pipeline makes it a DATE). Left out: "He" (a pronoun), "Reporters" (capitalised only by
//! position), "met" (an action), and "Officials in Washington" (its sentence has no mention in a
//! relation: not checked for coreference).
//!
//! The 25 pairs across the two documents: Hunter and Pelosi are true pairs (tp 2); the two
//! Washingtons share a key but not an instance (fp 1); the Pentagon and the Defense Department
//! are one instance under two keys, and the two Mondays have no key (fn 2). So P = 2/3,
//! R = 2/4, F1 = 4/7.

use crosscheck::eval::coref::{eval_coref, Pairs};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ecbplus");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn pairs_counted_by_hand() {
    // Reason: the figures the project is measured by must be the ones counted above.
    let eval = eval_coref(Path::new(DIR), None).unwrap();
    assert_eq!(
        eval.pairs(),
        Pairs {
            tp: 2,
            fp: 1,
            fn_: 2
        }
    );
    let p = eval.pairs();
    assert!((p.precision() - 2.0 / 3.0).abs() < 1e-9);
    assert!((p.recall() - 0.5).abs() < 1e-9);
    assert!((p.f1() - 4.0 / 7.0).abs() < 1e-9);
    // Ten named gold mentions; the two Mondays have no system name mention over them.
    assert_eq!(eval.mentions(), (10, 2));
}

#[test]
fn cli_prints_the_figures_and_gates_on_min_f1() {
    // Reason: scripts read the last line and the exit code.
    let (code, out, err) = run(&["eval-coref", DIR]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("P 0.667  R 0.500  F1 0.571"), "{out}");
    assert_eq!(out.trim_end().lines().last(), Some("coref-f1 0.571"));
    let (code, _, _) = run(&["eval-coref", "--min-f1", "0.5", DIR]);
    assert_eq!(code, 0);
    let (code, _, err) = run(&["eval-coref", "--min-f1", "0.6", DIR]);
    assert_eq!(code, 1, "below the target is exit 1");
    assert!(err.contains("below"), "{err}");
}

#[test]
fn cli_lists_mistakes() {
    // Reason: error analysis needs the texts of the false merges and missed joins.
    let (code, out, err) = run(&["eval-coref", "--mistakes", DIR]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\"1: Washington\" [washington] ~ \"Washington\" [washington]"),
        "{out}"
    );
    assert!(out.contains("Defense Department"), "{out}");
    assert!(out.contains("1: \"Monday\""), "{out}");
}

#[test]
fn cli_selects_topics_and_refuses_missing_ones() {
    // Reason: --topics picks folders by name; a topic that is not there is an error (exit 2),
    // not a silent zero.
    let (code, out, err) = run(&["eval-coref", "--topics", "1", DIR]);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with("coref-f1 0.571\n"), "{out}");
    for args in [
        &["eval-coref", "--topics", "2", DIR][..],
        &["eval-coref", "--split", "dev", DIR],
        &["eval-coref", "--split", "test", DIR],
        &["eval-coref", "/no/such/dir"],
        &["eval-coref"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(!err.is_empty());
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use crosscheck::eval::coref::{named_mentions, read_document};
    use proptest::prelude::*;

    /// Pieces of ECB+ markup, whole and broken, mixed with arbitrary characters.
    fn markup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<token t_id=\"1\" sentence=\"0\" number=\"0\">Hunter</token>".to_string()),
            Just("<token t_id=\"2\" sentence=\"1\" number=\"0\">``</token>".to_string()),
            Just("<token t_id=\"3\" sentence=\"x\">&amp;".to_string()),
            Just("<Markables>".to_string()),
            Just("</Markables>".to_string()),
            Just("<HUMAN_PART_PER m_id=\"1\" >".to_string()),
            Just("<token_anchor t_id=\"1\"/>".to_string()),
            Just("<token_anchor t_id=\"9\"/>".to_string()),
            Just("</HUMAN_PART_PER>".to_string()),
            Just("<LOC_GEO m_id=\"2\" instance_id=\"L1\" />".to_string()),
            Just("<Relations>".to_string()),
            Just("<CROSS_DOC_COREF r_id=\"1\" note=\"N\" >".to_string()),
            Just("<INTRA_DOC_COREF r_id=\"2\" >".to_string()),
            Just("<source m_id=\"1\" />".to_string()),
            Just("<target m_id=\"2\" />".to_string()),
            Just("</CROSS_DOC_COREF>".to_string()),
            Just("<".to_string()),
            Just(">".to_string()),
            Just("\"".to_string()),
            "\\PC{0,6}",
        ];
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn any_markup_reads_without_panic(xml in markup()) {
            // Reason: a damaged file must give a result or an error, never a panic, and every
            // token must slice the rebuilt text.
            if let Ok(doc) = read_document("d", &xml) {
                for t in &doc.tokens {
                    prop_assert!(doc.text.is_char_boundary(t.span.start));
                    prop_assert!(doc.text.is_char_boundary(t.span.end));
                    prop_assert!(t.span.end <= doc.text.len());
                }
                for m in named_mentions(&doc) {
                    let _ = doc.mention_text(m);
                }
            }
        }
    }
}
