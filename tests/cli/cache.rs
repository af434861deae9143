//! The search cache through the real binary: `remiss search` on a folder of generated cases,
//! with `REMISS_CACHE_DIR` in a temporary folder (the real cache is never touched).

use crate::cmd::output;
use remiss_corpus as corpus;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};
use tempfile::TempDir;

/// A folder of cases and a cache folder for one test.
struct Setup {
    cases: TempDir,
    cache: TempDir,
}

/// Set a file's modification time a minute back: remiss caches only files that have not just
/// changed.
fn age(path: &Path) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(SystemTime::now() - Duration::from_secs(60))
        .unwrap();
}

fn setup(n: usize) -> Setup {
    let cases = tempfile::tempdir().unwrap();
    for i in 0..n {
        let path = cases.path().join(corpus::case_file_name(i));
        std::fs::write(&path, corpus::generate_case(11, i)).unwrap();
        age(&path);
    }
    Setup {
        cases,
        cache: tempfile::tempdir().unwrap(),
    }
}

impl Setup {
    /// The binary with this test's own cache folder.
    fn remiss(&self) -> Command {
        let mut cmd = crate::cmd::remiss();
        cmd.env("REMISS_CACHE_DIR", self.cache.path());
        cmd
    }

    /// `remiss search CASES QUERY EXTRA…`.
    fn search_cmd(&self, query: &str, extra: &[&str]) -> Command {
        let mut cmd = self.remiss();
        cmd.arg("search")
            .arg(self.cases.path())
            .arg(query)
            .args(extra);
        cmd
    }

    /// Run `remiss search CASES QUERY EXTRA…`: exit code, stdout, stderr.
    fn search(&self, query: &str, extra: &[&str]) -> (i32, String, String) {
        output(&mut self.search_cmd(query, extra))
    }

    /// Exit code of `remiss check CASES`.
    fn check(&self) -> i32 {
        let mut cmd = self.remiss();
        cmd.arg("check").arg(self.cases.path());
        output(&mut cmd).0
    }

    /// The cache files there are.
    fn cache_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.cache.path()) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The one cache file, its bytes and modification time.
    fn cache_file(&self) -> (PathBuf, Vec<u8>, SystemTime) {
        let files = self.cache_files();
        assert_eq!(files.len(), 1, "{files:?}");
        let f = files[0].clone();
        let modified = std::fs::metadata(&f).unwrap().modified().unwrap();
        (f.clone(), std::fs::read(&f).unwrap(), modified)
    }

    fn case_file(&self, i: usize) -> PathBuf {
        self.cases.path().join(corpus::case_file_name(i))
    }
}

/// Successful output, with hits.
fn ok((code, out, err): (i32, String, String)) -> String {
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(!out.is_empty());
    out
}

#[test]
fn the_second_search_reads_the_cache_and_prints_the_same() {
    let s = setup(3);
    let text = ok(s.search("trygghetskiosk", &[]));
    let json = ok(s.search("bostad", &["--format", "json", "--limit", "0"]));
    let (_, bytes, modified) = s.cache_file();
    assert!(bytes.starts_with(b"remiss\0c"));
    for _ in 0..2 {
        assert_eq!(ok(s.search("trygghetskiosk", &[])), text);
        assert_eq!(
            ok(s.search("bostad", &["--format", "json", "--limit", "0"])),
            json
        );
    }
    // Read, not rewritten: a run that loaded the files would have written it again.
    let (_, again, modified_again) = s.cache_file();
    assert_eq!((again, modified_again), (bytes, modified));
    // The same without the cache.
    assert_eq!(ok(s.search("trygghetskiosk", &["--no-cache"])), text);
}

#[test]
fn an_edited_case_file_is_searched_as_it_is_now() {
    let s = setup(2);
    let before = ok(s.search("trygghetskiosk", &[]));
    let (_, _, first_write) = s.cache_file();
    let (code, _, err) = s.search("zyxwordnew", &[]);
    assert_eq!((code, err.as_str()), (0, "no paragraph matches\n"));

    // Add a word to a paragraph: same file, new size and time.
    let file = s.case_file(1);
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("text = \"\"\"\n", "text = \"\"\"\nZyxwordnew. ", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, &edited).unwrap();
    let found = ok(s.search("zyxwordnew", &[]));
    assert!(found.contains("Zyxwordnew"), "{found}");
    // Just written, so not cached yet; once it has settled, cached again.
    let (_, _, still) = s.cache_file();
    assert_eq!(still, first_write);
    age(&file);
    assert_eq!(ok(s.search("zyxwordnew", &[])), found);
    let (_, rewritten, second_write) = s.cache_file();
    assert_ne!(second_write, first_write);
    assert_eq!(ok(s.search("zyxwordnew", &[])), found);
    assert_eq!(s.cache_file().1, rewritten);

    // A file removed: its hits are gone.
    std::fs::remove_file(&file).unwrap();
    let (code, _, _) = s.search("zyxwordnew", &[]);
    assert_eq!(code, 0);
    assert_ne!(ok(s.search("trygghetskiosk", &[])), before);
}

#[test]
fn a_garbage_or_cut_cache_file_is_ignored_and_replaced() {
    let s = setup(2);
    let out = ok(s.search("trygghetskiosk", &[]));
    let (file, good, _) = s.cache_file();
    let garbage: Vec<u8> = (0..good.len()).map(|i| (i * 7 + 3) as u8).collect();
    for bad in [
        garbage,
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        b"remiss\0c".to_vec(),
    ] {
        std::fs::write(&file, &bad).unwrap();
        assert_eq!(ok(s.search("trygghetskiosk", &[])), out);
        let (_, replaced, _) = s.cache_file();
        assert_eq!(replaced.len(), good.len(), "written anew");
        assert_eq!(ok(s.search("trygghetskiosk", &[])), out);
    }
    // A byte changed inside: the checksum catches it.
    let mut changed = good.clone();
    let at = changed.len() - 1000;
    changed[at] ^= 0x20;
    std::fs::write(&file, &changed).unwrap();
    assert_eq!(ok(s.search("trygghetskiosk", &[])), out);
    assert_eq!(s.cache_file().1.len(), good.len());
}

#[test]
fn problems_are_reported_on_every_run_and_not_cached() {
    let s = setup(2);
    let bad = s.cases.path().join("broken.toml");
    std::fs::write(&bad, "format = 1\n[case]\ndnr = \"KS 1\"\n").unwrap();
    age(&bad);
    for _ in 0..2 {
        let (code, out, err) = s.search("trygghetskiosk", &[]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("broken.toml"), "{err}");
        assert!(!out.is_empty(), "the good files are still searched");
    }
    assert!(s.cache_files().is_empty());
}

#[test]
fn no_cache_is_written_when_told_not_to() {
    let s = setup(1);
    let out = ok(s.search("trygghetskiosk", &["--no-cache"]));
    let mut by_env = s.search_cmd("trygghetskiosk", &[]);
    by_env.env("REMISS_NO_CACHE", "1");
    assert_eq!(ok(output(&mut by_env)), out);
    assert!(s.cache_files().is_empty());
    // `remiss check` reads every file whatever the cache holds.
    ok(s.search("trygghetskiosk", &[]));
    assert_eq!(s.cache_files().len(), 1);
    assert_eq!(s.check(), 0);
    std::fs::write(s.case_file(0), "format = 1\n").unwrap();
    age(&s.case_file(0));
    assert_eq!(s.check(), 1);
}

#[test]
fn an_unwritable_cache_folder_is_no_error() {
    let s = setup(1);
    let not_a_folder = s.cache.path().join("file");
    std::fs::write(&not_a_folder, "x").unwrap();
    let mut cmd = s.search_cmd("trygghetskiosk", &[]);
    cmd.env("REMISS_CACHE_DIR", &not_a_folder);
    assert_eq!(
        ok(output(&mut cmd)),
        ok(s.search("trygghetskiosk", &["--no-cache"]))
    );
}
