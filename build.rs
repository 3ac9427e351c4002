//! Names this build of the engine: a hash of its code and models, so that a report kept from an
//! earlier build (the page's reload cache) is not shown as this one's.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut list = Vec::new();
    for dir in ["src", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut list);
    }
    list.sort();
    // FNV-1a over each path and its bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for p in &list {
        eat(p.to_string_lossy().as_bytes());
        eat(&fs::read(p).unwrap_or_default());
    }
    println!(
        "cargo:rustc-env=CROSSCHECK_ENGINE={}-{h:016x}",
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}
