//! The similarity model: the tokeniser and vectors against the script's Python reference
//! (tests/fixtures/similarity.json, written by scripts/build-similarity.sh), what the cosine
//! should rank, and input that must not break it.

use crosscheck::similarity::{cosine, model, Token};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    reason: String,
    text: String,
    pieces: Vec<String>,
    /// Kept-piece indices; a character no kept piece covers is -1 - its code point.
    ids: Vec<i64>,
    vector: Vec<f32>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("fixtures/similarity.json")).unwrap()
}

fn ids(text: &str) -> Vec<i64> {
    model()
        .tokens(text)
        .into_iter()
        .map(|t| match t {
            Token::Piece(p) => i64::from(p),
            Token::Char(c) => -1 - i64::from(u32::from(c)),
        })
        .collect()
}

#[test]
fn tokens_match_the_reference_tokeniser() {
    // The vectors were fitted on the Python tokeniser's pieces; the Rust one must cut the same.
    let cases = cases();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for case in &cases {
        let got = ids(&case.text);
        if got != case.ids {
            let got_text: Vec<String> = model()
                .tokens(&case.text)
                .into_iter()
                .map(|t| match t {
                    Token::Piece(p) => model().piece(p).to_string(),
                    Token::Char(c) => c.to_string(),
                })
                .collect();
            failures.push(format!(
                "{} ({}):\n  want {:?}\n  got  {:?}",
                case.name, case.reason, case.pieces, got_text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn vectors_match_the_script() {
    // Same pieces, same rows, same fallback: the sentence vector must be the script's.
    let mut failures = Vec::new();
    for case in &cases() {
        let got = model().embed(&case.text);
        assert_eq!(got.len(), case.vector.len(), "{}", case.name);
        let want_zero = case.vector.iter().all(|&x| x == 0.0);
        let ok = if want_zero {
            got.iter().all(|&x| x == 0.0)
        } else {
            cosine(&got, &case.vector) > 0.999
        };
        if !ok {
            failures.push(format!(
                "{} ({}): cosine {}",
                case.name,
                case.reason,
                cosine(&got, &case.vector)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// (name, reason, sentence, its paraphrase, a sentence on the same topic that says otherwise)
const PARAPHRASES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "fled_took_refuge",
        "other words for the same event: fled / took refuge, leaders / commanders",
        "ISIS leaders fled to Turkey.",
        "Islamic State commanders took refuge in Turkey.",
        "ISIS fighters attacked a village in northern Iraq.",
    ),
    (
        "resigned_stepped_down",
        "an idiom for the same act, the date moved to the front",
        "The minister resigned on Friday.",
        "On Friday the minister stepped down.",
        "The minister opened a new hospital on Friday.",
    ),
    (
        "arrested_detained",
        "a passive paraphrase that shares few words",
        "Police arrested three suspects after the attack.",
        "Three people were detained by police following the assault.",
        "Police said the attack was the worst in years.",
    ),
    (
        "loss_same_amount",
        "the same figure, other words around it",
        "The company reported a loss of $2 billion.",
        "The firm posted a $2 billion loss.",
        "The company hired 2,000 new workers.",
    ),
];

#[test]
fn paraphrases_beat_same_topic_sentences() {
    // What the comparison stage needs: same claim in other words scores above a claim that
    // shares the topic (and many of the words) but says something else.
    let m = model();
    for (name, reason, a, b, other) in PARAPHRASES {
        let (a, b, other) = (m.embed(a), m.embed(b), m.embed(other));
        let same = cosine(&a, &b);
        assert!(
            same > cosine(&a, &other) && same > cosine(&b, &other),
            "{name} ({reason}): paraphrase {same}, others {} {}",
            cosine(&a, &other),
            cosine(&b, &other)
        );
    }
}

/// (language, English sentence, its translation, an unrelated English sentence)
const TRANSLATIONS: &[(&str, &str, &str, &str)] = &[
    (
        "spanish",
        "ISIS leaders fled to Turkey.",
        "Los líderes del ISIS huyeron a Turquía.",
        "Oil prices fell sharply last week.",
    ),
    (
        "german",
        "Thousands of refugees crossed the border.",
        "Tausende Flüchtlinge überquerten die Grenze.",
        "The school will remain closed until Friday.",
    ),
    (
        "turkish",
        "The central bank cut interest rates.",
        "Merkez bankası faiz oranlarını düşürdü.",
        "Fire destroyed several houses in the village.",
    ),
    (
        "french",
        "The minister denied the corruption allegations.",
        "Le ministre a nié les accusations de corruption.",
        "Scientists discovered a new species of frog.",
    ),
];

#[test]
fn translations_beat_unrelated_english() {
    // The teacher is multilingual and the student keeps some of it: a claim and its
    // translation are closer than the claim and an unrelated claim in its own language.
    let m = model();
    for (language, english, translated, unrelated) in TRANSLATIONS {
        let e = m.embed(english);
        let (t, u) = (
            cosine(&e, &m.embed(translated)),
            cosine(&e, &m.embed(unrelated)),
        );
        assert!(t > u, "{language}: translation {t}, unrelated {u}");
    }
}

#[test]
fn word_vectors_align_words_across_sentences() {
    // word_into is for best-match alignment: a word finds itself, and "commanders" finds
    // "leaders" rather than the other words of the sentence.
    let m = model();
    let vector = |w: &str| {
        let mut v = vec![0.0; m.dim()];
        m.word_into(w, &mut v);
        v
    };
    let words = ["ISIS", "leaders", "fled", "to", "Turkey"];
    let best = |w: &str| {
        let v = vector(w);
        *words
            .iter()
            .max_by(|a, b| cosine(&v, &vector(a)).total_cmp(&cosine(&v, &vector(b))))
            .unwrap()
    };
    assert_eq!(best("Turkey"), "Turkey");
    assert_eq!(best("commanders"), "leaders");
    // a word's vector points where the word alone embeds
    assert!(cosine(&vector("refugees"), &m.embed("refugees")) > 0.9999);
}

#[test]
fn odd_input_never_panics() {
    // Analysis never panics on any input: empty, blank, huge, one endless word, controls,
    // lone combining marks, noncharacters, private use, and wrongly sized output buffers.
    let m = model();
    let huge = "Officials said 2,000 fighters crossed into Turkey. ".repeat(40_000);
    let endless = "ab\u{301}".repeat(300_000);
    let texts = [
        "",
        " ",
        "\t\n\r \u{3000}\u{200b}\u{feff}",
        huge.as_str(),
        endless.as_str(),
        "\u{0}\u{1}\u{7f}\u{9f}",
        "\u{301}\u{308}\u{20dd}",
        "\u{ffff}\u{fffe}\u{10ffff}\u{e000}\u{f8ff}",
        "\u{fffd}\u{fffd}",
        "𝕴𝖘𝖎𝖘 ﷺ ﷽ \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}",
    ];
    for text in texts {
        let v = m.embed(text);
        assert_eq!(v.len(), m.dim());
        assert!(v.iter().all(|x| x.is_finite()));
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!(norm == 0.0 || (norm - 1.0).abs() < 1e-4, "norm {norm}");
        let short: String = text.chars().take(100).collect();
        for size in [0, 1, m.dim() - 1, m.dim() + 3] {
            let mut out = vec![f32::NAN; size];
            m.embed_into(&short, &mut out);
            m.word_into(&short, &mut out);
            assert!(out.iter().all(|x| x.is_finite()));
        }
    }
    for text in ["", " \n "] {
        assert!(m.embed(text).iter().all(|&x| x == 0.0), "{text:?}");
        assert!(m.tokens(text).is_empty());
    }
    assert_eq!(cosine(&m.embed(""), &m.embed("Turkey")), 0.0);
}

#[test]
fn same_text_same_vector_in_any_order_and_thread() {
    // Deterministic output: the word cache and the thread must not change a vector.
    let m = model();
    let text = "ISIS leaders fled to Turkey, officials said on Monday.";
    let first = m.embed(text);
    for other in ["Turkey", "leaders fled", "Monday officials"] {
        m.embed(other);
    }
    assert_eq!(first, m.embed(text));
    let other_thread = std::thread::spawn(move || model().embed(text))
        .join()
        .unwrap();
    assert_eq!(first, other_thread);
}

#[test]
fn embed_into_is_embed() {
    // The allocation-free form gives the same vector.
    let m = model();
    let text = "The central bank cut interest rates.";
    let mut out = vec![0.0; m.dim()];
    m.embed_into(text, &mut out);
    assert_eq!(out, m.embed(text));
}

#[test]
fn common_words_have_a_piece_in_lower_case() {
    // The entity stage reads a word with a whole piece of its own in lower case as a word of the
    // language ("humanity"), not a name: the vocabulary is cased, so a surname has one only
    // capitalised.
    let m = model();
    for w in ["humanity", "life", "doctors"] {
        assert!(m.is_word(w), "{w}");
    }
    for w in ["smith", "farenthold", "Humanity x", ""] {
        assert!(!m.is_word(w), "{w}");
    }
    assert!(m.is_word("Smith"));
}
