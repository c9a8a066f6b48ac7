//! The `cloakroom` binary: everything is in the library; this only runs the command line.

fn main() -> std::process::ExitCode {
    cloakroom::cli::main()
}
