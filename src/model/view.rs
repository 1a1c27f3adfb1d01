//! A director's view on another director's manager, recorded in a prep before the
//! meeting (*enig*, *spørgsmål* with a written question, *ingen holdning*), and whether
//! the meeting has answered the question.

use serde::{Deserialize, Serialize};

/// What a director thinks of another director's proposal for one manager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stance {
    /// Agrees with the proposal.
    Enig,
    /// Has a question or comment (the text is required).
    Spoergsmaal,
    /// No view.
    IngenHolding,
}

impl Stance {
    /// Danish label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Enig => "enig",
            Self::Spoergsmaal => "spørgsmål",
            Self::IngenHolding => "ingen holdning",
        }
    }
}

/// One director's view on one manager. A manager holds at most one view per director.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// The director (executive id) whose view it is.
    pub by: String,
    /// Agree, question or no view.
    pub stance: Stance,
    /// The written question or comment (required for a question).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Whether the meeting has answered the question (*besvaret*).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub answered: bool,
    /// When it was recorded, ISO 8601 UTC (empty when not known).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub when: String,
}

impl View {
    /// Whether this view is a question (open or answered).
    #[must_use]
    pub fn is_question(&self) -> bool {
        self.stance == Stance::Spoergsmaal
    }

    /// The view as users read it: "spørgsmål: «Hvorfor så højt?» (besvaret)", "enig".
    #[must_use]
    pub fn summary(&self) -> String {
        let mut s = self.stance.label().to_string();
        if !self.text.trim().is_empty() {
            s.push_str(&format!(": «{}»", self.text));
        }
        if self.answered {
            s.push_str(" (besvaret)");
        }
        s
    }

    /// The same view without its time stamp (to compare what was said).
    #[must_use]
    pub fn content(&self) -> Self {
        Self { when: String::new(), ..self.clone() }
    }
}
