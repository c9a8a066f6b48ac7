//! Marks kept in the library (SQLite) rather than a state file: loading them, saving a session's changes merged
//! per mark, and moving an old `state.json` into the library once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::disk::{self, StateFile};
use crate::library::{Library, Mark, MarkKind};

/// The marks kept in the library at `path`, as a state file holds them; empty when there is no library yet.
///
/// # Errors
/// The library cannot be opened or read: the reason, in words.
pub(super) fn load(path: &Path) -> Result<StateFile, String> {
    if !path.exists() {
        return Ok(StateFile::default());
    }
    let lib = Library::open(path).map_err(|e| format!("{e:#}"))?;
    read_back(&lib)
}

/// Writes this session's changes (one transaction, each mark kept unless the library holds a later change of
/// it) and returns every mark as the library now holds them, other readers' changes included.
///
/// # Errors
/// The library cannot be opened or written: the reason, in words.
pub(super) fn save(
    path: &Path,
    read: &BTreeMap<String, (bool, u64)>,
    starred: &BTreeMap<String, (bool, u64)>,
) -> Result<StateFile, String> {
    let mut lib = Library::open(path).map_err(|e| format!("{e:#}"))?;
    let changes = as_marks(read, MarkKind::Read)
        .chain(as_marks(starred, MarkKind::Star))
        .collect::<Vec<_>>();
    lib.set_marks(&changes).map_err(|e| format!("{e:#}"))?;
    read_back(&lib)
}

fn as_marks(
    changes: &BTreeMap<String, (bool, u64)>,
    kind: MarkKind,
) -> impl Iterator<Item = Mark> + '_ {
    changes.iter().map(move |(id, &(value, at))| Mark {
        id: id.clone(),
        kind,
        value,
        changed_at: at as i64,
    })
}

fn read_back(lib: &Library) -> Result<StateFile, String> {
    let mut file = StateFile {
        version: super::STATE_VERSION,
        ..StateFile::default()
    };
    for mark in lib.marks().map_err(|e| format!("{e:#}"))? {
        let (set, times) = match mark.kind {
            MarkKind::Read => (&mut file.read, &mut file.changed.read),
            MarkKind::Star => (&mut file.starred, &mut file.changed.starred),
        };
        if mark.value {
            set.insert(mark.id.clone());
        }
        times.insert(mark.id, mark.changed_at.max(0) as u64);
    }
    Ok(file)
}

/// Moves the marks of the state file at `json` into the library at `library`, once: merged per mark as two
/// readers' saves are (the later change wins), then the file is renamed `state.json.migrated`. Returns a note
/// for the user when something was moved or could not be. A missing file is nothing to do.
pub fn migrate_json(json: &Path, library: &Path) -> Option<String> {
    let bytes = std::fs::read(json).ok()?;
    let file = match disk::parse(&bytes) {
        Ok(file) => file,
        Err(reason) => {
            return Some(format!(
                "the old state file {} could not be read ({reason}); its marks were not moved into the library",
                json.display()
            ));
        }
    };
    let marks = to_marks(&file.read, &file.changed.read, MarkKind::Read)
        .chain(to_marks(
            &file.starred,
            &file.changed.starred,
            MarkKind::Star,
        ))
        .collect::<Vec<_>>();
    let moved = Library::open(library).and_then(|mut lib| lib.set_marks(&marks));
    if let Err(err) = moved {
        return Some(format!(
            "the marks of {} could not be moved into the library: {err:#}",
            json.display()
        ));
    }
    let mut aside = json.as_os_str().to_owned();
    aside.push(".migrated");
    match std::fs::rename(json, &aside) {
        Ok(()) => Some(format!(
            "{} read and {} starred marks moved from {} into the library (the file is kept as {})",
            file.read.len(),
            file.starred.len(),
            json.display(),
            Path::new(&aside).display()
        )),
        Err(err) => Some(format!(
            "the marks of {} were moved into the library but the file could not be renamed: {err}",
            json.display()
        )),
    }
}

/// A state file's marks of one kind, set ones and cleared ones (known by a time of change), as library marks.
fn to_marks<'a>(
    set: &'a BTreeSet<String>,
    times: &'a BTreeMap<String, u64>,
    kind: MarkKind,
) -> impl Iterator<Item = Mark> + 'a {
    let on = set.iter().map(move |id| Mark {
        id: id.clone(),
        kind,
        value: true,
        changed_at: times.get(id).copied().unwrap_or(0) as i64,
    });
    let off = times
        .iter()
        .filter(move |(id, _)| !set.contains(*id))
        .map(move |(id, &at)| Mark {
            id: id.clone(),
            kind,
            value: false,
            changed_at: at as i64,
        });
    on.chain(off)
}
