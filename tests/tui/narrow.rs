//! The matrix's party lens on narrow terminals: its marks (`*` inferred, `!` uncertain, `~`
//! unreviewed, `?`, a family's letter and its variant's prime `A′`) are facts and are never
//! cut, whatever the width; the body names keep a column; the columns that do not fit scroll
//! with the selection.

use crate::app::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use remiss::i18n::Lang;
use remiss::model::Case;
use remiss::tui::action::Action;
use remiss::tui::app::App;
use remiss::tui::theme::Theme;
use std::collections::BTreeMap;

/// The cases whose party lens shows every kind of mark: the bundled case (inferred stances,
/// families and variants) and an imported one (uncertain and unreviewed positions).
fn cases() -> Vec<(&'static str, Case)> {
    vec![
        ("bundled", bundled().remove(0)),
        ("imported", fixture("import/two_reservations.toml")),
    ]
}

/// At 30×8 three bodies show: the selection goes down (and right) to the rows with a variant
/// (`A′`, the bundled case) and with inferred uncertain stances (`Rej.*!`, the imported one).
#[test]
fn the_party_lens_keeps_its_marks_at_30x8_and_40x12_in_both_languages() {
    for ((name, case), at_30) in cases().into_iter().zip(["p j j j j", "p j j j l l"]) {
        for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
            for (w, h, spec) in [(30, 8, at_30), (40, 12, "p")] {
                let (_, term, _) = drive(vec![case.clone()], lang, w, h, spec);
                insta::assert_snapshot!(format!("party_{name}_{w}x{h}_{tag}"), screen(&term));
            }
        }
    }
}

/// One party-lens cell's marks, as a sorted list: each `*`, `!`, `~`, `?` and `…`-less family
/// token (`A`, `B′`) in its text.
fn marks(cell: &str) -> Vec<String> {
    let mut out: Vec<String> = cell
        .chars()
        .filter(|c| "*!~?".contains(*c))
        .map(String::from)
        .collect();
    out.extend(
        cell.split_whitespace()
            .map(|t| t.trim_end_matches(','))
            .filter(|t| {
                let letters = t.trim_end_matches('′');
                !letters.is_empty() && letters.chars().all(|c| c.is_ascii_uppercase())
            })
            .map(String::from),
    );
    out.sort();
    out
}

/// Per body row: its body column's text, and per party column its code and its cell.
type Drawn<C> = Vec<(String, Vec<(String, C)>)>;

/// The party lens as drawn: per body row, in order, the text in the body column and, per
/// party column shown, the party's code and the cell's text (its lines joined by spaces).
/// Columns are found where the headings start.
fn party_table(term: &Terminal<TestBackend>, lang: Lang) -> Drawn<String> {
    let buf = term.backend().buffer();
    let (w, h) = (buf.area.width, buf.area.height);
    let line = |y: u16, from: u16, to: u16| -> String {
        (from..to).map(|x| buf[(x, y)].symbol()).collect::<String>()
    };
    let title = lang.pick("Bodies × parties", "Organ × partier");
    let top = (0..h)
        .find(|&y| line(y, 0, w).contains(title))
        .unwrap_or_else(|| panic!("no party lens:\n{}", screen(term)));
    let right = (1..w)
        .find(|&x| buf[(x, top)].symbol() == "┐")
        .expect("the table's right border");
    let heading = top + 1;
    // Where each heading starts: the body's, then each party's.
    let starts: Vec<u16> = (1..right)
        .filter(|&x| buf[(x, heading)].symbol() != " " && buf[(x - 1, heading)].symbol() == " ")
        .chain([1])
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut ends = starts[1..].to_vec();
    ends.push(right);
    let mut rows: Drawn<Vec<String>> = Vec::new();
    for y in heading + 1..h {
        if buf[(0, y)].symbol() != "│" {
            break;
        }
        let body = line(y, starts[0], ends[0]).trim().to_string();
        if !body.is_empty() {
            let parties = starts[1..]
                .iter()
                .zip(&ends[1..])
                .map(|(&a, &b)| (line(heading, a, b).trim().to_string(), Vec::new()))
                .collect();
            rows.push((body, parties));
        }
        let row = rows
            .last_mut()
            .unwrap_or_else(|| panic!("no body name on line {y}:\n{}", screen(term)));
        for (k, (&a, &b)) in starts[1..].iter().zip(&ends[1..]).enumerate() {
            row.1[k].1.push(line(y, a, b).trim().to_string());
        }
    }
    rows.into_iter()
        .map(|(body, cells)| {
            let cells = cells
                .into_iter()
                .map(|(party, lines)| (party, lines.join(" ").trim().to_string()))
                .collect();
            (body, cells)
        })
        .collect()
}

/// Draw `app` at `w`×`h`.
fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| remiss::tui::frame::render(f, app, &Theme::coloured()))
        .unwrap();
    term
}

/// The rule, not an example: at every width from 20 to 120 columns, moving the selection over
/// every party column, each cell of the party lens shows exactly the marks it shows on a
/// 200-column terminal, every row keeps the start of its body's name, and every party's
/// column is shown at some point (below the app's least width, 30, no cell shows at all, only
/// the message that the terminal is too small).
#[test]
fn the_party_lens_keeps_every_cells_marks_at_every_width_from_20_to_120() {
    const H: u16 = 60;
    let mut kinds = std::collections::BTreeSet::new();
    for (name, case) in cases() {
        for lang in [Lang::En, Lang::Sv] {
            let (mut app, _, _) = drive(vec![case.clone()], lang, 200, H, "p");
            let wide = party_table(&draw(&mut app, 200, H), lang);
            assert_eq!(wide.len(), case.bodies.len(), "{name}: a row per body");
            let expected: BTreeMap<(usize, String), Vec<String>> = wide
                .iter()
                .enumerate()
                .flat_map(|(b, (_, cells))| {
                    cells.iter().map(move |(p, c)| ((b, p.clone()), marks(c)))
                })
                .collect();
            let parties = wide[0].1.len();
            kinds.extend(expected.values().flatten().cloned());
            for w in 20..=120u16 {
                for _ in 0..parties {
                    app.update(Action::Left);
                }
                let mut seen = std::collections::BTreeSet::new();
                if w < remiss::tui::frame::MIN_WIDTH {
                    // No cell at all rather than a cut one: the app says it needs more room.
                    let s = screen(&draw(&mut app, w, H));
                    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    let too_small = lang.pick("Terminal too small", "Terminalen är för liten");
                    assert!(s.contains(too_small), "{name} at {w}:\n{s}");
                    continue;
                }
                for _ in 0..parties {
                    let term = draw(&mut app, w, H);
                    let narrow = party_table(&term, lang);
                    assert_eq!(narrow.len(), case.bodies.len(), "{name} at {w}");
                    for (b, (body, cells)) in narrow.iter().enumerate() {
                        let start = body.trim_end_matches('…');
                        assert!(
                            !start.is_empty() && case.bodies[b].name.starts_with(start),
                            "{name} at {w}: row {b} shows {body:?}\n{}",
                            screen(&term)
                        );
                        for (party, cell) in cells {
                            let want = &expected[&(b, party.clone())];
                            assert_eq!(
                                &marks(cell),
                                want,
                                "{name} at {w}, {} × {party}: {cell:?}\n{}",
                                case.bodies[b].name,
                                screen(&term)
                            );
                            seen.insert(party.clone());
                        }
                    }
                    app.update(Action::Right);
                }
                assert_eq!(seen.len(), parties, "{name} at {w}: columns never shown");
            }
        }
    }
    // The examples have every kind of mark to lose.
    for kind in ["*", "!", "~", "A", "A′"] {
        assert!(kinds.contains(kind), "no {kind} in {kinds:?}");
    }
}
