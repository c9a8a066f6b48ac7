//! Read and starred marks per article id, saved atomically in the user's data directory.
