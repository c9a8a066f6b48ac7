//! Read and starred marks per article id, saved atomically in the user's data directory.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The version written in the `version` field of the state file.
pub const STATE_VERSION: u32 = 1;

/// Read and starred marks, keyed by article id, and where they are saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadState {
    path: Option<PathBuf>,
    read: BTreeSet<String>,
    starred: BTreeSet<String>,
    /// Read marks set (`true`) or cleared (`false`) since the state was loaded.
    read_changes: BTreeMap<String, bool>,
    /// Stars set or cleared since the state was loaded.
    star_changes: BTreeMap<String, bool>,
    dirty: bool,
}

/// The on-disk form: `{"version":1,"read":[...],"starred":[...]}`, lists sorted.
#[derive(Debug, Serialize, Deserialize)]
struct StateFile {
    version: u32,
    #[serde(default)]
    read: BTreeSet<String>,
    #[serde(default)]
    starred: BTreeSet<String>,
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
        match parse(&bytes) {
            Ok(file) => {
                state.read = file.read;
                state.starred = file.starred;
                (state, None)
            }
            Err(reason) => (state, Some(set_aside(path, &reason))),
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
        if set_member(&mut self.read, id, read) {
            self.read_changes.insert(id.to_owned(), read);
            self.dirty = true;
        }
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
        if set_member(&mut self.starred, id, starred) {
            self.star_changes.insert(id.to_owned(), starred);
            self.dirty = true;
        }
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
    /// The marks changed since loading are applied to the file as it is now on disk, so two
    /// readers open at once keep each other's marks (the last change to one article wins).
    ///
    /// # Errors
    /// Any I/O error creating the directory, writing, syncing or renaming; the old file is then
    /// left as it was and no temporary file remains.
    pub fn save(&self) -> io::Result<()> {
        self.save_merged().map(|_| ())
    }

    /// Saves only when a mark changed since the last load or save; returns whether it wrote.
    /// Marks that another reader saved meanwhile become visible here too.
    ///
    /// # Errors
    /// As [`ReadState::save`]; the state then stays dirty so a later call retries.
    pub fn save_if_changed(&mut self) -> io::Result<bool> {
        if !self.dirty {
            return Ok(false);
        }
        if let Some(file) = self.save_merged()? {
            self.read = file.read;
            self.starred = file.starred;
        }
        self.dirty = false;
        Ok(true)
    }

    /// Writes this session's changes over the file on disk; returns what was written.
    fn save_merged(&self) -> io::Result<Option<StateFile>> {
        let Some(path) = self.path.as_deref() else {
            return Ok(None);
        };
        let on_disk = fs::read(path).ok().and_then(|bytes| parse(&bytes).ok());
        let (mut read, mut starred) = match on_disk {
            Some(file) => (file.read, file.starred),
            None => (self.read.clone(), self.starred.clone()),
        };
        apply_changes(&mut read, &self.read_changes);
        apply_changes(&mut starred, &self.star_changes);
        let file = StateFile {
            version: STATE_VERSION,
            read,
            starred,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(io::Error::other)?;
        bytes.push(b'\n');
        write_atomically(path, &bytes)?;
        Ok(Some(file))
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
    let base = xdg_data_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or(data_dir)?;
    Some(base.join("cloakroom").join("state.json"))
}

/// Applies marks set or cleared in this session to `set`.
fn apply_changes(set: &mut BTreeSet<String>, changes: &BTreeMap<String, bool>) {
    for (id, &member) in changes {
        set_member(set, id, member);
    }
}

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

/// Parses the file's bytes, saying what is wrong when it is not a state file.
fn parse(bytes: &[u8]) -> Result<StateFile, String> {
    let file: StateFile = serde_json::from_slice(bytes).map_err(|err| err.to_string())?;
    if file.version == STATE_VERSION {
        Ok(file)
    } else {
        Err(format!("unsupported version {}", file.version))
    }
}

/// Renames a corrupt state file aside and returns the warning to show.
fn set_aside(path: &Path, reason: &str) -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(format!(".corrupt-{secs}"));
    let aside = path.with_file_name(name);
    match fs::rename(path, &aside) {
        Ok(()) => format!(
            "the state file {} was corrupt ({reason}); it was moved to {} and read and starred marks start empty",
            path.display(),
            aside.display()
        ),
        Err(err) => format!(
            "the state file {} is corrupt ({reason}) and could not be moved aside ({err}); read and starred marks start empty",
            path.display()
        ),
    }
}

/// Writes `bytes` to `path` through a synced temporary file in the same directory.
/// A symbolic link is followed, so a state file kept elsewhere (dotfiles) stays linked.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let resolved;
    let path = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            resolved = fs::canonicalize(path)?;
            resolved.as_path()
        }
        _ => path,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".state-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|err| err.error)?;
    sync_dir(&dir)
}

/// Makes a rename in `dir` durable.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Directories cannot be opened for syncing here; the rename is as durable as the platform makes it.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
