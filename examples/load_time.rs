//! How long each compiled-in model takes to load, in milliseconds:
//! `cargo run --release --example load_time [similarity|pairs]`.
fn main() {
    let what = std::env::args().nth(1).unwrap_or_default();
    let t = std::time::Instant::now();
    match what.as_str() {
        "pairs" => {
            let _ = crosscheck::compare::pair::model().threshold;
        }
        _ => {
            let _ = crosscheck::similarity::model().dim();
        }
    }
    println!("{what} {:.2}", t.elapsed().as_secs_f64() * 1e3);
}
