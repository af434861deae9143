//! Measured accuracy of the importer (issue 10, point 8), as a test: every document of
//! `tests/fixtures/seed`, `tests/fixtures/import` and `tests/fixtures/import-cases` with an
//! expectation is imported and measured (`remiss::import::accuracy`); the test fails when
//! stances or statements fall below the figures recorded here, or when a shared import case
//! (`tests/fixtures/import-cases`, copied from `../shared/import-cases` with its truth files)
//! no longer gives its right matrix. `cargo bench --bench import_accuracy` prints the table.

use remiss::i18n::Lang;
use remiss::import::accuracy::{Field, Report, fixtures};
use remiss::import::import_text;
use std::path::{Path, PathBuf};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The least precision and recall of stances and statements that may be measured; raise
/// them when the importer improves.
const FLOOR: [(Field, f64, f64); 2] = [(Field::Stances, 1.0, 1.0), (Field::Statements, 1.0, 1.0)];

#[test]
fn stances_and_statements_do_not_regress() {
    let mut all = Vec::new();
    for d in ["seed", "import", "import-cases"] {
        all.extend(fixtures(&dir(d)).unwrap());
    }
    assert!(all.len() >= 20, "{} documents", all.len());
    let report = Report::measure(&all).unwrap();
    eprintln!("{}", report.table());
    for (field, precision, recall) in FLOOR {
        let c = report.total[&field];
        assert!(
            c.precision() >= precision && c.recall() >= recall,
            "{}: precision {:.3} (at least {precision}), recall {:.3} (at least {recall})\n{:#?}",
            field.as_str(),
            c.precision(),
            c.recall(),
            report
                .documents
                .iter()
                .filter(|(_, m)| m[&field].fp + m[&field].fn_ > 0)
                .collect::<Vec<_>>()
        );
    }
    // The seed against the bundled case, transcribed by hand: every word of every position.
    let (_, seed) = &report.documents[0];
    assert_eq!(seed[&Field::Words].fp + seed[&Field::Words].fn_, 0);
    assert!(seed[&Field::Words].tp > 3500);
}

/// Each shared import case gives its right matrix, case fields and no forbidden text (as
/// `../shared/tools/check_import_cases.py` checks it).
#[test]
fn every_shared_import_case_passes() {
    let cases = fixtures(&dir("import-cases")).unwrap();
    assert_eq!(cases.len(), 10);
    let mut failures = Vec::new();
    for f in &cases {
        let text = std::fs::read_to_string(&f.document).unwrap();
        let imported = import_text(&text, &format!("{}.txt", f.name), Lang::En);
        let problems = f.expected.violations(&imported.case);
        if !problems.is_empty() {
            failures.push(format!("{}: {problems:#?}", f.name));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
