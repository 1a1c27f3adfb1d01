//! The aligned text tables of the CLI's output (`stats`, `stats --reference`).

/// Prints an aligned table: text left, numbers right.
pub(super) fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(k, (c, w))| if k == 0 { format!("{c:<w$}") } else { format!("{c:>w$}") })
            .collect();
        outln!("{}", parts.join("  ").trim_end());
    };
    line(header.iter().map(ToString::to_string).collect());
    for row in rows {
        line(row.clone());
    }
}
