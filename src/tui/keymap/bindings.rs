//! Every binding, one row each: the action, its keys, and what the help says in English and
//! Swedish. The text-editing keys are defined once and shared by the prompt and the search.

use super::Mode;
use crate::tui::action::{Action, TextEdit};
use crate::tui::screens::Screen;
use crossterm::event::{KeyCode, KeyModifiers};

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

/// Help: `?`, and F1, which works while typing too.
const HELP_KEY: Binding = bind!(
    Action::ToggleHelp,
    [k('?'), code(KeyCode::F(1))],
    "help: the keys and marks here",
    "hjälp: tangenterna och tecknen här"
);

/// While typing, `?` is text: help is on F1.
const HELP_KEY_TYPING: Binding = bind!(
    Action::ToggleHelp,
    [code(KeyCode::F(1))],
    "help: the keys and marks here",
    "hjälp: tangenterna och tecknen här"
);

const QUIT: Binding = bind!(Action::Quit, [k('q'), ctrl('c')], "quit", "avsluta");

/// While typing, `q` is text: quit is Ctrl-C.
const QUIT_TYPING: Binding = bind!(Action::Quit, [ctrl('c')], "quit", "avsluta");

/// Ctrl-Z, as in any terminal program (in raw mode it is a key, not the terminal's signal).
const SUSPEND: Binding = bind!(
    Action::Suspend,
    [ctrl('z')],
    "suspend (the shell's fg resumes)",
    "pausa (skalets fg fortsätter)"
);

const GLOBAL: &[Binding] = &[HELP_KEY, QUIT, SUSPEND];

/// The actions that mean the same on every screen, with their keys there: the configuration's
/// `[keys.global]`.
pub const EVERYWHERE: &[Binding] = &[HELP_KEY, QUIT, SUSPEND, NOTES_KEY, SEARCH_KEY];

/// Typing text: only F1 and Ctrl-C are not text.
const GLOBAL_TYPING: &[Binding] = &[HELP_KEY_TYPING, QUIT_TYPING, SUSPEND];

/// A yes/no question: `q` quits only as Ctrl-C does elsewhere in a prompt.
const GLOBAL_QUESTION: &[Binding] = &[HELP_KEY, QUIT_TYPING, SUSPEND];

/// The debate notes are on `A` on every screen (`N` is the previous search hit).
const NOTES_KEY: Binding = bind!(
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

/// Editing a line of text: the prompt and the search's query share these.
const TEXT_EDITING: &[Binding] = &[
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
];

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
    bind!(
        Action::OpenCrossCase,
        [k('p')],
        "cases × parties: each party's stances on every case",
        "ärenden × partier: varje partis ställningstaganden i alla ärenden"
    ),
    NOTES_KEY,
    SEARCH_KEY,
];

const CROSS_CASE: &[Binding] = &[
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "case above",
        "ärendet ovanför"
    ),
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "case below",
        "ärendet nedanför"
    ),
    bind!(
        Action::Left,
        [code(KeyCode::Left), k('h')],
        "party left",
        "partiet till vänster"
    ),
    bind!(
        Action::Right,
        [code(KeyCode::Right), k('l')],
        "party right",
        "partiet till höger"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first case",
        "första ärendet"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last case",
        "sista ärendet"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "open the case on the party's column",
        "öppna ärendet på partiets kolumn"
    ),
    bind!(
        Action::Filter,
        [k('F')],
        "filter: search words, from:DATE to:DATE",
        "filtrera: sökord, from:DATUM to:DATUM"
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

const ELSEWHERE: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next place",
        "nästa ställe"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous place",
        "föregående ställe"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first (earliest)",
        "första (tidigaste)"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last",
        "sista"
    ),
    bind!(Action::Open, [code(KeyCode::Enter)], "read it", "läs den"),
    bind!(
        Action::DiffRelative,
        [k('d')],
        "diff the text read against it",
        "jämför texten som läses med den"
    ),
    bind!(
        Action::NextPane,
        [code(KeyCode::Tab)],
        "this paragraph ↔ the whole text",
        "detta stycke ↔ hela texten"
    ),
    NOTES_KEY,
    SEARCH_KEY,
    bind!(Action::Back, [code(KeyCode::Esc)], "back", "tillbaka"),
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
        "lens: stances → parties (→ decision points)",
        "vy: ställningstaganden → partier (→ beslutspunkter)"
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
    bind!(
        Action::OpenReview,
        [k('r')],
        "review the imported facts (! ~)",
        "granska de importerade fakta (! ~)"
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
        "select sentences (then {visual:add-to-notes} or {visual:copy-paragraph})",
        "markera meningar (sedan {visual:add-to-notes} eller {visual:copy-paragraph})"
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
        "diff against the closest near-identical text",
        "jämför med den närmaste nästan identiska texten"
    ),
    bind!(
        Action::DiffBase,
        [k('D')],
        "diff against its family's base text",
        "jämför med familjens grundtext"
    ),
    bind!(
        Action::OpenElsewhere,
        [k('e')],
        "this text elsewhere: other cases with this paragraph",
        "samma text på andra ställen: andra ärenden med stycket"
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
    NOTES_KEY,
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
        "read against the next near-identical text",
        "jämför med nästa nästan identiska text"
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
        "to the hits ({search-list:copy-paragraph} copy, {search-list:add-to-notes} add to notes)",
        "till träffarna ({search-list:copy-paragraph} kopiera, {search-list:add-to-notes} anteckna)"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "close (the query is kept)",
        "stäng (frågan sparas)"
    ),
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
        [code(KeyCode::Tab)],
        "back to the query",
        "tillbaka till frågan"
    ),
    bind!(
        Action::OpenSearch,
        [k('/')],
        "back to the query",
        "tillbaka till frågan"
    ),
    bind!(
        Action::Back,
        [code(KeyCode::Esc)],
        "close (the query is kept)",
        "stäng (frågan sparas)"
    ),
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
        "delete ({undo} undoes)",
        "ta bort ({undo} ångrar)"
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
    bind!(
        Action::ExportDocx,
        [k('W')],
        "export as Word (.docx)",
        "exportera som Word (.docx)"
    ),
    bind!(
        Action::ExportReport,
        [k('R')],
        "write the HTML report (the cases with their notes)",
        "skriv HTML-rapporten (ärendena med anteckningarna)"
    ),
    SEARCH_KEY,
    bind!(Action::Back, [code(KeyCode::Esc)], "back", "tillbaka"),
    bind!(
        Action::OpenNotes,
        [k('A')],
        "close the notes",
        "stäng anteckningarna"
    ),
];

const REVIEW: &[Binding] = &[
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
    bind!(
        Action::ReviewConfirm,
        [k('c')],
        "confirm: the fact is right (written at once)",
        "bekräfta: faktumet stämmer (skrivs direkt)"
    ),
    bind!(
        Action::ReviewStance,
        [k('s')],
        "another stance…",
        "annat ställningstagande …"
    ),
    bind!(
        Action::ReviewParty,
        [k('p')],
        "another party…",
        "annat parti …"
    ),
    bind!(
        Action::ReviewAssign,
        [k('m')],
        "move the paragraph to a body or position…",
        "flytta stycket till ett organ eller ställningstagande …"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "read where it stands",
        "läs var det står"
    ),
    bind!(
        Action::PageDown,
        [code(KeyCode::PageDown), k(' ')],
        "scroll the evidence down",
        "rulla belägget nedåt"
    ),
    bind!(
        Action::PageUp,
        [code(KeyCode::PageUp)],
        "scroll the evidence up",
        "rulla belägget uppåt"
    ),
    NOTES_KEY,
    SEARCH_KEY,
    bind!(Action::Back, [code(KeyCode::Esc)], "back", "tillbaka"),
];

/// The review's picker: a stance, a party or a destination.
const PICK: &[Binding] = &[
    bind!(
        Action::Down,
        [code(KeyCode::Down), k('j')],
        "next choice",
        "nästa val"
    ),
    bind!(
        Action::Up,
        [code(KeyCode::Up), k('k')],
        "previous choice",
        "föregående val"
    ),
    bind!(
        Action::Top,
        [k('g'), code(KeyCode::Home)],
        "first choice",
        "första valet"
    ),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "last choice",
        "sista valet"
    ),
    bind!(
        Action::Open,
        [code(KeyCode::Enter)],
        "write this choice to the case file",
        "skriv valet till ärendefilen"
    ),
    bind!(Action::Back, [code(KeyCode::Esc)], "cancel", "avbryt"),
];

const PROMPT: &[Binding] = &[
    bind!(Action::Submit, [code(KeyCode::Enter)], "done", "klart"),
    bind!(Action::Back, [code(KeyCode::Esc)], "cancel", "avbryt"),
];

const CONFIRM: &[Binding] = &[
    bind!(Action::Confirm(true), [k('y'), k('j')], "yes", "ja"),
    bind!(
        Action::Confirm(false),
        [k('n'), code(KeyCode::Esc)],
        "no",
        "nej"
    ),
];

const HELP: &[Binding] = &[
    bind!(
        Action::ToggleHelp,
        [code(KeyCode::Esc), k('?'), code(KeyCode::F(1))],
        "close help",
        "stäng hjälpen"
    ),
    bind!(
        Action::ScrollDown,
        [code(KeyCode::Down), k('j')],
        "scroll down",
        "rulla ned"
    ),
    bind!(
        Action::ScrollUp,
        [code(KeyCode::Up), k('k')],
        "scroll up",
        "rulla upp"
    ),
    bind!(
        Action::PageDown,
        [code(KeyCode::PageDown), k(' ')],
        "page down",
        "sida ned"
    ),
    bind!(
        Action::PageUp,
        [code(KeyCode::PageUp)],
        "page up",
        "sida upp"
    ),
    bind!(Action::Top, [k('g'), code(KeyCode::Home)], "top", "början"),
    bind!(
        Action::Bottom,
        [k('G'), code(KeyCode::End)],
        "bottom",
        "slutet"
    ),
];

/// The bindings of a mode: its own first, then those it shares (text editing), then the
/// global ones where they apply.
pub fn of(mode: Mode) -> impl Iterator<Item = &'static Binding> {
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
        Mode::Screen(Screen::Review) => REVIEW,
        Mode::Pick => PICK,
        Mode::Screen(Screen::CrossCase) => CROSS_CASE,
        Mode::Screen(Screen::Elsewhere) => ELSEWHERE,
    };
    let shared: &[Binding] = match mode {
        Mode::Prompt | Mode::Search => TEXT_EDITING,
        _ => &[],
    };
    let global: &[Binding] = match mode {
        Mode::Prompt | Mode::Search => GLOBAL_TYPING,
        Mode::Confirm => GLOBAL_QUESTION,
        // The help's own table closes it with `?`.
        Mode::Help => &GLOBAL[1..],
        _ => GLOBAL,
    };
    own.iter().chain(shared).chain(global)
}
