//! Which requests `codepub serve` answers at all, before their path is looked at: GET and HEAD
//! (405 otherwise), a URL of at most [`MAX_URL`] bytes (414), and only for this server. A page of
//! another site that rebinds its name to 127.0.0.1 (DNS rebinding) sends its own name as `Host`,
//! and a page of another site or port that calls this server sends its `Origin`: either is
//! refused (403). `Host` must be `localhost`, `127.0.0.1` or `[::1]`, with this server's port or
//! none; an `Origin`, when there is one, must be `http://` and such a host with this server's
//! port. A server listening beyond the loopback (`serve --host 0.0.0.0`) also answers any IP
//! address as the host (`192.168.1.20:3000`), never a name: a rebound name is still refused.

use axum::http::header::{HOST, ORIGIN};
use axum::http::uri::Authority;
use axum::http::{HeaderMap, Method, StatusCode, Uri};

/// The longest path and query answered, in bytes (a finding's link is far shorter).
pub const MAX_URL: usize = 2048;

/// The names of this machine's loopback interface that a browser sends as `Host`.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// Why a request is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No `Host`, several, or one that is not this server on the loopback.
    ForeignHost,
    /// An `Origin` that is not this server.
    ForeignOrigin,
    /// Neither GET nor HEAD.
    Method,
    /// Longer than [`MAX_URL`].
    UrlTooLong,
}

impl Refusal {
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::ForeignHost | Refusal::ForeignOrigin => StatusCode::FORBIDDEN,
            Refusal::Method => StatusCode::METHOD_NOT_ALLOWED,
            Refusal::UrlTooLong => StatusCode::URI_TOO_LONG,
        }
    }

    pub fn text(&self) -> &'static str {
        match self {
            Refusal::ForeignHost => "403 forbidden: not a name of this server\n",
            Refusal::ForeignOrigin => "403 forbidden: a page of another origin\n",
            Refusal::Method => "405 method not allowed: GET and HEAD only\n",
            Refusal::UrlTooLong => "414 URI too long\n",
        }
    }
}

/// Which hosts name this server: its port, and whether it listens beyond the loopback.
#[derive(Clone, Copy, Debug)]
pub struct Names {
    pub port: u16,
    /// Listening on another address than the loopback: IP addresses name it too.
    pub network: bool,
}

/// `Ok` when a request with this method, URL and headers, to the server `names` names, is answered.
pub fn admit(method: &Method, uri: &Uri, headers: &HeaderMap, names: Names) -> Result<(), Refusal> {
    let mut hosts = headers.get_all(HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(host), None) => host.to_str().ok(),
        _ => None,
    };
    if !host.is_some_and(|host| is_this_server(host, names, false)) {
        return Err(Refusal::ForeignHost);
    }
    // A URL in absolute form (`GET http://host/path`) names its host too.
    if let Some(authority) = uri.authority()
        && (uri.scheme_str() != Some("http") || !is_this_server(authority.as_str(), names, false))
    {
        return Err(Refusal::ForeignHost);
    }
    for origin in headers.get_all(ORIGIN) {
        let authority = origin.to_str().ok().and_then(|origin| origin.strip_prefix("http://"));
        if !authority.is_some_and(|authority| is_this_server(authority, names, true)) {
            return Err(Refusal::ForeignOrigin);
        }
    }
    if method != Method::GET && method != Method::HEAD {
        return Err(Refusal::Method);
    }
    if uri.path_and_query().map_or(0, |url| url.as_str().len()) > MAX_URL {
        return Err(Refusal::UrlTooLong);
    }
    Ok(())
}

/// Whether `authority` (`localhost:3000`) names this server: a loopback name (or, on the
/// network, an IP address), and its port or none (an origin's port is 80 when it names none, so
/// it must name this server's).
fn is_this_server(authority: &str, names: Names, origin: bool) -> bool {
    let Ok(authority) = authority.parse::<Authority>() else { return false };
    let host = authority.host();
    let ip = || host.trim_start_matches('[').trim_end_matches(']').parse::<std::net::IpAddr>().is_ok();
    let ours = !authority.as_str().contains('@')
        && (LOOPBACK.iter().any(|name| host.eq_ignore_ascii_case(name)) || (names.network && ip()));
    let port = names.port;
    ours && match authority.port_u16() {
        Some(named) => named == port,
        None => !origin || port == 80,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn admitted(method: Method, url: &str, headers: &[(&'static str, &str)]) -> Result<(), Refusal> {
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        admit(&method, &url.parse().unwrap(), &map, Names { port: 3000, network: false })
    }

    #[test]
    fn on_the_network_an_ip_address_names_this_server_but_a_name_does_not() {
        let on_network = |host: &str, origin: Option<&str>| {
            let mut map = HeaderMap::new();
            map.append("host", HeaderValue::from_str(host).unwrap());
            if let Some(origin) = origin {
                map.append("origin", HeaderValue::from_str(origin).unwrap());
            }
            admit(&Method::GET, &"/".parse().unwrap(), &map, Names { port: 3000, network: true })
        };
        for host in ["192.168.1.20:3000", "10.0.0.7", "[fe80::1]:3000", "localhost:3000"] {
            assert_eq!(on_network(host, None), Ok(()), "{host}");
        }
        assert_eq!(on_network("192.168.1.20:3000", Some("http://192.168.1.20:3000")), Ok(()));
        for host in ["evil.example:3000", "192.168.1.20.nip.io:3000", "192.168.1.20:3001", "user@10.0.0.7"] {
            assert_eq!(on_network(host, None), Err(Refusal::ForeignHost), "{host}");
        }
        let foreign = on_network("192.168.1.20:3000", Some("http://evil.example:3000"));
        assert_eq!(foreign, Err(Refusal::ForeignOrigin));
        // Only on the network: a server on the loopback answers loopback names alone.
        assert_eq!(admitted(Method::GET, "/", &[("host", "192.168.1.20:3000")]), Err(Refusal::ForeignHost));
    }

    #[test]
    fn loopback_names_with_this_port_or_none_are_this_server() {
        for host in
            ["localhost", "localhost:3000", "LOCALHOST:3000", "127.0.0.1", "127.0.0.1:3000", "[::1]", "[::1]:3000"]
        {
            assert_eq!(admitted(Method::GET, "/", &[("host", host)]), Ok(()), "{host}");
        }
        for host in ["evil.example", "localhost:3001", "localhost.evil.example", "127.0.0.2", "user@localhost", ""] {
            assert_eq!(admitted(Method::GET, "/", &[("host", host)]), Err(Refusal::ForeignHost), "{host}");
        }
        assert_eq!(admitted(Method::GET, "/", &[]), Err(Refusal::ForeignHost));
        let two = [("host", "localhost"), ("host", "evil.example")];
        assert_eq!(admitted(Method::GET, "/", &two), Err(Refusal::ForeignHost));
        let absolute = admitted(Method::GET, "http://evil.example/", &[("host", "localhost")]);
        assert_eq!(absolute, Err(Refusal::ForeignHost));
        assert_eq!(admitted(Method::GET, "http://localhost:3000/", &[("host", "localhost")]), Ok(()));
    }

    #[test]
    fn an_origin_must_be_this_server_over_http() {
        let host = ("host", "127.0.0.1:3000");
        for origin in ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"] {
            assert_eq!(admitted(Method::GET, "/", &[host, ("origin", origin)]), Ok(()), "{origin}");
        }
        for origin in
            ["http://evil.example", "null", "https://localhost:3000", "http://localhost", "http://localhost:1"]
        {
            assert_eq!(
                admitted(Method::GET, "/", &[host, ("origin", origin)]),
                Err(Refusal::ForeignOrigin),
                "{origin}"
            );
        }
    }

    #[test]
    fn only_get_and_head_of_short_urls_are_answered() {
        let host = [("host", "localhost")];
        assert_eq!(admitted(Method::HEAD, "/", &host), Ok(()));
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS, Method::PATCH] {
            assert_eq!(admitted(method, "/", &host), Err(Refusal::Method));
        }
        let long = format!("/{}", "a".repeat(MAX_URL));
        assert_eq!(admitted(Method::GET, &long, &host), Err(Refusal::UrlTooLong));
        assert_eq!(admitted(Method::GET, &long[..MAX_URL], &host), Ok(()));
    }
}
