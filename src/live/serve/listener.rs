//! How `codepub serve` accepts and holds connections: HTTP/1.1 by hyper on a tokio runtime in
//! one thread of its own, each connection a task, so that a client that is slow to send or to
//! read holds nothing but its own connection. What a client can take is bounded: at most
//! [`CONNECTIONS`] connections at once (more wait in the listen queue, unaccepted, holding no
//! descriptor), a request head of at most [`MAX_HEAD`] bytes (431) read within
//! [`HEADER_TIMEOUT`] (closed), and a write that makes no progress for [`WRITE_TIMEOUT`] ends its
//! connection. Request bodies are never read.
//!
//! When `accept` fails for want of descriptors or memory, the loop waits [`ACCEPT_RETRY`] and
//! tries again, as `axum::serve` does; a failure that concerns one connection is passed over; a
//! listener that can no longer listen ends the loop with its error.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, oneshot};
use tokio_io_timeout::TimeoutStream;

/// Connections served at once.
pub const CONNECTIONS: usize = 64;
/// How long a client has to send a request head, from the connection or the previous answer on.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a write may wait on a client that does not read before the connection is dropped.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest request head (request line and headers), in bytes.
pub const MAX_HEAD: usize = 16 * 1024;
/// How long to wait before accepting again after running out of descriptors or memory.
pub const ACCEPT_RETRY: Duration = Duration::from_secs(1);

/// Serves `site` to the connections `listener` accepts until `stop` fires (or its sender goes):
/// `Ok`, every connection still open dropped with the runtime. `Err` when the listener fails for
/// good.
pub async fn run(listener: TcpListener, site: Router, mut stop: oneshot::Receiver<()>) -> io::Result<()> {
    let places = Arc::new(Semaphore::new(CONNECTIONS));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .max_header_size(MAX_HEAD)
        .max_buf_size(4 * MAX_HEAD);
    loop {
        let (stream, place) = tokio::select! {
            biased;
            _ = &mut stop => return Ok(()),
            accepted = accept(&listener, &places) => accepted?,
        };
        let mut stream = TimeoutStream::new(stream);
        stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let connection = http.serve_connection(TokioIo::new(Box::pin(stream)), TowerToHyperService::new(site.clone()));
        tokio::spawn(async move {
            // A connection ends in an error when its client goes away or times out: nothing to do.
            let _ = connection.await;
            drop(place);
        });
    }
}

/// The next connection, once there is a place for it.
async fn accept(listener: &TcpListener, places: &Arc<Semaphore>) -> io::Result<(TcpStream, OwnedSemaphorePermit)> {
    // Never closed: the error is only the type's.
    let place = Arc::clone(places).acquire_owned().await.map_err(io::Error::other)?;
    loop {
        match listener.accept().await {
            Ok((stream, _)) => return Ok((stream, place)),
            Err(error) => match AcceptFailure::of(&error) {
                AcceptFailure::Connection => {}
                AcceptFailure::Resources => tokio::time::sleep(ACCEPT_RETRY).await,
                AcceptFailure::Listener => return Err(error),
            },
        }
    }
}

/// What a failed `accept` means.
#[derive(Debug, PartialEq, Eq)]
enum AcceptFailure {
    /// The connection went away before it was accepted: accept the next.
    Connection,
    /// Out of descriptors (EMFILE, ENFILE), buffers or memory, or another error that may pass:
    /// wait and try again.
    Resources,
    /// The socket is not listening any more (shut down: EINVAL), or cannot accept at all.
    Listener,
}

impl AcceptFailure {
    fn of(error: &io::Error) -> Self {
        use io::ErrorKind::*;
        match error.kind() {
            ConnectionAborted | ConnectionReset | ConnectionRefused | Interrupted | WouldBlock | TimedOut
            | PermissionDenied => AcceptFailure::Connection,
            InvalidInput | Unsupported => AcceptFailure::Listener,
            _ => AcceptFailure::Resources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_out_of_descriptors_is_waited_out_and_a_listener_shut_down_is_fatal() {
        #[cfg(unix)]
        for errno in [24, 23] {
            // EMFILE, ENFILE
            assert_eq!(AcceptFailure::of(&io::Error::from_raw_os_error(errno)), AcceptFailure::Resources, "{errno}");
        }
        assert_eq!(AcceptFailure::of(&io::ErrorKind::OutOfMemory.into()), AcceptFailure::Resources);
        assert_eq!(AcceptFailure::of(&io::ErrorKind::ConnectionAborted.into()), AcceptFailure::Connection);
        assert_eq!(AcceptFailure::of(&io::ErrorKind::InvalidInput.into()), AcceptFailure::Listener);
    }
}
