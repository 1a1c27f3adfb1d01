//! The letter template a session names (issue 26, items 1, 7 and 8): only a regular file
//! of at most 1 MB from the session's folder or below (links resolved), never waited on,
//! and rendered under a limit of work (minijinja's fuel) and of output.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use kalibrer::io::letters::{LetterTemplate, letters_html};
use kalibrer::model::Session;

fn demo() -> Session {
    kalibrer::io::parse_session(kalibrer::io::DEMO_RON).unwrap()
}

/// A fresh folder `<tmp>/kalibrer-tpl-<pid>-<name>/møde/` holding the session file's
/// place; returns the session path.
fn session_in(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("kalibrer-tpl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("møde")).unwrap();
    root.join("møde").join("møde.ron")
}

fn template_error(file: &str, session: &Path) -> String {
    let mut s = demo();
    s.policies.letter_template = Some(file.to_string());
    LetterTemplate::for_session(&s, Some(session)).err().unwrap_or_else(|| panic!("{file} was read"))
}

fn cleanup(session: &Path) {
    let _ = std::fs::remove_dir_all(session.parent().unwrap().parent().unwrap());
}

#[test]
fn files_outside_the_sessions_folder_are_refused() {
    let session = session_in("outside");
    let dir = session.parent().unwrap();
    std::fs::write(dir.parent().unwrap().join("nabo.html"), "<p>{{ navn }}</p>").unwrap();
    for file in ["/etc/passwd", "../../../../etc/passwd", "/proc/self/environ", "../nabo.html", "./../nabo.html"] {
        let e = template_error(file, &session);
        assert!(e.contains("ligger uden for sessionens mappe"), "{file}: {e}");
        assert!(!e.contains("root:"), "{e}");
    }
    cleanup(&session);
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused_and_a_link_within_is_read() {
    let session = session_in("links");
    let dir = session.parent().unwrap();
    std::os::unix::fs::symlink("/etc/passwd", dir.join("brev.html")).unwrap();
    std::fs::create_dir_all(dir.join("skabeloner")).unwrap();
    std::fs::write(dir.join("skabeloner/brev.html"), "<p>Kære {{ navn }}</p>").unwrap();
    std::os::unix::fs::symlink("skabeloner/brev.html", dir.join("genvej.html")).unwrap();
    // A link to a folder outside, then a file under it.
    std::os::unix::fs::symlink("/etc", dir.join("etc")).unwrap();
    for file in ["brev.html", "etc/passwd"] {
        let e = template_error(file, &session);
        assert!(e.contains("ligger uden for sessionens mappe"), "{file}: {e}");
    }
    let mut s = demo();
    for file in ["skabeloner/brev.html", "genvej.html", "./skabeloner/../genvej.html"] {
        s.policies.letter_template = Some(file.into());
        let t = LetterTemplate::for_session(&s, Some(&session)).unwrap();
        assert_eq!(t.source, "<p>Kære {{ navn }}</p>", "{file}");
    }
    cleanup(&session);
}

/// Reading the template in a thread: a FIFO used to block the open forever, so the test
/// fails after a minute instead of hanging.
#[cfg(unix)]
#[test]
fn a_fifo_as_template_is_refused_without_waiting() {
    let session = session_in("fifo");
    let fifo = session.parent().unwrap().join("brev.html");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (tx, rx) = mpsc::channel();
    let path = session.clone();
    std::thread::spawn(move || {
        let mut s = demo();
        s.policies.letter_template = Some("brev.html".into());
        let _ = tx.send(LetterTemplate::for_session(&s, Some(&path)));
    });
    let e = rx.recv_timeout(Duration::from_secs(60)).expect("reading a FIFO template blocked").err().unwrap();
    assert!(e.contains("det er et navngivet rør (FIFO), ikke en almindelig fil"), "{e}");
    cleanup(&session);
}

/// A session saved in the home folder: `.ssh/id_rsa` lies below it, but is hidden and no
/// HTML file; a `.txt` or extensionless file is no template either.
#[test]
fn hidden_files_and_files_that_are_not_html_are_refused() {
    let session = session_in("hidden");
    let dir = session.parent().unwrap();
    std::fs::create_dir_all(dir.join(".ssh")).unwrap();
    std::fs::write(dir.join(".ssh/id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----").unwrap();
    std::fs::write(dir.join(".ssh/brev.html"), "<p>{{ navn }}</p>").unwrap();
    std::fs::write(dir.join(".bash_history"), "ssh anna@server").unwrap();
    std::fs::write(dir.join("noter.txt"), "hemmeligt").unwrap();
    for file in [".ssh/id_rsa", ".ssh/brev.html", ".bash_history", "./.ssh/../.bash_history"] {
        let e = template_error(file, &session);
        assert!(
            e.ends_with("skjulte filer og mapper (navne, der begynder med «.») bruges ikke som brevskabelon"),
            "{file}: {e}"
        );
    }
    let e = template_error("noter.txt", &session);
    assert!(e.ends_with("en brevskabelon skal være en HTML-fil (.html eller .htm)"), "{e}");
    cleanup(&session);
}

#[test]
fn a_folder_as_template_is_a_danish_error() {
    let session = session_in("folder");
    std::fs::create_dir_all(session.parent().unwrap().join("skabeloner.html")).unwrap();
    let e = template_error("skabeloner.html", &session);
    assert!(e.ends_with("kan ikke læses: det er en mappe, ikke en fil"), "{e}");
    cleanup(&session);
}

/// A 2 GB sparse file took 24 GB of memory: refused by its size before anything is read.
#[test]
fn a_template_above_1_mb_is_refused_by_its_size() {
    let session = session_in("big");
    let dir = session.parent().unwrap();
    let f = std::fs::File::create(dir.join("kæmpe.html")).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap();
    let e = template_error("kæmpe.html", &session);
    assert!(e.ends_with("filen er for stor (2 GB); højst 1 MB læses"), "{e}");
    // One byte over the limit is refused; exactly 1 MB is read.
    std::fs::write(dir.join("over.html"), vec![b'x'; 1024 * 1024 + 1]).unwrap();
    assert!(template_error("over.html", &session).contains("filen er for stor (1,0 MB); højst 1 MB læses"));
    std::fs::write(dir.join("præcis.html"), vec![b'x'; 1024 * 1024]).unwrap();
    let mut s = demo();
    s.policies.letter_template = Some("præcis.html".into());
    assert_eq!(LetterTemplate::for_session(&s, Some(&session)).unwrap().source.len(), 1024 * 1024);
    cleanup(&session);
}

/// Two nested `range(100000)` loops never returned: the fuel stops them.
#[test]
fn nested_loops_run_out_of_fuel_with_a_danish_message() {
    let t = LetterTemplate::from_text(
        "brev.html",
        "<p>{{ navn }}</p>\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    );
    // In a thread: without the fuel this loop never returned.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(letters_html(&demo(), &t, true));
    });
    let e = rx.recv_timeout(Duration::from_secs(120)).expect("the nested loops never stopped").err().unwrap();
    assert_eq!(
        e,
        "Brevskabelonen brev.html, linje 2: skabelonen kræver for mange beregningsskridt – højst 1.000.000 pr. brev \
         (en løkke, der ikke ender?)"
    );
}

/// 100.000 × 30 bytes is 3 MB of one letter: refused at 1 MB.
#[test]
fn a_letter_above_1_mb_is_refused() {
    let t = LetterTemplate::from_text(
        "brev.html",
        "{% for i in range(100000) %}<p>xxxxxxxxxxxxxxxxxxxxxxx</p>{% endfor %}",
    );
    let e = letters_html(&demo(), &t, true).err().unwrap();
    assert_eq!(e, "Brevskabelonen brev.html: et brev bliver større end 1 MB – højst 1 MB pr. brev");
}

/// The built-in template and an ordinary one still render every letter of the demo.
#[test]
fn ordinary_templates_are_within_the_limits() {
    let s = demo();
    let html = letters_html(&s, &LetterTemplate::built_in(), true).unwrap();
    assert_eq!(html.matches("<section class=\"page\">").count(), s.managers.len());
    let t = LetterTemplate::from_text("brev.html", "{% for b in begrundelser %}<li>{{ b }}</li>{% endfor %}{{ navn }}");
    assert!(letters_html(&s, &t, true).is_ok());
}

/// Through the command line: a session naming `/etc/passwd` writes no letters and says why.
#[test]
fn the_cli_writes_no_letters_from_a_file_outside_the_folder() {
    let session = session_in("cli");
    let mut s = demo();
    s.policies.letter_template = Some("../../../../../../../../etc/passwd".into());
    std::fs::write(&session, kalibrer::io::to_ron(&s)).unwrap();
    let out = session.parent().unwrap().join("breve.html");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_kalibrer"))
        .args(["export", session.to_str().unwrap(), "--kind", "letters", "--udkast", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("ligger uden for sessionens mappe") && !err.contains("root:"), "{err}");
    assert!(!out.exists());
    cleanup(&session);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Any path a session can name, built of `..`, `.`, absolute parts, links and names:
    /// what is read is one of the templates inside the folder, never the file outside.
    #[test]
    fn no_path_reads_a_file_outside_the_folder(
        parts in proptest::collection::vec(
            proptest::sample::select(vec!["..", ".", "a", "ud", "brev.html", "nabo.html", "/", "/etc", "passwd", "ind.html"]),
            1..7,
        )
    ) {
        let session = session_in(&format!("prop-{}", parts.join("_").replace(['/', '.'], "x")));
        let dir = session.parent().unwrap();
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::write(dir.join("brev.html"), "inde").unwrap();
        std::fs::write(dir.join("a/brev.html"), "inde").unwrap();
        std::fs::write(dir.parent().unwrap().join("nabo.html"), "UDE").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("..", dir.join("ud")).unwrap();
            std::os::unix::fs::symlink("brev.html", dir.join("ind.html")).unwrap();
        }
        let mut s = demo();
        s.policies.letter_template = Some(parts.join("/"));
        if let Ok(t) = LetterTemplate::for_session(&s, Some(&session)) {
            proptest::prop_assert_eq!(t.source.as_str(), "inde", "{:?}", parts);
        }
        cleanup(&session);
    }
}
