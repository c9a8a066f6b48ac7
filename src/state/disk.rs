//! The state file on disk: its JSON form, the lock around a read-merge-write, and atomic writes.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::STATE_VERSION;

/// The on-disk form: `{"version":1,"read":[...],"starred":[...],"changed":{"read":{id:ms},"starred":{id:ms}}}`,
/// lists sorted. `changed` holds when each mark was last set or cleared (milliseconds since the Unix epoch), so
/// that two readers merge per mark, the later change winning; files written before it existed load with every
/// mark dated 0, and older versions of Cloakroom read the new files (they ignore `changed`).
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub read: BTreeSet<String>,
    #[serde(default)]
    pub starred: BTreeSet<String>,
    #[serde(default)]
    pub changed: Changed,
}

/// When each mark last changed, per kind of mark.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changed {
    #[serde(default)]
    pub read: BTreeMap<String, u64>,
    #[serde(default)]
    pub starred: BTreeMap<String, u64>,
}

/// Parses the file's bytes, saying what is wrong when it is not a state file.
pub fn parse(bytes: &[u8]) -> Result<StateFile, String> {
    let file: StateFile = serde_json::from_slice(bytes).map_err(|err| err.to_string())?;
    if file.version == STATE_VERSION {
        Ok(file)
    } else {
        Err(format!("unsupported version {}", file.version))
    }
}

/// Renames a corrupt state file aside and returns the warning to show.
pub fn set_aside(path: &Path, reason: &str) -> String {
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

/// The path a save writes: a symbolic link is followed, so a state file kept elsewhere (dotfiles) stays linked.
pub fn target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// The folder of `path` (`.` for a bare file name).
pub fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// An exclusive lock on the state file's folder (`flock`), held until dropped, so that two readers never
/// interleave their read-merge-write. The folder is locked rather than the file, which each save replaces, and
/// no lock file is left behind.
pub struct Lock {
    _handle: Option<fs::File>,
}

/// Locks `dir`, waiting for another reader's save to finish. Where locks are not supported, saves go unlocked.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    #[cfg(unix)]
    {
        let handle = fs::File::open(dir)?;
        match handle.lock() {
            Ok(()) => Ok(Lock {
                _handle: Some(handle),
            }),
            Err(err) if err.kind() == io::ErrorKind::Unsupported => Ok(Lock { _handle: None }),
            Err(err) => Err(err),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(Lock { _handle: None })
    }
}

/// Writes `bytes` to `path` through a synced temporary file in `dir`, renamed over it, then syncs `dir`.
pub fn write_atomically(path: &Path, dir: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".state-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|err| err.error)?;
    sync_dir(dir)
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

/// An I/O error as words without the paths it may carry (a temporary file's name means nothing to the user).
pub fn reason(err: &io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code).to_string(),
        None => err.kind().to_string(),
    }
}
