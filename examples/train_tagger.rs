//! Fits the name tagger's weights and prints their span-level scores.
//!
//! ```sh
//! # The shipped weights, from ../shared/train (prints dev scores):
//! cargo run --release --example train_tagger -- --out src/tagger/weights.bin
//! # Your own annotated data (CoNLL: word ... TAG, blank line between sentences):
//! cargo run --release --example train_tagger -- --id my-id-train.conll --id-dev my-id-dev.conll \
//!     --en my-en-train.conll --en-dev my-en-dev.conll --out src/tagger/weights.bin
//! ```
//! then rebuild kutip: the weights are embedded in the binary.
//!
//! Indonesian is fitted as a CRF, English by averaged perceptrons
//! (`shipped_methods`); `--fit-id` / `--fit-en` (`crf` or `perceptron`)
//! choose otherwise, `--c1`, `--c2`, `--iterations` set the CRF's penalties
//! and its iterations, `--epochs`, `--seeds` the perceptron's.

use kutip::gazetteer::Gazetteer;
use kutip::matcher::Matcher;
use kutip::tagger::model::encode;
use kutip::tagger::train::{
    evaluate, load_shared, prepare_all, read_conll, shipped_methods, Method, Scores, Split,
    SHIPPED_CRF, SHIPPED_EPOCHS, SHIPPED_SEEDS,
};
use kutip::tagger::{features::Lexicon, Tagger};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut data = PathBuf::from("../shared/train");
    let mut out: Option<PathBuf> = None;
    let mut methods = shipped_methods();
    let mut crf = SHIPPED_CRF;
    let (mut epochs, mut seeds) = (SHIPPED_EPOCHS, SHIPPED_SEEDS.to_vec());
    let mut own: [Option<String>; 4] = Default::default();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--data" => data = val()?.into(),
            "--out" => out = Some(val()?.into()),
            "--fit-id" | "--fit-en" => {
                let lang = usize::from(a == "--fit-en");
                methods[lang] = match val()?.as_str() {
                    "crf" => Method::Crf(crf),
                    "perceptron" => Method::Perceptron {
                        epochs,
                        seeds: seeds.clone(),
                    },
                    m => return Err(format!("{a}: unknown method {m}").into()),
                };
            }
            "--c1" => crf.c1 = val()?.parse()?,
            "--c2" => crf.c2 = val()?.parse()?,
            "--iterations" => crf.stop.iterations = val()?.parse()?,
            "--epochs" => epochs = val()?.parse()?,
            "--seeds" => {
                seeds = val()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()?
            }
            "--id" => own[0] = Some(val()?),
            "--id-dev" => own[1] = Some(val()?),
            "--en" => own[2] = Some(val()?),
            "--en-dev" => own[3] = Some(val()?),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    // The CRF's and the perceptron's settings hold for every language
    // fitted by that method, wherever they stand among the arguments.
    for m in &mut methods {
        *m = match m {
            Method::Crf(_) => Method::Crf(crf),
            Method::Perceptron { .. } => Method::Perceptron {
                epochs,
                seeds: seeds.clone(),
            },
        };
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
    for (name, split, method) in [("id", &id, &methods[0]), ("en", &en, &methods[1])] {
        eprintln!(
            "{name}: {} training, {} dev sentences; {method:?}",
            split.train.len(),
            split.dev.len()
        );
        let w = method.fit(&split.train);
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
