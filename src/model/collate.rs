//! Danish alphabetical order for names and units: æ, ø, å after z, case ignored,
//! numbers by value ("Kontor 2" before "Kontor 10").
//!
//! Byte order (`str::cmp`) puts "Å" before "Æ" and "Ø", every lowercase letter after
//! every uppercase one and "Kontor 10" before "Kontor 2"; a table of names sorted that
//! way looks wrong to any Danish reader. The rules followed here are those of Danish
//! dictionaries and phone books (Retskrivningsordbogen §12): the letters are
//! a–z, æ, ø, å; ä sorts as æ, ö as ø, ü as y; other accents are ignored (é as e);
//! "aa" sorts as å (Aagaard, Aalborg). Spaces and punctuation sort before digits and
//! letters, so "Holm Jensen" comes before "Holmberg". Strings that are equal under
//! these rules (differing only in case or accents) are ordered by their characters, so
//! the order is total and the same on every machine.

use std::cmp::Ordering;

/// A key whose ordinary `Ord` is Danish alphabetical order (see the module docs).
/// Build it once per string when sorting many ([`slice::sort_by_cached_key`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DanishKey(Vec<u8>);

/// Class offsets: anything else < numbers < letters. Each element is one `u32` written
/// big-endian, so the key's byte order is its element order and comparing two keys is a
/// `memcmp`.
const OTHER: u32 = 1;
const NUMBER: u32 = 0x0100_0000;
const LETTER: u32 = 0x0200_0000;
/// Between the primary key and the tie-break: below every element of a primary key.
const SEPARATOR: u32 = 0;

/// The Danish order of two strings.
#[must_use]
pub fn danish_cmp(a: &str, b: &str) -> Ordering {
    danish_key(a).cmp(&danish_key(b))
}

/// The collation key of `s`.
#[must_use]
pub fn danish_key(s: &str) -> DanishKey {
    let mut key = Vec::with_capacity(8 * s.len() + 4);
    let put = |key: &mut Vec<u8>, v: u32| key.extend_from_slice(&v.to_be_bytes());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(first) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            // A run of digits is one number: its length without leading zeros first,
            // then its digits, so that numbers compare by value.
            let len_at = key.len();
            put(&mut key, NUMBER);
            let mut len: u32 = 0;
            for d in std::iter::once(first)
                .chain(std::iter::from_fn(|| chars.next_if(char::is_ascii_digit).and_then(|d| d.to_digit(10))))
            {
                if d != 0 || len > 0 {
                    put(&mut key, d);
                    len += 1;
                }
            }
            let len = NUMBER + len.min(LETTER - NUMBER - 1);
            key[len_at..len_at + 4].copy_from_slice(&len.to_be_bytes());
            continue;
        }
        let lower = if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) };
        if lower == 'a' && chars.next_if(|n| matches!(n, 'a' | 'A')).is_some() {
            put(&mut key, LETTER + letter_weight('å'));
            continue;
        }
        let weight = match lower {
            'a'..='z' => LETTER + u32::from(lower) - u32::from('a'),
            _ if lower.is_ascii() => OTHER + u32::from(lower),
            _ if lower.is_alphabetic() => LETTER + letter_weight(lower),
            _ => OTHER + u32::from(lower),
        };
        put(&mut key, weight);
    }
    put(&mut key, SEPARATOR);
    for c in s.chars() {
        put(&mut key, u32::from(c));
    }
    DanishKey(key)
}

/// For each string, its position among the distinct strings in Danish order (equal
/// strings share a position). Sorting by these integers is as sorting by the strings,
/// and much cheaper when many items are sorted by several such keys.
#[must_use]
pub fn danish_ranks<'a>(strings: impl IntoIterator<Item = &'a str>) -> Vec<usize> {
    let strings: Vec<&str> = strings.into_iter().collect();
    // Group equal strings (byte order, a memcmp) so that each distinct one gets one key.
    let mut by_bytes: Vec<usize> = (0..strings.len()).collect();
    by_bytes.sort_unstable_by_key(|&i| strings[i]);
    let mut distinct: Vec<(DanishKey, usize)> = Vec::new();
    let mut group = vec![0; strings.len()];
    for (k, &i) in by_bytes.iter().enumerate() {
        if k == 0 || strings[by_bytes[k - 1]] != strings[i] {
            distinct.push((danish_key(strings[i]), distinct.len()));
        }
        group[i] = distinct.len() - 1;
    }
    distinct.sort_unstable();
    let mut rank_of_group = vec![0; distinct.len()];
    for (rank, (_, g)) in distinct.iter().enumerate() {
        rank_of_group[*g] = rank;
    }
    group.into_iter().map(|g| rank_of_group[g]).collect()
}

/// The weight of a lowercase letter: a–z 0–25, æ 26, ø 27, å 28; accented letters as
/// their base letter; any other letter after å by its code point.
fn letter_weight(c: char) -> u32 {
    let base = match c {
        'á' | 'à' | 'â' | 'ã' => 'a',
        'ç' | 'č' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ó' | 'ò' | 'ô' | 'õ' => 'o',
        'š' => 's',
        'ú' | 'ù' | 'û' => 'u',
        'ü' | 'ý' | 'ÿ' => 'y',
        'ž' => 'z',
        'ä' => 'æ',
        'ö' => 'ø',
        other => other,
    };
    match base {
        'a'..='z' => u32::from(base) - u32::from('a'),
        'æ' => 26,
        'ø' => 27,
        'å' => 28,
        other => 29 + u32::from(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(ToString::to_string).collect();
        v.sort_by_cached_key(|w| danish_key(w));
        v
    }

    #[test]
    fn danish_letters_follow_z_in_the_order_ae_oe_aa() {
        assert_eq!(
            sorted(&["Åse", "Øster", "Ærø", "Zealand", "Andersen"]),
            ["Andersen", "Zealand", "Ærø", "Øster", "Åse"]
        );
    }

    #[test]
    fn case_is_ignored_and_double_a_is_aa() {
        assert_eq!(sorted(&["de Vries", "Dyhr", "Dahl"]), ["Dahl", "de Vries", "Dyhr"]);
        // Aagaard sorts as Ågaard: after Zahle and Østergaard, before Åse (g < s).
        assert_eq!(sorted(&["Åse", "Aagaard", "Zahle", "Østergaard"]), ["Zahle", "Østergaard", "Aagaard", "Åse"]);
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(
            sorted(&["Område 10", "Område 2", "Område 1", "Område 100", "Område 02"]),
            ["Område 1", "Område 02", "Område 2", "Område 10", "Område 100"]
        );
    }

    #[test]
    fn spaces_sort_before_letters_and_accents_are_ignored() {
        assert_eq!(sorted(&["Holmberg", "Holm Jensen", "Holm"]), ["Holm", "Holm Jensen", "Holmberg"]);
        assert_eq!(sorted(&["Eriksen", "Élise", "Dam", "Fisker"]), ["Dam", "Élise", "Eriksen", "Fisker"]);
        assert_eq!(sorted(&["Müller", "Mørch", "Myrup"]), ["Müller", "Myrup", "Mørch"]);
    }

    #[test]
    fn strings_equal_under_the_rules_still_have_a_fixed_order() {
        assert_eq!(danish_cmp("Berg", "berg"), Ordering::Less);
        assert_eq!(danish_cmp("berg", "Berg"), Ordering::Greater);
        assert_eq!(danish_cmp("Berg", "Berg"), Ordering::Equal);
        assert_eq!(danish_cmp("", "a"), Ordering::Less);
    }

    #[test]
    fn ranks_share_a_position_for_equal_strings() {
        assert_eq!(danish_ranks(["Åse", "Anna", "Åse", "Øjvind", "Kontor 10", "Kontor 2"]), [4, 0, 4, 3, 2, 1]);
        assert!(danish_ranks([]).is_empty());
    }

    proptest::proptest! {
        /// A total order: antisymmetric, equal only for equal strings, transitive.
        #[test]
        fn is_a_total_order(a in "[aAåÅæøeé0-9 z-]{0,6}", b in "[aAåÅæøeé0-9 z-]{0,6}", c in "\\PC{0,6}") {
            let (ab, ba) = (danish_cmp(&a, &b), danish_cmp(&b, &a));
            proptest::prop_assert_eq!(ab, ba.reverse());
            proptest::prop_assert_eq!(ab == Ordering::Equal, a == b);
            let mut v = [a.clone(), b.clone(), c.clone()];
            v.sort_by(|x, y| danish_cmp(x, y));
            proptest::prop_assert!(danish_cmp(&v[0], &v[2]) != Ordering::Greater);
        }
    }
}
