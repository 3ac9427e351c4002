//! What the first analysis spends on loading models, in milliseconds, each model alone and then
//! the first and second analysis of two short sources: `cargo run --release --example load_time`.
use std::time::Instant;

fn time(name: &str, f: impl FnOnce()) {
    let t = Instant::now();
    f();
    println!("{name:<12} {:6.2} ms", t.elapsed().as_secs_f64() * 1e3);
}

fn main() {
    time("gazetteer", || {
        let _ = crosscheck::entities::gazetteer::Gazetteer::get();
    });
    time("tagger", || {
        let _ = crosscheck::entities::tagger::Model::get();
    });
    time("similarity", || {
        let _ = crosscheck::similarity::model().dim();
    });
    time("pairs", || {
        let _ = crosscheck::compare::pair::model().threshold;
    });
    let src = vec![
        crosscheck::Source::new(
            "a",
            "A",
            "The mayor said on Monday that the bridge would reopen.",
        ),
        crosscheck::Source::new("b", "B", "The bridge will reopen, officials said."),
    ];
    time("first", || {
        let _ = crosscheck::analyze(&src, &Default::default());
    });
    time("second", || {
        let _ = crosscheck::analyze(&src, &Default::default());
    });
}
