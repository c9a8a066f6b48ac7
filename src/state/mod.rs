//! Read and starred marks per article id, saved atomically in the user's data directory and merged per mark with
//! what other readers saved.

mod disk;
mod library;

pub use library::migrate_json;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use disk::{Changed, StateFile};

/// The version written in the `version` field of the state file.
pub const STATE_VERSION: u32 = 1;

/// A clock: milliseconds since the Unix epoch.
pub type Clock = fn() -> u64;

/// The system clock in milliseconds since the Unix epoch.
pub fn system_clock() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Read and starred marks, keyed by article id, and where they are saved.
#[derive(Debug, Clone)]
pub struct ReadState {
    path: Option<PathBuf>,
    /// Whether `path` is the library (SQLite) rather than a JSON state file.
    in_library: bool,
    read: BTreeSet<String>,
    starred: BTreeSet<String>,
    /// When each mark last changed, as known here (from the file, or from this session).
    changed: Changed,
    /// Read marks set (`true`) or cleared (`false`) since the state was loaded or saved, with when.
    read_changes: BTreeMap<String, (bool, u64)>,
    /// Stars set or cleared since the state was loaded or saved, with when.
    star_changes: BTreeMap<String, (bool, u64)>,
    dirty: bool,
    clock: Clock,
}

impl Default for ReadState {
    fn default() -> Self {
        Self {
            path: None,
            in_library: false,
            read: BTreeSet::new(),
            starred: BTreeSet::new(),
            changed: Changed::default(),
            read_changes: BTreeMap::new(),
            star_changes: BTreeMap::new(),
            dirty: false,
            clock: system_clock,
        }
    }
}

/// Why a save failed; it names the state file (never the temporary file written on the way).
#[derive(Debug, thiserror::Error)]
#[error("could not save read marks to {}: {what}: {reason}", path.display())]
pub struct SaveError {
    /// The state file.
    pub path: PathBuf,
    /// The step that failed.
    pub what: &'static str,
    /// The system's reason.
    pub reason: String,
    /// The kind of the underlying error.
    pub kind: io::ErrorKind,
}

impl ReadState {
    /// An empty state that is kept only in memory: [`ReadState::save`] does nothing.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// An empty state that will be saved to `path`.
    pub fn empty_at(path: &Path) -> Self {
        Self {
            path: Some(path.to_path_buf()),
            ..Self::default()
        }
    }

    /// Uses `clock` to date the marks changed from now on (tests use a fixed clock).
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Loads the state kept at `path`; it will be saved back there.
    ///
    /// Never fails: a missing file gives an empty state and no warning. A file that cannot be
    /// parsed is renamed aside to `<name>.corrupt-<unix seconds>` and an empty state is returned
    /// with a warning naming both files. A file that cannot be read gives an empty state and a
    /// warning. The warning is for the user; the reader still starts.
    pub fn load(path: &Path) -> (ReadState, Option<String>) {
        let mut state = Self::empty_at(path);
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return (state, None),
            Err(err) => {
                let warning = format!(
                    "could not read the state file {}: {err}; read and starred marks start empty",
                    path.display()
                );
                return (state, Some(warning));
            }
        };
        match disk::parse(&bytes) {
            Ok(file) => {
                state.read = file.read;
                state.starred = file.starred;
                state.changed = file.changed;
                (state, None)
            }
            Err(reason) => (state, Some(disk::set_aside(path, &reason))),
        }
    }

    /// Loads the marks kept in the library at `path` (none when it does not exist yet; it is created by the
    /// first save). Saves write only this session's changes, each in the library's own transaction, merged per
    /// mark with other readers' (the later change wins). A library that cannot be read gives empty marks and a
    /// warning, and saves then fail with the reason.
    pub fn load_library(path: &Path) -> (ReadState, Option<String>) {
        let mut state = Self {
            in_library: true,
            ..Self::empty_at(path)
        };
        match library::load(path) {
            Ok(file) => {
                state.read = file.read;
                state.starred = file.starred;
                state.changed = file.changed;
                (state, None)
            }
            Err(reason) => (
                state,
                Some(format!(
                    "could not read marks from the library: {reason}; read and starred marks start empty"
                )),
            ),
        }
    }

    /// Where the state is saved, if anywhere.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether a mark changed since the state was loaded or last saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether the article with this id was read.
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    /// Marks the article read or unread.
    pub fn set_read(&mut self, id: &str, read: bool) {
        let now = self.clock;
        self.dirty |= record(
            (
                &mut self.read,
                &mut self.read_changes,
                &mut self.changed.read,
            ),
            id,
            read,
            now,
        );
    }

    /// Flips the read mark; returns the new value.
    pub fn toggle_read(&mut self, id: &str) -> bool {
        let now = !self.is_read(id);
        self.set_read(id, now);
        now
    }

    /// Whether the article with this id is starred.
    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// Stars or unstars the article.
    pub fn set_starred(&mut self, id: &str, starred: bool) {
        let now = self.clock;
        self.dirty |= record(
            (
                &mut self.starred,
                &mut self.star_changes,
                &mut self.changed.starred,
            ),
            id,
            starred,
            now,
        );
    }

    /// Flips the star; returns the new value.
    pub fn toggle_star(&mut self, id: &str) -> bool {
        let now = !self.is_starred(id);
        self.set_starred(id, now);
        now
    }

    /// Number of articles marked read (including ids not in the current corpus).
    pub fn read_count(&self) -> usize {
        self.read.len()
    }

    /// Number of starred articles (including ids not in the current corpus).
    pub fn starred_count(&self) -> usize {
        self.starred.len()
    }

    /// Saves the state atomically: a temporary file in the same directory is written and
    /// synced, renamed over the target, and the directory is synced. The directory is created
    /// if missing. A crash or kill at any moment leaves either the old or the new file.
    /// An in-memory state (no path) is not saved.
    ///
    /// The marks changed here are merged into the file as it is now on disk, per mark, by time
    /// of change: a mark another reader changed later than this one did keeps the other
    /// reader's value. The read-merge-write holds a lock on the file's folder, so two readers
    /// saving at the same instant both keep their changes.
    ///
    /// # Errors
    /// Any I/O error creating the directory, locking, writing, syncing or renaming, naming the
    /// state file; the old file is then left as it was and no temporary file remains.
    pub fn save(&self) -> Result<(), SaveError> {
        self.save_merged().map(|_| ())
    }

    /// Saves only when a mark changed since the last load or save; returns whether it wrote.
    /// Marks that another reader saved meanwhile become visible here too.
    ///
    /// # Errors
    /// As [`ReadState::save`]; the state then stays dirty so a later call retries.
    pub fn save_if_changed(&mut self) -> Result<bool, SaveError> {
        if !self.dirty {
            return Ok(false);
        }
        if let Some(file) = self.save_merged()? {
            self.read = file.read;
            self.starred = file.starred;
            self.changed = file.changed;
            self.read_changes.clear();
            self.star_changes.clear();
        }
        self.dirty = false;
        Ok(true)
    }

    /// Merges this session's changes into the file on disk under the lock; returns what was written.
    fn save_merged(&self) -> Result<Option<StateFile>, SaveError> {
        let Some(path) = self.path.as_deref() else {
            return Ok(None);
        };
        let fail = |what: &'static str| {
            move |err: io::Error| SaveError {
                path: path.to_path_buf(),
                what,
                reason: disk::reason(&err),
                kind: err.kind(),
            }
        };
        if self.in_library {
            return library::save(path, &self.read_changes, &self.star_changes)
                .map(Some)
                .map_err(|reason| SaveError {
                    path: path.to_path_buf(),
                    what: "cannot write to the library",
                    reason,
                    kind: io::ErrorKind::Other,
                });
        }
        let target = disk::target(path).map_err(fail("cannot follow the link"))?;
        let dir = disk::folder(&target);
        fs::create_dir_all(&dir).map_err(fail("cannot create its folder"))?;
        let _lock = disk::lock(&dir).map_err(fail("cannot lock its folder"))?;
        let on_disk = fs::read(&target)
            .ok()
            .and_then(|bytes| disk::parse(&bytes).ok());
        let mut file = on_disk.unwrap_or_else(|| StateFile {
            read: self.read.clone(),
            starred: self.starred.clone(),
            changed: self.changed.clone(),
            ..StateFile::default()
        });
        file.version = STATE_VERSION;
        merge(&mut file.read, &mut file.changed.read, &self.read_changes);
        merge(
            &mut file.starred,
            &mut file.changed.starred,
            &self.star_changes,
        );
        let mut bytes = serde_json::to_vec_pretty(&file)
            .map_err(|err| fail("cannot encode")(io::Error::other(err)))?;
        bytes.push(b'\n');
        disk::write_atomically(&target, &dir, &bytes)
            .map_err(fail("cannot write"))
            .map(|()| Some(file))
    }
}

/// Applies marks changed in this session to `set`, each unless the file says it changed later.
fn merge(
    set: &mut BTreeSet<String>,
    times: &mut BTreeMap<String, u64>,
    changes: &BTreeMap<String, (bool, u64)>,
) {
    for (id, &(member, at)) in changes {
        if times.get(id).is_some_and(|&theirs| theirs > at) {
            continue;
        }
        set_member(set, id, member);
        times.insert(id.clone(), at);
    }
}

/// The default location of the state file: `$XDG_DATA_HOME/cloakroom/state.json` when that
/// variable holds an absolute path, else the platform's data directory (for example
/// `~/.local/share/cloakroom/state.json`). `None` when no home directory is known.
pub fn default_path() -> Option<PathBuf> {
    default_path_from(std::env::var_os("XDG_DATA_HOME"), dirs::data_dir())
}

/// [`default_path`] with its inputs given, for testing.
pub fn default_path_from(
    xdg_data_home: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    Some(data_dir_from(xdg_data_home, data_dir)?.join("state.json"))
}

/// Cloakroom's data folder (the state file and the library live in it): `cloakroom` under
/// `xdg_data_home` when that is an absolute path, else under the platform's `data_dir`.
pub fn data_dir_from(
    xdg_data_home: Option<OsString>,
    data_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    let base = xdg_data_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or(data_dir)?;
    Some(base.join("cloakroom"))
}

/// Sets or clears `id` in one kind of mark (its set, this session's changes, and when each mark
/// last changed), dated by `clock`; true when the mark changed.
fn record((set, session, dated): OneKind<'_>, id: &str, on: bool, clock: Clock) -> bool {
    if !set_member(set, id, on) {
        return false;
    }
    let now = clock();
    session.insert(id.to_owned(), (on, now));
    dated.insert(id.to_owned(), now);
    true
}

/// One kind of mark, borrowed: the marked ids, this session's changes, and when each changed.
type OneKind<'a> = (
    &'a mut BTreeSet<String>,
    &'a mut BTreeMap<String, (bool, u64)>,
    &'a mut BTreeMap<String, u64>,
);

/// Adds or removes `id`; returns whether the set changed.
fn set_member(set: &mut BTreeSet<String>, id: &str, member: bool) -> bool {
    if member {
        if set.contains(id) {
            false
        } else {
            set.insert(id.to_owned())
        }
    } else {
        set.remove(id)
    }
}
