//! One case's debate notes as the app keeps them: the notes, their file, which quotes are
//! stale, the last save's error, and the undo history. The app owns the books (the reader, the
//! search and the diff add quotes; undo belongs to the book); screens ask for changes with a
//! [`NotesOp`] and read the books through the context.

use super::action::{NotSaved, NotesOp};
use crate::i18n::Lang;
use crate::model::Case;
use crate::notes::{Item, ItemKind, MergeReport, Notes};
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
    /// Why the last save did not write the notes file (and where the notes went instead),
    /// until one does.
    pub save_error: Option<NotSaved>,
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
        self.export_path_as("md")
    }

    /// Where an export as `extension` writes: the notes file's name with that extension
    /// (`x.notes.toml` → `x.notes.docx`).
    pub fn export_path_as(&self, extension: &str) -> PathBuf {
        match &self.path {
            Some(p) => p.with_extension(extension),
            None => PathBuf::from(format!("{}.notes.{extension}", self.notes.case)),
        }
    }

    /// Where the app writes the HTML report: beside the notes, `x.notes.toml` →
    /// `x.report.html`.
    pub fn report_path(&self) -> PathBuf {
        let notes = self.export_path_as("toml");
        let name = notes
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".notes.toml"))
            .map(|stem| format!("{stem}.report.html"));
        match name {
            Some(name) => notes.with_file_name(name),
            None => notes.with_extension("report.html"),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Apply an edit; returns whether the notes changed (then they must be saved). An edit
    /// is remembered for undo; undo and redo walk that history.
    pub fn apply(&mut self, op: NotesOp, case: &Case) -> bool {
        let changed = match op {
            NotesOp::Undo => step(&mut self.undo, &mut self.redo, &mut self.notes.items),
            NotesOp::Redo => step(&mut self.redo, &mut self.undo, &mut self.notes.items),
            op => {
                let before = self.notes.items.clone();
                match op {
                    NotesOp::Push(kind) => {
                        self.notes.push(kind);
                    }
                    NotesOp::Insert(at, kind) => {
                        self.notes.insert(at, kind);
                    }
                    NotesOp::Move { index, up } => {
                        self.notes.move_item(index, up);
                    }
                    NotesOp::Remove(index) => {
                        self.notes.remove(index);
                    }
                    NotesOp::SetText { index, text } => {
                        self.notes.set_text(index, &text);
                    }
                    NotesOp::Undo | NotesOp::Redo => {}
                }
                if self.notes.items == before {
                    return false;
                }
                self.undo.push(before);
                if self.undo.len() > UNDO_DEPTH {
                    self.undo.remove(0);
                }
                self.redo.clear();
                true
            }
        };
        if changed {
            self.refresh_stale(case);
        }
        changed
    }
}

/// Undo or redo: the last state of `from` becomes the notes, the notes go onto `to`.
fn step(from: &mut Vec<Vec<Item>>, to: &mut Vec<Vec<Item>>, items: &mut Vec<Item>) -> bool {
    match from.pop() {
        Some(previous) => {
            to.push(std::mem::replace(items, previous));
            true
        }
        None => false,
    }
}

/// "Merged with another session's changes: 1 added, 0 removed, 0 changed".
pub fn merge_message(m: &MergeReport, lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_bundled;
    use crate::notes::Quote;

    fn book_with_quotes(case: &Case, n: usize) -> NotesBook {
        let i = case.position_index("socialnamnden/reservation/M").unwrap();
        let mut book = NotesBook::new(Notes::for_case(case), None);
        for k in 0..n {
            let q = Quote::from_position(case, i, (k % 2, k % 2), None).unwrap();
            assert!(book.apply(NotesOp::Push(ItemKind::Quote(q)), case));
        }
        book
    }

    #[test]
    fn edits_undo_and_redo() {
        let case = load_bundled();
        let mut book = book_with_quotes(&case, 2);
        let before = book.notes.items.clone();
        assert!(book.apply(NotesOp::Remove(0), &case));
        assert_eq!(book.notes.items.len(), 1);
        assert!(book.apply(NotesOp::Undo, &case));
        assert_eq!(book.notes.items, before);
        assert!(book.apply(NotesOp::Redo, &case));
        assert_eq!(book.notes.items.len(), 1);
        assert!(!book.can_redo());
        assert!(!book.apply(NotesOp::Redo, &case));
        // An edit that changes nothing is not remembered.
        assert!(!book.apply(NotesOp::Remove(9), &case));
        assert!(!book.apply(NotesOp::Move { index: 0, up: true }, &case));
    }

    #[test]
    fn merge_messages_in_both_languages() {
        let m = MergeReport {
            added: 1,
            conflicts: 1,
            ..Default::default()
        };
        assert_eq!(
            merge_message(&m, Lang::En),
            "Merged with another session's changes: 1 added, 0 removed, 0 changed, 1 kept twice"
        );
        assert!(merge_message(&m, Lang::Sv).starts_with("Sammanfogat"));
    }
}
