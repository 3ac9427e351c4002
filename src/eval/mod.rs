//! Evaluations of the entity stage, one file per thing measured: names on CoNLL-2003
//! (`ner`, `crosscheck eval-ner`) and one entity across sources on ECB+ (`coref`,
//! `crosscheck eval-coref`, native only). The claim evaluations live with the claims stage.

mod ner;
pub use ner::*;

#[cfg(not(target_arch = "wasm32"))]
pub mod coref;
#[cfg(not(target_arch = "wasm32"))]
pub mod ecbplus;
