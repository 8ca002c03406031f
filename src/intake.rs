//! Intake: a file the user dropped, picked or pasted, turned into documents.
//!
//! Pure functions over bytes and `&str`: the page (through `wasm/`) reads the
//! file and shows the result; nothing here touches IO. A file is refused as a
//! whole (an [`IntakeError`] naming the problem) or accepted as a whole, so a
//! bad file never half-changes the library.
//!
//! - `.txt`, `.md` and anything unnamed: the text as it is.
//! - `.html`, `.htm`: reduced to its text; scripts, styles and the like are
//!   dropped, block elements become line breaks, entities are decoded.
//! - `.jsonl`, `.json`: records with a `text` string and optional `id`,
//!   `title` or `name`; `.json` holds one record or an array of them.

use serde::Serialize;

/// Input larger than this is refused before it is decoded. A JSON Lines file
/// of a few thousand articles fits; a 50 MB paste does not.
pub const MAX_FILE_BYTES: usize = 32_000_000;
/// One document larger than this is refused. The longest news article in the
/// samples is under 4 KB and long-form pieces stay under 200 KB; 2 MB leaves a
/// wide margin while keeping the page's rendering and extraction bounded.
pub const MAX_DOCUMENT_BYTES: usize = 2_000_000;
/// Share of undecodable characters above which input is called binary rather
/// than text with a few broken bytes. One broken byte in a hundred characters
/// is already far more than a mis-saved Latin-1 article produces in practice.
const MAX_INVALID_RATIO: f64 = 0.01;
/// Only the start of a file is scanned for NUL bytes: a text file has none
/// anywhere, and binary formats show them within their first block.
const NUL_SCAN_BYTES: usize = 8192;

/// The limits an intake is checked against. `Limits::default()` is what the
/// page uses; tests make smaller ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Limits {
    pub max_file_bytes: usize,
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_file_bytes: MAX_FILE_BYTES, max_document_bytes: MAX_DOCUMENT_BYTES }
    }
}

/// A document ready to be extracted and added to the library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Incoming {
    /// The record's own `id`, when a JSON record had one.
    pub id: Option<String>,
    /// What the library shows: a record's `title` or `name`, else the file
    /// name without its extension (numbered for several records).
    pub name: String,
    pub text: String,
    /// A record's own `url`, `published` and `outlet` strings (what the
    /// project file's document keeps; absent when the record had none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The text's [`crate::content_hash`], computed as the file is read: the
    /// page finds duplicates without sending 5 MB of texts back to be hashed.
    pub hash: String,
}

impl Incoming {
    /// A document with only a name and a text.
    /// Its outlet and date read from the text (`crate::facts`).
    pub fn plain(name: String, text: String) -> Incoming {
        let facts = crate::facts::text_facts(&text);
        Incoming {
            id: None,
            name,
            text,
            url: facts.url,
            published: facts.published,
            outlet: facts.outlet,
            hash: String::new(),
        }
    }
}

/// Everything one file yielded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Intake {
    pub documents: Vec<Incoming>,
    /// Things the user should know that did not stop the intake, in English.
    pub warnings: Vec<String>,
    /// The same, as codes and numbers for the page to word in its language.
    pub notes: Vec<Note>,
}

/// One thing the intake left out or changed, as a code: the page words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: NoteCode,
    /// The file it is about.
    pub name: String,
    /// The 1-based record (JSON Lines line, JSON array item), where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    /// How many (replaced byte sequences), where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteCode {
    /// Invalid UTF-8 sequences were replaced with U+FFFD.
    ReplacedBytes,
    /// A record had no text and was skipped.
    EmptyRecord,
}

impl Note {
    /// The English wording (the CLI's, and `Intake::warnings`).
    pub fn english(&self) -> String {
        match (self.code, self.record) {
            (NoteCode::ReplacedBytes, _) => {
                format!("{}: {} invalid UTF-8 sequences were replaced with U+FFFD", self.name, self.count.unwrap_or(0))
            }
            (NoteCode::EmptyRecord, Some(n)) => format!("{}, record {n}: empty text, skipped", self.name),
            (NoteCode::EmptyRecord, None) => format!("{}: empty text, skipped", self.name),
        }
    }
}

/// Why a file was refused. `kind` and the numbers let the page word the
/// message in its own language; `message` is the English wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IntakeError {
    pub kind: ErrorKind,
    pub message: String,
    /// The size that was too large, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// The limit it exceeded, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    /// The 1-based line (JSON Lines) or record (JSON array) at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What exactly is malformed, for the page to word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
}

/// Why JSON input is malformed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The file (or a line of it) does not parse as JSON.
    NotJson,
    /// A record is not an object.
    NotObject,
    /// A record (or the single object) has no `text` string.
    NoText,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file or one document is over its limit.
    TooLarge,
    /// NUL bytes or too much undecodable data: not a text file.
    Binary,
    /// Nothing but whitespace.
    Empty,
    /// JSON that does not parse, or a record without a `text` string.
    Malformed,
    /// A klaim project file: that is for import, not for adding documents.
    Project,
}

impl std::fmt::Display for IntakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IntakeError {}

/// Turns the file `name` with contents `bytes` into documents.
pub fn intake(name: &str, bytes: &[u8], limits: &Limits) -> Result<Intake, IntakeError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(too_large(name, bytes.len(), limits.max_file_bytes));
    }
    let mut notes = Vec::new();
    let text = decode(name, bytes, &mut notes)?;
    let (stem, ext) = split_name(name);
    let documents = match ext.as_str() {
        "jsonl" | "ndjson" => json_lines(name, &stem, &text)?,
        "json" => json(name, &stem, &text)?,
        _ if is_html(name, &text) => {
            let name = html_title(&text).unwrap_or(stem);
            let (body, facts) = html_article(&text);
            vec![Incoming {
                id: None,
                name,
                text: body,
                url: facts.url,
                published: facts.published,
                outlet: facts.outlet,
                hash: String::new(),
            }]
        }
        _ => vec![Incoming::plain(stem, text)],
    };
    finish(name, documents, notes, limits)
}

/// Whether the file `name` holding `text` is an HTML page: by its extension
/// (`.html`, `.htm`, `.xhtml`), or, without one (standard input), by a
/// doctype or `<html` at its start. The page and `klaim extract` decide
/// alike.
pub fn is_html(name: &str, text: &str) -> bool {
    let (_, ext) = split_name(name);
    match ext.as_str() {
        "html" | "htm" | "xhtml" => true,
        "" => {
            let head = text.trim_start_matches('\u{feff}').trim_start();
            let head = head.get(..head.len().min(16)).unwrap_or("").to_ascii_lowercase();
            head.starts_with("<!doctype html") || head.starts_with("<html")
        }
        _ => false,
    }
}

/// An HTML page as an article: the text a reader sees ([`html_to_text`]) and
/// the page's facts (its metadata's site name, publication time and
/// canonical URL first, then what the text gives).
pub fn html_article(html: &str) -> (String, crate::facts::Facts) {
    let body = html_to_text(html);
    let facts = crate::facts::html_facts(html, &body);
    (body, facts)
}

/// Turns pasted text into one document named `name`, or when `name` is
/// blank, named by its first line (the headline of a pasted article).
pub fn intake_text(name: &str, text: &str, limits: &Limits) -> Result<Intake, IntakeError> {
    // A paste is one document: the document limit is the one that applies.
    if text.len() > limits.max_document_bytes {
        return Err(too_large(name, text.len(), limits.max_document_bytes));
    }
    if text.contains('\0') {
        return Err(binary(name, "it contains NUL characters"));
    }
    let doc_name = if name.trim().is_empty() { first_line_name(text) } else { name.to_owned() };
    let doc = Incoming::plain(doc_name, normalise_newlines(text));
    finish(name, vec![doc], Vec::new(), limits)
}

/// A document name from the first non-empty line: at most 80 characters,
/// cut at a word boundary with `…`.
fn first_line_name(text: &str) -> String {
    const MAX: usize = 80;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= MAX {
        return line;
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// The `<title>` of an HTML document, entities decoded and white space
/// collapsed, if it has a non-empty one.
pub fn html_title(html: &str) -> Option<String> {
    let open = find_ignore_case(html, "<title")?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + find_ignore_case(&html[start..], "</title")?;
    let title = decode_entities(&html[start..end]).split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

/// The text of an HTML document as a reader sees it: one line per block,
/// whitespace collapsed as a browser would, entities decoded, and nothing from
/// `<script>`, `<style>`, `<head>` (except `<title>`) and similar.
pub fn html_to_text(html: &str) -> String {
    let mut out = Text::default();
    let mut rest = html;
    let mut pre = 0usize;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            out.push_text(&decode_entities(rest), pre > 0);
            break;
        };
        out.push_text(&decode_entities(&rest[..lt]), pre > 0);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            // A `<` that opens no tag is text, as in a browser.
            out.push_text("<", pre > 0);
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag_name(tag.trim_start_matches('/'));
        if name.is_empty() || tag.starts_with('!') || tag.starts_with('?') {
            continue; // Doctype, processing instruction or stray `<>`.
        }
        if !closing && SKIPPED.contains(&name.as_str()) {
            // Everything up to the matching close tag is dropped, as is the
            // rest of the file when it is never closed.
            let close = format!("</{name}");
            rest = find_ignore_case(rest, &close)
                .map_or("", |at| rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]));
            continue;
        }
        if name == "pre" {
            pre = if closing { pre.saturating_sub(1) } else { pre + 1 };
        }
        if name == "br" {
            out.line_break();
        } else if BLOCKS.contains(&name.as_str()) {
            out.block();
        } else if name == "td" || name == "th" {
            out.push_text(" ", false);
        }
    }
    out.finish()
}

// Helpers.

/// Elements whose content is never text a reader sees.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "head", "select",
    "textarea", "button",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "title",
    "tr",
    "ul",
];

fn too_large(name: &str, size: usize, limit: usize) -> IntakeError {
    IntakeError {
        kind: ErrorKind::TooLarge,
        message: format!("{name} is too large: {} (the limit is {})", human(size), human(limit)),
        size: Some(size),
        limit: Some(limit),
        line: None,
        reason: None,
    }
}

fn binary(name: &str, why: &str) -> IntakeError {
    IntakeError {
        kind: ErrorKind::Binary,
        message: format!("{name} is not a text file: {why}"),
        size: None,
        limit: None,
        line: None,
        reason: None,
    }
}

fn malformed(name: &str, line: Option<usize>, reason: Reason, what: String) -> IntakeError {
    let message = match line {
        Some(n) => format!("{name}, record {n}: {what}"),
        None => format!("{name}: {what}"),
    };
    IntakeError { kind: ErrorKind::Malformed, message, size: None, limit: None, line, reason: Some(reason) }
}

/// Decimal units, as file managers show sizes (and as the limits are set).
fn human(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else if bytes >= 1_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{bytes} bytes")
    }
}

/// Bytes to text: UTF-8 (a BOM dropped) or UTF-16 with a BOM; binary refused;
/// a few broken bytes replaced with U+FFFD and a warning.
fn decode(name: &str, bytes: &[u8], notes: &mut Vec<Note>) -> Result<String, IntakeError> {
    if let Some(text) = decode_utf16(bytes) {
        return text.ok_or_else(|| binary(name, "its UTF-16 is broken"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes[..bytes.len().min(NUL_SCAN_BYTES)].contains(&0) {
        return Err(binary(name, "it contains NUL bytes"));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count();
            let all = text.chars().count().max(1);
            if bad as f64 / all as f64 > MAX_INVALID_RATIO {
                return Err(binary(name, &format!("{bad} of its {all} characters are not valid UTF-8")));
            }
            notes.push(Note { code: NoteCode::ReplacedBytes, name: name.to_owned(), record: None, count: Some(bad) });
            text
        }
    };
    Ok(normalise_newlines(&text))
}

/// `Some` when `bytes` start with a UTF-16 byte order mark: `Some(None)` when
/// what follows is not valid UTF-16.
fn decode_utf16(bytes: &[u8]) -> Option<Option<String>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Some(None);
    }
    let units = body.chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    let text: Result<String, _> = char::decode_utf16(units).collect();
    Some(text.ok().filter(|t| !t.contains('\0')).map(|t| normalise_newlines(&t)))
}

/// `\r\n` and lone `\r` become `\n`, so offsets agree whatever system saved
/// the file and the DOM (which normalises them too) shows the same text.
fn normalise_newlines(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    }
}

/// `"berita.utama.HTML"` → (`"berita.utama"`, `"html"`). A path is cut to its
/// last component.
fn split_name(name: &str) -> (String, String) {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem.to_owned(), ext.to_ascii_lowercase()),
        _ => (base.to_owned(), String::new()),
    }
}

/// Checks the documents against the limits and drops nothing silently.
fn finish(name: &str, documents: Vec<Incoming>, mut notes: Vec<Note>, limits: &Limits) -> Result<Intake, IntakeError> {
    let mut kept = Vec::with_capacity(documents.len());
    let n = documents.len();
    for (i, doc) in documents.into_iter().enumerate() {
        if doc.text.len() > limits.max_document_bytes {
            let mut e = too_large(&doc.name, doc.text.len(), limits.max_document_bytes);
            if n > 1 {
                e.line = Some(i + 1);
                e.message = format!("{name}, record {}: {}", i + 1, e.message);
            }
            return Err(e);
        }
        if doc.text.trim().is_empty() {
            if n == 1 {
                return Err(IntakeError {
                    kind: ErrorKind::Empty,
                    message: format!("{name} has no text"),
                    size: None,
                    limit: None,
                    line: None,
                    reason: None,
                });
            }
            notes.push(Note { code: NoteCode::EmptyRecord, name: name.to_owned(), record: Some(i + 1), count: None });
            continue;
        }
        kept.push(Incoming { hash: crate::content_hash(&doc.text), ..doc });
    }
    if kept.is_empty() {
        return Err(IntakeError {
            kind: ErrorKind::Empty,
            message: format!("{name} has no documents with text"),
            size: None,
            limit: None,
            line: None,
            reason: None,
        });
    }
    Ok(Intake { documents: kept, warnings: notes.iter().map(Note::english).collect(), notes })
}

fn json_lines(name: &str, stem: &str, text: &str) -> Result<Vec<Incoming>, IntakeError> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| malformed(name, Some(i + 1), Reason::NotJson, format!("not JSON ({e})")))?;
        docs.push(record(name, &value, i + 1)?);
    }
    number_names(&mut docs, stem);
    Ok(docs)
}

fn json(name: &str, stem: &str, text: &str) -> Result<Vec<Incoming>, IntakeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| malformed(name, None, Reason::NotJson, format!("not JSON ({e})")))?;
    if value.get("format").and_then(|f| f.as_str()) == Some(crate::project::FORMAT) {
        return Err(IntakeError {
            kind: ErrorKind::Project,
            message: format!("{name} is a klaim project file: import it instead of adding it as a document"),
            size: None,
            limit: None,
            line: None,
            reason: None,
        });
    }
    let mut docs = match &value {
        serde_json::Value::Array(items) => {
            items.iter().enumerate().map(|(i, v)| record(name, v, i + 1)).collect::<Result<Vec<_>, _>>()?
        }
        single => vec![record(name, single, 0).map_err(|mut e| {
            e.line = None;
            e.message = format!("{name}: the object has no `text` string");
            e
        })?],
    };
    number_names(&mut docs, stem);
    Ok(docs)
}

/// One JSON record: `text` is required; `id` may be a string or a number.
fn record(name: &str, value: &serde_json::Value, n: usize) -> Result<Incoming, IntakeError> {
    let Some(obj) = value.as_object() else {
        return Err(malformed(name, Some(n), Reason::NotObject, "not an object".into()));
    };
    let Some(text) = obj.get("text").and_then(|t| t.as_str()) else {
        return Err(malformed(name, Some(n), Reason::NoText, "no `text` string".into()));
    };
    let id = obj.get("id").and_then(|v| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let label = ["title", "name"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_owned)
        .or_else(|| id.clone())
        .unwrap_or_default();
    let string = |key: &str| obj.get(key).and_then(|v| v.as_str()).map(str::to_owned);
    let text = normalise_newlines(text);
    let given = crate::facts::Facts { outlet: string("outlet"), published: string("published"), url: string("url") };
    let facts = crate::facts::Facts::given_over(given, crate::facts::text_facts(&text));
    Ok(Incoming {
        id,
        name: label,
        url: facts.url,
        published: facts.published,
        outlet: facts.outlet,
        text,
        hash: String::new(),
    })
}

/// Records without a title, name or id are called `stem 1`, `stem 2`, ...
fn number_names(docs: &mut [Incoming], stem: &str) {
    let single = docs.len() == 1;
    for (i, doc) in docs.iter_mut().enumerate() {
        if doc.name.is_empty() {
            doc.name = if single { stem.to_owned() } else { format!("{stem} {}", i + 1) };
        }
    }
}

/// Collected text with HTML's whitespace rules: runs of spaces collapse,
/// blocks start on a new line, no line starts or ends with a space.
#[derive(Default)]
struct Text {
    out: String,
    /// A space is owed before the next visible character.
    space: bool,
}

impl Text {
    fn push_text(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if pre {
                self.space = false;
                self.out.push(if c == '\r' { '\n' } else { c });
            } else if c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
            } else {
                if self.space && !self.out.is_empty() && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.space = false;
                self.out.push(if c == '\u{a0}' { ' ' } else { c });
            }
        }
    }

    fn line_break(&mut self) {
        self.space = false;
        self.out.push('\n');
    }

    fn block(&mut self) {
        self.space = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn finish(self) -> String {
        let lines: Vec<&str> = self.out.lines().map(str::trim_end).collect();
        // Leading and trailing blank lines go; at most one blank line between
        // paragraphs survives from `<br><br>`.
        let mut text = String::with_capacity(self.out.len());
        let mut blank = 0;
        for line in lines {
            if line.is_empty() {
                blank += 1;
                continue;
            }
            if !text.is_empty() {
                text.push_str(if blank > 0 { "\n\n" } else { "\n" });
            }
            blank = 0;
            text.push_str(line);
        }
        text
    }
}

/// The index of the `>` closing the tag that starts `s` (which starts with
/// `<`), skipping `>` inside quoted attribute values. `None` when `s` does not
/// start a tag.
fn tag_end(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!' || next == '?') {
        return None;
    }
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn tag_name(tag: &str) -> String {
    tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Decodes `&amp;`, `&#8220;`, `&#x201C;` and the named entities news sites
/// use; an unknown or unterminated entity stays as written.
pub(crate) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '#')).map(|i| i + 1);
        let body = &rest[1..end.unwrap_or(rest.len())];
        let decoded = if let Some(num) = body.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            code.map(|c| char::from_u32(c).filter(|&c| c != '\0').unwrap_or(char::REPLACEMENT_CHARACTER))
        } else {
            named_entity(body)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let used = 1 + body.len();
                let semi = rest[used..].starts_with(';') as usize;
                rest = &rest[used + semi..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sup2" => '²',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "sect" => '§',
        "para" => '¶',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `html` reduces to `expect`.
    #[track_caller]
    fn check_html(html: &str, expect: &str) {
        assert_eq!(html_to_text(html), expect, "html: {html:?}");
    }

    /// Checks the names and texts of the documents a file yields.
    #[track_caller]
    fn check_ok(name: &str, bytes: &[u8], expect: &[(&str, &str)]) {
        let got = intake(name, bytes, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let got: Vec<(&str, &str)> = got.documents.iter().map(|d| (d.name.as_str(), d.text.as_str())).collect();
        assert_eq!(got, expect, "{name}");
    }

    /// Checks that a file is refused with `kind` and a message containing `says`.
    #[track_caller]
    fn check_err(name: &str, bytes: &[u8], limits: Limits, kind: ErrorKind, says: &str) {
        let e = intake(name, bytes, &limits).expect_err(name);
        assert_eq!(e.kind, kind, "{name}: {}", e.message);
        assert!(e.message.contains(says), "{name}: {:?} should contain {says:?}", e.message);
    }

    #[test]
    fn html_is_reduced_to_text() {
        check_html("<p>Satu</p><p>Dua</p>", "Satu\nDua");
        check_html("<p>a <b>tebal</b>   dan\n  <i>miring</i></p>", "a tebal dan miring");
        check_html("x<br>y<br/><br>z", "x\ny\n\nz");
        check_html("<script>alert('<p>x</p>')</script><p>teks</p>", "teks");
        check_html("<STYLE>p{}</STYLE><SCRIPT type=x>1<2</SCRIPT>ok", "ok");
        check_html("<!-- <p>komentar</p> -->isi", "isi");
        check_html("<head><title>Judul</title><meta charset=utf-8></head><body><h1>H</h1><p>B</p></body>", "H\nB");
        check_html(
            "&ldquo;Kami siap,&rdquo; kata &amp; &#8220;x&#x201D; &lt;img&gt; &bogus; &",
            "“Kami siap,” kata & “x” <img> &bogus; &",
        );
        check_html("<a href=\"a>b\">tautan</a> ok", "tautan ok");
        check_html("1 < 2 dan 3 > 2", "1 < 2 dan 3 > 2");
        check_html("<pre>  a\n  b</pre><p>c</p>", "  a\n  b\nc");
        check_html("<ul><li>satu</li><li>dua</li></ul>", "satu\ndua");
        check_html("<table><tr><td>a</td><td>b</td></tr></table>", "a b");
        check_html("<script>never closed <p>x</p>", "");
        check_html("Rp&nbsp;5", "Rp 5");
    }

    #[test]
    fn text_files_are_taken_as_they_are() {
        check_ok("berita.txt", "Kata Budi.\nBaris dua.".as_bytes(), &[("berita", "Kata Budi.\nBaris dua.")]);
        check_ok("catatan.MD", b"# Judul\r\nisi\r\n", &[("catatan", "# Judul\nisi\n")]);
        check_ok("a/b/c.v2.txt", b"x", &[("c.v2", "x")]);
        check_ok("tanpa-ekstensi", b"x", &[("tanpa-ekstensi", "x")]);
        check_ok("bom.txt", b"\xEF\xBB\xBFisi", &[("bom", "isi")]);
        check_ok("utf16.txt", b"\xFF\xFEa\x00\x1C\x20", &[("utf16", "a“")]);
        check_ok("halaman.html", b"<p>A</p><script>x()</script><p>B</p>", &[("halaman", "A\nB")]);
        check_ok(
            "h.html",
            b"<head><title> Harga &amp; BBM\n naik </title></head><h1>Judul</h1><p>Isi</p>",
            &[("Harga & BBM naik", "Judul\nIsi")],
        );
    }

    #[test]
    fn json_records_become_documents() {
        check_ok(
            "korpus.jsonl",
            b"{\"id\": \"a1\", \"text\": \"satu\"}\n\n{\"title\": \"Judul\", \"text\": \"dua\"}\n{\"id\": 7, \"text\": \"tiga\"}\n{\"text\": \"empat\"}\n",
            &[("a1", "satu"), ("Judul", "dua"), ("7", "tiga"), ("korpus 4", "empat")],
        );
        check_ok("satu.json", b"{\"text\": \"isi\", \"name\": \"Nama\"}", &[("Nama", "isi")]);
        check_ok(
            "daftar.json",
            b"[{\"text\": \"a\"}, {\"text\": \"b\", \"id\": \"x\"}]",
            &[("daftar 1", "a"), ("x", "b")],
        );
        let got = intake("k.jsonl", b"{\"id\": \"a1\", \"text\": \"satu\"}", &Limits::default()).unwrap();
        assert_eq!(got.documents[0].id.as_deref(), Some("a1"));
        // A record's own url, published and outlet are kept.
        let line = br#"{"id": "k-9", "text": "isi", "url": "https://contoh.id/a", "published": "2024-03-01T10:00:00+07:00", "outlet": "Kompas", "lain": 1}"#;
        let got = intake("k.jsonl", line, &Limits::default()).unwrap();
        let d = &got.documents[0];
        assert_eq!(
            (d.id.as_deref(), d.url.as_deref(), d.published.as_deref(), d.outlet.as_deref()),
            (Some("k-9"), Some("https://contoh.id/a"), Some("2024-03-01"), Some("Kompas"))
        );
        let got = intake("k.jsonl", b"{\"text\": \"isi\", \"url\": 5}", &Limits::default()).unwrap();
        assert_eq!(got.documents[0].url, None, "only strings are kept");
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let limits = Limits::default();
        check_err("foto.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", limits, ErrorKind::Binary, "NUL bytes");
        check_err(
            "acak.txt",
            &[0xC3, 0x28, 0xA0, 0xA1, b'a', 0xFF, 0xFE, 0xFD],
            limits,
            ErrorKind::Binary,
            "not valid UTF-8",
        );
        check_err("kosong.txt", b"  \n\t", limits, ErrorKind::Empty, "no text");
        check_err("k.jsonl", b"{\"text\": \"a\"}\n{oops}\n", limits, ErrorKind::Malformed, "record 2: not JSON");
        check_err(
            "k.jsonl",
            b"{\"text\": \"a\"}\n{\"teks\": \"b\"}\n",
            limits,
            ErrorKind::Malformed,
            "record 2: no `text` string",
        );
        check_err("k.json", b"{\"body\": 1}", limits, ErrorKind::Malformed, "no `text` string");
        check_err("k.json", b"[1]", limits, ErrorKind::Malformed, "record 1: not an object");
        check_err(
            "p.json",
            b"{\"format\": \"klaim-project\", \"version\": 1}",
            limits,
            ErrorKind::Project,
            "import it",
        );
        let small = Limits { max_file_bytes: 10, max_document_bytes: 4 };
        check_err("besar.txt", b"12345678901", small, ErrorKind::TooLarge, "11 bytes (the limit is 10 bytes)");
        check_err("dok.txt", b"12345", small, ErrorKind::TooLarge, "too large");
        check_err(
            "k.jsonl",
            b"{\"text\":\"12345\"}",
            Limits { max_file_bytes: 100, max_document_bytes: 4 },
            ErrorKind::TooLarge,
            "too large",
        );
    }

    /// Checks the reason code (and record) a malformed file is refused with.
    #[track_caller]
    fn check_reason(name: &str, bytes: &[u8], reason: Reason, line: Option<usize>) {
        let e = intake(name, bytes, &Limits::default()).expect_err(name);
        assert_eq!((e.reason, e.line), (Some(reason), line), "{name}: {}", e.message);
    }

    #[test]
    fn malformed_files_say_why_as_a_code() {
        check_reason("a.jsonl", b"{\"text\": \"x\"}\n{oops", Reason::NotJson, Some(2));
        check_reason("a.json", b"[1, 2", Reason::NotJson, None);
        check_reason("a.json", b"[{\"text\": \"x\"}, 5]", Reason::NotObject, Some(2));
        check_reason("a.jsonl", b"{\"title\": \"x\"}", Reason::NoText, Some(1));
        check_reason("a.json", b"{\"title\": \"x\"}", Reason::NoText, None);
        let got = intake("a.jsonl", b"{\"text\": \"x\"}\n{\"text\": \" \"}", &Limits::default()).unwrap();
        assert_eq!((got.notes[0].code, got.notes[0].record), (NoteCode::EmptyRecord, Some(2)));
        assert_eq!(got.warnings, ["a.jsonl, record 2: empty text, skipped"]);
    }

    #[test]
    fn a_few_broken_bytes_are_replaced_with_a_warning() {
        let mut text = "a".repeat(500).into_bytes();
        text.push(0xFF);
        let got = intake("hampir.txt", &text, &Limits::default()).unwrap();
        assert!(got.documents[0].text.ends_with('\u{FFFD}'));
        assert_eq!(got.warnings.len(), 1);
        assert_eq!((got.notes[0].code, got.notes[0].count), (NoteCode::ReplacedBytes, Some(1)));
    }

    #[test]
    fn pasted_text_is_checked_too() {
        let small = Limits { max_file_bytes: 100, max_document_bytes: 4 };
        assert_eq!(intake_text("tempel", "12345", &small).unwrap_err().kind, ErrorKind::TooLarge);
        assert_eq!(intake_text("tempel", "a\0b", &small).unwrap_err().kind, ErrorKind::Binary);
        assert_eq!(intake_text("tempel", " ", &small).unwrap_err().kind, ErrorKind::Empty);
        let ok = intake_text("tempel", "a\r\nb", &Limits::default()).unwrap();
        assert_eq!(ok.documents[0].text, "a\nb");
        // Without a name, the headline names it.
        let named =
            intake_text(" ", "\n  Harga BBM   naik besok \nPertamina menaikkan harga.", &Limits::default()).unwrap();
        assert_eq!(named.documents[0].name, "Harga BBM naik besok");
        let long = format!("{} akhir", "kata ".repeat(30));
        let named = intake_text("", &long, &Limits::default()).unwrap();
        assert!(named.documents[0].name.ends_with("kata…") && named.documents[0].name.chars().count() <= 81);
        // A paste is one document: the message names the document limit.
        let big = "x".repeat(MAX_DOCUMENT_BYTES + 1);
        let e = intake_text("tempel", &big, &Limits::default()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("2.0 MB (the limit is 2.0 MB)"), "{}", e.message);
        let huge = "x".repeat(50_000_000);
        assert!(intake_text("tempel", &huge, &Limits::default())
            .unwrap_err()
            .message
            .contains("50.0 MB (the limit is 2.0 MB)"));
    }

    #[test]
    fn never_panics_on_odd_html() {
        for html in ["<", "<<>>", "</", "<a", "&#xFFFFFFFF;", "&#0;", "<p <p>", "<script", "<!--", "é<é>é", "&#x;"] {
            let _ = html_to_text(html);
        }
    }
}
