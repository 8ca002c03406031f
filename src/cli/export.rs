//! `klaim export`: a klaim project file converted to another format.

pub fn run(_args: &[String]) -> Result<bool, String> {
    Err("export is being built (issue: export, import and single-file build)".into())
}
