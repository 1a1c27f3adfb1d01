//! The in-app file dialog's tests: the listing, choosing (checks, replacing) and ticking.

use super::*;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kalibrer-filedialog-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("Arkiv")).expect("dir");
    for file in ["b.ron", "A.ron", "noter.txt", ".skjult.ron", "tal.csv"] {
        std::fs::write(dir.join(file), "x").expect("file");
    }
    dir
}

#[test]
fn the_listing_has_folders_first_then_the_offered_files_by_name() {
    let dir = temp("list");
    let names = |purpose: &FilePurpose| -> Vec<String> {
        list(&dir, purpose).expect("listed").into_iter().map(|e| e.name).collect()
    };
    assert_eq!(names(&FilePurpose::Open), vec!["Arkiv", "A.ron", "b.ron"]);
    assert_eq!(names(&FilePurpose::Import { history: false }), vec!["Arkiv", "noter.txt", "tal.csv"]);
    let missing = list(&dir.join("findes-ikke"), &FilePurpose::Open).expect_err("no folder");
    assert!(missing.starts_with("Mappen ") && missing.contains("kan ikke læses"), "{missing}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn choosing_checks_the_name_and_asks_before_replacing() {
    let dir = temp("choose");
    let mut open = InAppDialog::new(FilePurpose::Open, &dir, None);
    open.name = "mangler.ron".into();
    assert_eq!(open.choose(), None);
    assert_eq!(open.problem, Some(format!("{} findes ikke.", dir.join("mangler.ron").display())));
    open.name = "noter.txt".into();
    assert_eq!(open.choose(), None, "not a session");
    assert!(open.problem.as_deref().is_some_and(|p| p.ends_with("filtypen skal være .ron.")));
    open.name = "Arkiv".into();
    assert_eq!(open.choose(), None, "a folder typed as the name is entered");
    assert_eq!(open.folder, dir.join("Arkiv"));
    open.name = dir.join("b.ron").display().to_string();
    let chosen = open.choose();
    assert_eq!(
        chosen,
        Some(DialogOutcome::Chosen(FileChoice { purpose: FilePurpose::Open, paths: vec![dir.join("b.ron")] })),
        "a whole path works from any folder"
    );

    let mut save = InAppDialog::new(FilePurpose::SaveAs, &dir, FilePurpose::SaveAs.file_name());
    assert_eq!(save.name, "kalibrering.ron", "the suggested name");
    save.name = "b".into();
    assert_eq!(save.choose(), None);
    assert_eq!(save.overwrite, Some(dir.join("b.ron")), "b.ron exists: asks");
    assert_eq!(save.act(Action::OtherName), None);
    save.name = "ny".into();
    let chosen = save.choose();
    assert_eq!(
        chosen,
        Some(DialogOutcome::Chosen(FileChoice { purpose: FilePurpose::SaveAs, paths: vec![dir.join("ny.ron")] }))
    );
    save.name = "findes-ikke/ny.ron".into();
    assert_eq!(save.choose(), None);
    assert_eq!(save.problem, Some(format!("Mappen {} findes ikke.", dir.join("findes-ikke").display())));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn several_preparations_are_ticked_and_chosen_together() {
    let dir = temp("merge");
    let mut merge = InAppDialog::new(FilePurpose::MergePreps, &dir, None);
    assert_eq!(merge.choose(), None);
    assert_eq!(merge.problem.as_deref(), Some("Vælg en eller flere filer."));
    for file in ["A.ron", "b.ron", "A.ron", "A.ron"] {
        assert_eq!(merge.act(Action::Tick(dir.join(file))), None);
    }
    assert_eq!(merge.ticked_names(), "b.ron, A.ron", "ticked, unticked, ticked again");
    let chosen = merge.choose();
    let paths = vec![dir.join("b.ron"), dir.join("A.ron")];
    assert_eq!(chosen, Some(DialogOutcome::Chosen(FileChoice { purpose: FilePurpose::MergePreps, paths })));
    let _ = std::fs::remove_dir_all(&dir);
}
