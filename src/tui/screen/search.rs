//! The search overlay: a query typed at the top, hits below as they come (the search runs in
//! the shell, off the UI thread), Enter opens a hit in the reader with its paragraph selected
//! and the matched words marked; `n`/`N` in the reader step through the hits.

use crate::analysis::search::{Hit, Query, Results};
use crate::notes::{ItemKind, Quote};
use crate::tui::action::{Action, Effect, TextEdit};
use crate::tui::app::{App, Screen};
use crate::tui::layout;
use std::sync::Arc;
use tui_input::{Input, InputRequest};

/// Hits fetched per search: what the overlay can list (the total is counted apart).
pub const SEARCH_LIMIT: usize = 500;

#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The overlay is open.
    pub open: bool,
    /// The results list, not the query, has the focus.
    pub list_focus: bool,
    pub input: Input,
    /// The latest results (of the query `results_for`).
    pub results: Option<Arc<Results>>,
    pub results_for: String,
    /// Problems of the query as typed, in the UI language.
    pub problems: Vec<String>,
    /// The generation of the last search asked for, and of the results shown.
    pub asked: u64,
    pub answered: u64,
    /// The selected hit.
    pub cursor: usize,
    /// The hit open in the reader, for `n`/`N`.
    pub current: Option<usize>,
}

impl SearchState {
    pub fn hits(&self) -> &[Hit] {
        self.results.as_ref().map_or(&[], |r| r.hits.as_slice())
    }

    /// Whether results for the query as typed are still to come.
    pub fn searching(&self) -> bool {
        self.asked != self.answered
    }
}

fn request(edit: TextEdit) -> InputRequest {
    crate::tui::screen::prompt::input_request(edit)
}

/// The longest query the overlay takes.
const MAX_QUERY_CHARS: usize = 500;

impl App {
    /// `/`: open the search overlay with the last query and its results.
    pub(crate) fn open_search(&mut self) {
        self.search.open = true;
        self.search.list_focus = false;
    }

    pub(crate) fn update_search(&mut self, action: Action) -> Vec<Effect> {
        let n = self.search.hits().len();
        let s = &mut self.search;
        match action {
            Action::Edit(TextEdit::Insert(c))
                if c.is_control() || s.input.value().chars().count() >= MAX_QUERY_CHARS => {}
            Action::Edit(edit) => {
                let before = s.input.value().to_string();
                s.input.handle(request(edit));
                if s.input.value() != before {
                    return self.ask_search();
                }
            }
            Action::Down => s.cursor = (s.cursor + 1).min(n.saturating_sub(1)),
            Action::Up => s.cursor = s.cursor.saturating_sub(1),
            Action::PageDown => s.cursor = (s.cursor + 10).min(n.saturating_sub(1)),
            Action::PageUp => s.cursor = s.cursor.saturating_sub(10),
            Action::Top => s.cursor = 0,
            Action::Bottom => s.cursor = n.saturating_sub(1),
            Action::NextPane => s.list_focus = !s.list_focus && n > 0,
            Action::Back => s.open = false,
            Action::Submit | Action::Open => {
                let at = s.cursor;
                if n == 0 {
                    let msg = self.lang.pick("No hit to open", "Ingen träff att öppna");
                    self.notify(msg, false);
                } else {
                    self.search.open = false;
                    self.open_hit(at);
                }
            }
            Action::CopyParagraph | Action::AddToNotes => {
                let at = s.cursor;
                let Some((case, q)) = self.hit_quote(at) else {
                    return Vec::new();
                };
                if action == Action::CopyParagraph {
                    let text = crate::model::citation::format_quote(&q.text, &q.citation);
                    return vec![Effect::Copy(text)];
                }
                let effects = self.edit_notes(case, |notes| {
                    notes.push(ItemKind::Quote(q));
                });
                let msg = self
                    .lang
                    .pick("Added to the notes", "Lagt i anteckningarna");
                self.notify(msg, false);
                return effects;
            }
            _ => {}
        }
        Vec::new()
    }

    /// The query changed: ask the shell for its hits (or clear them for an empty query).
    fn ask_search(&mut self) -> Vec<Effect> {
        let s = &mut self.search;
        let text = s.input.value().to_string();
        let query = Query::parse(&text);
        s.problems = query
            .problems()
            .iter()
            .map(|p| p.message(self.lang))
            .collect();
        s.asked += 1;
        s.cursor = 0;
        s.current = None;
        if query.is_empty() {
            s.answered = s.asked;
            s.results = None;
            s.results_for = text;
            return Vec::new();
        }
        vec![Effect::Search {
            generation: s.asked,
            query: text,
            limit: SEARCH_LIMIT,
        }]
    }

    /// Hits arrived; older ones than the last asked for are dropped.
    pub(crate) fn search_done(&mut self, generation: u64, query: String, results: Arc<Results>) {
        let s = &mut self.search;
        if generation < s.answered || generation > s.asked {
            return;
        }
        s.answered = generation;
        s.results = Some(results);
        s.results_for = query;
        s.cursor = s.cursor.min(s.hits().len().saturating_sub(1));
    }

    /// Open hit `at` in the reader: its paragraph selected and its matches marked.
    pub(crate) fn open_hit(&mut self, at: usize) {
        let Some(hit) = self.search.hits().get(at).cloned() else {
            return;
        };
        let Some(case) = self.cases.get(hit.case) else {
            return;
        };
        let (doc, para) = layout::locate(case, hit.target);
        self.go_to_case(hit.case);
        let paragraph = para.unwrap_or(0);
        self.history_clear();
        self.open_doc(doc, paragraph);
        if let Some(r) = self.reader.as_mut() {
            r.highlight = Some((paragraph, hit.highlights.clone()));
        }
        self.search.current = Some(at);
        self.search.cursor = at;
        self.screen = Screen::Reader;
    }

    /// `n` / `N` in the reader: the next or previous hit.
    pub(crate) fn step_hit(&mut self, forward: bool) {
        let n = self.search.hits().len();
        let next = match (self.search.current, forward) {
            _ if n == 0 => None,
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => Some(0),
            (None, false) => Some(n - 1),
        };
        match next {
            Some(i) => {
                self.open_hit(i);
                let msg = match self.lang {
                    crate::i18n::Lang::En => format!("Hit {} of {n}", i + 1),
                    crate::i18n::Lang::Sv => format!("Träff {} av {n}", i + 1),
                };
                self.notify(msg, false);
            }
            None if n == 0 => {
                let msg = self
                    .lang
                    .pick("No search hits: / searches", "Inga sökträffar: / söker");
                self.notify(msg, false);
            }
            None => {
                let msg = self.lang.pick("No further hit", "Ingen fler träff");
                self.notify(msg, false);
            }
        }
    }

    /// A hit's paragraph as a quote, with its case index.
    fn hit_quote(&mut self, at: usize) -> Option<(usize, Quote)> {
        let hit = self.search.hits().get(at)?.clone();
        let case = self.cases.get(hit.case)?;
        let (r, range) = (hit.target, (hit.target.paragraph, hit.target.paragraph));
        let quote = Quote::new(case, r.part, range, None);
        quote.map(|q| (hit.case, q))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::search::Index;
    use crate::i18n::Lang;
    use crate::model::load_bundled;

    /// Type `text` into the overlay and answer each search at once, as the tests' shell does.
    fn type_query(app: &mut App, index: &Index, text: &str) {
        for c in text.chars() {
            for effect in app.update(Action::Edit(TextEdit::Insert(c))) {
                if let Effect::Search {
                    generation,
                    query,
                    limit,
                } = effect
                {
                    let r = index.search(&app.cases, &Query::parse(&query), limit);
                    app.search_done(generation, query, Arc::new(r));
                }
            }
        }
    }

    fn app() -> (App, Index) {
        let cases = vec![load_bundled()];
        let index = Index::build(&cases);
        let mut app = App::new(cases, Lang::En);
        app.update(Action::Resize(100, 30));
        app.update(Action::OpenSearch);
        (app, index)
    }

    #[test]
    fn typing_searches_and_enter_opens_the_paragraph_marked() {
        let (mut app, index) = app();
        type_query(&mut app, &index, "skarholmen tunnelbana");
        assert!(!app.search.hits().is_empty());
        assert!(!app.search.searching());
        app.update(Action::Submit);
        assert_eq!(app.screen, Screen::Reader);
        assert!(!app.search.open);
        let r = app.reader.as_ref().unwrap();
        let case = app.current_case();
        assert_eq!(
            case.positions[r.position().unwrap()].id,
            "skarholmen/reservation/M"
        );
        assert_eq!(r.paragraph, 0);
        let (p, marks) = r.highlight.as_ref().unwrap();
        let text = &case.text_of(r.position().unwrap())[*p];
        let marked: Vec<&str> = marks.iter().map(|m| &text[m.clone()]).collect();
        assert!(marked.contains(&"tunnelbanestation"), "{marked:?}");
        // Esc kept the query: / shows it again.
        app.update(Action::OpenSearch);
        assert_eq!(app.search.input.value(), "skarholmen tunnelbana");
    }

    #[test]
    fn stale_results_are_dropped() {
        let (mut app, index) = app();
        app.update(Action::Edit(TextEdit::Insert('k')));
        let effects = app.update(Action::Edit(TextEdit::Insert('i')));
        let [Effect::Search { generation, .. }] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        let search = |q: &str| Arc::new(index.search(&app.cases, &Query::parse(q), 10));
        let (old, new) = (search("k"), search("ki"));
        // The answer to "k" comes first: shown, and still searching for "ki".
        app.search_done(generation - 1, "k".into(), old.clone());
        assert!(app.search.searching());
        assert_eq!(app.search.results_for, "k");
        // Then "ki"; a late second answer to "k" is dropped.
        app.search_done(*generation, "ki".into(), new);
        app.search_done(generation - 1, "k".into(), old);
        assert!(!app.search.searching());
        assert_eq!(app.search.results_for, "ki");
    }

    #[test]
    fn n_and_shift_n_step_through_hits_from_the_reader() {
        let (mut app, index) = app();
        type_query(&mut app, &index, "trygghetskiosk");
        let total = app.search.hits().len();
        assert!(total > 3);
        app.update(Action::Submit);
        app.update(Action::NextHit);
        assert_eq!(app.search.current, Some(1));
        assert_eq!(
            app.status.as_ref().unwrap().text,
            format!("Hit 2 of {total}")
        );
        app.update(Action::PrevHit);
        app.update(Action::PrevHit);
        assert_eq!(app.search.current, Some(0));
        assert_eq!(app.status.as_ref().unwrap().text, "No further hit");
    }

    #[test]
    fn a_hit_is_copied_or_added_from_the_list() {
        let (mut app, index) = app();
        type_query(&mut app, &index, "sergels torg");
        app.update(Action::NextPane);
        let effects = app.update(Action::CopyParagraph);
        let [Effect::Copy(text)] = effects.as_slice() else {
            panic!("{effects:?}")
        };
        assert!(text.contains("Sergels torg"), "{text}");
        assert_eq!(app.update(Action::AddToNotes), vec![Effect::SaveNotes(0)]);
        assert_eq!(app.notes[0].notes.quotes().count(), 1);
    }
}
