//! Peers in the same run: rapidfuzz's Jaro-Winkler and token_set_ratio
//! (`benches/peer_eval.py`, Python) on the same cases and vendor names,
//! scored the same way: a case is found when its expected entity's best name
//! scores at or above the peer's own threshold, the one at which 1% of
//! vendor names hit.

use super::cases::Case;
use super::vendors::VendorName;
use serde::Serialize;
use std::path::PathBuf;

/// One peer's figures.
#[derive(Debug, Clone, Serialize)]
pub struct Peer {
    /// Its name.
    pub name: String,
    /// Its threshold at 1% of the sampled vendor names.
    pub threshold: f64,
    /// Vendor names scored.
    pub vendors: usize,
    /// Of them, at or above the threshold.
    pub vendors_hit: usize,
    /// Of them, scoring 1.0 against some listed name.
    pub vendors_at_1: usize,
    /// Seconds it took.
    pub seconds: f64,
    /// Each case's best score on its expected entity, in the order given.
    #[serde(skip)]
    pub cases: Vec<f64>,
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Runs the peers on `cases`, with every `step`-th vendor name against
/// `names`. `Err` says why they could not run (no Python, no rapidfuzz).
pub fn run(
    cases: &[&Case],
    names: &[String],
    vendors: &[VendorName],
    step: usize,
) -> Result<Vec<Peer>, String> {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("vendor-screen-peers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let mut tsv = String::new();
    for c in cases {
        tsv.push_str(&clean(&c.query));
        for n in &c.expected_names {
            tsv.push('\t');
            tsv.push_str(&clean(n));
        }
        tsv.push('\n');
    }
    let write =
        |f: &str, text: String| std::fs::write(dir.join(f), text).map_err(|e| e.to_string());
    write("cases.tsv", tsv)?;
    write(
        "names.txt",
        names.iter().map(|n| clean(n) + "\n").collect::<String>(),
    )?;
    write(
        "vendors.txt",
        vendors
            .iter()
            .step_by(step.max(1))
            .map(|v| clean(&v.name) + "\n")
            .collect::<String>(),
    )?;
    let status = std::process::Command::new("python3")
        .arg("benches/peer_eval.py")
        .arg(&dir)
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if !status.success() {
        return Err(format!(
            "benches/peer_eval.py failed ({status}); pip install rapidfuzz numpy"
        ));
    }
    let json = std::fs::read_to_string(dir.join("peers.json")).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    let v: serde_json::Value = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    let peers = v["peers"].as_array().ok_or("no peers in peers.json")?;
    let out: Vec<Peer> = peers
        .iter()
        .map(|p| Peer {
            name: p["name"].as_str().unwrap_or("?").to_string(),
            threshold: p["threshold"].as_f64().unwrap_or(1.0),
            vendors: p["vendors"].as_u64().unwrap_or(0) as usize,
            vendors_hit: p["vendors_hit"].as_u64().unwrap_or(0) as usize,
            vendors_at_1: p["vendors_at_1"].as_u64().unwrap_or(0) as usize,
            seconds: p["seconds"].as_f64().unwrap_or(0.0),
            cases: p["cases"]
                .as_array()
                .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(0.0)).collect())
                .unwrap_or_default(),
        })
        .collect();
    if out.iter().any(|p| p.cases.len() != cases.len()) {
        return Err("peer_eval.py returned a different number of cases".to_string());
    }
    Ok(out)
}
