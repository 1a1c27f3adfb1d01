//! The print style shared by the printable documents (documentation, letters and the
//! public extract). Escaping is minijinja's alone (`minijinja::HtmlEscape`, and the
//! templates' auto-escape).

/// The print style shared by the documents: A4, readable type, tables that do not split
/// rows, a draft mark, and `<bdi>` isolating user text from the surrounding direction.
pub const PRINT_CSS: &str = "
@page { size: A4; margin: 18mm 16mm; }
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10.5pt; color: #111; line-height: 1.35; overflow-wrap: break-word; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
th { background: #eef0f3; } td.n, th.n { text-align: right; white-space: nowrap; }
table.facts th { width: 38%; font-weight: normal; }
.muted { color: #555; } .fejl { color: #b71c1c; font-weight: bold; } .advarsel { color: #8a5300; } .accepteret { color: #333; border-left: 3px solid #8a5300; padding-left: 6pt; }
.manager { page-break-inside: avoid; border-top: 2px solid #333; margin-top: 14pt; }
.page { page-break-after: always; } .page:last-child { page-break-after: auto; }
.sum td { font-weight: bold; } .nw { white-space: nowrap; }
h2.newpage { page-break-before: always; } h2, h3 { page-break-after: avoid; }
bdi { unicode-bidi: isolate; }
.udkast { border: 3px solid #b71c1c; color: #b71c1c; font-weight: bold; font-size: 13pt; letter-spacing: 1pt; padding: 4pt 8pt; margin: 0 0 10pt; text-align: center; }
";
