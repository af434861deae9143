//! Snapshots of every screen on the bundled case (ratatui TestBackend + insta), style checks
//! where colour or reverse video carries meaning, and a render at every small size.

use crate::app::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use remiss::i18n::Lang;
use remiss::tui::theme::Theme;

/// Screens as key sequences from the start.
const SCREENS: &[(&str, &str)] = &[
    ("matrix", ""),
    ("matrix_party", "p"),
    ("matrix_cell_pane", "j j j j l l Tab"),
    ("reader", "j l l Enter j"),
    ("reader_linked", "G l l Enter"),
    ("help", "?"),
    ("case_text", "c j"),
    ("reader_visual", "j l l Enter v j"),
    ("notes_empty", "A"),
    ("notes", "j l l Enter a j v j a A k"),
    (
        "notes_prompt",
        "j l l Enter a A h T h e i r Space a r g u m e n t",
    ),
    ("notes_help", "A ?"),
    ("similar_pane", "j j j j l l Enter s j"),
    ("diff", "j j j j l l Enter d"),
    ("diff_folded_next_change", "j j j j l l Enter d z ] ]"),
    ("diff_help", "j j j j l l Enter d ?"),
    ("search", "/ s k a r h o l m e n Space t u n n e l b a n a"),
    (
        "search_list",
        "/ s k a r h o l m e n Space t u n n e l b a n a Tab j",
    ),
    (
        "search_opened",
        "/ s k a r h o l m e n Space t u n n e l b a n a Enter",
    ),
    ("search_problem", "/ s t a n c e : x y z Space k i o s k"),
];

#[test]
fn every_screen_at_two_sizes_in_both_languages() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        for (w, h) in [(80, 24), (120, 40)] {
            for (name, spec) in SCREENS {
                let (_, term, _) = drive(bundled(), lang, w, h, spec);
                insta::assert_snapshot!(format!("{name}_{w}x{h}_{tag}"), screen(&term));
            }
            let (_, term, _) = drive(two_cases(), lang, w, h, "");
            insta::assert_snapshot!(format!("cases_{w}x{h}_{tag}"), screen(&term));
        }
    }
}

#[test]
fn terminal_too_small_message() {
    let (_, term, _) = drive(bundled(), Lang::En, 29, 6, "");
    assert!(screen(&term).contains("Terminal too small"));
}

fn find(term: &Terminal<TestBackend>, text: &str) -> (u16, u16) {
    let s = screen(term);
    for (y, line) in s.lines().enumerate() {
        if let Some(byte) = line.find(text) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{text:?} not on screen:\n{s}");
}

#[test]
fn selected_cell_is_reverse_video_in_both_themes() {
    for theme in [Theme::coloured(), Theme::monochrome()] {
        // Socialnämnden × Reservation selected.
        let (_, term, _) = drive_with(bundled(), Lang::En, 100, 30, "j l l", &theme);
        let buf = term.backend().buffer();
        let (x, _) = find(&term, "Reservation");
        let (_, y) = find(&term, "Socialnämnden");
        let cell = &buf[(x, y)];
        assert_eq!(cell.symbol(), "M");
        assert!(cell.modifier.contains(Modifier::REVERSED), "{:?}", cell);
    }
}

#[test]
fn party_codes_carry_party_colours_only_in_colour() {
    let (_, term, _) = drive_with(bundled(), Lang::En, 100, 30, "", &Theme::coloured());
    let (x, _) = find(&term, "Reservation");
    let (_, y) = find(&term, "Trafiknämnden");
    let cell = &term.backend().buffer()[(x, y)];
    assert_eq!(cell.symbol(), "M");
    assert!(matches!(cell.fg, Color::Rgb(..)));
    let (_, term, _) = drive_with(bundled(), Lang::En, 100, 30, "", &Theme::monochrome());
    let cell = &term.backend().buffer()[(x, y)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(Modifier::BOLD));
}

#[test]
fn reader_cursor_paragraph_is_marked_without_colour() {
    let (_, term, _) = drive_with(
        bundled(),
        Lang::En,
        100,
        30,
        "j l l Enter j",
        &Theme::monochrome(),
    );
    let (x, y) = find(&term, "Trygghetskiosker ska vara");
    let buf = term.backend().buffer();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x - 1, y)].symbol(), "▌");
}

#[test]
fn visual_selection_is_marked_without_colour() {
    let (_, term, _) = drive_with(
        bundled(),
        Lang::En,
        100,
        30,
        "j l l Enter v j",
        &Theme::monochrome(),
    );
    let buf = term.backend().buffer();
    let (x, y) = find(&term, "Trygghet är inte bara");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    // The third sentence is not selected.
    let (x, y) = find(&term, "Det handlar i grunden");
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn diff_marks_words_by_modifier_without_colour() {
    let (_, term, _) = drive_with(
        bundled(),
        Lang::En,
        120,
        40,
        "j j j j l l Enter d",
        &Theme::monochrome(),
    );
    let buf = term.backend().buffer();
    // "vissa stadsdelar" is only in the base (left), "Skärholmens" only in Skärholmen's.
    let (x, y) = find(&term, "stadsdelar känner");
    assert!(buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    let (x, y) = find(&term, "Vårberg");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&term, "Trygghet är inte");
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn search_matches_are_marked_without_colour() {
    let spec = "/ s k a r h o l m e n Space t u n n e l b a n a";
    for theme in [Theme::coloured(), Theme::monochrome()] {
        let (_, term, _) = drive_with(bundled(), Lang::En, 120, 40, spec, &theme);
        let buf = term.backend().buffer();
        let (x, y) = find(&term, "tunnelbanestation");
        assert!(
            buf[(x, y)].modifier.contains(Modifier::BOLD),
            "{:?}",
            buf[(x, y)]
        );
        // Opened, the paragraph has the same marks.
        let spec = format!("{spec} Enter");
        let (_, term, _) = drive_with(bundled(), Lang::En, 120, 40, &spec, &theme);
        let buf = term.backend().buffer();
        let (x, y) = find(&term, "Bredäng");
        assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
        let (x, y) = find(&term, "tunnelbanestation");
        assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    }
}

#[test]
fn every_screen_renders_at_every_size_up_to_60x30() {
    let theme = Theme::coloured();
    let base = bundled();
    for (_, spec) in SCREENS {
        let (mut app, _, _) = drive(base.clone(), Lang::Sv, 80, 24, spec);
        render_at_every_size(&mut app, &theme);
    }
}

/// A body's name with 1,000 combining marks on one letter draws as wide as without them: the
/// matrix's columns stand where they stood (the printed matrix: `tests/cli/hardening.rs`).
#[test]
fn stacked_combining_marks_do_not_widen_the_matrix() {
    let plain = include_str!("../../cases/trygghetskiosker.toml");
    let zalgo = plain.replacen(
        "name = \"Socialnämnden\"",
        &format!("name = \"Socia{}lnämnden\"", "\u{301}".repeat(1000)),
        1,
    );
    let load = |src: &str| remiss::model::parse_case(src, "x.toml", "x").unwrap();
    let screen = |src: &str| {
        let (_, terminal, _) = drive(vec![load(src)], Lang::En, 100, 30, "");
        let buf = terminal.backend().buffer().clone();
        // Where each row's cells start: the columns of the matrix.
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .filter(|&x| buf[(x, y)].symbol() != " ")
                    .map(|x| (x, buf[(x, y)].symbol().chars().count()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let (a, b) = (screen(plain), screen(&zalgo));
    assert_eq!(a.len(), b.len());
    let differing: Vec<usize> = (0..a.len()).filter(|&y| a[y] != b[y]).collect();
    // Only the row with the name differs, and only in the one cell holding the marks.
    assert_eq!(differing.len(), 1, "rows {differing:?} differ");
    let y = differing[0];
    let xs = |row: &Vec<(u16, usize)>| row.iter().map(|&(x, _)| x).collect::<Vec<_>>();
    assert_eq!(xs(&a[y]), xs(&b[y]), "the row's cells moved");
    // What reaches the terminal is a letter with a few marks, never the whole stack.
    let longest = b[y].iter().map(|&(_, n)| n).max().unwrap();
    assert_eq!(longest, 1 + remiss::text::MAX_MARKS);
}

#[test]
fn imported_positions_are_marked_uncertain_or_unreviewed_in_both_lenses() {
    let case = remiss::model::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/evidence/imported.toml"
    )))
    .expect("fixture loads");
    for spec in ["", "p"] {
        let (app, term, _) = drive(vec![case.clone()], Lang::En, 120, 40, spec);
        let s = screen(&term);
        let c = app.current_case();
        for (i, p) in c.positions.iter().enumerate() {
            let mark = match c.review_of(i) {
                Some(remiss::model::Review::Uncertain) => "!",
                Some(remiss::model::Review::Inferred) => "~",
                _ => continue,
            };
            // The party lens shows the positions that name a party.
            if spec == "p" && p.parties.is_empty() {
                continue;
            }
            let row = s
                .lines()
                .find(|l| l.contains(&c.bodies[p.body].name))
                .unwrap_or_else(|| panic!("{s}"));
            assert!(row.contains(mark), "{spec:?}: {mark} missing in {row:?}");
        }
    }
}

/// The screen with the name of `folder` as `[folder]`, the box around it kept in place (the
/// temporary folder's name differs from run to run and machine to machine).
fn hide_folder(screen: &str, folder: &std::path::Path) -> String {
    let name = folder.display().to_string();
    screen
        .lines()
        .map(|line| match line.strip_suffix('│') {
            Some(inner) if inner.contains(&name) => {
                let inner = inner.replace(&name, "[folder]");
                let pad = 79usize.saturating_sub(inner.chars().count());
                format!("{inner}{}│", " ".repeat(pad))
            }
            _ => line.replace(&name, "[folder]"),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Where the help can be opened, as key sequences from the start (the case list with two
/// cases loaded): every screen, every mode of the reader, and every overlay.
const HELP_PLACES: &[(&str, &str, bool)] = &[
    ("cases", "?", true),
    ("matrix", "?", false),
    ("reader", "j l l Enter ?", false),
    ("case_text", "c ?", false),
    ("reader_visual", "j l l Enter v ?", false),
    ("similar_pane", "j j j j l l Enter s ?", false),
    ("diff", "j j j j l l Enter d ?", false),
    ("notes", "j l l Enter a A ?", false),
    ("search_query", "/ k i o s k F1", false),
    ("search_list", "/ k i o s k Tab ?", false),
    ("prompt", "j l l Enter a A h F1", false),
    // The export exists after the first E: the second asks whether to overwrite it.
    ("confirm", "j l l Enter a A E E ?", false),
];

#[test]
fn the_help_of_every_screen_and_overlay_with_its_legend_at_80x24() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        for (name, spec, two) in HELP_PLACES {
            let cases = if *two { two_cases() } else { bundled() };
            // The first page of the help, and its last (the legend ends it); the notes in a
            // folder of their own, whose name is not part of the snapshot.
            let page = |spec: &str| {
                let dir = tempfile::tempdir().unwrap();
                let theme = Theme::coloured();
                let (app, term, _) =
                    drive_in(dir.path(), cases.clone(), lang, 80, 24, spec, &theme);
                (app, hide_folder(&screen(&term), dir.path()))
            };
            let (app, first) = page(spec);
            assert!(app.help_open(), "{name}: no help after {spec:?}");
            let (_, last) = page(&format!("{spec} G"));
            let pages = format!("{first}--- G ---\n{last}");
            let marks = lang.pick("Marks", "Tecken");
            assert!(pages.contains(marks), "{name}: no legend\n{pages}");
            insta::assert_snapshot!(format!("help_{name}_80x24_{tag}"), pages);
        }
    }
}

/// The light and monochrome themes, with their styles (ratatui's buffer lists every style
/// run): the matrix's selected cell and party colours, then a reader with a selection of
/// sentences, at 80×24.
#[test]
fn light_and_monochrome_themes_with_their_styles() {
    use remiss::colour::Depth;
    use remiss::tui::theme::ThemeName;
    for (name, theme) in [
        ("light", Theme::named(ThemeName::Light, Depth::TrueColor)),
        (
            "monochrome",
            Theme::named(ThemeName::Monochrome, Depth::TrueColor),
        ),
    ] {
        for (screen, spec) in [("matrix", "j l l"), ("reader_visual", "j l l Enter v j")] {
            let (_, term, _) = drive_with(bundled(), Lang::En, 80, 24, spec, &theme);
            insta::assert_snapshot!(
                format!("theme_{name}_{screen}_80x24"),
                format!("{:?}", term.backend().buffer())
            );
        }
    }
}

/// The points lens of both shipped Riksdag reports (`p p`), at 80×24 and 120×40 in both
/// languages; its cell pane, and a reservation opened in the reader with its point's full
/// title.
#[test]
fn the_points_lens_of_both_shipped_reports() {
    for (file, tag) in [
        ("riksdag-1990-91-au1.toml", "au1"),
        ("riksdag-2001-02-bou1.toml", "bou1"),
    ] {
        let case = shipped_case(file);
        for (lang, l) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
            for (w, h) in [(80, 24), (120, 40)] {
                let (_, term, _) = drive(vec![case.clone()], lang, w, h, "p p");
                insta::assert_snapshot!(format!("points_{tag}_{w}x{h}_{l}"), screen(&term));
            }
        }
    }
    let votes = fixture("protocol/sjobacka_sn.expected.toml");
    for (lang, l) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        let (_, term, _) = drive(vec![votes.clone()], lang, 80, 24, "p p");
        insta::assert_snapshot!(format!("points_votes_80x24_{l}"), screen(&term));
    }
    let bou1 = shipped_case("riksdag-2001-02-bou1.toml");
    for (name, spec) in [
        ("points_cell_pane", "p p j j j l l Tab"),
        ("points_reader", "p p j j j Enter"),
    ] {
        for (w, h) in [(80, 24), (120, 40)] {
            let (_, term, _) = drive(vec![bou1.clone()], Lang::En, w, h, spec);
            insta::assert_snapshot!(format!("{name}_bou1_{w}x{h}_en"), screen(&term));
        }
    }
}

/// The points lens, its cell pane and its reader never panic at any size from 1×1 to 60×30.
#[test]
fn the_points_lens_renders_at_every_size_up_to_60x30() {
    let theme = Theme::coloured();
    let bou1 = vec![shipped_case("riksdag-2001-02-bou1.toml")];
    for spec in ["p p", "p p j j j l l Tab", "p p G", "p p j j j Enter"] {
        let (mut app, _, _) = drive(bou1.clone(), Lang::En, 80, 24, spec);
        render_at_every_size(&mut app, &theme);
    }
    // Keys at a 1×1 terminal: the lens switches, moves and opens without a panic.
    let (app, _, _) = drive(bou1, Lang::Sv, 1, 1, "p p j j l l Tab j Enter Esc Esc G p");
    assert!(matches!(app.screen(), remiss::tui::screens::Screen::Matrix));
}

/// The help of the points lens at 80×24, first and last page: the `p` row and the legend of
/// the points lens's marks.
#[test]
fn the_help_of_the_points_lens_with_its_legend_at_80x24() {
    let bou1 = shipped_case("riksdag-2001-02-bou1.toml");
    for (lang, tag) in [(Lang::En, "en"), (Lang::Sv, "sv")] {
        let (app, first, _) = drive(vec![bou1.clone()], lang, 80, 24, "p p ?");
        assert!(app.help_open());
        let (_, last, _) = drive(vec![bou1.clone()], lang, 80, 24, "p p ? G");
        let pages = format!("{}--- G ---\n{}", screen(&first), screen(&last));
        for mark in [
            "R4",
            "°",
            "S2",
            "✓",
            lang.pick("– (no point)", "– (ingen punkt)"),
        ] {
            assert!(pages.contains(mark), "{mark}:\n{pages}");
        }
        insta::assert_snapshot!(format!("help_points_80x24_{tag}"), pages);
    }
}
