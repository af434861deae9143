//! The notes screen: the case's quotes in order under the user's headings; reorder, edit,
//! delete with undo, copy, export, and jump to the quoted text. The notes themselves are the
//! app's (a [`NotesBook`](crate::tui::book::NotesBook) per case); this screen asks for changes
//! with [`NotesOp`]s, and the app saves every change at once.

pub mod view;

use super::Route;
use super::reader::{ReaderScreen, layout};
use crate::export::notes as export;
use crate::model::{TextRef, citation};
use crate::notes::ItemKind;
use crate::tui::action::{Action, Effect, NotesOp, Outcome};
use crate::tui::ctx::Ctx;
use crate::tui::keymap::Mode;
use crate::tui::overlays::Overlay;
use crate::tui::overlays::prompt::{Prompt, PromptKind};
use crate::tui::screens::Screen;

#[derive(Debug, Clone)]
pub struct NotesScreen {
    /// Index into the loaded cases.
    pub case: usize,
    /// The selected item.
    pub cursor: usize,
}

impl NotesScreen {
    /// Open case `case`'s notes, reading in what another session may have written meanwhile
    /// (the save effect merges and gives the notes back).
    pub fn open(case: usize) -> Outcome {
        let mut o = Outcome::push(Route::Notes(NotesScreen { case, cursor: 0 }));
        o.effects.push(Effect::SaveNotes(case));
        o
    }

    /// The cursor, within the items there are now (they may have changed under it: a merge,
    /// an undo).
    pub fn cursor(&self, ctx: &Ctx) -> usize {
        let n = ctx.notes[self.case].notes.items.len();
        self.cursor.min(n.saturating_sub(1))
    }

    /// Whether an action makes sense here: with no notes, only a heading, undo and redo, the
    /// search and leaving do.
    pub fn applies(&self, action: &Action, ctx: &Ctx) -> bool {
        !ctx.notes[self.case].notes.items.is_empty()
            || !matches!(
                action,
                Action::Down
                    | Action::Up
                    | Action::Top
                    | Action::Bottom
                    | Action::MoveItemDown
                    | Action::MoveItemUp
                    | Action::EditItem
                    | Action::Delete
                    | Action::Open
                    | Action::CopyParagraph
                    | Action::CopyAll
                    | Action::Export
            )
    }

    pub fn update(&mut self, action: &Action, ctx: &Ctx) -> Outcome {
        let case = self.case;
        let book = &ctx.notes[case];
        let n = book.notes.items.len();
        let cursor = self.cursor(ctx);
        self.cursor = cursor;
        let lang = ctx.lang;
        match action {
            Action::Down => self.cursor = (cursor + 1).min(n.saturating_sub(1)),
            Action::Up => self.cursor = cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = n.saturating_sub(1),
            Action::MoveItemUp | Action::MoveItemDown => {
                let up = *action == Action::MoveItemUp;
                // The cursor follows the item (`Notes::move_item` swaps with the neighbour).
                let to = if up {
                    cursor.checked_sub(1)
                } else {
                    Some(cursor + 1).filter(|&i| i < n)
                };
                if let Some(to) = to {
                    self.cursor = to;
                    return Outcome::none().with_notes(case, NotesOp::Move { index: cursor, up });
                }
            }
            Action::NewHeading => {
                let at = if n == 0 { 0 } else { cursor };
                let prompt = Prompt::new(PromptKind::NewHeading { case, at }, "");
                return Outcome::open(Overlay::Prompt(prompt));
            }
            Action::EditItem => {
                let Some(item) = book.notes.items.get(cursor) else {
                    return no_notes(ctx);
                };
                let value = match &item.kind {
                    ItemKind::Heading(h) => h.clone(),
                    ItemKind::Quote(q) => q.comment.clone(),
                };
                let kind = PromptKind::EditItem {
                    case,
                    index: cursor,
                };
                return Outcome::open(Overlay::Prompt(Prompt::new(kind, &value)));
            }
            Action::Delete if cursor < n => {
                let msg = ctx.keys_in(
                    Mode::Screen(Screen::Notes),
                    lang.pick("Deleted · {undo} undoes", "Borttaget · {undo} ångrar"),
                );
                self.cursor = cursor.min(n.saturating_sub(2));
                return Outcome::say(msg).with_notes(case, NotesOp::Remove(cursor));
            }
            Action::Undo | Action::Redo => {
                let undo = *action == Action::Undo;
                let possible = if undo {
                    book.can_undo()
                } else {
                    book.can_redo()
                };
                if !possible {
                    return Outcome::say(if undo {
                        lang.pick("Nothing to undo", "Inget att ångra")
                    } else {
                        lang.pick("Nothing to redo", "Inget att göra om")
                    });
                }
                let op = if undo { NotesOp::Undo } else { NotesOp::Redo };
                return Outcome::none().with_notes(case, op);
            }
            Action::CopyParagraph => {
                let Some(item) = book.notes.items.get(cursor) else {
                    return no_notes(ctx);
                };
                let text = match &item.kind {
                    ItemKind::Heading(h) => h.clone(),
                    ItemKind::Quote(q) => citation::format_quote(&q.text, &q.citation),
                };
                return Outcome::effect(Effect::Copy(text));
            }
            Action::CopyAll => {
                let text = export::to_text(&book.notes, Some(ctx.case(case)), lang);
                return Outcome::effect(Effect::Copy(text));
            }
            Action::Export => {
                let text = export::to_markdown(&book.notes, Some(ctx.case(case)), lang);
                return write_new(book.export_path(), text.into_bytes());
            }
            Action::ExportDocx => {
                return match crate::export::docx::to_docx(&book.notes, Some(ctx.case(case)), lang) {
                    Ok(bytes) => write_new(book.export_path_as("docx"), bytes),
                    Err(e) => Outcome::error(format!(
                        "{}: {e}",
                        lang.pick(
                            "Could not make the Word file",
                            "Kunde inte skapa Word-filen"
                        )
                    )),
                };
            }
            Action::ExportReport => return report(book.report_path(), ctx),
            Action::Open => return self.open_quoted(ctx),
            Action::Back | Action::OpenNotes => return Outcome::pop(),
            _ => {}
        }
        Outcome::none()
    }

    /// Open the quoted text in the reader, on the quote's first paragraph.
    fn open_quoted(&self, ctx: &Ctx) -> Outcome {
        let case = ctx.case(self.case);
        let quote = match ctx.notes[self.case]
            .notes
            .items
            .get(self.cursor(ctx))
            .map(|i| &i.kind)
        {
            Some(ItemKind::Quote(q)) => q,
            Some(ItemKind::Heading(_)) => return Outcome::none(),
            None => return no_notes(ctx),
        };
        match quote.part(case) {
            Some(part) => {
                let (doc, paragraph) = layout::locate(case, TextRef::new(part, quote.paragraphs.0));
                let r = ReaderScreen::open(ctx, self.case, doc, paragraph.unwrap_or(0));
                Outcome::push(Route::Reader(Box::new(r)))
            }
            None => Outcome::error(ctx.lang.pick(
                "The quoted text is no longer in the case",
                "Den citerade texten finns inte längre i ärendet",
            )),
        }
    }
}

/// Write a new file; one that exists is not replaced unless the user says so (the app asks).
fn write_new(path: std::path::PathBuf, bytes: Vec<u8>) -> Outcome {
    Outcome::effect(Effect::Write {
        path,
        bytes,
        overwrite: false,
    })
}

/// The HTML report of the loaded cases with their notes, as `remiss report` writes it; it
/// waits for the comparison of the texts (its families and word diffs are in it).
fn report(path: std::path::PathBuf, ctx: &Ctx) -> Outcome {
    let Some(similarity) = ctx.similarity else {
        return Outcome::say(ctx.lang.pick(
            "The texts are still being compared; the report can be written in a moment",
            "Texterna jämförs fortfarande; rapporten kan skrivas om en stund",
        ));
    };
    let notes: Vec<Option<crate::notes::Notes>> =
        ctx.notes.iter().map(|b| Some(b.notes.clone())).collect();
    let html = crate::export::report::to_html(&crate::export::report::Report {
        cases: ctx.cases,
        notes: &notes,
        similarity,
        lang: ctx.lang,
    });
    write_new(path, html.into_bytes())
}

fn no_notes(ctx: &Ctx) -> Outcome {
    Outcome::say(ctx.keys_in(
        Mode::Screen(Screen::Reader),
        ctx.lang.pick(
            "No notes yet: press {add-to-notes} on a paragraph in the reader",
            "Inga anteckningar än: tryck {add-to-notes} på ett stycke i läsaren",
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::notes::Quote;
    use crate::tui::action::Nav;
    use crate::tui::screens::Screen;
    use crate::tui::testing::{Harness, said};

    fn with_quotes(n: usize) -> (Harness, NotesScreen) {
        let mut h = Harness::new(Lang::En, 100, 30);
        let i = h.position("socialnamnden/reservation/M");
        for k in 0..n {
            let q = Quote::from_position(&h.cases[0], i, (k % 2, k % 2), None).unwrap();
            let case = h.cases[0].clone();
            h.notes[0].apply(NotesOp::Push(ItemKind::Quote(q)), &case);
        }
        (h, NotesScreen { case: 0, cursor: 0 })
    }

    fn outline(h: &Harness) -> Vec<String> {
        h.notes[0]
            .notes
            .items
            .iter()
            .map(|i| match &i.kind {
                ItemKind::Heading(t) => format!("# {t}"),
                ItemKind::Quote(q) => q.text.chars().take(10).collect(),
            })
            .collect()
    }

    /// Update the screen and apply its edits of the notes, as the app does.
    fn press(h: &mut Harness, s: &mut NotesScreen, action: Action) -> Outcome {
        let outcome = s.update(&action, &h.ctx(Screen::Notes));
        h.apply_notes(&outcome);
        outcome
    }

    #[test]
    fn delete_undo_redo() {
        let (mut h, mut s) = with_quotes(2);
        let before = outline(&h);
        let deleted = press(&mut h, &mut s, Action::Delete);
        assert_eq!(said(&deleted), "Deleted · u undoes");
        assert_eq!(outline(&h).len(), 1);
        press(&mut h, &mut s, Action::Undo);
        assert_eq!(outline(&h), before);
        press(&mut h, &mut s, Action::Redo);
        assert_eq!(outline(&h).len(), 1);
        let again = press(&mut h, &mut s, Action::Redo);
        assert_eq!(said(&again), "Nothing to redo");
    }

    #[test]
    fn the_cursor_follows_a_moved_item() {
        let (mut h, mut s) = with_quotes(2);
        let case = h.cases[0].clone();
        h.notes[0].apply(
            NotesOp::Insert(0, ItemKind::Heading("Deras argument".into())),
            &case,
        );
        press(&mut h, &mut s, Action::MoveItemDown);
        assert_eq!(s.cursor, 1);
        assert_eq!(outline(&h)[1], "# Deras argument");
    }

    #[test]
    fn a_new_heading_is_asked_for_at_the_cursor() {
        let (h, mut s) = with_quotes(2);
        s.cursor = 1;
        let outcome = s.update(&Action::NewHeading, &h.ctx(Screen::Notes));
        let Some(crate::tui::action::OverlayChange::Open(Overlay::Prompt(p))) = outcome.overlay
        else {
            panic!("a prompt")
        };
        assert_eq!(p.kind, PromptKind::NewHeading { case: 0, at: 1 });
    }

    #[test]
    fn enter_opens_the_quoted_paragraph() {
        let (h, mut s) = with_quotes(2);
        let ctx = h.ctx(Screen::Notes);
        s.update(&Action::Down, &ctx);
        let Nav::Push(Route::Reader(r)) = s.update(&Action::Open, &ctx).nav else {
            panic!("a reader on top")
        };
        assert_eq!(r.paragraph, 1);
        let id = &ctx.case(0).positions[r.position().unwrap()].id;
        assert_eq!(id, "socialnamnden/reservation/M");
    }

    #[test]
    fn export_writes_beside_the_notes_and_never_over_a_file() {
        let (h, mut s) = with_quotes(1);
        let outcome = s.update(&Action::Export, &h.ctx(Screen::Notes));
        let [
            Effect::Write {
                overwrite, bytes, ..
            },
        ] = outcome.effects.as_slice()
        else {
            panic!("a write")
        };
        assert!(!overwrite);
        let text = String::from_utf8_lossy(bytes);
        assert!(text.starts_with("# Debate notes: KS 2025/1121"), "{text}");
    }
}
