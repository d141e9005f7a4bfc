//! Writes the whole-process comparison job of `benches/job.sh`: a vendor CSV of
//! real vendor names with perturbed real CSL organisation names mixed in, and
//! the truth for the perturbed ones (run from the repository root):
//!
//! ```text
//! cargo run --release --example job -- OUT_DIR [--vendors 5000] [--positives 500]
//! ```
//!
//! `OUT_DIR/vendors.csv` has the CLI's `id,name` columns;
//! `OUT_DIR/truth.csv` has `id,list,entity_id,listed_name,variation` for each
//! perturbed name (every other vendor is a real vendor name, expected clean).

#[path = "evaluate/data.rs"]
#[allow(dead_code)]
mod data;
#[path = "evaluate/perturb.rs"]
mod perturb;

use clap::Parser;
use perturb::{KINDS, Rng, perturb};
use std::path::PathBuf;

#[derive(Parser)]
struct Args {
    /// Directory to write `vendors.csv` and `truth.csv` into.
    out: PathBuf,
    /// Vendors in all.
    #[arg(long, default_value_t = 5000)]
    vendors: usize,
    /// Of which perturbed listed names.
    #[arg(long, default_value_t = 500)]
    positives: usize,
    /// Random seed.
    #[arg(long, default_value_t = 5000)]
    seed: u64,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.positives > args.vendors {
        return Err("--positives exceeds --vendors".into());
    }
    let csl = data::csl_lists()?;
    let listed = data::organisation_names(&csl);
    let mut rng = Rng::new(args.seed);

    // (name, Some(truth)) for positives, (name, None) for real vendor names.
    let mut rows: Vec<(String, Option<[String; 4]>)> = Vec::new();
    let mut k = rng.below(listed.len());
    while rows.len() < args.positives {
        let (list, id, name) = &listed[k % listed.len()];
        let kind = KINDS[rows.len() % KINDS.len()];
        k += 7919;
        if let Some(variant) = perturb(name, kind, &mut rng) {
            let truth = [list.clone(), id.clone(), name.clone(), kind.to_string()];
            rows.push((variant, Some(truth)));
        }
    }
    let negatives = args.vendors - args.positives;
    let all = data::vendor_names(1)?;
    let step = all.len().checked_div(negatives).unwrap_or(1).max(1);
    rows.extend(
        all.into_iter()
            .step_by(step)
            .take(negatives)
            .map(|(_, v)| (v, None)),
    );
    // Deterministic shuffle, so positives are spread through the file.
    for i in (1..rows.len()).rev() {
        rows.swap(i, rng.below(i + 1));
    }

    std::fs::create_dir_all(&args.out)?;
    let mut vendors = csv::Writer::from_path(args.out.join("vendors.csv"))?;
    let mut truth = csv::Writer::from_path(args.out.join("truth.csv"))?;
    vendors.write_record(["id", "name"])?;
    truth.write_record(["id", "list", "entity_id", "listed_name", "variation"])?;
    for (i, (name, t)) in rows.iter().enumerate() {
        let id = format!("v{i}");
        vendors.write_record([id.as_str(), name.as_str()])?;
        if let Some([list, entity, listed, kind]) = t {
            truth.write_record([&id, list, entity, listed, kind])?;
        }
    }
    vendors.flush()?;
    truth.flush()?;
    eprintln!(
        "wrote {} vendors ({} perturbed listed names) to {}",
        rows.len(),
        args.positives,
        args.out.display()
    );
    Ok(())
}
