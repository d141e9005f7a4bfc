//! How procurement software embeds the crate: build the screener once from the
//! bundled lists plus a downloaded Consolidated Screening List, share it
//! across worker threads, screen incoming supplier records, and turn each
//! report into a decision with its explanation attached.
//!
//! ```text
//! cargo run --release --example onboarding -- [CSL_FILE]
//! ```

use std::sync::Arc;
use vendor_screen::list::Date;
use vendor_screen::{Owner, Report, Screener, ScreenerBuilder, Status, Vendor};

/// What onboarding does with a supplier.
#[derive(Debug)]
enum Decision {
    Clear,
    Review(String),
    Block(String),
}

fn decide(report: &Report) -> Decision {
    // One decision per real entity: findings group an entity's hits across lists.
    let first = |status: Status| report.findings.iter().find(|f| f.status == status);
    let why = |f: &vendor_screen::Finding| {
        let lists: Vec<String> = f
            .listings
            .iter()
            .map(|l| format!("{} ({}): {}", l.list, l.status, l.rule))
            .collect();
        format!("{}\n{}", f.entity_name, lists.join("\n"))
    };
    if let Some(f) = first(Status::Match) {
        Decision::Block(why(f))
    } else if let Some(f) = first(Status::Review) {
        Decision::Review(why(f))
    } else {
        Decision::Clear
    }
}

fn main() -> std::process::ExitCode {
    // Errors are printed as the sentences they are, never as Debug output.
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let csl = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/csl/consolidated-2023-11-partial.csv".into());
    // The shared extract is cut off inside its last record: load the rest.
    let partial = vendor_screen::list::LoadOptions::partial();
    let imported = vendor_screen::list::load::load_path_with(csl.as_ref(), None, &partial)?;
    eprintln!("{}", imported.report);
    let screener: Arc<Screener> = Arc::new(
        ScreenerBuilder::new()
            .lists(vendor_screen::lists::bundled()?)
            .lists(imported.lists)
            .build()?,
    );
    let today = Date::today();

    // Incoming supplier records: name, trading names, country, owners with shares.
    let suppliers = vec![
        Vendor::new("Acme Widgets LLC").with_country("US"),
        Vendor::new("EZVIZ Inc").with_country("US").with_owner(
            Owner::new("Hangzhou Hikvision Digital Technology Co., Ltd.").with_share(100.0),
        ),
        Vendor::new("Pacific Trade Partners")
            .with_alias("Zhongxing Telecom")
            .with_country("CN"),
        Vendor::new("Northwind Components")
            .with_owner(Owner::new("China Mobile Limited").with_share(30.0)),
    ];

    // Screen on worker threads sharing one screener.
    let handles: Vec<_> = suppliers
        .into_iter()
        .map(|supplier| {
            let screener = Arc::clone(&screener);
            std::thread::spawn(move || {
                let report = screener.screen(&supplier, today);
                (supplier.name, decide(&report))
            })
        })
        .collect();
    for h in handles {
        let (name, decision) = h.join().map_err(|_| "worker panicked")?;
        match decision {
            Decision::Clear => println!("{name}: clear"),
            Decision::Review(why) => println!("{name}: REVIEW\n  {}", why.replace('\n', "\n  ")),
            Decision::Block(why) => println!("{name}: BLOCK\n  {}", why.replace('\n', "\n  ")),
        }
    }
    Ok(())
}
