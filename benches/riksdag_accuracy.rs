//! Accuracy of the Riksdag report importer: every shipped report in every form it can come in
//! (the dokumentstatus JSON, the HTML alone, pdftotext-like text, a copy-pasted text), against
//! the hand-checked reservations and special statements of `tests/fixtures/riksdag/`. Prints,
//! per document and form, recall and precision of reservations (number, point and parties
//! right) and of special statements, the entries given a wrong party, and the import time.
//!
//! `cargo bench --bench riksdag_accuracy`. The figures are of the two shipped reports; the
//! PDF-like forms are derived from them (`tests/support/riksdag_accuracy.rs`), so they measure
//! the text path on layouts the parser was not written against.

#[path = "../tests/support/riksdag_accuracy.rs"]
mod acc;

use std::time::Instant;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn main() {
    println!(
        "{:<10} {:<10} {:>13} {:>9} {:>9} {:>11} {:>9} {:>9} {:>11} {:>9}",
        "report",
        "form",
        "reservations",
        "recall",
        "precision",
        "statements",
        "recall",
        "precision",
        "wrong party",
        "time"
    );
    let (mut res, mut st) = (acc::Score::default(), acc::Score::default());
    for name in acc::REPORTS {
        for form in acc::FORMS {
            let doc = acc::document(name, form);
            let started = Instant::now();
            let (case, _) = acc::import_case(&doc);
            let took = started.elapsed();
            let exp = acc::expected(name);
            let r = acc::score(
                &exp.reservations,
                &acc::found(&case, remiss::model::Stance::Reservation),
            );
            let s = acc::score(
                &exp.statements,
                &acc::found(&case, remiss::model::Stance::SpecialStatement),
            );
            println!(
                "{:<10} {:<10} {:>6}/{:<6} {:>9} {:>9} {:>5}/{:<5} {:>9} {:>9} {:>11} {:>7.1}ms",
                name,
                form.name(),
                r.correct,
                r.expected,
                pct(r.recall()),
                pct(r.precision()),
                s.correct,
                s.expected,
                pct(s.recall()),
                pct(s.precision()),
                r.wrong_party + s.wrong_party,
                took.as_secs_f64() * 1000.0
            );
            for (total, one) in [(&mut res, r), (&mut st, s)] {
                total.expected += one.expected;
                total.found += one.found;
                total.correct += one.correct;
                total.wrong_party += one.wrong_party;
            }
        }
    }
    println!(
        "all: reservations recall {} precision {}; special statements recall {} precision {}; wrong party {}",
        pct(res.recall()),
        pct(res.precision()),
        pct(st.recall()),
        pct(st.precision()),
        res.wrong_party + st.wrong_party
    );
}
