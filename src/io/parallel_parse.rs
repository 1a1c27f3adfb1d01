//! Reading very large sessions with `ron` on two cores: the `managers` list is split in
//! two at an element boundary and the halves are parsed at the same time. Used for large
//! files the fast reader (`fast_ron`) declines, e.g. hand-edited ones with block
//! comments. The format is unchanged (this is only a faster way to read the same RON);
//! anything unusual in the text makes it step aside, and the caller then parses
//! sequentially, which also gives the precise Danish error message.

use crate::model::{Manager, Session};

/// Below this size a plain parse is fast enough.
pub const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// Where the `managers` list is: the byte after `[`, the byte of its `]`, and the byte
/// positions of the commas between its elements.
struct ManagersList {
    start: usize,
    end: usize,
    commas: Vec<usize>,
}

/// Finds the top-level `managers: [ … ]` list. None for anything the scanner does not
/// know for certain (raw strings, comments, attributes, char literals, unbalanced text).
fn find_managers(text: &str) -> Option<ManagersList> {
    let b = text.as_bytes();
    let (mut depth, mut k) = (0_usize, 0_usize);
    let mut list: Option<ManagersList> = None;
    let mut last_open_or_comma_at_depth1 = false;
    while k < b.len() {
        match b[k] {
            b'"' => {
                k += 1;
                while k < b.len() && b[k] != b'"' {
                    k += if b[k] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' | b'#' | b'\'' => return None,
            b'r' if b.get(k + 1).is_some_and(|c| *c == b'#' || *c == b'"') => return None,
            b'(' | b'[' | b'{' => {
                depth += 1;
                last_open_or_comma_at_depth1 = depth == 1;
            }
            b')' | b']' | b'}' => {
                if let Some(l) = list.as_mut().filter(|l| l.end == 0 && depth == 2) {
                    l.end = k;
                }
                depth = depth.checked_sub(1)?;
            }
            b',' => {
                if let Some(l) = list.as_mut().filter(|l| l.end == 0 && depth == 2) {
                    l.commas.push(k);
                }
                last_open_or_comma_at_depth1 = depth == 1;
            }
            c if depth == 1 && last_open_or_comma_at_depth1 && c.is_ascii_alphabetic() => {
                let ident_end = k + b[k..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
                last_open_or_comma_at_depth1 = false;
                if &b[k..ident_end] == b"managers" {
                    let rest = &text[ident_end..];
                    let after_colon = rest.trim_start().strip_prefix(':')?.trim_start();
                    if !after_colon.starts_with('[') || list.is_some() {
                        return None;
                    }
                    let open = text.len() - after_colon.len();
                    list = Some(ManagersList { start: open + 1, end: 0, commas: Vec::new() });
                    depth += 1;
                    k = open + 1;
                    continue;
                }
                k = ident_end;
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    list.filter(|l| l.end > l.start && depth == 0)
}

/// Parses a session with its `managers` list in two halves on two threads. None when the
/// text is small, not scannable, or either half does not parse (the caller then parses
/// sequentially and reports the error).
#[must_use]
pub fn parse(text: &str) -> Option<Session> {
    parse_from(text, PARALLEL_FROM_BYTES)
}

/// [`parse`] for texts of at least `min_bytes` (tests use small texts).
#[must_use]
pub fn parse_from(text: &str, min_bytes: usize) -> Option<Session> {
    if text.len() < min_bytes {
        return None;
    }
    let list = find_managers(text)?;
    // Thread one reads everything but the second half of the list (also the history and
    // the log), thread two that half: split where both get the same amount of text. A
    // trailing comma before `]` is no boundary.
    let middle = list.end.saturating_sub(text.len() / 2).max(list.start);
    let split = *list
        .commas
        .iter()
        .filter(|&&c| !text[c + 1..list.end].trim().is_empty())
        .min_by_key(|&&c| c.abs_diff(middle))?;
    let first = format!("{}{}{}", &text[..list.start], &text[list.start..split], &text[list.end..]);
    let second = format!("[{}]", &text[split + 1..list.end]);
    let (session, rest) = std::thread::scope(|scope| {
        let rest = scope.spawn(|| ron::from_str::<Vec<Manager>>(&second).ok());
        let session = ron::from_str::<Session>(&first).ok();
        (session, rest.join().ok().flatten())
    });
    let mut session = session?;
    session.managers.extend(rest?);
    Some(session)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_list_past_strings_with_brackets_and_quotes() {
        let text = r#"(version: 1, name: "a \" ], managers: [x", managers: [(id: "1"), (id: "2, ]")], history: {})"#;
        let l = find_managers(text).unwrap_or_else(|| panic!("not found"));
        assert_eq!(&text[l.start..l.end], r#"(id: "1"), (id: "2, ]")"#);
        assert_eq!(l.commas.len(), 1);
        assert!(find_managers("// comment\n(managers: [])").is_none());
        assert!(find_managers(r##"(managers: [r#"x"#])"##).is_none());
    }
}
