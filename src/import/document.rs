//! Reading the document to import: a text file, or a PDF through poppler's `pdftotext`.

use crate::i18n::Lang;
use std::path::Path;
use std::process::Command;

/// A document larger than this is refused unread (a 15-page statement is about 100 KB of
/// text; its PDF well under 1 MB).
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// The program that turns a PDF into text.
pub const PDFTOTEXT: &str = "pdftotext";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentError {
    /// The file cannot be read.
    Unreadable {
        reason: crate::atomic::FileError,
    },
    TooLarge {
        bytes: u64,
    },
    /// A text file that is not UTF-8: the first bad byte and where it is.
    NotUtf8 {
        byte: u8,
        line: usize,
        column: usize,
    },
    /// A file with NUL bytes that is not a PDF.
    Binary,
    /// `pdftotext` is not installed.
    NoPdftotext,
    /// `pdftotext` failed; what it said.
    PdftotextFailed {
        detail: String,
    },
}

impl DocumentError {
    /// The message, in `lang`; text from outside (an OS or pdftotext message) is included as
    /// is: escape it before printing.
    pub fn message(&self, lang: Lang) -> String {
        use DocumentError::*;
        match (self, lang) {
            (Unreadable { reason }, Lang::En) => format!("cannot read: {}", lang.file_error(reason)),
            (Unreadable { reason }, Lang::Sv) => {
                format!("kan inte läsa: {}", lang.file_error(reason))
            }
            (TooLarge { bytes }, Lang::En) => format!(
                "the file is {:.1} MiB; a document to import may be at most {} MiB",
                *bytes as f64 / 1048576.0,
                MAX_DOCUMENT_BYTES / 1048576
            ),
            (TooLarge { bytes }, Lang::Sv) => format!(
                "filen är {:.1} MiB; ett dokument att importera får vara högst {} MiB",
                *bytes as f64 / 1048576.0,
                MAX_DOCUMENT_BYTES / 1048576
            ),
            (NotUtf8 { byte, line, column }, Lang::En) => format!(
                "line {line}, column {column}: the file is not valid UTF-8 (byte 0x{byte:02X}); save it as UTF-8"
            ),
            (NotUtf8 { byte, line, column }, Lang::Sv) => format!(
                "rad {line}, kolumn {column}: filen är inte giltig UTF-8 (byte 0x{byte:02X}); spara den som UTF-8"
            ),
            (Binary, Lang::En) => {
                "this is a binary file, neither text nor PDF (NUL byte)".into()
            }
            (Binary, Lang::Sv) => "detta är en binärfil, varken text eller PDF (NUL-byte)".into(),
            (NoPdftotext, Lang::En) => "reading a PDF needs `pdftotext` from poppler, which is not installed: \
                 `sudo apt install poppler-utils` (Debian, Ubuntu) or `brew install poppler` (macOS); \
                 or save the PDF as text and import the .txt"
                .into(),
            (NoPdftotext, Lang::Sv) => "för att läsa en PDF behövs `pdftotext` från poppler, som inte är installerat: \
                 `sudo apt install poppler-utils` (Debian, Ubuntu) eller `brew install poppler` (macOS); \
                 eller spara PDF:en som text och importera .txt-filen"
                .into(),
            (PdftotextFailed { detail }, Lang::En) => {
                format!("pdftotext could not read the PDF: {detail}")
            }
            (PdftotextFailed { detail }, Lang::Sv) => {
                format!("pdftotext kunde inte läsa PDF:en: {detail}")
            }
        }
    }
}

/// Whether the file is a PDF: by its first bytes, else by its extension.
pub fn is_pdf(path: &Path, head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The text of a document: a UTF-8 text file as it is (a leading BOM dropped), a PDF as
/// `pdftotext -enc UTF-8` gives it.
pub fn read_document(path: &Path) -> Result<String, DocumentError> {
    use crate::atomic::{ReadError, read_regular};
    // Only a regular file (a FIFO or a device would block or never end), to a limit.
    let bytes = read_regular(path, MAX_DOCUMENT_BYTES).map_err(|e| match e {
        ReadError::TooLarge {
            size: Some(bytes), ..
        } => DocumentError::TooLarge { bytes },
        other => DocumentError::Unreadable {
            reason: other.reason(),
        },
    })?;
    if is_pdf(path, &bytes[..bytes.len().min(8)]) {
        return pdf_to_text(path);
    }
    text_of(&bytes)
}

/// Bytes of a text file to text.
pub fn text_of(bytes: &[u8]) -> Result<String, DocumentError> {
    if bytes.contains(&0) {
        return Err(DocumentError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let before = &bytes[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |k| k + 1);
            let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
            Err(DocumentError::NotUtf8 {
                byte: bytes[at],
                line,
                column,
            })
        }
    }
}

fn pdf_to_text(path: &Path) -> Result<String, DocumentError> {
    let out = Command::new(PDFTOTEXT)
        .args(["-enc", "UTF-8", "-eol", "unix"])
        .arg(path)
        .arg("-")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DocumentError::NoPdftotext,
            _ => DocumentError::PdftotextFailed {
                detail: e.to_string(),
            },
        })?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let detail = said
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(3)
            .collect::<Vec<_>>()
            .join("; ");
        return Err(DocumentError::PdftotextFailed {
            detail: if detail.is_empty() {
                format!("exit status {}", out.status)
            } else {
                detail
            },
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files() {
        assert_eq!(text_of("\u{feff}Hej".as_bytes()).unwrap(), "Hej");
        assert_eq!(text_of(b"a\0b"), Err(DocumentError::Binary));
        assert_eq!(
            text_of(b"rad 1\nr\xE5d 2"),
            Err(DocumentError::NotUtf8 {
                byte: 0xE5,
                line: 2,
                column: 2
            })
        );
    }

    #[test]
    fn pdf_by_magic_or_extension() {
        assert!(is_pdf(Path::new("a.txt"), b"%PDF-1.4"));
        assert!(is_pdf(Path::new("a.PDF"), b""));
        assert!(!is_pdf(Path::new("a.txt"), b"Utl"));
    }
}
