//! How accurate the importer is: imports every document of `tests/fixtures/seed/` (the real
//! statement, against the bundled case transcribed from it by hand), `tests/fixtures/import/`
//! and `tests/fixtures/import-cases/` that has an expectation (a reviewed case file or a truth
//! file) and prints precision and recall per field (see `remiss::import::accuracy`).
//!
//! `cargo bench --bench import_accuracy` (add `-- --documents` for each document's counts).

use remiss::import::accuracy::{Field, Report, fixtures};
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let per_document = std::env::args().any(|a| a == "--documents");
    let mut all = Vec::new();
    for dir in ["seed", "import", "import-cases"] {
        match fixtures(&root.join(dir)) {
            Ok(f) => all.extend(f),
            Err(e) => {
                eprintln!("import_accuracy: {e}");
                std::process::exit(1);
            }
        }
    }
    let report = match Report::measure(&all) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("import_accuracy: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "import accuracy over {} documents (tests/fixtures/seed, import, import-cases)\n",
        all.len()
    );
    print!("{}", report.table());
    if per_document {
        println!();
        for (name, counts) in &report.documents {
            let cells: Vec<String> = Field::ALL
                .iter()
                .filter_map(|f| {
                    counts
                        .get(f)
                        .map(|c| format!("{} {}/{}/{}", f.as_str(), c.tp, c.fp, c.fn_))
                })
                .collect();
            println!("{name:<32} {}", cells.join("  "));
        }
    }
}
