//! The keymap: one table per screen. The input handler and the help overlay both read it, so
//! the two cannot drift apart.

use super::action::{Action, TextEdit};
use super::app::{Mode, Screen};
use crate::i18n::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One binding: the keys, what they do, and the text the help shows.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub en: &'static str,
    pub sv: &'static str,
}

/// A key with the modifiers that must be held (Shift is implied by upper-case characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub KeyCode, pub KeyModifiers);

const fn k(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::NONE)
}
const fn code(c: KeyCode) -> Key {
    Key(c, KeyModifiers::NONE)
}
const fn ctrl(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::CONTROL)
}
const fn alt(c: char) -> Key {
    Key(KeyCode::Char(c), KeyModifiers::ALT)
}

macro_rules! bind {
    ($action:expr, [$($key:expr),+], $en:literal, $sv:literal) => {
        Binding { keys: &[$($key),+], action: $action, en: $en, sv: $sv }
    };
}

const GLOBAL: &[Binding] = &[
    bind!(Action::ToggleHelp, [k('?')], "help", "hjälp"),
    bind!(Action::Quit, [k('q'), ctrl('c')], "quit", "avsluta"),
];

const NOTES_KEY: Binding = bind!(
    Action::OpenNotes,
    [k('A'), k('N')],
    "debate notes",
    "debattanteckningar"
);

/// In the reader `N` is the previous search hit: the notes are on `A` only.
const NOTES_KEY_READER: Binding = bind!(
    Action::OpenNotes,
    [k('A')],
    "debate notes",
    "debattanteckningar"
);

const SEARCH_KEY: Binding = bind!(
    Action::OpenSearch,
    [k('/')],
    "search every text",
    "sök i alla texter"
);

const PAGE_DOWN: Binding = bind!(
    Action::PageDown,
    [code(KeyCode::PageDown), k(' '), ctrl('f')],
    "page down",
    "sida ned"
);

const PAGE_UP: Binding = bind!(
    Action::PageUp,
    [code(KeyCode::PageUp), ctrl('b')],
    "page up",
    "sida upp"
);

const CASES: &[Binding] = &[
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous case",
        "föregående ärende"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next case",
        "nästa ärende"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first",
        "första"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last",
        "sista"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "open the case",
        "öppna ärendet"
    ),
    NOTES_KEY,
    SEARCH_KEY,
];

const MATRIX: &[Binding] = &[
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "body above",
        "organet ovanför"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "body below",
        "organet nedanför"
    ),
    bind!(
        Action::Left,
        [code(KeyCode::Left), k('h')],
        "column left",
        "kolumnen till vänster"
    ),
    bind!(
        Action::Right,
        [code(KeyCode::Right), k('l')],
        "column right",
        "kolumnen till höger"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first body",
        "första organet"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last body",
        "sista organet"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "read the position",
        "läs ställningstagandet"
    ),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab)],
        "matrix ↔ positions in the cell",
        "matris ↔ cellens ställningstaganden"
    ),
    bind!(
        Action::ToggleLens,
        [k('p')],
        "stances ↔ parties",
        "ställningstaganden ↔ partier"
    ),
    bind!(
        Action::ToggleEmpty,
        [k('e')],
        "show/hide empty columns",
        "visa/dölj tomma kolumner"
    ),
    bind!(
        Action::OpenCaseText,
        [k('c')],
        "read the case's own texts",
        "läs ärendets egna texter"
    ),
    bind!(
        Action::CopyPosition,
        [k('Y')],
        "copy the position with citation",
        "kopiera ställningstagandet med källa"
    ),
    NOTES_KEY,
    SEARCH_KEY,
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "back to the case list",
        "tillbaka till ärendelistan"
    ),
];

const READER: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next paragraph",
        "nästa stycke"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous paragraph",
        "föregående stycke"
    ),
    bind!(
        Action::LineDown,
        [ctrl('e')],
        "scroll down a line",
        "rulla ned en rad"
    ),
    bind!(
        Action::LineUp,
        [ctrl('y')],
        "scroll up a line",
        "rulla upp en rad"
    ),
    PAGE_DOWN,
    PAGE_UP,
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first paragraph",
        "första stycket"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last paragraph",
        "sista stycket"
    ),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy paragraph as a quote",
        "kopiera stycket som citat"
    ),
    bind!(
        Action::CopyPosition,
        [k('Y')],
        "copy the whole text",
        "kopiera hela texten"
    ),
    bind!(
        Action::AddToNotes,
        [k('a')],
        "add paragraph to the notes",
        "lägg stycket i anteckningarna"
    ),
    bind!(
        Action::ToggleVisual,
        [k('v')],
        "select sentences (then a or y)",
        "markera meningar (sedan a eller y)"
    ),
    bind!(
        Action::NextSameStance,
        [k(']')],
        "next position, same stance",
        "nästa med samma ställningstagande"
    ),
    bind!(
        Action::PrevSameStance,
        [k('[')],
        "previous position, same stance",
        "föregående med samma ställningstagande"
    ),
    bind!(
        Action::NextSameParty,
        [k('}')],
        "next position, same party",
        "nästa från samma parti"
    ),
    bind!(
        Action::PrevSameParty,
        [k('{')],
        "previous position, same party",
        "föregående från samma parti"
    ),
    bind!(
        Action::FollowLink,
        [k('f'), code(KeyCode::Enter)],
        "follow identical-to / concurs-with link",
        "följ länken (likalydande / instämmer)"
    ),
    bind!(
        Action::ToggleSimilar,
        [k('s'), code(KeyCode::Tab)],
        "similar texts (pane)",
        "liknande texter (panel)"
    ),
    bind!(
        Action::DiffRelative,
        [k('d')],
        "diff against the closest similar text",
        "jämför med den mest lika texten"
    ),
    bind!(
        Action::DiffBase,
        [k('D')],
        "diff against its family's base text",
        "jämför med familjens grundtext"
    ),
    bind!(
        Action::NextHit,
        [k('n')],
        "next search hit",
        "nästa sökträff"
    ),
    bind!(
        Action::PrevHit,
        [k('N')],
        "previous search hit",
        "föregående sökträff"
    ),
    NOTES_KEY_READER,
    SEARCH_KEY,
    bind!(
        Action::Back,
        [code(KeyCode::Esc), code(KeyCode::Backspace)],
        "back",
        "tillbaka"
    ),
];

const VISUAL: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "extend by a sentence",
        "utöka med en mening"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "shrink by a sentence",
        "minska med en mening"
    ),
    bind!(
        Action::ParagraphDown,
        [k('J'), code(KeyCode::PageDown)],
        "extend by a paragraph",
        "utöka med ett stycke"
    ),
    bind!(
        Action::ParagraphUp,
        [k('K'), code(KeyCode::PageUp)],
        "shrink by a paragraph",
        "minska med ett stycke"
    ),
    bind!(
        Action::AddToNotes,
        [k('a')],
        "add the selection to the notes",
        "lägg markeringen i anteckningarna"
    ),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy the selection as a quote",
        "kopiera markeringen som citat"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc), k('v')],
        "end the selection",
        "avsluta markeringen"
    ),
];

const SIMILAR: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next entry",
        "nästa"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous entry",
        "föregående"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first entry",
        "första"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last entry",
        "sista"
    ),
    bind!(Action::Open, [code(KeyCode::Enter)], "read it", "läs den"),
    bind!(
        Action::DiffRelative,
        [k('d'), k('D')],
        "diff against it",
        "jämför med den"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc), k('s'), code(KeyCode::Tab)],
        "back to the text",
        "tillbaka till texten"
    ),
];

const DIFF: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next paragraph",
        "nästa stycke"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous paragraph",
        "föregående stycke"
    ),
    bind!(
        Action::NextChange,
        [k(']'), k('n')],
        "next change",
        "nästa ändring"
    ),
    bind!(
        Action::PrevChange,
        [k('['), k('p')],
        "previous change",
        "föregående ändring"
    ),
    PAGE_DOWN,
    PAGE_UP,
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "start",
        "början"
    ),
    bind!(Action::Bottom, [k('G'), code(KeyCode::End)], "end", "slut"),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab), k('h'), k('l')],
        "cursor to the other side",
        "markören till andra sidan"
    ),
    bind!(
        Action::ToggleFold,
        [k('z')],
        "fold / unfold unchanged text",
        "fäll ihop / ut oförändrad text"
    ),
    bind!(
        Action::NextBase,
        [k('b')],
        "read against the next similar text",
        "jämför med nästa liknande text"
    ),
    bind!(Action::SwapSides, [k('x')], "swap the sides", "byt sida"),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy this side's paragraph as a quote",
        "kopiera den här sidans stycke som citat"
    ),
    bind!(
        Action::AddToNotes,
        [k('a')],
        "add this side's paragraph to the notes",
        "lägg den här sidans stycke i anteckningarna"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "read this side in full",
        "läs den här sidan i sin helhet"
    ),
    NOTES_KEY,
    SEARCH_KEY,
    bind!(Action::Back, [code(KeyCode::Esc)], "back", "tillbaka"),
];

const SEARCH: &[Binding] = &[
    bind!(
        Action::Submit,
        [code(KeyCode::Enter)],
        "open the hit",
        "öppna träffen"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), ctrl('n')],
        "next hit",
        "nästa träff"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), ctrl('p')],
        "previous hit",
        "föregående träff"
    ),
    bind!(
        Action::PageDown,
        [code(KeyCode::PageDown)],
        "ten hits down",
        "tio träffar ned"
    ),
    bind!(
        Action::PageUp,
        [code(KeyCode::PageUp)],
        "ten hits up",
        "tio träffar upp"
    ),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab)],
        "to the hits (y copy, a add to notes)",
        "till träffarna (y kopiera, a anteckna)"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "close (the query is kept)",
        "stäng (frågan sparas)"
    ),
    bind!(
        Action::Edit(TextEdit::Backspace),
        [code(KeyCode::Backspace), ctrl('h')],
        "delete left",
        "radera vänster"
    ),
    bind!(
        Action::Edit(TextEdit::Delete),
        [code(KeyCode::Delete), ctrl('d')],
        "delete right",
        "radera höger"
    ),
    bind!(
        Action::Edit(TextEdit::Left),
        [code(KeyCode::Left), ctrl('b')],
        "left",
        "vänster"
    ),
    bind!(
        Action::Edit(TextEdit::Right),
        [code(KeyCode::Right), ctrl('f')],
        "right",
        "höger"
    ),
    bind!(
        Action::Edit(TextEdit::Home),
        [code(KeyCode::Home), ctrl('a')],
        "start",
        "början"
    ),
    bind!(
        Action::Edit(TextEdit::End),
        [code(KeyCode::End), ctrl('e')],
        "end",
        "slut"
    ),
    bind!(
        Action::Edit(TextEdit::DeleteWordBack),
        [ctrl('w')],
        "delete word",
        "radera ord"
    ),
    bind!(
        Action::Edit(TextEdit::DeleteToStart),
        [ctrl('u')],
        "clear the query",
        "töm frågan"
    ),
    bind!(Action::Quit, [ctrl('c')], "quit", "avsluta"),
];

const SEARCH_LIST: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next hit",
        "nästa träff"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous hit",
        "föregående träff"
    ),
    bind!(
        Action::PageDown,
        [code(KeyCode::PageDown), k(' ')],
        "ten hits down",
        "tio träffar ned"
    ),
    bind!(
        Action::PageUp,
        [code(KeyCode::PageUp)],
        "ten hits up",
        "tio träffar upp"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first hit",
        "första träffen"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last hit",
        "sista träffen"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "open the hit",
        "öppna träffen"
    ),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy the paragraph as a quote",
        "kopiera stycket som citat"
    ),
    bind!(
        Action::AddToNotes,
        [k('a')],
        "add the paragraph to the notes",
        "lägg stycket i anteckningarna"
    ),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab), k('/')],
        "back to the query",
        "tillbaka till frågan"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "close (the query is kept)",
        "stäng (frågan sparas)"
    ),
    bind!(Action::Quit, [ctrl('c'), k('q')], "quit", "avsluta"),
];

const NOTES: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next item",
        "nästa"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous item",
        "föregående"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first item",
        "första"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last item",
        "sista"
    ),
    bind!(
        Action::MoveItemDown,
        [k('J')],
        "move the item down",
        "flytta ned"
    ),
    bind!(
        Action::MoveItemUp,
        [k('K')],
        "move the item up",
        "flytta upp"
    ),
    bind!(
        Action::NewHeading,
        [k('h')],
        "new heading above",
        "ny rubrik ovanför"
    ),
    bind!(
        Action::EditItem,
        [k('e'), k('c')],
        "edit heading / comment",
        "redigera rubrik / kommentar"
    ),
    bind!(
        Action::Delete,
        [k('d'), code(KeyCode::Delete)],
        "delete (u undoes)",
        "ta bort (u ångrar)"
    ),
    bind!(Action::Undo, [k('u')], "undo", "ångra"),
    bind!(Action::Redo, [ctrl('r')], "redo", "gör om"),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "go to the quoted text",
        "gå till den citerade texten"
    ),
    bind!(
        Action::CopyParagraph,
        [k('y')],
        "copy the quote with citation",
        "kopiera citatet med källa"
    ),
    bind!(
        Action::CopyAll,
        [k('Y')],
        "copy all notes",
        "kopiera alla anteckningar"
    ),
    bind!(
        Action::Export,
        [k('E')],
        "export as Markdown",
        "exportera som Markdown"
    ),
    SEARCH_KEY,
    bind!(
        Action::Back,
        [code(KeyCode::Esc), k('A'), k('N')],
        "back",
        "tillbaka"
    ),
];

const PROMPT: &[Binding] = &[
    bind!(Action::Submit, [code(KeyCode::Enter)], "done", "klart"),
    bind!(Action::Back, [code(KeyCode::Esc)], "cancel", "avbryt"),
    bind!(
        Action::Edit(TextEdit::Backspace),
        [code(KeyCode::Backspace), ctrl('h')],
        "delete left",
        "radera vänster"
    ),
    bind!(
        Action::Edit(TextEdit::Delete),
        [code(KeyCode::Delete), ctrl('d')],
        "delete right",
        "radera höger"
    ),
    bind!(
        Action::Edit(TextEdit::Left),
        [code(KeyCode::Left), ctrl('b')],
        "left",
        "vänster"
    ),
    bind!(
        Action::Edit(TextEdit::Right),
        [code(KeyCode::Right), ctrl('f')],
        "right",
        "höger"
    ),
    bind!(
        Action::Edit(TextEdit::WordLeft),
        [alt('b')],
        "word left",
        "ord vänster"
    ),
    bind!(
        Action::Edit(TextEdit::WordRight),
        [alt('f')],
        "word right",
        "ord höger"
    ),
    bind!(
        Action::Edit(TextEdit::Home),
        [code(KeyCode::Home), ctrl('a')],
        "start",
        "början"
    ),
    bind!(
        Action::Edit(TextEdit::End),
        [code(KeyCode::End), ctrl('e')],
        "end",
        "slut"
    ),
    bind!(
        Action::Edit(TextEdit::DeleteWordBack),
        [ctrl('w')],
        "delete word",
        "radera ord"
    ),
    bind!(
        Action::Edit(TextEdit::DeleteToStart),
        [ctrl('u')],
        "delete to start",
        "radera till början"
    ),
    bind!(Action::Quit, [ctrl('c')], "quit", "avsluta"),
];

const CONFIRM: &[Binding] = &[
    bind!(Action::Confirm(true), [k('y'), k('j')], "yes", "ja"),
    bind!(
        Action::Confirm(false),
        [k('n'), code(KeyCode::Esc)],
        "no",
        "nej"
    ),
    bind!(Action::Quit, [ctrl('c')], "quit", "avsluta"),
];

const HELP: &[Binding] = &[bind!(
    Action::ToggleHelp,
    [code(KeyCode::Esc), k('?')],
    "close help",
    "stäng hjälpen"
)];

/// The bindings of a mode: its own first, then the global ones where they apply.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    let own: &[Binding] = match mode {
        Mode::Help => HELP,
        Mode::Prompt => PROMPT,
        Mode::Confirm => CONFIRM,
        Mode::Visual => VISUAL,
        Mode::Similar => SIMILAR,
        Mode::Search => SEARCH,
        Mode::SearchList => SEARCH_LIST,
        Mode::Screen(Screen::Cases) => CASES,
        Mode::Screen(Screen::Matrix) => MATRIX,
        Mode::Screen(Screen::Reader) => READER,
        Mode::Screen(Screen::Notes) => NOTES,
        Mode::Screen(Screen::Diff) => DIFF,
    };
    let global: &[Binding] = match mode {
        // Typing text: only Ctrl-C (in the mode's own table) is not text.
        Mode::Prompt | Mode::Confirm | Mode::Search | Mode::SearchList => &[],
        Mode::Help => &GLOBAL[1..],
        _ => GLOBAL,
    };
    own.iter().chain(global.iter())
}

/// The action for a key press in a mode, if any. In a text prompt, a plain character is
/// typed.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    let (code, mods) = normalise(key);
    let bound = bindings(mode)
        .find(|b| b.keys.iter().any(|k| k.0 == code && k.1 == mods))
        .map(|b| b.action.clone());
    match (bound, mode, code) {
        (Some(a), _, _) => Some(a),
        (None, Mode::Prompt | Mode::Search, KeyCode::Char(c)) if mods.is_empty() => {
            Some(Action::Edit(TextEdit::Insert(c)))
        }
        _ => None,
    }
}

/// Shift is part of an upper-case character; keep only Control and Alt for comparison.
fn normalise(key: KeyEvent) -> (KeyCode, KeyModifiers) {
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    (key.code, mods)
}

/// How a key is written in help and the status bar.
pub fn key_label(key: &Key) -> String {
    let base = match key.0 {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    if key.1.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{base}")
    } else if key.1.contains(KeyModifiers::ALT) {
        format!("Alt-{base}")
    } else {
        base
    }
}

/// Help rows for a mode: keys and description in the UI language.
pub fn help_rows(mode: Mode, lang: Lang) -> Vec<(String, &'static str)> {
    bindings(mode)
        .map(|b| {
            let keys = b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ");
            (keys, lang.pick(b.en, b.sv))
        })
        .collect()
}

/// The few keys the status bar shows in a mode, with short labels (the keys themselves come
/// from the bindings, so they cannot drift).
pub fn status_hints(mode: Mode, lang: Lang) -> String {
    type Hint = (Action, &'static str, &'static str);
    let wanted: &[Hint] = match mode {
        Mode::Help => &[(Action::ToggleHelp, "close help", "stäng hjälpen")],
        Mode::Prompt => &[
            (Action::Submit, "done", "klart"),
            (Action::Back, "cancel", "avbryt"),
        ],
        Mode::Confirm => &[
            (Action::Confirm(true), "yes", "ja"),
            (Action::Confirm(false), "no", "nej"),
        ],
        Mode::Visual => &[
            (Action::Down, "sentence", "mening"),
            (Action::ParagraphDown, "paragraph", "stycke"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::Back, "cancel", "avbryt"),
        ],
        Mode::Search => &[
            (Action::Submit, "open", "öppna"),
            (Action::Down, "next", "nästa"),
            (Action::NextPane, "to the hits", "till träffarna"),
            (Action::Back, "close", "stäng"),
        ],
        Mode::SearchList => &[
            (Action::Open, "open", "öppna"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::NextPane, "query", "frågan"),
            (Action::Back, "close", "stäng"),
        ],
        Mode::Similar => &[
            (Action::Open, "read", "läs"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::Back, "back", "tillbaka"),
        ],
        Mode::Screen(Screen::Diff) => &[
            (Action::NextChange, "next change", "nästa ändring"),
            (Action::NextPane, "side", "sida"),
            (Action::ToggleFold, "fold", "fäll ihop"),
            (Action::NextBase, "other base", "annan bas"),
            (Action::CopyParagraph, "copy", "kopiera"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
        Mode::Screen(Screen::Cases) => &[
            (Action::Open, "open", "öppna"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::ToggleHelp, "help", "hjälp"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Matrix) => &[
            (Action::Open, "read", "läs"),
            (Action::ToggleLens, "parties", "partier"),
            (Action::OpenCaseText, "case text", "ärendets text"),
            (Action::OpenNotes, "notes", "anteckningar"),
            (Action::OpenSearch, "search", "sök"),
            (Action::ToggleHelp, "help", "hjälp"),
            (Action::Quit, "quit", "avsluta"),
        ],
        Mode::Screen(Screen::Reader) => &[
            (Action::CopyParagraph, "copy quote", "kopiera citat"),
            (Action::AddToNotes, "add to notes", "till anteckningar"),
            (Action::ToggleVisual, "select", "markera"),
            (Action::DiffRelative, "diff", "jämför"),
            (Action::NextSameStance, "next", "nästa"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
        Mode::Screen(Screen::Notes) => &[
            (Action::NewHeading, "heading", "rubrik"),
            (Action::EditItem, "comment", "kommentar"),
            (Action::MoveItemDown, "move", "flytta"),
            (Action::Delete, "delete", "ta bort"),
            (Action::Export, "export", "exportera"),
            (Action::Back, "back", "tillbaka"),
            (Action::ToggleHelp, "help", "hjälp"),
        ],
    };
    wanted
        .iter()
        .filter_map(|(action, en, sv)| {
            let b = bindings(mode).find(|b| b.action == *action)?;
            Some(format!("{} {}", key_label(&b.keys[0]), lang.pick(en, sv)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn shifted_letters_and_control_keys() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        let matrix = Mode::Screen(Screen::Matrix);
        let reader = Mode::Screen(Screen::Reader);
        assert_eq!(action_for(matrix, g), Some(Action::Bottom));
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(reader, cc), Some(Action::Quit));
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(action_for(reader, x), None);
    }

    const MODES: [Mode; 12] = [
        Mode::Search,
        Mode::SearchList,
        Mode::Help,
        Mode::Prompt,
        Mode::Confirm,
        Mode::Visual,
        Mode::Similar,
        Mode::Screen(Screen::Diff),
        Mode::Screen(Screen::Cases),
        Mode::Screen(Screen::Matrix),
        Mode::Screen(Screen::Reader),
        Mode::Screen(Screen::Notes),
    ];

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in MODES {
            let keys: Vec<Key> = bindings(mode)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{mode:?}: {a:?} bound twice");
            }
        }
    }

    #[test]
    fn help_lists_every_binding() {
        for mode in MODES {
            let rows = help_rows(mode, Lang::En);
            assert_eq!(rows.len(), bindings(mode).count());
        }
        let rows = help_rows(Mode::Screen(Screen::Reader), Lang::En);
        assert!(rows.iter().any(|(k, d)| k == "y" && d.contains("quote")));
    }

    #[test]
    fn every_status_hint_names_a_bound_key() {
        for mode in MODES {
            let hints = status_hints(mode, Lang::Sv);
            assert!(!hints.is_empty(), "{mode:?}");
            assert!(!hints.contains("  "), "{mode:?}: {hints}");
        }
        assert_eq!(
            status_hints(Mode::Screen(Screen::Matrix), Lang::En),
            "Enter read · p parties · c case text · A notes · / search · ? help · q quit"
        );
    }

    #[test]
    fn a_prompt_types_letters_that_are_keys_elsewhere() {
        for c in ['q', '?', 'j', 'N', 'å', '/'] {
            let key = press(KeyCode::Char(c), KeyModifiers::NONE);
            for mode in [Mode::Prompt, Mode::Search] {
                assert_eq!(
                    action_for(mode, key),
                    Some(Action::Edit(TextEdit::Insert(c)))
                );
            }
        }
        let cc = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Mode::Prompt, cc), Some(Action::Quit));
    }
}
