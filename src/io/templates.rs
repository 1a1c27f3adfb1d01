//! The template engine of the printable documents (minijinja): every value is escaped as
//! HTML, an unknown placeholder is an error, and user text is only ever a value – a
//! name such as `Ida {{beløb}}` is printed as written, never expanded.

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior, Value};
use serde::Serialize;

/// The page frame: `<!DOCTYPE html>`, title, print style; documents extend it.
const PAGE: &str = include_str!("../../assets/templates/page.html");
/// The audit documentation.
const DOCUMENTATION: &str = include_str!("../../assets/templates/documentation.html");
/// The public extract.
const PUBLIC: &str = include_str!("../../assets/templates/public.html");
/// The letters around the letter template's output (one page per manager).
const LETTERS: &str = include_str!("../../assets/templates/letters.html");

/// The built-in templates by name.
const BUILT_IN: [(&str, &str); 4] =
    [("page.html", PAGE), ("documentation.html", DOCUMENTATION), ("public.html", PUBLIC), ("letters.html", LETTERS)];

/// An environment with HTML escaping for every template, strict placeholders, the print
/// style as the global `css`, and the built-in templates. A built-in template that does
/// not compile is left out (a unit test compiles every one), so rendering it reports
/// "skabelonen findes ikke" instead of panicking.
#[must_use]
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // The style is ours, not user text: inserted as is (escaping would break its quotes).
    env.add_global("css", Value::from_safe_string(super::html::PRINT_CSS.to_string()));
    for (name, source) in BUILT_IN {
        let _ = env.add_template(name, source);
    }
    env
}

/// Renders the built-in template `name` with `context` (a serializable view).
///
/// # Errors
/// A Danish message naming the template and line when it cannot be rendered.
pub fn render_built_in(env: &Environment<'_>, name: &str, context: &impl Serialize) -> Result<String, String> {
    render_built_in_value(env, name, Value::from(Serde(context)))
}

/// Renders the built-in template `name` with a context built of values.
///
/// # Errors
/// As [`render_built_in`].
pub fn render_built_in_value(env: &Environment<'_>, name: &str, context: Value) -> Result<String, String> {
    env.get_template(name).and_then(|t| t.render(context)).map_err(|e| error_da(&format!("skabelonen {name}"), &e))
}

/// A page saying that a document could not be made (never expected for the built-in
/// templates; they are tested).
#[must_use]
pub fn error_page(message: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>Fejl</title></head><body><p>Dokumentet kunne ikke dannes: {}</p></body></html>\n",
        minijinja::HtmlEscape(message)
    )
}

/// A template error in Danish: "Brevskabelonen breve.html, linje 7: ukendt pladsholder
/// (undefined value)". `what` names the template for the reader ("brevskabelonen
/// breve.html").
#[must_use]
pub fn error_da(what: &str, e: &minijinja::Error) -> String {
    let kind = match e.kind() {
        ErrorKind::SyntaxError => "syntaksfejl",
        ErrorKind::UndefinedError => "ukendt pladsholder",
        ErrorKind::UnknownFilter => "ukendt filter",
        ErrorKind::UnknownTest => "ukendt test",
        ErrorKind::UnknownFunction => "ukendt funktion",
        ErrorKind::UnknownMethod => "ukendt metode",
        ErrorKind::TemplateNotFound => "skabelonen findes ikke",
        ErrorKind::BadInclude => "en skabelon kan ikke indsættes",
        ErrorKind::InvalidOperation => "ugyldig handling",
        ErrorKind::TooManyArguments | ErrorKind::MissingArgument => "forkert antal argumenter",
        _ => "skabelonen kan ikke udfyldes",
    };
    let mut out = what.to_string();
    if let Some(line) = e.line() {
        out.push_str(&format!(", linje {line}"));
    }
    out.push_str(": ");
    out.push_str(kind);
    if let Some(detail) = e.detail() {
        out.push_str(&format!(" ({detail})"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_compiles() {
        let env = environment();
        for (name, _) in BUILT_IN {
            assert!(env.get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn values_are_escaped_and_never_interpreted() {
        let env = environment();
        let out = env
            .render_str("<p>{{ navn }}</p>", minijinja::context! { navn => "Ida {{ beløb }} <script>x</script>" })
            .unwrap_or_default();
        assert_eq!(out, "<p>Ida {{ beløb }} &lt;script&gt;x&lt;&#x2f;script&gt;</p>");
    }

    #[test]
    fn a_broken_template_names_the_file_and_line_in_danish() {
        let mut env = environment();
        let e = env
            .add_template("breve.html", "<p>\n\n{{ navn </p>")
            .err()
            .map(|e| error_da("Brevskabelonen breve.html", &e));
        let e = e.unwrap_or_default();
        assert!(e.starts_with("Brevskabelonen breve.html, linje 3: syntaksfejl"), "{e}");
        let _ = env.add_template("ukendt.html", "<p>\n{{ navnet }}</p>");
        let e = env
            .get_template("ukendt.html")
            .and_then(|t| t.render(minijinja::context! { navn => "Ida" }))
            .err()
            .map(|e| error_da("Brevskabelonen ukendt.html", &e))
            .unwrap_or_default();
        assert!(e.starts_with("Brevskabelonen ukendt.html, linje 2: ukendt pladsholder"), "{e}");
    }
}
