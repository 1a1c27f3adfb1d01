//! Letters to the managers (*meddelelse om resultatløn/engangsvederlag*), one page per
//! manager, from a template HR can edit: the built-in `assets/letter_template.html`, or
//! the file the session's policies point to (`letter_template`, relative to the session
//! file). The template is a minijinja template: every value is escaped as HTML and user
//! text is never interpreted, so a name such as `Ida {{beløb}}` is printed as written.
//!
//! Letters are for decided managers. A draft (an explicit choice) has a letter for every
//! manager, each marked UDKAST outside the template; an undecided manager's letter never
//! says that the amount is decided (the template gets `besluttet` = false).

use std::path::{Path, PathBuf};

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::engine::amounts::model_of;
use crate::engine::{self, Evaluation};
use crate::model::money::{format_kr, format_percent};
use crate::model::{AmountModel, Manager, MeetingStatus, PayForm, Session};

use super::regular_file::{ReadError, read_regular, size_text};
use super::templates::{environment, error_da, render_built_in_value};
use super::words::kr_in_words;

/// The default letter template, embedded.
pub const LETTER_TEMPLATE: &str = include_str!("../../assets/letter_template.html");

/// A letter template: its text and the name it is reported by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterTemplate {
    /// The file it came from ("(indbygget)" for the built-in one), for error messages.
    pub name: String,
    /// The template text.
    pub source: String,
}

impl LetterTemplate {
    /// The built-in template.
    #[must_use]
    pub fn built_in() -> Self {
        Self { name: "(indbygget)".to_string(), source: LETTER_TEMPLATE.to_string() }
    }

    /// A template from its text, reported by `name`.
    #[must_use]
    pub fn from_text(name: &str, source: &str) -> Self {
        Self { name: name.to_string(), source: source.to_string() }
    }

    /// The template of `session`: the file its policies name, relative to the session
    /// file at `session_path` (or the working directory for a session without a file),
    /// or the built-in one. The file must lie in the session's folder or below it once
    /// every link is resolved (a session received by mail cannot print `/etc/passwd` or
    /// `../../x` into letters), not be hidden or in a hidden folder (`.ssh/…`), be named
    /// `.html` or `.htm`, and be a regular file of at most [`TEMPLATE_MAX_BYTES`], read
    /// without blocking (a FIFO is refused, never waited on).
    ///
    /// # Errors
    /// A Danish message naming the file when it lies outside the session's folder, is no
    /// regular file, is too large or cannot be read.
    pub fn for_session(session: &Session, session_path: Option<&Path>) -> Result<Self, String> {
        let Some(file) = session.policies.letter_template.as_deref().filter(|f| !f.trim().is_empty()) else {
            return Ok(Self::built_in());
        };
        let path = template_path(file, session_path);
        let cannot = |why: String| format!("Brevskabelonen {} kan ikke læses: {why}", path.display());
        let folder = session_folder(session_path);
        let folder = folder.canonicalize().map_err(|e| cannot(format!("sessionens mappe: {}", read_error_da(&e))))?;
        let resolved = path.canonicalize().map_err(|e| cannot(read_error_da(&e)))?;
        if !resolved.starts_with(&folder) {
            return Err(format!(
                "Brevskabelonen {} ligger uden for sessionens mappe {}: en brevskabelon skal ligge i mappen med \
                 sessionsfilen eller i en mappe under den",
                path.display(),
                folder.display()
            ));
        }
        // Below the folder too, only an HTML file that is not hidden: a session saved in the
        // home folder must not print `.ssh/id_rsa` or `.bash_history` into letters.
        let below = resolved.strip_prefix(&folder).unwrap_or(&resolved);
        if below.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.')) {
            return Err(cannot(
                "skjulte filer og mapper (navne, der begynder med «.») bruges ikke som brevskabelon".into(),
            ));
        }
        let html =
            resolved.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        if !html {
            return Err(cannot("en brevskabelon skal være en HTML-fil (.html eller .htm)".into()));
        }
        let bytes = read_regular(&resolved, TEMPLATE_MAX_BYTES).map_err(|e| match e {
            ReadError::Os(e) => cannot(read_error_da(&e)),
            other => cannot(other.to_string()),
        })?;
        let source = String::from_utf8(bytes).map_err(|_| cannot("filen er ikke UTF-8-tekst".to_string()))?;
        Ok(Self { name: path.display().to_string(), source })
    }
}

/// The largest letter template read: 1 MB (the built-in one is 3 KB).
pub const TEMPLATE_MAX_BYTES: u64 = 1024 * 1024;
/// The work one letter may take: minijinja's fuel (about one unit per instruction and
/// one per 64 bytes of output). The built-in letter takes about 1.000.
pub const LETTER_FUEL: u64 = 1_000_000;
/// The largest single letter: 1 MB of HTML.
pub const LETTER_MAX_BYTES: usize = 1024 * 1024;
/// The largest letters document (all letters together): 256 MB.
pub const LETTERS_MAX_BYTES: usize = 256 * 1024 * 1024;

/// The folder a session's relative paths start from: the session file's folder, or the
/// working directory for a session without a file.
fn session_folder(session_path: Option<&Path>) -> PathBuf {
    match session_path.and_then(Path::parent) {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Where a template named in the session lies: relative to the session file's folder.
#[must_use]
pub fn template_path(file: &str, session_path: Option<&Path>) -> PathBuf {
    let dir = session_path.and_then(Path::parent).unwrap_or_else(|| Path::new(""));
    dir.join(file)
}

/// A file-read error in Danish.
fn read_error_da(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "filen findes ikke".to_string(),
        std::io::ErrorKind::PermissionDenied => "ingen adgang til filen".to_string(),
        std::io::ErrorKind::InvalidData => "filen er ikke UTF-8-tekst".to_string(),
        _ => super::os_error::danish(e),
    }
}

/// The output of one letter, refused beyond [`LETTER_MAX_BYTES`].
#[derive(Default)]
struct CappedOutput {
    bytes: Vec<u8>,
    exceeded: bool,
}

impl std::io::Write for CappedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > LETTER_MAX_BYTES {
            self.exceeded = true;
            return Err(std::io::Error::other("brevet er for stort"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Renders one letter under the limits: [`LETTER_FUEL`] (set on `letter`'s environment)
/// and [`LETTER_MAX_BYTES`].
fn render_letter(letter: &minijinja::Template<'_, '_>, context: Value, what: &str) -> Result<String, String> {
    let mut out = CappedOutput::default();
    match letter.render_captured_to(context, &mut out) {
        Ok(_) => Ok(String::from_utf8_lossy(&out.bytes).into_owned()),
        Err(_) if out.exceeded => Err(format!(
            "{what}: et brev bliver større end {} – højst {} pr. brev",
            size_text(LETTER_MAX_BYTES as u64),
            size_text(LETTER_MAX_BYTES as u64)
        )),
        Err(e) if e.kind() == minijinja::ErrorKind::OutOfFuel => Err(format!(
            "{what}{}: skabelonen kræver for mange beregningsskridt – højst {} pr. brev (en løkke, der ikke ender?)",
            e.line().map_or_else(String::new, |l| format!(", linje {l}")),
            crate::model::money::format_number(rust_decimal::Decimal::from(LETTER_FUEL))
        )),
        Err(e) => Err(error_da(what, &e)),
    }
}

/// The values one letter's template sees.
#[derive(Debug, Serialize)]
struct LetterContext {
    organisation: String,
    #[serde(rename = "år")]
    year: i32,
    dato: String,
    navn: String,
    stilling: String,
    enhed: String,
    vederlagsform: String,
    #[serde(rename = "beløb")]
    amount: String,
    #[serde(rename = "beløb_ord")]
    amount_words: String,
    pensionsprocent: String,
    pension: String,
    begrundelser: Vec<String>,
    leder: String,
    leder_titel: String,
    besluttet: bool,
}

/// Renders the letters with `template`, in agenda order. Not a draft: one letter per
/// decided manager (the others get none). A draft: one per manager, each marked UDKAST.
///
/// # Errors
/// A Danish message naming the template file and line when the template is broken or
/// uses an unknown placeholder.
pub fn letters_html(session: &Session, template: &LetterTemplate, draft: bool) -> Result<String, String> {
    let eval = engine::evaluate(session);
    let date = crate::model::time::local_date(&crate::model::log::now_iso());
    let what = format!("Brevskabelonen {}", template.name);
    // The user's template renders in its own environment, under the fuel limit; the page
    // around the letters (ours) in the plain one.
    let mut env: Environment<'_> = environment();
    env.set_fuel(Some(LETTER_FUEL));
    env.add_template_owned("brev", template.source.clone()).map_err(|e| error_da(&what, &e))?;
    let letter = env.get_template("brev").map_err(|e| error_da(&what, &e))?;
    let mut letters = Vec::new();
    let mut total = 0_usize;
    for i in session.agenda_order() {
        let m = &session.managers[i];
        let decided = m.status == MeetingStatus::Besluttet;
        if !decided && !draft {
            continue;
        }
        let context = letter_context(session, &eval, i, &date);
        let text = render_letter(&letter, Value::from(Serde(&context)), &what)?;
        total = total.saturating_add(text.len());
        if total > LETTERS_MAX_BYTES {
            return Err(format!(
                "{what}: brevene bliver tilsammen større end {} – højst {} i alt",
                size_text(LETTERS_MAX_BYTES as u64),
                size_text(LETTERS_MAX_BYTES as u64)
            ));
        }
        letters.push(Value::from_safe_string(text));
    }
    let page = context! {
        organisation => session.organisation.name.clone(),
        year => session.year,
        draft => draft,
        letters => letters,
    };
    render_built_in_value(&environment(), "letters.html", page)
}

/// The pay form as a noun phrase for the letter.
fn form_text(m: &Manager) -> String {
    let form = m.pay_forms.first().copied();
    match form {
        Some(PayForm::Resultatloen) | None => "resultatløn".to_string(),
        Some(PayForm::EngangsvederlagMedMaal) => "engangsvederlag for opfyldelse af mål".to_string(),
        Some(PayForm::SaerligIndsats) => "engangsvederlag for en særlig indsats".to_string(),
        Some(PayForm::Merarbejde) => "engangsvederlag for merarbejde".to_string(),
    }
}

/// The values of one manager's letter (plain text; the template escapes them).
fn letter_context(session: &Session, eval: &Evaluation, i: usize, date: &str) -> LetterContext {
    let m = &session.managers[i];
    let amount = eval.amounts[i].amount;
    // Nobody signs their own letter: the departementschef's comes from the organisation.
    let superior = session.executive(&m.superior).filter(|e| e.name != m.name);
    let pension = if m.pension_percent.is_zero() {
        String::new()
    } else {
        format!("Der indbetales desuden {} i pension af beløbet.", format_percent(m.pension_percent))
    };
    LetterContext {
        organisation: session.organisation.name.clone(),
        year: session.year,
        dato: date.to_string(),
        navn: m.name.clone(),
        stilling: session.level(&m.level).map_or_else(String::new, |l| l.name.clone()),
        enhed: m.unit.clone(),
        vederlagsform: form_text(m),
        amount: format_kr(amount),
        amount_words: kr_in_words(amount),
        pensionsprocent: format_percent(m.pension_percent),
        pension,
        begrundelser: reasons(session, m),
        leder: superior.map_or_else(|| session.organisation.name.clone(), |e| e.name.clone()),
        leder_titel: superior.map_or_else(String::new, |e| e.title.clone()),
        besluttet: m.status == MeetingStatus::Besluttet,
    }
}

/// The main reasons: the assessment, the superior's rationale and the justification of
/// any discretionary adjustment.
fn reasons(session: &Session, m: &Manager) -> Vec<String> {
    let mut items = Vec::new();
    if let Some(level) = session.level(&m.level) {
        match model_of(m, level) {
            AmountModel::Box(b) => {
                for c in &b.criteria {
                    if let Some(step) = m.box_scores.get(&c.id).and_then(|s| b.scale.step(*s)) {
                        items.push(format!("{}: {}", c.name, step.label));
                    }
                }
            }
            AmountModel::WeightedGoals { .. } => {
                for g in &m.goals {
                    let att =
                        g.attainment.map_or("ikke vurderet".to_string(), |a| format!("{} opfyldt", format_percent(a)));
                    items.push(format!("{} (vægt {}): {att}", g.name, format_percent(g.weight)));
                }
            }
            _ => {}
        }
    }
    if let Some(p) = m.proposal.as_ref().filter(|p| !p.rationale.trim().is_empty()) {
        items.push(p.rationale.trim().to_string());
    }
    if let Some(a) = m.adjustment.as_ref().filter(|a| !a.amount.is_zero() && !a.justification.trim().is_empty()) {
        items.push(a.justification.trim().to_string());
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Session {
        crate::io::parse_session(crate::io::DEMO_RON).expect("demo")
    }

    #[test]
    fn the_built_in_template_fills_every_placeholder() {
        let mut s = demo();
        s.managers.truncate(2);
        s.managers[0].status = MeetingStatus::Besluttet;
        let html = letters_html(&s, &LetterTemplate::built_in(), false).unwrap_or_default();
        assert_eq!(html.matches("<section class=\"page\">").count(), 1, "only the decided manager");
        assert!(html.contains("er det besluttet at tildele dig <b>138.000 kr.</b>"), "{html}");
        assert!(html.contains("(skrevet: et hundrede og otteogtredivetusinde kroner)"));
        assert!(html.contains("Der indbetales desuden 15 % i pension af beløbet."));
        assert!(!html.contains("UDKAST"));
    }

    #[test]
    fn a_template_file_relative_to_the_session() {
        let dir = std::env::temp_dir().join(format!("kalibrer-brev-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("brev.html"), "<p>Hej {{ navn }}, {{ beløb }}</p>");
        let mut s = demo();
        s.policies.letter_template = Some("brev.html".into());
        let t = LetterTemplate::for_session(&s, Some(&dir.join("møde.ron")));
        assert_eq!(t.as_ref().map(|t| t.source.as_str()), Ok("<p>Hej {{ navn }}, {{ beløb }}</p>"));
        s.policies.letter_template = Some("mangler.html".into());
        let e = LetterTemplate::for_session(&s, Some(&dir.join("møde.ron"))).err().unwrap_or_default();
        assert!(
            e.starts_with("Brevskabelonen ") && e.contains("mangler.html") && e.ends_with("filen findes ikke"),
            "{e}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_broken_template_is_a_danish_error_with_file_and_line() {
        let s = demo();
        let t = LetterTemplate::from_text("hr/brev.html", "<p>Kære {{ navn }}</p>\n<p>{% if besluttet %}ja</p>\n");
        let e = letters_html(&s, &t, true).err().unwrap_or_default();
        assert!(e.starts_with("Brevskabelonen hr/brev.html, linje "), "{e}");
        assert!(e.contains("syntaksfejl"), "{e}");
        let t = LetterTemplate::from_text("hr/brev.html", "<p>Kære {{ navn }}</p>\n<p>{{ belob }}</p>\n");
        let e = letters_html(&s, &t, true).err().unwrap_or_default();
        assert!(e.starts_with("Brevskabelonen hr/brev.html, linje 2: ukendt pladsholder"), "{e}");
    }
}
