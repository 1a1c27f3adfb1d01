//! The public extract of the top manager's resultatløn contract: only the institutional
//! goals and their weights (DOMAIN, Goals). Personal goals, names, salaries, attainment
//! and amounts never appear.

use std::fmt::Write as _;

use crate::model::money::format_percent;
use crate::model::{GoalScope, Session};

use super::html::{esc, page};

/// Renders the public extract for the managers of the highest-ranked level.
#[must_use]
pub fn public_html(session: &Session) -> String {
    let top = session.levels_by_rank().last().map(|&li| session.levels[li].clone());
    let mut b = String::new();
    let _ = write!(
        b,
        "<h1>Resultatlønskontrakt {} – offentlig del</h1><p>{}</p>",
        session.year,
        esc(&session.organisation.name)
    );
    let Some(level) = top else {
        b.push_str("<p>Sessionen har ingen niveauer.</p>");
        return page("Offentlig del af resultatlønskontrakt", &b);
    };
    for m in session.agenda_order().into_iter().map(|i| &session.managers[i]).filter(|m| m.level == level.id) {
        let _ = write!(b, "<h2>{}</h2>", esc(&level.name));
        let institutional: Vec<_> = m.goals.iter().filter(|g| g.scope == GoalScope::Institutional).collect();
        if institutional.is_empty() {
            b.push_str("<p>Kontrakten har ingen institutionelle mål.</p>");
            continue;
        }
        b.push_str("<table><tr><th>Institutionelt mål</th><th class=\"n\">Vægt</th></tr>");
        for g in institutional {
            let _ = write!(b, "<tr><td>{}</td><td class=\"n\">{}</td></tr>", esc(&g.name), format_percent(g.weight));
        }
        b.push_str("</table>");
    }
    b.push_str("<p class=\"muted\">Udtrækket indeholder alene de institutionelle mål og deres vægte. Personlige mål og oplysninger om den enkeltes løn er undtaget.</p>");
    page("Offentlig del af resultatlønskontrakt", &b)
}
