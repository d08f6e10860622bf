//! Fits the name tagger's weights and prints their span-level scores.
//!
//! ```sh
//! # The shipped weights, from ../shared/train (prints dev scores per epoch):
//! cargo run --release --example train_tagger -- --out src/tagger/weights.bin
//! # Your own annotated data (CoNLL: word ... TAG, blank line between sentences):
//! cargo run --release --example train_tagger -- --id my-id-train.conll --id-dev my-id-dev.conll \
//!     --en my-en-train.conll --en-dev my-en-dev.conll --out src/tagger/weights.bin
//! ```
//! then rebuild kutip: the weights are embedded in the binary.

use kutip::gazetteer::Gazetteer;
use kutip::matcher::Matcher;
use kutip::tagger::model::encode;
use kutip::tagger::train::{
    evaluate, fit, load_shared, prepare_all, read_conll, Scores, Split, SHIPPED_EPOCHS,
    SHIPPED_SEEDS,
};
use kutip::tagger::{features::Lexicon, Tagger};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("../shared/train");
    let mut out: Option<PathBuf> = None;
    let mut epochs = SHIPPED_EPOCHS;
    let mut seeds = SHIPPED_SEEDS.to_vec();
    let mut own: [Option<String>; 4] = Default::default();
    let mut sweep = false;
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = val()?.into(),
            "--out" => out = Some(val()?.into()),
            "--epochs" => {
                let e: usize = val()?.parse()?;
                epochs = [e, e];
            }
            "--epochs-id" => epochs[0] = val()?.parse()?,
            "--epochs-en" => epochs[1] = val()?.parse()?,
            "--seeds" => {
                seeds = val()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?
            }
            "--sweep" => sweep = true,
            "--id" => own[0] = Some(val()?),
            "--id-dev" => own[1] = Some(val()?),
            "--en" => own[2] = Some(val()?),
            "--en-dev" => own[3] = Some(val()?),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let matcher = Matcher::from_gazetteer(Gazetteer::defaults()?);
    let lexicon = Lexicon::new();
    let (id, en) = if own.iter().any(Option::is_some) {
        let load = |p: &Option<String>| -> Result<_, Box<dyn std::error::Error>> {
            Ok(match p {
                Some(p) => {
                    prepare_all(read_conll(&std::fs::read_to_string(p)?), &matcher, &lexicon)
                }
                None => Vec::new(),
            })
        };
        (
            Split {
                train: load(&own[0])?,
                dev: load(&own[1])?,
            },
            Split {
                train: load(&own[2])?,
                dev: load(&own[3])?,
            },
        )
    } else {
        load_shared(&data, &matcher, &lexicon)?
    };
    let mut fitted = Vec::new();
    for (name, split, e) in [("id", &id, epochs[0]), ("en", &en, epochs[1])] {
        eprintln!(
            "{name}: {} training, {} dev sentences",
            split.train.len(),
            split.dev.len()
        );
        if sweep {
            for k in 1..=e {
                let w = fit(&split.train, k, &seeds);
                print_scores(&format!("{name} epochs {k} dev"), &evaluate(&w, &split.dev));
            }
        }
        let w = fit(&split.train, e, &seeds);
        print_scores(&format!("{name} dev"), &evaluate(&w, &split.dev));
        fitted.push(w);
    }
    let bytes = encode([&fitted[0], &fitted[1]]);
    // The file reads back as it was written.
    Tagger::from_bytes(&bytes).map_err(|e| e.0)?;
    if let Some(path) = out {
        std::fs::write(&path, &bytes)?;
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}

fn print_scores(label: &str, s: &Scores) {
    let names = ["PERSON", "ORGANIZATION", "LOCATION", "ALL"];
    for (n, c) in names.iter().zip(s) {
        println!(
            "{label} {n:12} P={:.3} R={:.3} F1={:.3} (tp {}, pred {}, gold {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.pred,
            c.gold
        );
    }
}
