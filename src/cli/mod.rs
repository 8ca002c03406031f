//! The subcommands. Each `run` takes the arguments after its name and returns
//! `Ok(true)` on full success, `Ok(false)` when some input failed but the rest
//! was processed, and `Err` for a usage error.

pub mod agree;
pub mod bench;
mod benchlib;
pub mod export;
pub mod extract;
pub mod import;
pub mod link;
mod ordered;
pub mod samples;

use std::io::Read;

/// Reads a file (or standard input for `-`) as text, decoding invalid UTF-8
/// lossily with a warning that names the file.
pub fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| format!("{path}: {e}"))?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("klaim: warning: {path}: invalid UTF-8, decoded lossily");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    })
}

/// What a command returns when its reader went away (`klaim extract … | head`):
/// `main` then exits quietly, as Unix tools do when their pipe closes,
/// instead of reporting `Broken pipe` as an error.
pub const CLOSED: &str = "stdout closed";

/// A failed write to standard output as a command's error: [`CLOSED`] when
/// the reader went away, the error otherwise.
pub fn stdout_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CLOSED.to_owned()
    } else {
        format!("stdout: {e}")
    }
}

/// Takes the value after a flag, or says which flag lacks one.
pub fn value<'a>(args: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a String, String> {
    args.next().ok_or_else(|| format!("{flag} needs a value"))
}
