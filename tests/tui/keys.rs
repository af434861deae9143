//! Key-sequence tests: keys in, state and effects out, through the real loop.

use crate::app::*;
use remiss::i18n::Lang;
use remiss::tui::screens::Screen;

#[test]
fn open_socialnamnden_reservation_and_copy_paragraph_two() {
    // Row 2 (Socialnämnden), column 3 (Reservation; columns: Reject, Answered, Reservation …).
    let (app, _, clip) = drive(bundled(), Lang::En, 100, 30, "j l l Enter j y");
    assert_eq!(app.screen(), Screen::Reader);
    let r = app.reader().unwrap();
    let case = app.current_case();
    assert_eq!(
        case.positions[r.position().unwrap()].id,
        "socialnamnden/reservation/M"
    );
    assert_eq!(r.paragraph, 1);
    assert_eq!(clip.copied.len(), 1);
    let quote = &clip.copied[0];
    assert!(
        quote.starts_with("”Trygghetskiosker ska vara upplysta och bemannade knutpunkter"),
        "{quote}"
    );
    assert!(quote.ends_with(
        "tryggheten bland stockholmarna.” (Reservation av Andréa Hedin m.fl. (M), Socialnämnden 2026-02-17, KS 2025/1121)"
    ));
    assert_eq!(app.status.as_ref().unwrap().text, "Copied");
}

#[test]
fn copy_whole_position_has_every_paragraph() {
    let (app, _, clip) = drive(bundled(), Lang::Sv, 100, 30, "j l l Enter Y");
    let case = app.current_case();
    let i = case.position_index("socialnamnden/reservation/M").unwrap();
    for p in case.text_of(i) {
        assert!(clip.copied[0].contains(p.as_str()));
    }
    assert_eq!(app.status.as_ref().unwrap().text, "Kopierat");
}

#[test]
fn next_same_stance_walks_the_reservations() {
    let (app, _, _) = drive(bundled(), Lang::En, 100, 30, "j l l Enter ] ]");
    let case = app.current_case();
    let r = app.reader().unwrap();
    assert_eq!(
        case.positions[r.position().unwrap()].id,
        "hasselby-vallingby/reservation/M"
    );
}

#[test]
fn follow_link_from_kommunstyrelsen_and_back() {
    // Kommunstyrelsen is the last row.
    let (app, term, _) = drive(bundled(), Lang::En, 100, 30, "G l l Enter f");
    let case = app.current_case();
    let r = app.reader().unwrap();
    assert_eq!(
        case.positions[r.position().unwrap()].id,
        "borgarradsberedningen/reservation/M"
    );
    assert!(screen(&term).contains("Christofer Fjellner"));
    let (app, _, _) = drive(bundled(), Lang::En, 100, 30, "G l l Enter f Esc");
    let r = app.reader().unwrap();
    assert_eq!(
        app.current_case().positions[r.position().unwrap()].id,
        "kommunstyrelsen/reservation/M"
    );
}

#[test]
fn party_lens_and_empty_columns() {
    let (app, term, _) = drive(bundled(), Lang::En, 120, 40, "p");
    assert_eq!(app.columns().len(), 5); // M S V MP KD
    assert!(screen(&term).contains("Bodies × parties"));
    let (app, _, _) = drive(bundled(), Lang::En, 120, 40, "e");
    assert_eq!(app.columns().len(), remiss::model::Stance::ALL.len());
}

#[test]
fn tab_picks_among_positions_of_a_cell() {
    // Party lens, S column, Skärholmen row: inferred reject + special statement.
    let (app, _, _) = drive(bundled(), Lang::En, 120, 40, "p l j j j j Tab j Enter");
    let case = app.current_case();
    let r = app.reader().unwrap();
    assert_eq!(
        case.positions[r.position().unwrap()].id,
        "skarholmen/special_statement/S+V+MP"
    );
}

#[test]
fn paging_keeps_the_cursor_on_screen() {
    let (app, _, _) = drive(bundled(), Lang::En, 80, 12, "Enter PgDn PgDn");
    let r = app.reader().unwrap();
    assert!(r.top > 0);
    let cursor_lines: Vec<usize> = r
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.paragraph == Some(r.paragraph))
        .map(|(i, _)| i)
        .collect();
    let height = app.reader_height();
    assert!(
        cursor_lines
            .iter()
            .any(|&i| i >= r.top && i < r.top + height)
    );
}

#[test]
fn case_list_opens_first_with_several_cases_and_esc_returns() {
    let (app, term, _) = drive(two_cases(), Lang::En, 100, 30, "");
    assert_eq!(app.screen(), Screen::Cases);
    assert!(screen(&term).contains("KS 2025/0872"));
    let (app, _, _) = drive(two_cases(), Lang::En, 100, 30, "j Enter");
    assert_eq!(app.screen(), Screen::Matrix);
    assert_eq!(app.current_case().dnr, "KS 2025/0872");
    let (app, _, _) = drive(two_cases(), Lang::En, 100, 30, "j Enter Esc");
    assert_eq!(app.screen(), Screen::Cases);
}

#[test]
fn quit_with_q_and_ctrl_c_and_help_toggles() {
    let (app, _, _) = drive(bundled(), Lang::En, 80, 24, "q");
    assert!(app.quit);
    let (app, _, _) = drive(bundled(), Lang::En, 80, 24, "Enter C-c");
    assert!(app.quit);
    let (app, term, _) = drive(bundled(), Lang::En, 80, 24, "?");
    assert!(app.help_open());
    assert!(screen(&term).contains("Keys (Esc closes)"));
    let (app, _, _) = drive(bundled(), Lang::En, 80, 24, "? Esc");
    assert!(!app.help_open());
}

#[test]
fn empty_cell_says_so_and_stays() {
    let (app, _, _) = drive(bundled(), Lang::En, 80, 24, "l Enter");
    assert_eq!(app.screen(), Screen::Matrix);
    assert_eq!(app.status.as_ref().unwrap().text, "This cell is empty");
}

#[test]
fn a_ten_megabyte_paragraph_opens_scrolls_and_copies() {
    let word = "trygghetskiosk ";
    let text = word.repeat(10_000_000 / word.len());
    let src = format!(
        "format = 1\n[case]\ndnr = \"KS 1/1\"\ntitle = \"Stor\"\nkind = \"motion\"\n\
         [[parties]]\ncode = \"M\"\nname = \"Moderaterna\"\n\
         [[bodies]]\nid = \"a\"\nname = \"A-nämnden\"\nkind = \"committee\"\n\
         [[positions]]\nbody = \"a\"\nstance = \"reservation\"\nparties = [\"M\"]\ntext = \"{text}\"\n"
    );
    let case = remiss::model::parse_case(&src, "big.toml", "big").expect("loads");
    let (app, term, clip) = drive(vec![case], Lang::En, 100, 30, "Enter G PgUp y");
    assert_eq!(app.screen(), remiss::tui::screens::Screen::Reader);
    assert!(screen(&term).contains("trygghetskiosk trygghetskiosk"));
    // The copy is refused by nothing here (fake clipboard); the real one refuses OSC 52 > 74 KB.
    assert!(clip.copied[0].len() > 9_000_000);
}

#[test]
fn search_as_you_type_then_enter_opens_the_paragraph() {
    let spec = format!("/ {} Enter", typed("skarholmen tunnelbana"));
    let (app, _, clip) = drive(bundled(), Lang::En, 100, 30, &format!("{spec} y"));
    assert_eq!(app.screen(), Screen::Reader);
    let r = app.reader().unwrap();
    let case = app.current_case();
    assert_eq!(
        case.positions[r.position().unwrap()].id,
        "skarholmen/reservation/M"
    );
    assert_eq!(r.paragraph, 0);
    // y copies the paragraph found, with its citation.
    assert!(clip.copied[0].contains("Vårberg, Skärholmen, Sätra och Bredäng"));
    assert!(clip.copied[0].ends_with("(Reservation av Sophia Granswed Baat m.fl. (M), Skärholmens stadsdelsnämnd 2026-03-26, KS 2025/1121)"));
}

#[test]
fn esc_closes_the_search_and_keeps_the_query_and_n_steps_from_the_reader() {
    let spec = format!("/ {} Esc / Enter n n N", typed("sergels torg"));
    let (app, _, _) = drive(bundled(), Lang::Sv, 100, 30, &spec);
    assert_eq!(app.search.input.value(), "sergels torg");
    assert_eq!(app.search.current, Some(1));
    assert!(app.status.as_ref().unwrap().text.starts_with("Träff 2 av"));
}

#[test]
fn searching_across_two_cases_opens_the_other_case() {
    let spec = format!("/ {} Enter", typed("bygglov"));
    let (app, _, _) = drive(two_cases(), Lang::En, 100, 30, &spec);
    assert_eq!(app.screen(), Screen::Reader);
    assert_eq!(app.current_case().dnr, "KS 2025/0872");
}

/// An imported case with the stances approve in part, unknown and protocol note: the matrix
/// shows their columns with their labels, and a protocol note opens in the reader.
#[test]
fn the_new_stances_have_columns_and_open() {
    let case = remiss::model::load_file(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/evidence/imported.toml"
    )))
    .unwrap();
    let (app, term, _) = drive(vec![case.clone()], Lang::En, 120, 30, "");
    let shown = screen(&term);
    for label in [
        "In part",
        "Reject",
        "?",
        "Reservation",
        "Prot. note",
        "No answer",
    ] {
        assert!(shown.contains(label), "{label}:\n{shown}");
    }
    assert_eq!(app.columns().len(), 6);
    let (_, term, _) = drive(vec![case.clone()], Lang::Sv, 120, 30, "");
    assert!(screen(&term).contains("Prot.ant."));
    // Socialnämnden's protocol note: row 1, column 5.
    let (app, _, _) = drive(vec![case], Lang::En, 120, 30, "l l l l Enter");
    let r = app.reader().unwrap();
    assert_eq!(
        app.current_case().positions[r.position().unwrap()].id,
        "socialnamnden/protocol_note/L"
    );
}

/// Events: `keys` then a paste of `text`, then `after` keys.
fn paste_between(
    before: &str,
    text: &str,
    after: &str,
) -> Vec<std::io::Result<crossterm::event::Event>> {
    let mut events = keys(before);
    events.push(pasted(text));
    events.extend(keys(after));
    events
}

#[test]
fn a_passage_pasted_over_a_line_end_finds_its_paragraph_in_one_search() {
    // As copied from a PDF: the line ends between "eget" and "närområde".
    let events = paste_between("/", "känner otrygghet i sitt eget\nnärområde\tkrävs", "");
    let (app, term, _) = drive_events(bundled(), Lang::En, 100, 30, events);
    assert_eq!(
        app.search.input.value(),
        "känner otrygghet i sitt eget närområde krävs"
    );
    // One edit: one search asked, not one per character.
    assert_eq!(app.search.asked, 1);
    assert!(!app.search.hits().is_empty());
    assert!(screen(&term).contains("närområde"), "{}", screen(&term));
    // Enter opens the hit in the reader.
    let events = paste_between("/", "känner otrygghet i sitt eget\r\nnärområde", "Enter");
    let (app, _, _) = drive_events(bundled(), Lang::En, 100, 30, events);
    assert_eq!(app.screen(), Screen::Reader);
}

#[test]
fn a_paste_over_ten_thousand_characters_is_cut_with_a_message() {
    let long = "trygghet ".repeat(2_000);
    let (app, _, _) = drive_events(bundled(), Lang::En, 100, 30, paste_between("/", &long, ""));
    assert_eq!(app.search.input.value().chars().count(), 10_000);
    let status = app.status.as_ref().expect("a message");
    assert!(status.error);
    assert_eq!(
        status.text,
        "The pasted text was cut: a field takes at most 10,000 characters"
    );
}

#[test]
fn a_paste_into_a_prompt_is_one_line_and_elsewhere_no_keys() {
    // A heading in the notes: `A` opens them, `h` asks for a heading.
    let events = paste_between("A h", "Deras\targument\nom kiosker", "Enter");
    let (app, _, _) = drive_events(bundled(), Lang::En, 100, 30, events);
    let items = &app.notes[0].notes.items;
    assert!(
        matches!(&items[0].kind, remiss::notes::ItemKind::Heading(h) if h == "Deras argument om kiosker"),
        "{items:?}"
    );
    // On the matrix a paste is not taken as keys: its `q` does not quit.
    let (app, _, _) = drive_events(bundled(), Lang::En, 100, 30, paste_between("", "qjjj", ""));
    assert!(!app.quit);
    assert_eq!(app.screen(), Screen::Matrix);
}

/// The app on `cases/`: the three real cases in the list, each with its size; a Riksdag report
/// opened from the list, `p` twice to the points lens, a reservation opened from its cell and
/// the reader showing its point; back, the selection is still on that point; `p` once more
/// goes back to the stances.
#[test]
fn a_riksdag_report_from_the_case_list_in_the_points_lens() {
    use remiss::tui::screens::Route;
    let by_point = |app: &remiss::tui::app::App| match app.top() {
        Route::Matrix(m) => Some((m.by_point, m.row, m.col)),
        _ => None,
    };
    let cases = shipped();
    let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, "");
    assert_eq!(app.screen(), Screen::Cases);
    let shown = screen(&term);
    for line in [
        "1990/91:AU1",
        "  1 body; 29 decision points; 17 reservations (M, V, MP, FP, C) on 17 points; 1 special statement (M) on 1 point",
        "2001/02:BoU1",
        "KS 2025/1121",
        "  9 bodies; Referred to 7; 6 answered",
    ] {
        assert!(shown.contains(line), "{line}:\n{shown}");
    }
    assert!(!shown.contains("(s)"), "{shown}");

    // The second case, 2001/02:BoU1: stances, parties, points.
    let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, "j Enter p");
    assert_eq!(by_point(&app), Some((false, 0, 0)));
    assert!(screen(&term).contains("Bodies × parties"));
    let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, "j Enter p p");
    assert_eq!(by_point(&app), Some((true, 0, 0)));
    let case = app.current_case();
    assert_eq!(case.dnr, "2001/02:BoU1");
    let parties: Vec<String> = case.point_matrix().parties;
    assert_eq!(parties, ["M", "V", "MP", "FP", "C", "KD", "-"]);
    assert_eq!(app.columns().len(), parties.len());
    let shown = screen(&term);
    assert!(shown.contains("Decision points × parties"), "{shown}");

    // Point 2, party V: Reservation 2.
    let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, "j Enter p p j l Enter");
    let r = app.reader().expect("the reader is open");
    let case = app.current_case();
    let p = &case.positions[r.position().unwrap()];
    assert_eq!(p.stance, remiss::model::Stance::Reservation);
    assert_eq!(p.number, Some(2));
    assert_eq!(p.parties, ["V"]);
    let shown = screen(&term);
    assert!(shown.contains("Reservation 2 · "), "{shown}");
    assert!(
        shown.contains("Point: 2 Utformningen av bostadspolitiken"),
        "{shown}"
    );
    assert!(
        shown.contains("Decision: Kammaren biföll utskottets förslag"),
        "{shown}"
    );

    // Back on the same point and party; then round to the stances, on the body row.
    let (app, _, _) = drive(
        cases.clone(),
        Lang::En,
        120,
        40,
        "j Enter p p j l Enter Esc",
    );
    assert_eq!(by_point(&app), Some((true, 1, 1)));
    let (app, _, _) = drive(cases.clone(), Lang::En, 120, 40, "j Enter p p j l p");
    assert_eq!(by_point(&app), Some((false, 0, 0)));
    assert!(matches!(
        app.columns()[0],
        remiss::model::matrix::Column::Stance(_)
    ));

    // A point where a party has nothing: the cell says so and stays.
    let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, "j Enter p p j l l Enter");
    assert_eq!(app.screen(), Screen::Matrix);
    assert!(screen(&term).contains("This cell is empty"));

    // The Stockholm case has no points: `p` goes stances → parties → stances.
    let (app, _, _) = drive(cases, Lang::En, 120, 40, "j j Enter p p");
    assert_eq!(by_point(&app), Some((false, 0, 0)));
    assert!(matches!(
        app.columns()[0],
        remiss::model::matrix::Column::Stance(_)
    ));
}

/// A protocol extract with a vote: the points lens shows how the point was decided and each
/// party's side (✓ on the winning one); the reservation opened from SD's cell shows its point,
/// the vote and how SD voted.
#[test]
fn the_points_lens_shows_the_vote_and_the_reader_too() {
    let case = fixture("protocol/sjobacka_sn.expected.toml");
    let (_, term, _) = drive(vec![case.clone()], Lang::En, 120, 30, "p p");
    let shown = screen(&term);
    assert!(shown.contains("yes won 8–2"), "{shown}");
    assert!(shown.contains("yes ✓"), "{shown}");
    let (_, term, _) = drive(vec![case.clone()], Lang::Sv, 120, 30, "p p");
    let shown = screen(&term);
    assert!(shown.contains("ja vann 8–2"), "{shown}");
    // SD is the last of eight party columns.
    let (app, term, _) = drive(vec![case], Lang::En, 120, 30, "p p l l l l l l l Enter");
    let r = app.reader().expect("the reader is open");
    let p = &app.current_case().positions[r.position().unwrap()];
    assert_eq!(p.parties, ["SD"]);
    let shown = screen(&term);
    assert!(shown.contains("Point: § 23"), "{shown}");
    assert!(
        shown.contains("Decided: Vote: yes 8 no 2 abstain 1; yes won"),
        "{shown}"
    );
    assert!(shown.contains("Voted: SD no"), "{shown}");
}

/// With the three shipped cases loaded, families are lettered across all of them; the legend
/// under each case's matrix names the letters that case shows, never one it does not.
#[test]
fn the_family_legend_names_the_letters_the_case_shows() {
    let cases = shipped();
    let mut legends = Vec::new();
    for (i, dnr) in ["1990/91:AU1", "2001/02:BoU1", "KS 2025/1121"]
        .iter()
        .enumerate()
    {
        let spec = format!("{}Enter", "j ".repeat(i));
        let (app, term, _) = drive(cases.clone(), Lang::En, 120, 40, &spec);
        assert_eq!(app.current_case().dnr, *dnr);
        let shown = screen(&term);
        let Some(legend) = shown
            .lines()
            .find(|l| l.contains("of reused text"))
            .and_then(|l| l.split_once('└'))
            .map(|(_, rest)| rest.trim_start().to_string())
        else {
            continue;
        };
        let letters = legend.split(':').next().unwrap().to_string();
        legends.push(letters.clone());
        let table: String = shown
            .lines()
            .filter(|l| !l.contains("of reused text"))
            .collect::<Vec<_>>()
            .join("\n");
        for letter in letters.split(", ").map(|l| l.trim_end_matches(" …")) {
            assert!(
                table.contains(&format!(" {letter}")),
                "{dnr}: the legend names {letter}, which the matrix does not show:\n{shown}"
            );
        }
    }
    // The Stockholm case's families are not the first ones lettered: its legend does not
    // start at A.
    assert!(legends.len() >= 2, "{legends:?}");
    assert!(!legends.last().unwrap().starts_with('A'), "{legends:?}");
}

/// `d` in the reader diffs only against a text worth diffing (one that would join the
/// position's family): in the Riksdag report AU1 every reservation only shares passages with
/// the others (at most about a fifth), so `d` says why there is nothing to diff, in both
/// languages and naming the keys, and stays in the reader; the pane of similar texts (`s`)
/// still lists them and `d` there diffs the one picked. On the bundled case, whose
/// reservations are near-identical, `d` opens the diff at once.
#[test]
fn d_diffs_only_a_near_identical_text_and_says_why_not() {
    let au1 = vec![shipped_case("riksdag-1990-91-au1.toml")];
    for (lang, start, end) in [
        (
            Lang::En,
            "No near-identical text to diff: the closest shares ",
            "; s lists the similar texts, d there diffs one",
        ),
        (
            Lang::Sv,
            "Ingen nästan identisk text att jämföra: den närmaste har ",
            "; s visar liknande texter, d där jämför en",
        ),
    ] {
        let (app, _, _) = drive(au1.clone(), lang, 120, 40, "p p Enter d");
        assert_eq!(app.screen(), Screen::Reader);
        let status = &app.status.as_ref().expect("a message").text;
        assert!(
            status.starts_with(start) && status.ends_with(end),
            "{status}"
        );
    }
    // Picked in the pane, a partial relative is diffed all the same.
    let (app, _, _) = drive(au1, Lang::En, 120, 40, "p p Enter s d");
    assert_eq!(app.screen(), Screen::Diff);
    // The bundled case: Socialnämnden's reservation has near-identical relatives; `d` shows
    // what changed in the variant (Skärholmen's), not a copy that changed nothing
    // (Hässelby-Vällingby's).
    let (app, term, _) = drive(bundled(), Lang::En, 120, 40, "j j j j l l Enter d");
    assert_eq!(app.screen(), Screen::Diff);
    let text = screen(&term);
    assert!(text.contains("Skärholmen"), "{text}");
    assert!(!text.contains("100% the same"), "{text}");
}

/// The legends of marks, the texts that name a key on screen and the status hints name the
/// keys of the configuration, not the built-in ones: `open` on the case list rebound to `o`,
/// `follow-link` in the reader to `L`, in both languages.
#[test]
fn legends_and_texts_name_the_configured_keys() {
    let config = "[keys.cases]\nopen = \"o\"\n[keys.reader]\nfollow-link = \"L\"\n";
    for (lang, case_mark, link, legend) in [
        (
            Lang::En,
            "the case o opens",
            "Identical to (L follows)",
            "(L follows)",
        ),
        (
            Lang::Sv,
            "ärendet som o öppnar",
            "Likalydande med (L följer)",
            "(L följer)",
        ),
    ] {
        // The case list's help: its legend names `o`, and `o` opens the case.
        let (_, term, _) = drive_configured(two_cases(), lang, 100, 30, config, "?");
        let shown = screen(&term);
        assert!(shown.contains(case_mark), "{shown}");
        assert!(
            !shown.contains("Enter opens") && !shown.contains("Enter öppnar"),
            "{shown}"
        );
        let (_, term, _) = drive_configured(two_cases(), lang, 100, 30, config, "");
        let hints = screen(&term).lines().last().unwrap_or_default().to_string();
        assert!(hints.contains("  o "), "{hints}");
        let (app, _, _) = drive_configured(two_cases(), lang, 100, 30, config, "o");
        assert_eq!(app.screen(), Screen::Matrix);
        // Kommunstyrelsen's reservation links to another: the reader's label, the status
        // hint and the help's legend name `L`, and `L` follows the link.
        let spec = "o G l l Enter";
        let (_, term, _) = drive_configured(two_cases(), lang, 100, 30, config, spec);
        let shown = screen(&term);
        assert!(shown.contains(link), "{shown}");
        assert!(!shown.contains("(f "), "{shown}");
        let (_, term, _) = drive_configured(two_cases(), lang, 100, 40, config, "o G l l Enter ?");
        let shown = screen(&term);
        assert!(shown.contains(legend), "{shown}");
        let (app, _, _) = drive_configured(two_cases(), lang, 100, 30, config, "o G l l Enter L");
        let r = app.reader().unwrap();
        assert_eq!(
            app.current_case().positions[r.position().unwrap()].id,
            "borgarradsberedningen/reservation/M"
        );
    }
}

/// A party-lens cell whose stance is inferred (`Avst.*`: the majority's decision names no
/// party) opens a reader that says so under the title, in both languages; a stated stance's
/// reader does not.
#[test]
fn the_reader_says_a_party_lens_stance_is_inferred() {
    for (lang, note) in [
        (Lang::En, "S: inferred (*), not stated"),
        (Lang::Sv, "S: härlett (*), inte utsagt"),
    ] {
        let (app, term, _) = drive(bundled(), lang, 120, 40, "p j l Enter");
        assert_eq!(app.screen(), Screen::Reader);
        let text = screen(&term);
        assert!(text.contains(note), "{text}");
        // M's reservation in the same body is M's own.
        let (_, term, _) = drive(bundled(), lang, 120, 40, "p j Enter");
        assert!(!screen(&term).contains("(*)"), "{}", screen(&term));
    }
}

/// Ctrl-C while a heading or comment holds typed text asks first (the text would be lost);
/// a second Ctrl-C quits; a key in between keeps typing and asks again next time.
#[test]
fn ctrl_c_while_typing_a_heading_asks_before_dropping_it() {
    let (app, term, _) = drive(bundled(), Lang::En, 100, 30, "A h T a l C-c");
    assert!(!app.quit);
    assert!(app.prompt().is_some());
    assert!(
        screen(&term).contains("Quit again to drop the text"),
        "{}",
        screen(&term)
    );
    let (app, _, _) = drive(bundled(), Lang::En, 100, 30, "A h T a l C-c C-c");
    assert!(app.quit);
    let (app, _, _) = drive(bundled(), Lang::En, 100, 30, "A h T a l C-c x C-c");
    assert!(!app.quit);
    // An empty prompt is no loss: one Ctrl-C quits.
    let (app, _, _) = drive(bundled(), Lang::Sv, 100, 30, "A h C-c");
    assert!(app.quit);
}
