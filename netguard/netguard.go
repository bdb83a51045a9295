// Package netguard keeps fetches of addresses that users give (the /add
// URL) off the machine itself and the networks behind it: loopback,
// private, link-local (cloud metadata at 169.254.169.254), CGNAT,
// multicast and the other ranges that are not the public internet.
//
// The check is made when a connection is dialled, on the IP address it
// is about to connect to, after DNS: a name that resolves to a private
// address, a name that changes its answer between two lookups (DNS
// rebinding) and a redirect to a private address are all refused, not
// only a private address written in the URL.
package netguard

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrBlocked is the error (wrapped) of a connection refused because its
// address is not public.
var ErrBlocked = errors.New("netguard: address is not on the public internet")

// ErrScheme is the error (wrapped) of a redirect to a scheme other than
// http or https.
var ErrScheme = errors.New("netguard: only http and https are fetched")

// nonPublic lists the ranges Public refuses besides those netip names
// (loopback, private, link-local, multicast, unspecified).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT (RFC 6598)
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and the broadcast address
	netip.MustParsePrefix("::/96"),           // IPv4-compatible (deprecated)
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64 (RFC 8215)
	netip.MustParsePrefix("100::/64"),        // discard-only
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("fec0::/10"),       // site-local (deprecated)
}

// nat64 is the well-known NAT64 prefix: its last 32 bits are an IPv4
// address, judged as such.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")

// sixToFour (2002::/16) carries an IPv4 address in its bytes 2–5;
// teredo (2001::/32) is a tunnel to a host behind NAT, no web server.
var (
	sixToFour = netip.MustParsePrefix("2002::/16")
	teredo    = netip.MustParsePrefix("2001::/32")
)

// Public reports whether a is an address of the public internet.
func Public(a netip.Addr) bool {
	a = a.Unmap() // ::ffff:127.0.0.1 is 127.0.0.1
	if !a.IsValid() || a.IsLoopback() || a.IsPrivate() || a.IsUnspecified() ||
		a.IsLinkLocalUnicast() || a.IsMulticast() || a.IsLinkLocalMulticast() || a.IsInterfaceLocalMulticast() {
		return false
	}
	if nat64.Contains(a) {
		b := a.As16()
		return Public(netip.AddrFrom4([4]byte(b[12:])))
	}
	if sixToFour.Contains(a) {
		b := a.As16()
		return Public(netip.AddrFrom4([4]byte(b[2:6]))) // 2002:7f00:0001:: is 127.0.0.1
	}
	if teredo.Contains(a) {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Control is a net.Dialer Control func that refuses, with ErrBlocked, a
// connection to an address allow rejects (nil: Public). It runs after the
// name is resolved and before each connection attempt.
func Control(allow func(netip.Addr) bool) func(network, address string, c syscall.RawConn) error {
	if allow == nil {
		allow = Public
	}
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return fmt.Errorf("%w: %q is not an IP address", ErrBlocked, address)
		}
		if !allow(ap.Addr()) {
			return fmt.Errorf("%w: %s", ErrBlocked, ap.Addr())
		}
		return nil
	}
}

// maxRedirects is how many redirects a fetch follows (as net/http does).
const maxRedirects = 10

// Client is an HTTP client for addresses users give: it connects only to
// addresses allow accepts (nil: Public) — for the first request and
// every redirect — follows only http and https redirects, and uses no
// proxy (through a proxy the address connected to would be the proxy's,
// and the check would say nothing of the page's).
func Client(allow func(netip.Addr) bool) *http.Client {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: Control(allow)}
	tr := &http.Transport{ // Proxy nil: none, whatever the environment says
		DialContext:           d.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          10,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("%w: redirect to %s", ErrScheme, req.URL.Scheme)
			}
			if len(via) >= maxRedirects {
				return fmt.Errorf("netguard: stopped after %d redirects", maxRedirects)
			}
			return nil
		},
	}
}
