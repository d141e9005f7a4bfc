//! Tests of reading vendor files.

use super::*;
use crate::screen::vendor::IdentifierKind;

fn read(text: &str) -> Result<(Vec<Row>, VendorCounts)> {
    let mut r = VendorReader::new(text.as_bytes(), "v.csv")?;
    let rows = r.by_ref().collect::<Result<Vec<_>>>()?;
    Ok((rows, r.counts()))
}

#[test]
fn an_unclosed_quote_is_an_error_naming_its_line_not_one_long_vendor() {
    let mut text = String::from("name\n\"Acme Widgets\n");
    for i in 0..1000 {
        text.push_str(&format!("Vendor {i}\n"));
    }
    text.push_str("Huawei Technologies\n");
    let err = read(&text).unwrap_err().to_string();
    assert!(err.starts_with("v.csv:2: "), "{err}");
    assert!(err.contains("quote"), "{err}");
}

#[test]
fn headers_are_case_insensitive_with_synonyms_and_duplicates_are_errors() {
    let (rows, _) = read("Supplier Name\tCountry Code\tDUNS\nAcme\tus\t12-345-6789\n").unwrap();
    let Row::Vendor { vendor, .. } = &rows[0] else {
        panic!("{rows:?}")
    };
    assert_eq!(vendor.name, "Acme");
    assert_eq!(vendor.identifiers[0].kind, IdentifierKind::Duns);
    let err = read("name,Vendor Name\na,b\n").unwrap_err().to_string();
    assert!(err.contains("v.csv:1") && err.contains("both"), "{err}");
    let err = read("id,name,ID\n1,a,2\n").unwrap_err().to_string();
    assert!(err.contains("field `id`"), "{err}");
    assert!(read("vendor_id,address\n1,x\n").is_err());
}

#[test]
fn every_row_is_counted_and_lines_are_right_in_crlf_files() {
    let text = "id,name\r\nv1,Acme\r\nv2,\r\n\r\nv3,\"Beta\r\nGamma\"\r\nv4,\0\0\r\nv5,\"x\"y\r\n";
    let (rows, c) = read(text).unwrap();
    assert_eq!((c.rows, c.vendors, c.rejected, c.blank_lines), (5, 2, 3, 1));
    let lines: Vec<usize> = rows
        .iter()
        .map(|r| match r {
            Row::Vendor { line, .. } => *line,
            Row::Rejected(r) => r.line,
        })
        .collect();
    assert_eq!(lines, [2, 3, 5, 7, 8]);
}

#[test]
fn duplicate_ids_are_an_error_only_when_asked() {
    let text = "id,name\nv1,Acme\nv1,Beta\n";
    assert!(read(text).is_ok());
    let mut r = VendorReader::new(text.as_bytes(), "v.csv")
        .unwrap()
        .unique_ids(true);
    let err = r
        .by_ref()
        .collect::<Result<Vec<_>>>()
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("v.csv:3: field `id`") && err.contains("line 2"),
        "{err}"
    );
}
