//! The notes screen: the case's quotes in order under the user's headings; reorder, edit,
//! delete with undo, copy, export, and jump to the quoted text. Every change asks the shell to
//! save at once ([`Effect::SaveNotes`]).

use super::prompt::{Prompt, PromptKind};
use crate::export::notes as export;
use crate::i18n::Lang;
use crate::model::Case;
use crate::model::TextRef;
use crate::model::citation;
use crate::notes::MergeReport;
use crate::notes::store::Saved;
use crate::notes::{Item, ItemKind, Notes};
use crate::tui::action::{Action, Effect};
use crate::tui::app::{App, Screen};
use crate::tui::layout;
use std::collections::HashSet;
use std::path::PathBuf;

/// Most edits kept for undo.
const UNDO_DEPTH: usize = 200;

/// One case's notes, with their undo history.
#[derive(Debug, Clone)]
pub struct NotesBook {
    pub notes: Notes,
    /// The notes file, when there is one.
    pub path: Option<PathBuf>,
    /// Ids of quotes no longer in the case.
    pub stale: HashSet<String>,
    /// Why the last save failed, until one succeeds.
    pub save_error: Option<String>,
    undo: Vec<Vec<Item>>,
    redo: Vec<Vec<Item>>,
}

impl NotesBook {
    pub fn new(notes: Notes, path: Option<PathBuf>) -> NotesBook {
        NotesBook {
            notes,
            path,
            stale: HashSet::new(),
            save_error: None,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn refresh_stale(&mut self, case: &Case) {
        self.stale = self
            .notes
            .items
            .iter()
            .filter(|i| matches!(&i.kind, ItemKind::Quote(q) if q.is_stale(case)))
            .map(|i| i.id.clone())
            .collect();
    }

    /// Where "export" writes: the notes file's name with `.md`.
    pub fn export_path(&self) -> PathBuf {
        match &self.path {
            Some(p) => p.with_extension("md"),
            None => PathBuf::from(format!("{}.notes.md", self.notes.case)),
        }
    }
}

/// Where the notes screen is.
#[derive(Debug, Clone, Default)]
pub struct NotesView {
    pub cursor: usize,
    /// The screen Esc returns to.
    pub back_to: Option<Screen>,
}

/// "Merged with another session's changes: 1 added, 0 removed, 0 changed".
fn merge_message(m: &MergeReport, lang: Lang) -> String {
    let (head, added, removed, changed, twice) = match lang {
        Lang::En => (
            "Merged with another session's changes",
            "added",
            "removed",
            "changed",
            "kept twice",
        ),
        Lang::Sv => (
            "Sammanfogat med en annan sessions ändringar",
            "tillagda",
            "borttagna",
            "ändrade",
            "behållna i två versioner",
        ),
    };
    let mut msg = format!(
        "{head}: {} {added}, {} {removed}, {} {changed}",
        m.added, m.removed, m.changed
    );
    if m.conflicts > 0 {
        msg.push_str(&format!(", {} {twice}", m.conflicts));
    }
    msg
}

impl App {
    pub(crate) fn open_notes(&mut self) -> Vec<Effect> {
        if self.screen != Screen::Notes {
            self.notes_view.back_to = Some(self.screen);
        }
        self.screen = Screen::Notes;
        self.clamp_notes_cursor();
        // Read in what another session may have written meanwhile.
        vec![Effect::SaveNotes(self.case)]
    }

    fn clamp_notes_cursor(&mut self) {
        let n = self.notes[self.case].notes.items.len();
        self.notes_view.cursor = self.notes_view.cursor.min(n.saturating_sub(1));
    }

    /// Change a case's notes: remember the old state for undo, apply `f`, and save.
    pub(crate) fn edit_notes(&mut self, case: usize, f: impl FnOnce(&mut Notes)) -> Vec<Effect> {
        let Some(book) = self.notes.get_mut(case) else {
            return Vec::new();
        };
        let before = book.notes.items.clone();
        f(&mut book.notes);
        if book.notes.items == before {
            return Vec::new();
        }
        book.undo.push(before);
        if book.undo.len() > UNDO_DEPTH {
            book.undo.remove(0);
        }
        book.redo.clear();
        book.refresh_stale(&self.cases[case]);
        vec![Effect::SaveNotes(case)]
    }

    pub(crate) fn notes_saved(&mut self, case: usize, result: Result<Saved, String>) {
        let lang = self.lang;
        let Some(book) = self.notes.get_mut(case) else {
            return;
        };
        match result {
            Ok(saved) => {
                book.save_error = None;
                if book.notes.items != saved.notes.items {
                    book.notes.items = saved.notes.items;
                    book.refresh_stale(&self.cases[case]);
                }
                if let Some(m) = saved.merged.filter(|m| !m.is_empty()) {
                    let msg = merge_message(&m, lang);
                    self.notify(msg, false);
                }
                self.clamp_notes_cursor();
            }
            Err(e) => {
                book.save_error = Some(e.clone());
                let msg = format!(
                    "{}: {e}",
                    lang.pick("Notes not saved", "Anteckningarna sparades inte")
                );
                self.notify(msg, true);
            }
        }
    }

    pub(crate) fn ask_overwrite(&mut self, path: PathBuf) {
        let text = self.notes_markdown();
        self.prompt = Some(Prompt::new(PromptKind::Overwrite { path, text }, ""));
    }

    fn notes_markdown(&self) -> String {
        export::to_markdown(
            &self.notes[self.case].notes,
            Some(self.current_case()),
            self.lang,
        )
    }

    pub(crate) fn update_notes(&mut self, action: Action) -> Vec<Effect> {
        let case = self.case;
        let n = self.notes[case].notes.items.len();
        let cursor = self.notes_view.cursor;
        match action {
            Action::Down => self.notes_view.cursor = (cursor + 1).min(n.saturating_sub(1)),
            Action::Up => self.notes_view.cursor = cursor.saturating_sub(1),
            Action::Top => self.notes_view.cursor = 0,
            Action::Bottom => self.notes_view.cursor = n.saturating_sub(1),
            Action::MoveItemUp | Action::MoveItemDown => {
                let up = action == Action::MoveItemUp;
                let mut moved = None;
                let effects = self.edit_notes(case, |notes| moved = notes.move_item(cursor, up));
                if let Some(to) = moved {
                    self.notes_view.cursor = to;
                }
                return effects;
            }
            Action::NewHeading => {
                let at = if n == 0 { 0 } else { cursor };
                self.prompt = Some(Prompt::new(PromptKind::NewHeading { case, at }, ""));
            }
            Action::EditItem => match self.notes[case].notes.items.get(cursor) {
                Some(item) => {
                    let value = match &item.kind {
                        ItemKind::Heading(h) => h.clone(),
                        ItemKind::Quote(q) => q.comment.clone(),
                    };
                    let kind = PromptKind::EditItem {
                        case,
                        index: cursor,
                    };
                    self.prompt = Some(Prompt::new(kind, &value));
                }
                None => self.no_notes(),
            },
            Action::Delete => {
                let effects = self.edit_notes(case, |notes| {
                    notes.remove(cursor);
                });
                if !effects.is_empty() {
                    self.clamp_notes_cursor();
                    let msg = self.lang.pick("Deleted · u undoes", "Borttaget · u ångrar");
                    self.notify(msg, false);
                }
                return effects;
            }
            Action::Undo | Action::Redo => return self.undo_redo(action == Action::Undo),
            Action::CopyParagraph => match self.notes[case].notes.items.get(cursor) {
                Some(item) => {
                    let text = match &item.kind {
                        ItemKind::Heading(h) => h.clone(),
                        ItemKind::Quote(q) => citation::format_quote(&q.text, &q.citation),
                    };
                    return vec![Effect::Copy(text)];
                }
                None => self.no_notes(),
            },
            Action::CopyAll => {
                let book = &self.notes[case];
                let text = export::to_text(&book.notes, Some(self.current_case()), self.lang);
                return vec![Effect::Copy(text)];
            }
            Action::Export => {
                return vec![Effect::Write {
                    path: self.notes[case].export_path(),
                    text: self.notes_markdown(),
                    overwrite: false,
                }];
            }
            Action::Open => self.open_quote_source(cursor),
            Action::Back | Action::OpenNotes => {
                self.screen = match self.notes_view.back_to {
                    Some(Screen::Reader) if self.reader.is_some() => Screen::Reader,
                    Some(Screen::Cases) => Screen::Cases,
                    _ => Screen::Matrix,
                };
            }
            _ => {}
        }
        Vec::new()
    }

    fn no_notes(&mut self) {
        let msg = self.lang.pick(
            "No notes yet: press a on a paragraph in the reader",
            "Inga anteckningar än: tryck a på ett stycke i läsaren",
        );
        self.notify(msg, false);
    }

    fn undo_redo(&mut self, undo: bool) -> Vec<Effect> {
        let case = self.case;
        let book = &mut self.notes[case];
        let (from, to) = if undo {
            (&mut book.undo, &mut book.redo)
        } else {
            (&mut book.redo, &mut book.undo)
        };
        let Some(items) = from.pop() else {
            let msg = if undo {
                self.lang.pick("Nothing to undo", "Inget att ångra")
            } else {
                self.lang.pick("Nothing to redo", "Inget att göra om")
            };
            self.notify(msg, false);
            return Vec::new();
        };
        to.push(std::mem::replace(&mut book.notes.items, items));
        book.refresh_stale(&self.cases[case]);
        self.clamp_notes_cursor();
        vec![Effect::SaveNotes(case)]
    }

    /// Open the quoted text in the reader, on the quote's first paragraph.
    fn open_quote_source(&mut self, index: usize) {
        let case = self.current_case();
        let target = match self.notes[self.case]
            .notes
            .items
            .get(index)
            .map(|i| &i.kind)
        {
            Some(ItemKind::Quote(q)) => q
                .part(case)
                .map(|part| layout::locate(case, TextRef::new(part, q.paragraphs.0))),
            Some(ItemKind::Heading(_)) => return,
            None => return self.no_notes(),
        };
        match target {
            Some((doc, paragraph)) => {
                self.history_clear();
                self.open_doc(doc, paragraph.unwrap_or(0));
            }
            None => {
                let msg = self.lang.pick(
                    "The quoted text is no longer in the case",
                    "Den citerade texten finns inte längre i ärendet",
                );
                self.notify(msg, true);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;
    use crate::notes::Quote;

    fn app_with_quotes(n: usize) -> App {
        let mut app = App::new(vec![load_bundled()], Lang::En);
        let case = app.cases[0].clone();
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        for k in 0..n {
            let q = Quote::from_position(&case, i, (k % 2, k % 2), None).unwrap();
            app.notes[0].notes.push(ItemKind::Quote(q));
        }
        app.update(Action::OpenNotes);
        app
    }

    fn comments(app: &App) -> Vec<String> {
        app.notes[0]
            .notes
            .items
            .iter()
            .map(|i| match &i.kind {
                ItemKind::Heading(h) => format!("# {h}"),
                ItemKind::Quote(q) => q.text.chars().take(10).collect(),
            })
            .collect()
    }

    #[test]
    fn delete_undo_redo() {
        let mut app = app_with_quotes(2);
        let before = comments(&app);
        assert_eq!(app.update(Action::Delete), vec![Effect::SaveNotes(0)]);
        assert_eq!(comments(&app).len(), 1);
        app.update(Action::Undo);
        assert_eq!(comments(&app), before);
        app.update(Action::Redo);
        assert_eq!(comments(&app).len(), 1);
        app.update(Action::Redo);
        assert_eq!(app.status.as_ref().unwrap().text, "Nothing to redo");
    }

    #[test]
    fn move_follows_the_cursor_and_headings_group() {
        let mut app = app_with_quotes(2);
        app.prompt = Some(Prompt::new(
            PromptKind::NewHeading { case: 0, at: 0 },
            "Deras argument",
        ));
        app.update(Action::Submit);
        assert_eq!(comments(&app)[0], "# Deras argument");
        app.update(Action::MoveItemDown);
        assert_eq!(app.notes_view.cursor, 1);
        assert_eq!(comments(&app)[1], "# Deras argument");
    }

    #[test]
    fn export_asks_before_overwriting() {
        let mut app = app_with_quotes(1);
        let effects = app.update(Action::Export);
        assert!(matches!(
            &effects[0],
            Effect::Write {
                overwrite: false,
                ..
            }
        ));
        let path = PathBuf::from("x.notes.md");
        app.update(Action::Written {
            path: path.clone(),
            result: crate::tui::action::WriteOutcome::Exists,
        });
        assert!(app.prompt.as_ref().unwrap().is_question());
        let effects = app.update(Action::Confirm(true));
        assert!(
            matches!(&effects[0], Effect::Write { overwrite: true, path: p, .. } if *p == path)
        );
    }

    #[test]
    fn enter_opens_the_quoted_paragraph() {
        let mut app = app_with_quotes(2);
        app.update(Action::Down);
        app.update(Action::Open);
        assert_eq!(app.screen, Screen::Reader);
        let r = app.reader.as_ref().unwrap();
        assert_eq!(r.paragraph, 1);
        let id = &app.current_case().positions[r.position().unwrap()].id;
        assert_eq!(id, "socialnamnden/reservation/M");
    }

    #[test]
    fn a_merge_with_another_session_is_told() {
        let mut app = app_with_quotes(1);
        let mut notes = app.notes[0].notes.clone();
        notes.push(ItemKind::Heading("Theirs".into()));
        let merged = crate::notes::MergeReport {
            added: 1,
            conflicts: 1,
            ..Default::default()
        };
        app.update(Action::NotesSaved {
            case: 0,
            result: Ok(Saved {
                notes,
                merged: Some(merged),
                wrote: true,
            }),
        });
        assert_eq!(
            app.status.as_ref().unwrap().text,
            "Merged with another session's changes: 1 added, 0 removed, 0 changed, 1 kept twice"
        );
        assert_eq!(app.notes[0].notes.items.len(), 2);
    }

    #[test]
    fn a_failed_save_is_shown_and_kept_until_one_succeeds() {
        let mut app = app_with_quotes(1);
        app.update(Action::NotesSaved {
            case: 0,
            result: Err("disk full".into()),
        });
        assert!(app.status.as_ref().unwrap().error);
        assert_eq!(app.notes[0].save_error.as_deref(), Some("disk full"));
    }
}
