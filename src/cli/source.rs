//! Where a command's stories come from: the files named, else the library, else the bundled sample.

use std::path::PathBuf;

use crate::corpus::{self, Corpus, LoadOptions, LoadReport};
use crate::library::Library;

use super::LibraryArgs;

/// The corpus of a headless command: the `paths` when some are named, else the library's articles, else (no
/// library yet, or an empty one) the bundled sample. A library is never created here.
///
/// # Errors
/// A path cannot be read, a JSON document is invalid, the library cannot be opened, or `--field` is given
/// without paths (it applies to files only).
pub fn corpus(
    paths: &[PathBuf],
    options: &LoadOptions,
    library: &LibraryArgs,
) -> anyhow::Result<Corpus> {
    if !paths.is_empty() {
        return corpus::load(paths, options);
    }
    if !options.fields.is_empty() {
        anyhow::bail!(
            "--field applies to the files you name, not to the library or the bundled corpus"
        );
    }
    match library_corpus(library)? {
        Some(corpus) => Ok(corpus),
        None => Ok(corpus::bundled()),
    }
}

/// The library's articles as a corpus (one "file" read), or `None` when there is no library or it is empty.
///
/// # Errors
/// The library cannot be opened or read.
pub fn library_corpus(library: &LibraryArgs) -> anyhow::Result<Option<Corpus>> {
    let Some(lib) = Library::open_existing(library.library.as_deref())? else {
        return Ok(None);
    };
    let articles = lib.articles()?;
    if articles.is_empty() {
        return Ok(None);
    }
    Ok(Some(Corpus {
        articles,
        report: LoadReport {
            files_read: 1,
            ..LoadReport::default()
        },
    }))
}
