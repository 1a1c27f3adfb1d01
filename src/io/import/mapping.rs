//! Which HR column fills which manager field: the fields ([`Field`]), the default Danish
//! headers, and the mapping the user chose and Kalibrer remembers ([`LearnedMapping`]).

use super::read::Sheet;

/// A manager field an HR column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    /// Medarbejdernummer (the stable id).
    Id,
    /// Navn.
    Name,
    /// Niveau (level id or name).
    Level,
    /// Enhed.
    Unit,
    /// Nærmeste leder (an executive's id or name).
    Superior,
    /// Grundløn inkl. faste tillæg.
    Base,
    /// Samlet løn.
    Total,
    /// Topcheftillæg (ja/nej, or the amount per year).
    Top,
    /// Lønramme / løngruppe.
    Grade,
    /// The contract period's first day.
    ContractStart,
    /// The contract period's last day.
    ContractEnd,
}

impl Field {
    /// Every field, in the order of the mapping step.
    pub const ALL: [Self; 11] = [
        Self::Id,
        Self::Name,
        Self::Level,
        Self::Unit,
        Self::Superior,
        Self::Base,
        Self::Total,
        Self::Top,
        Self::Grade,
        Self::ContractStart,
        Self::ContractEnd,
    ];

    /// The Danish name shown in the mapping step and in messages.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "Medarbejdernr",
            Self::Name => "Navn",
            Self::Level => "Niveau",
            Self::Unit => "Enhed",
            Self::Superior => "Nærmeste leder",
            Self::Base => "Grundløn",
            Self::Total => "Samlet løn",
            Self::Top => "Topcheftillæg",
            Self::Grade => "Lønramme",
            Self::ContractStart => "Kontraktstart",
            Self::ContractEnd => "Kontraktslut",
        }
    }

    /// Whether an import needs this field.
    #[must_use]
    pub fn required(self) -> bool {
        matches!(self, Self::Id | Self::Name | Self::Level)
    }
}

/// Maps a header to a field by the default Danish names.
#[must_use]
pub fn default_field(header: &str) -> Option<Field> {
    Some(match header_key(header).as_str() {
        "medarbejdernr" | "medarbejdernummer" | "id" | "medarbejderid" | "mednr" => Field::Id,
        "navn" | "fuldtnavn" => Field::Name,
        "niveau" | "stilling" | "stillingsbetegnelse" => Field::Level,
        "enhed" | "kontor" | "afdeling" => Field::Unit,
        "reference" | "nærmesteleder" | "leder" => Field::Superior,
        "grundløn" | "grundlønårlig" | "grundløninkltillæg" => Field::Base,
        "samletløn" | "løniall" => Field::Total,
        "topchefstillæg" | "topcheftillæg" => Field::Top,
        "lønramme" | "løngruppe" | "lønrammeløngruppe" => Field::Grade,
        "kontraktstart" | "startdato" | "kontraktperiodestart" | "periodestart" => Field::ContractStart,
        "kontraktslut" | "slutdato" | "kontraktperiodeslut" | "periodeslut" => Field::ContractEnd,
        _ => return None,
    })
}

/// A header as it is compared: lower case, letters and digits only ("Fulde navn" and
/// "fulde_navn" are the same column).
#[must_use]
pub fn header_key(header: &str) -> String {
    header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The default mapping of a sheet's columns (None = ignored); a field is mapped once.
#[must_use]
pub fn default_mapping(sheet: &Sheet) -> Vec<Option<Field>> {
    mapping_with(sheet, &LearnedMapping::new())
}

/// The user's own choices for headers, by [`header_key`]: a field, or `None` for a column
/// they chose to ignore. Kept between imports so that next year's file from the same
/// payroll system maps itself.
pub type LearnedMapping = std::collections::BTreeMap<String, Option<Field>>;

/// The mapping of a sheet's columns: the user's earlier choice for a header when there is
/// one, else the default Danish names; a field is mapped once (the first column wins).
#[must_use]
pub fn mapping_with(sheet: &Sheet, learned: &LearnedMapping) -> Vec<Option<Field>> {
    let mut used = Vec::new();
    sheet
        .header
        .iter()
        .map(|h| {
            let f = learned.get(&header_key(h)).copied().unwrap_or_else(|| default_field(h));
            let f = f.filter(|f| !used.contains(f));
            used.extend(f);
            f
        })
        .collect()
}

/// Remembers the choices in `mapping` that differ from the default names (and forgets
/// those set back to the default). Returns how many headers were learned or changed.
pub fn learn(sheet: &Sheet, mapping: &[Option<Field>], learned: &mut LearnedMapping) -> usize {
    let mut changed = 0;
    for (header, field) in sheet.header.iter().zip(mapping) {
        let key = header_key(header);
        if key.is_empty() {
            continue;
        }
        let before = learned.get(&key).copied();
        if *field == default_field(header) {
            learned.remove(&key);
        } else {
            learned.insert(key, *field);
        }
        changed += usize::from(before != learned.get(&header_key(header)).copied());
    }
    changed
}
