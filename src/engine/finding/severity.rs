//! How serious a finding is ([`Severity`]), and its Danish word.

/// How serious a finding is. Ordered errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Must be fixed before payout.
    Fejl,
    /// Needs the group's attention.
    Advarsel,
    /// For information.
    Info,
}

impl Severity {
    /// Danish word used in CLI output and on screen: `fejl`, `advarsel`, `info`.
    #[must_use]
    pub fn word(self) -> &'static str {
        match self {
            Self::Fejl => "fejl",
            Self::Advarsel => "advarsel",
            Self::Info => "info",
        }
    }
}
