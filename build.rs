//! Build script: fingerprints the extractor's and the search index's source, so that what the library keeps of
//! them (each story's people and bills, the saved index) is set aside by any change to how they are made.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src/extract");
    println!("cargo:rerun-if-changed=src/search");
    println!("cargo:rerun-if-changed=src/roster");
    println!("cargo:rerun-if-changed=assets/roster.tsv");
    // People are linked to the roster as they are extracted: its code and data are part of the extractor.
    let extractor = fingerprint(&["src/extract", "src/roster", "assets/roster.tsv"]);
    println!("cargo:rustc-env=CLOAKROOM_EXTRACTOR_FINGERPRINT={extractor:016x}");
    // The saved search index depends on how people and bills are found and on how the index is made.
    let index = fingerprint(&[
        "src/extract",
        "src/roster",
        "assets/roster.tsv",
        "src/search",
    ]);
    println!("cargo:rustc-env=CLOAKROOM_INDEX_FINGERPRINT={index:016x}");
}

/// FNV-1a over the name and bytes of every file under `dirs`, in name order.
fn fingerprint(dirs: &[&str]) -> u64 {
    let mut files = Vec::new();
    for dir in dirs {
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let name = file.to_string_lossy().into_owned().into_bytes();
        let bytes = std::fs::read(file).unwrap_or_default();
        for b in name.iter().chain(bytes.iter()) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.is_file() {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
