//! Initials that are unique within one view of the lanes: two managers with the same
//! initials ("Jakob Hviid" and "Jesper Halkjær", both "JH") get the next letters of their
//! last names ("JHv", "JHa"); managers the letters cannot tell apart (the same full name,
//! one-letter names) get a number ("JH", "JH2"). Pure: names in, labels out, same order.

use std::collections::{HashMap, HashSet};

/// Word initials kept at most: a name of thousands of words is still a short label.
const MAX_WORDS: usize = 4;
/// Letters of the last name added at most before a number is used instead.
const MAX_EXTRA: usize = 3;

/// The initials of `name`: the first letter or digit of each word, upper case, at most
/// [`MAX_WORDS`] of them; control and formatting characters (bidi overrides) are skipped;
/// "?" for a name without a letter.
#[must_use]
pub fn base(name: &str) -> String {
    let initials: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .take(MAX_WORDS)
        .flat_map(char::to_uppercase)
        .collect();
    if initials.is_empty() { "?".to_string() } else { initials }
}

/// The letters of the last word after its first letter, lower case (what tells "JHv" from
/// "JHa").
fn rest_of_last_word(name: &str) -> Vec<char> {
    let last = name.split_whitespace().rfind(|w| w.chars().any(char::is_alphanumeric)).unwrap_or("");
    last.chars().filter(|c| c.is_alphanumeric()).skip(1).take(MAX_EXTRA).flat_map(char::to_lowercase).collect()
}

/// Unique initials for `names`, in their order.
#[must_use]
pub fn unique(names: &[&str]) -> Vec<String> {
    let bases: Vec<String> = names.iter().map(|n| base(n)).collect();
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, b) in bases.iter().enumerate() {
        groups.entry(b.as_str()).or_default().push(k);
    }
    let mut labels = bases.clone();
    for members in groups.values().filter(|m| m.len() > 1) {
        let rests: Vec<Vec<char>> = members.iter().map(|&k| rest_of_last_word(names[k])).collect();
        let with = |extra: usize| -> Vec<String> {
            members
                .iter()
                .zip(&rests)
                .map(|(&k, r)| format!("{}{}", bases[k], r.iter().take(extra).collect::<String>()))
                .collect()
        };
        let distinct = |labels: &[String]| labels.iter().collect::<HashSet<_>>().len();
        // The fewest extra letters that tell as many apart as all of them do (none when
        // letters tell no one apart: the same full name).
        let most = distinct(&with(MAX_EXTRA));
        let extra = (0..=MAX_EXTRA).find(|&e| distinct(&with(e)) == most).unwrap_or(MAX_EXTRA);
        for (&k, label) in members.iter().zip(with(extra)) {
            labels[k] = label;
        }
    }
    // Whatever is still the same gets a number; a label is checked against every label
    // given so far, so the result is unique even when a number makes another's initials.
    let mut seen: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for label in &mut labels {
        if seen.contains(label.as_str()) {
            let n = next.entry(label.clone()).or_insert(2);
            while seen.contains(&format!("{label}{n}")) {
                *n += 1;
            }
            *label = format!("{label}{n}");
            *n += 1;
        }
        seen.insert(label.clone());
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_unique(labels: &[String]) -> bool {
        labels.iter().collect::<HashSet<_>>().len() == labels.len()
    }

    #[test]
    fn the_demos_two_jh_get_the_next_letters_of_their_last_names() {
        let demo = crate::io::parse_session(crate::io::DEMO_RON).expect("demo");
        let names: Vec<&str> = demo.managers.iter().map(|m| m.name.as_str()).collect();
        let labels = unique(&names);
        assert!(all_unique(&labels), "{labels:?}");
        let of = |name: &str| labels[names.iter().position(|n| *n == name).expect(name)].clone();
        assert_eq!(of("Jakob Hviid"), "JHv");
        assert_eq!(of("Jesper Halkjær"), "JHa");
        // Everyone else keeps their plain initials.
        assert_eq!(of("Kasper Møller Lund"), "KML");
        assert_eq!(of("Mette Overgaard"), "MO");
        let changed = names.iter().zip(&labels).filter(|(n, l)| base(n) != **l).count();
        assert_eq!(changed, 2);
    }

    #[test]
    fn one_extra_letter_is_not_enough_so_two_are_used() {
        // Hansen / Hald share "a": "JHan" / "JHal".
        assert_eq!(unique(&["Jens Hansen", "Jonas Hald", "Ida Holm"]), ["JHan", "JHal", "IH"]);
    }

    #[test]
    fn the_same_full_name_and_one_letter_names_get_numbers() {
        assert_eq!(unique(&["Anne Berg", "Anne Berg", "Anne Berg"]), ["AB", "AB2", "AB3"]);
        assert_eq!(unique(&["A B", "A B", "Ann Bo"]), ["AB", "AB2", "ABo"]);
        // A number that makes another's initials is skipped.
        let labels = unique(&["J H", "J H", "J H 2"]);
        assert!(all_unique(&labels), "{labels:?}");
    }

    #[test]
    fn hostile_names_give_short_plain_labels() {
        let long = "Ø".repeat(40_000);
        let words = "a ".repeat(20_000);
        let labels = unique(&["\u{202e}Ida Holm", "Ida Holm", &long, &words, "", "   ", "=1+1", "\t@SUM(A1)"]);
        assert!(all_unique(&labels), "{labels:?}");
        assert_eq!(labels[0], "IH", "the bidi override is skipped");
        assert_eq!(labels[1], "IH2", "the same name after it gets a number");
        assert_eq!(labels[2], "Ø");
        assert_eq!(labels[3], "AAAA", "at most four initials");
        assert_eq!(labels[4], "?");
        assert_eq!(labels[5], "?2");
        assert_eq!(labels[6], "1");
        assert_eq!(labels[7], "S");
        assert!(labels.iter().all(|l| l.chars().count() <= MAX_WORDS + MAX_EXTRA + 1));
        assert!(labels.iter().all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '?')));
    }

    #[test]
    fn labels_are_unique_for_many_generated_names() {
        let session = crate::engine::generate::generate(2_206, 3).expect("generated");
        let names: Vec<&str> = session.managers.iter().map(|m| m.name.as_str()).collect();
        assert!(all_unique(&unique(&names)));
    }
}
