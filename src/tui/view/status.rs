//! The status bar: where you are, the keys that matter now, and messages.

use crate::i18n::Lang;
use crate::tui::app::{App, Mode, Screen};
use crate::tui::keymap;
use crate::tui::layout::{self, Doc};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Where the user is, e.g. `KS 2025/1121 › Socialnämnden › Reservation ¶1/2`.
pub fn place(app: &App) -> String {
    let case = app.current_case();
    let lang = app.lang;
    match app.screen {
        Screen::Cases => lang.pick("Cases", "Ärenden").to_string(),
        Screen::Matrix => case.dnr.clone(),
        Screen::Notes => {
            let n = app.notes[app.case].notes.items.len();
            format!(
                "{} › {} ({n})",
                case.dnr,
                lang.pick("Notes", "Anteckningar")
            )
        }
        Screen::Diff => format!("{} › {}", case.dnr, lang.pick("Diff", "Jämförelse")),
        Screen::Reader => match &app.reader {
            Some(r) => {
                let n = layout::paragraphs(case, r.doc).len();
                let at = (r.paragraph + 1).min(n);
                let what = match r.doc {
                    Doc::Position(p) => {
                        let p = &case.positions[p];
                        format!("{} › {}", case.body(p).name, lang.stance(p.stance))
                    }
                    Doc::CaseText => lang.pick("Case text", "Ärendets text").to_string(),
                };
                let visual = if r.visual.is_some() {
                    lang.pick(" · SELECTING", " · MARKERAR")
                } else {
                    ""
                };
                format!("{} › {what} ¶{at}/{n}{visual}", case.dnr)
            }
            None => case.dnr.clone(),
        },
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut place = place(app);
    place.push_str("  ");
    let right = match &app.status {
        Some(s) => Span::styled(
            s.text.clone(),
            if s.error { theme.error } else { theme.status },
        ),
        None => Span::styled(hints(app.mode(), app.lang), theme.status),
    };
    let line = Line::from(vec![
        Span::styled(place, theme.status.patch(theme.heading)),
        right,
    ]);
    frame.render_widget(
        ratatui::widgets::Paragraph::new(line).style(theme.status),
        area,
    );
}

fn hints(mode: Mode, lang: Lang) -> String {
    keymap::status_hints(mode, lang)
}
