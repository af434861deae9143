//! Accuracy of the Riksdag report importer: every shipped report in every form it can come in
//! (the dokumentstatus JSON, the HTML alone, pdftotext-like text, a copy-pasted text), against
//! the hand-checked reservations and special statements of `tests/fixtures/riksdag/`, and, where
//! given, a directory of reports the importer was not built against. Prints, per document and
//! form, recall and precision of reservations (number, points and parties right) and of special
//! statements, the entries given a wrong party (phantoms included), the entries marked
//! uncertain, the points found, and the import time.
//!
//! `cargo bench --bench riksdag_accuracy` measures the two shipped reports; the PDF-like forms
//! are derived from them (`tests/support/riksdag_accuracy.rs`), so they measure the text path on
//! layouts the parser was not written against.
//!
//! `cargo bench --bench riksdag_accuracy -- DIR` (or `REMISS_RIKSDAG_HELDOUT=DIR cargo bench
//! --bench riksdag_accuracy`) measures instead every report of `DIR`: a `NAME.truth.json` (see
//! [`acc::held_out`]) beside the forms of the report that exist, `NAME.json` (dokumentstatus),
//! `NAME.html`, `NAME.txt`, `NAME.pdf` (read through pdftotext). Held-out reports are not
//! committed: they measure the importer on documents nobody tuned it against. `-v` (or
//! `REMISS_RIKSDAG_VERBOSE=1`) lists each miss and each wrong entry.

#[path = "../tests/support/riksdag_accuracy.rs"]
mod acc;

use remiss::model::{Case, Stance};
use std::path::PathBuf;
use std::time::Instant;

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Totals of one form over all documents.
#[derive(Default)]
struct Total {
    res: acc::Score,
    st: acc::Score,
}

fn add(total: &mut acc::Score, one: &acc::Score) {
    total.expected += one.expected;
    total.found += one.found;
    total.correct += one.correct;
    total.wrong_party += one.wrong_party;
    total.phantom += one.phantom;
    total.uncertain += one.uncertain;
}

fn header() {
    println!(
        "{:<26} {:<9} {:>11} {:>7} {:>9} {:>9} {:>7} {:>9} {:>11} {:>7} {:>6} {:>7} {:>9}",
        "report",
        "form",
        "reserv.",
        "recall",
        "precision",
        "statem.",
        "recall",
        "precision",
        "wrong party",
        "phantom",
        "uncert",
        "points",
        "time"
    );
}

/// Print one document's line; with `verbose`, its misses and wrong entries.
#[allow(clippy::too_many_arguments)]
fn line(
    name: &str,
    form: &str,
    r: &acc::Score,
    s: &acc::Score,
    points: Option<(usize, usize)>,
    took_ms: f64,
) {
    println!(
        "{:<26} {:<9} {:>5}/{:<5} {:>7} {:>9} {:>4}/{:<4} {:>7} {:>9} {:>11} {:>7} {:>6} {:>7} {:>7.1}ms",
        name,
        form,
        r.correct,
        r.expected,
        pct(r.recall()),
        pct(r.precision()),
        s.correct,
        s.expected,
        pct(s.recall()),
        pct(s.precision()),
        r.wrong_party + s.wrong_party,
        r.phantom + s.phantom,
        r.uncertain + s.uncertain,
        points.map_or("–".to_string(), |(a, b)| format!("{a}/{b}")),
        took_ms
    );
}

/// The entries of `found` that are not exactly in `expected`, and the reverse.
fn differences(expected: &[acc::Entry], found: &[acc::Entry]) {
    let key = |e: &acc::Entry| (e.number, e.points.clone(), sorted(&e.parties));
    for f in found {
        if !expected.iter().any(|e| key(e) == key(f)) {
            println!(
                "      found    {:?} points {:?} {:?}{}",
                f.number,
                f.points,
                f.parties,
                if f.uncertain { " (uncertain)" } else { "" }
            );
        }
    }
    for e in expected {
        if !found.iter().any(|f| key(e) == key(f)) {
            println!(
                "      expected {:?} points {:?} {:?}",
                e.number, e.points, e.parties
            );
        }
    }
}

fn sorted(v: &[String]) -> Vec<String> {
    let mut v = v.to_vec();
    v.sort();
    v
}

fn measure(case: &Case, expected: &acc::Expected, verbose: bool) -> (acc::Score, acc::Score) {
    let fr = acc::found(case, Stance::Reservation);
    let fs = acc::found(case, Stance::SpecialStatement);
    let r = acc::score(&expected.reservations, &fr);
    let s = acc::score(&expected.statements, &fs);
    if verbose {
        differences(&expected.reservations, &fr);
        differences(&expected.statements, &fs);
    }
    (r, s)
}

fn main() {
    // cargo passes `--bench` to a bench binary; the rest are ours.
    let mut dir: Option<PathBuf> = std::env::var_os("REMISS_RIKSDAG_HELDOUT").map(PathBuf::from);
    let mut verbose = std::env::var_os("REMISS_RIKSDAG_VERBOSE").is_some_and(|v| v != "0");
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--bench" => {}
            "-v" | "--verbose" => verbose = true,
            other if other.starts_with('-') => {
                eprintln!("riksdag_accuracy: unknown option {other}; usage: [-v] [DIR]");
                std::process::exit(2);
            }
            other => dir = Some(PathBuf::from(other)),
        }
    }
    header();
    let mut totals: Vec<(String, Total)> = Vec::new();
    let mut total_of = |form: &str| -> usize {
        match totals.iter().position(|(f, _)| f == form) {
            Some(k) => k,
            None => {
                totals.push((form.to_string(), Total::default()));
                totals.len() - 1
            }
        }
    };
    let mut results: Vec<(usize, acc::Score, acc::Score)> = Vec::new();
    match &dir {
        None => {
            for name in acc::REPORTS {
                let exp = acc::expected(name);
                for form in acc::FORMS {
                    let doc = acc::document(name, form);
                    let started = Instant::now();
                    let (case, _) = acc::import_case(&doc);
                    let took = started.elapsed().as_secs_f64() * 1000.0;
                    let (r, s) = measure(&case, &exp, false);
                    line(name, form.name(), &r, &s, None, took);
                    results.push((total_of(form.name()), r, s));
                }
            }
        }
        Some(dir) => {
            let reports = acc::held_out(dir).unwrap_or_else(|e| {
                eprintln!("riksdag_accuracy: {e}");
                std::process::exit(1);
            });
            if reports.is_empty() {
                eprintln!(
                    "riksdag_accuracy: {} holds no NAME.truth.json",
                    dir.display()
                );
                std::process::exit(1);
            }
            for rep in &reports {
                for (form, doc) in &rep.forms {
                    let k = total_of(form);
                    let doc = match doc {
                        Ok(doc) => doc,
                        Err(e) => {
                            println!("{:<26} {:<9} not read: {e}", rep.name, form);
                            continue;
                        }
                    };
                    let started = Instant::now();
                    let imported = remiss::import::import(
                        std::slice::from_ref(doc),
                        &remiss::import::Options::default(),
                        remiss::i18n::Lang::En,
                    );
                    let took = started.elapsed().as_secs_f64() * 1000.0;
                    let case = imported.map_err(|e| format!("{e:?}")).and_then(|out| {
                        remiss::model::parse_case(&out.cases[0].toml, &doc.name, "t")
                            .map_err(|e| format!("{e:?}"))
                    });
                    let (r, s, pts) = match &case {
                        Ok(case) => {
                            let (r, s) = measure(case, &rep.expected, false);
                            let pts = rep
                                .points
                                .iter()
                                .filter(|id| case.points.iter().any(|p| &p.id == *id))
                                .count();
                            (r, s, pts)
                        }
                        Err(_) => {
                            let none = |e: &[acc::Entry]| acc::Score {
                                expected: e.len(),
                                ..acc::Score::default()
                            };
                            (
                                none(&rep.expected.reservations),
                                none(&rep.expected.statements),
                                0,
                            )
                        }
                    };
                    line(&rep.name, form, &r, &s, Some((pts, rep.points.len())), took);
                    match &case {
                        Ok(case) if verbose => {
                            measure(case, &rep.expected, true);
                        }
                        Err(e) => println!(
                            "      not imported: {}",
                            e.chars().take(200).collect::<String>()
                        ),
                        _ => {}
                    }
                    results.push((k, r, s));
                }
            }
        }
    }
    for (k, r, s) in &results {
        add(&mut totals[*k].1.res, r);
        add(&mut totals[*k].1.st, s);
    }
    for (form, t) in &totals {
        println!(
            "all {form:<9}: reservations recall {} precision {}; special statements recall {} precision {}; wrong party {}; uncertain {}",
            pct(t.res.recall()),
            pct(t.res.precision()),
            pct(t.st.recall()),
            pct(t.st.precision()),
            t.res.wrong_party + t.st.wrong_party,
            t.res.uncertain + t.st.uncertain
        );
    }
}
