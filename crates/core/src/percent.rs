//! Percent-decoding (`%2e` → `.`) of URI paths, strictly: shared by the language server's `file:`
//! URIs and the `serve` command's request paths, which refuse what does not decode.

/// `%XX` escapes decoded; `None` for a malformed escape (`%`, `%2`, `%zz`).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn escapes_decode_and_malformed_ones_are_refused() {
        assert_eq!(decode("/a%2e%2E/%E6%9D%B1").as_deref(), Some("/a../東".as_bytes()));
        for malformed in ["%", "%2", "%zz", "a%g1"] {
            assert_eq!(decode(malformed), None, "{malformed}");
        }
    }
}
