//! A CSV record reader that knows where every record begins and accounts for
//! every byte: the vendor file and clearance readers are built on it.
//!
//! RFC 4180 with what real vendor masters add: `,`, `;` or tab delimiters
//! ([`detect_delimiter`]), LF, CRLF or CR line ends (each one line, so line
//! numbers are right whatever the file's origin), a byte-order mark, blank
//! lines (skipped and counted). The `csv` crate ends a quoted field silently
//! at the end of the file, which swallowed every row after a stray quote;
//! here a file that ends inside a quoted field is an error naming the line
//! where the field began, and text after a closing quote is a problem of
//! that record alone.
//!
//! ```
//! use vendor_screen::records::{Records, RecordsError};
//! let mut r = Records::new("name\r\n\"Acme, Inc\"\r\n\r\nBeta\r\n".as_bytes(), b',');
//! let header = r.next_record()?.unwrap();
//! assert_eq!((header.line, header.fields.as_slice()), (1, &["name".to_string()][..]));
//! let acme = r.next_record()?.unwrap();
//! assert_eq!((acme.line, acme.fields[0].as_str()), (2, "Acme, Inc"));
//! assert_eq!(r.next_record()?.unwrap().line, 4);
//! assert_eq!(r.blank_lines(), 1);
//!
//! let mut bad = Records::new("name\n\"Acme Widgets\nHuawei\n".as_bytes(), b',');
//! bad.next_record()?;
//! assert!(matches!(bad.next_record(), Err(RecordsError::UnclosedQuote { line: 2 })));
//! # Ok::<(), RecordsError>(())
//! ```

use std::io::BufRead;

/// The longest record kept, in bytes (4 MiB); a longer one is read to its
/// end and reported as a problem of that record.
pub const MAX_RECORD_BYTES: usize = 4 << 20;

/// One record: where it begins, its fields, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line on which the record begins.
    pub line: usize,
    /// Its fields (invalid UTF-8 replaced, and reported in `problem`).
    pub fields: Vec<String>,
    /// Why the record cannot be used as it is, if it cannot: text after a
    /// closing quote, invalid UTF-8, longer than [`MAX_RECORD_BYTES`].
    pub problem: Option<String>,
}

/// What stops reading altogether.
#[derive(Debug, thiserror::Error)]
pub enum RecordsError {
    /// The input ends inside a quoted field.
    #[error(
        "the file ends inside a quoted field that begins on line {line} (a quote is not closed)"
    )]
    UnclosedQuote {
        /// The line where the unclosed field begins.
        line: usize,
    },
    /// Reading failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Reads records one at a time from a buffered reader.
#[derive(Debug)]
pub struct Records<R> {
    input: R,
    delimiter: u8,
    /// Line of the next byte.
    line: usize,
    prev_cr: bool,
    blank: usize,
    started: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    StartField,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl<R: BufRead> Records<R> {
    /// A reader of `input` with the given delimiter.
    pub fn new(input: R, delimiter: u8) -> Records<R> {
        Records {
            input,
            delimiter,
            line: 1,
            prev_cr: false,
            blank: 0,
            started: false,
        }
    }

    /// Blank lines skipped so far.
    pub fn blank_lines(&self) -> usize {
        self.blank
    }

    /// The next byte, counting lines (CRLF, LF and CR each end one line).
    fn next_byte(&mut self) -> std::io::Result<Option<u8>> {
        let buf = self.input.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.input.consume(1);
        match b {
            b'\n' if !self.prev_cr => self.line += 1,
            b'\r' => self.line += 1,
            _ => {}
        }
        self.prev_cr = b == b'\r';
        Ok(Some(b))
    }

    fn peek(&mut self) -> std::io::Result<Option<u8>> {
        Ok(self.input.fill_buf()?.first().copied())
    }

    /// After a `\r`, consumes the `\n` of a CRLF.
    fn end_line(&mut self, b: u8) -> std::io::Result<()> {
        if b == b'\r' && self.peek()? == Some(b'\n') {
            self.next_byte()?;
        }
        Ok(())
    }

    fn skip_bom(&mut self) -> std::io::Result<()> {
        if !self.started {
            self.started = true;
            let buf = self.input.fill_buf()?;
            if buf.starts_with(b"\xef\xbb\xbf") {
                self.input.consume(3);
            }
        }
        Ok(())
    }

    /// The next record, `None` at the end of the input.
    pub fn next_record(&mut self) -> Result<Option<Record>, RecordsError> {
        self.skip_bom()?;
        let mut fields: Vec<Vec<u8>> = Vec::new();
        let mut field: Vec<u8> = Vec::new();
        let mut state = State::StartField;
        let mut start = self.line;
        let mut quote_line = self.line;
        let (mut size, mut problem): (usize, Option<String>) = (0, None);
        let mut empty = true;
        loop {
            let b = self.next_byte()?;
            let Some(b) = b else {
                match state {
                    State::Quoted => return Err(RecordsError::UnclosedQuote { line: quote_line }),
                    _ if empty => return Ok(None),
                    _ => {
                        fields.push(field);
                        break;
                    }
                }
            };
            let newline = b == b'\n' || b == b'\r';
            match state {
                State::StartField | State::Unquoted | State::QuoteInQuoted if newline => {
                    self.end_line(b)?;
                    if empty {
                        // A blank line: not a record.
                        self.blank += 1;
                        start = self.line;
                        continue;
                    }
                    fields.push(field);
                    break;
                }
                State::StartField | State::Unquoted | State::QuoteInQuoted
                    if b == self.delimiter =>
                {
                    fields.push(std::mem::take(&mut field));
                    state = State::StartField;
                }
                State::StartField if b == b'"' => {
                    state = State::Quoted;
                    quote_line = self.line;
                }
                State::Quoted if b == b'"' => state = State::QuoteInQuoted,
                State::QuoteInQuoted if b == b'"' => {
                    field.push(b'"');
                    state = State::Quoted;
                }
                State::QuoteInQuoted => {
                    problem.get_or_insert_with(|| {
                        format!(
                            "field {}: text after its closing quote (a quote inside a quoted field must be doubled)",
                            fields.len() + 1
                        )
                    });
                    field.push(b);
                    state = State::Unquoted;
                }
                State::StartField | State::Unquoted | State::Quoted => {
                    size += 1;
                    if size <= MAX_RECORD_BYTES {
                        field.push(b);
                    } else if size == MAX_RECORD_BYTES + 1 {
                        problem = Some(format!(
                            "the record is longer than {MAX_RECORD_BYTES} bytes"
                        ));
                    }
                    if state == State::StartField {
                        state = State::Unquoted;
                    }
                }
            }
            empty = false;
        }
        let mut out = Vec::with_capacity(fields.len());
        for (i, f) in fields.into_iter().enumerate() {
            match String::from_utf8(f) {
                Ok(s) => out.push(s),
                Err(e) => {
                    problem.get_or_insert_with(|| format!("field {}: not valid UTF-8", i + 1));
                    out.push(String::from_utf8_lossy(e.as_bytes()).into_owned());
                }
            }
        }
        Ok(Some(Record {
            line: start,
            fields: out,
            problem,
        }))
    }
}

/// The delimiter of a file from its first line: the most frequent of `,`,
/// `;` and tab outside quotes (`,` when there is none, a one-column file).
///
/// ```
/// use vendor_screen::records::detect_delimiter;
/// assert_eq!(detect_delimiter(b"Vendor Name;Country\nAcme;US\n"), b';');
/// assert_eq!(detect_delimiter(b"id\tname\n"), b'\t');
/// assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
/// assert_eq!(detect_delimiter(b"name\n"), b',');
/// ```
pub fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in head {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b'\t', b';'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &[u8]) -> Result<Vec<Record>, RecordsError> {
        let mut r = Records::new(text, b',');
        let mut out = Vec::new();
        while let Some(rec) = r.next_record()? {
            out.push(rec);
        }
        Ok(out)
    }

    #[test]
    fn line_numbers_are_right_for_lf_crlf_and_cr() {
        for eol in ["\n", "\r\n", "\r"] {
            let text = format!("h{eol}a{eol}\"b{eol}c\"{eol}{eol}d{eol}");
            let recs = all(text.as_bytes()).unwrap();
            let lines: Vec<usize> = recs.iter().map(|r| r.line).collect();
            assert_eq!(lines, [1, 2, 3, 6], "{eol:?}");
            assert_eq!(recs[2].fields[0], format!("b{eol}c"));
        }
    }

    #[test]
    fn an_unclosed_quote_names_the_line_where_the_field_began() {
        let mut text = String::from("name\n\"Acme Widgets\n");
        for i in 0..1000 {
            text.push_str(&format!("Vendor {i}\n"));
        }
        text.push_str("Huawei Technologies\n");
        match all(text.as_bytes()) {
            Err(RecordsError::UnclosedQuote { line }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        // Also in a later field, after CRLF lines.
        let err = all(b"id,name\r\n1,a\r\n2,\"b\r\n").unwrap_err();
        assert!(
            matches!(err, RecordsError::UnclosedQuote { line: 3 }),
            "{err:?}"
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_a_problem_of_its_record_only() {
        let recs = all(b"\"a\"b,c\nd,e\n").unwrap();
        assert!(recs[0].problem.as_deref().unwrap().contains("field 1"));
        assert_eq!(recs[1].problem, None);
        assert_eq!(recs[1].fields, ["d", "e"]);
    }

    #[test]
    fn quotes_bom_empty_fields_and_no_final_newline() {
        let recs = all(b"\xef\xbb\xbfa,\"x\"\"y\",,\"\"\n\"last\"").unwrap();
        assert_eq!(recs[0].fields, ["a", "x\"y", "", ""]);
        assert_eq!(recs[1].fields, ["last"]);
        assert!(all(b"").unwrap().is_empty());
        assert_eq!(all(b",\n").unwrap()[0].fields, ["", ""]);
    }

    #[test]
    fn invalid_utf8_is_a_problem_of_its_record() {
        let recs = all(b"a\xff,b\n").unwrap();
        assert!(recs[0].problem.as_deref().unwrap().contains("UTF-8"));
    }
}
