//! The language server's framing on any input: frames read one after another until the input
//! ends, each a message or a malformed frame with its error response; the messages written back
//! as the server writes its own. Every call reads at least one byte or ends, so it never hangs.
#![no_main]

use codepub::lsp::transport::{Frame, FrameReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut frames = FrameReader::new(data);
    let mut out = Vec::new();
    while let Ok(Some(frame)) = frames.next_frame() {
        match frame {
            Frame::Message(message) => {
                let _ = message.write(&mut out);
            }
            Frame::Malformed(malformed) => {
                let response = malformed.response();
                assert!(response["error"]["code"] == -32700 || response["error"]["code"] == -32600);
                let _ = codepub::lsp::transport::write_frame(&mut out, &response.to_string());
            }
        }
        out.clear();
    }
});
