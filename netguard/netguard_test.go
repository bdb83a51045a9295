package netguard

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
)

func TestPublic(t *testing.T) {
	t.Parallel()
	for addr, want := range map[string]bool{
		"93.184.216.34":          true,
		"8.8.8.8":                true,
		"2606:4700:4700::1111":   true,
		"2002:7f00:1::":          false, // 6to4 of 127.0.0.1
		"2002:a9fe:a9fe::":       false, // 6to4 of 169.254.169.254
		"2002:5db8:d822::":       true,  // 6to4 of 93.184.216.34
		"2001:0:4136:e378::1":    false, // Teredo
		"64:ff9b::808:808":       true,  // NAT64 of 8.8.8.8
		"100.63.255.255":         true,  // just below CGNAT
		"172.32.0.1":             true,  // just above 172.16/12
		"127.0.0.1":              false,
		"127.8.9.10":             false,
		"::1":                    false,
		"::ffff:127.0.0.1":       false, // IPv4-mapped loopback
		"::ffff:10.0.0.1":        false,
		"10.1.2.3":               false,
		"172.16.0.1":             false,
		"172.31.255.255":         false,
		"192.168.1.1":            false,
		"fc00::1":                false,
		"fd12:3456::1":           false,
		"169.254.169.254":        false, // cloud metadata
		"169.254.1.1":            false,
		"fe80::1":                false,
		"fe80::1%eth0":           false,
		"0.0.0.0":                false,
		"0.1.2.3":                false,
		"::":                     false,
		"224.0.0.1":              false,
		"239.255.255.250":        false,
		"ff02::1":                false,
		"ff0e::1":                false,
		"100.64.0.1":             false, // CGNAT
		"100.127.255.255":        false,
		"255.255.255.255":        false,
		"240.0.0.1":              false,
		"198.18.0.1":             false,
		"64:ff9b::7f00:1":        false, // NAT64 of 127.0.0.1
		"64:ff9b::a9fe:a9fe":     false, // NAT64 of 169.254.169.254
		"::127.0.0.1":            false, // IPv4-compatible
		"fec0::1":                false,
		"2001:db8::1":            false,
		"192.0.0.8":              false,
		"203.0.113.5":            false,
		"::ffff:169.254.169.254": false,
	} {
		a, err := netip.ParseAddr(addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := Public(a); got != want {
			t.Errorf("Public(%s) = %v, want %v", addr, got, want)
		}
	}
	if Public(netip.Addr{}) {
		t.Error("the zero address is public")
	}
}

// site is a loopback server that counts its requests.
func site(t *testing.T, addr string, h http.HandlerFunc) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	if addr != "" {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			t.Skipf("cannot listen on %s: %v", addr, err)
		}
		srv.Listener.Close()
		srv.Listener = l
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &hits
}

func get(t *testing.T, c *http.Client, url string) error {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return err
}

func ok(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("page")) }

// By default a loopback server is not reached, by address or by a name
// that resolves to it.
func TestClientRefusesLoopback(t *testing.T) {
	t.Parallel()
	srv, hits := site(t, "", ok)
	c := Client(nil)
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	for _, u := range []string{srv.URL, "http://localhost" + port + "/", "http://[::ffff:127.0.0.1]" + port + "/"} {
		if err := get(t, c, u); !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: %v, want ErrBlocked", u, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the loopback server got %d requests", n)
	}
	// Allowed explicitly, it is reached.
	if err := get(t, Client(func(netip.Addr) bool { return true }), srv.URL); err != nil || hits.Load() != 1 {
		t.Errorf("allowed: %v, %d requests", err, hits.Load())
	}
}

// A redirect from an allowed server to a private address is refused at
// the dial of the redirect: the private server is never reached. (The
// "allowed" server is 127.0.0.1, let through by the test's policy; the
// private one is 127.0.0.2, or the metadata address, which is refused
// before any packet is sent.)
func TestClientRefusesRedirectToPrivate(t *testing.T) {
	t.Parallel()
	inner, innerHits := site(t, "127.0.0.2:0", ok)
	outer, _ := site(t, "127.0.0.1:0", func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/inner":
			http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
		case "/metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://127.0.0.1/x", http.StatusFound)
		case "/page":
			ok(w, r)
		}
	})
	allowOuter := func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") || Public(a) }
	c := Client(allowOuter)
	if err := get(t, c, outer.URL+"/page"); err != nil {
		t.Fatalf("the allowed server: %v", err)
	}
	for _, p := range []string{"/inner", "/metadata"} {
		if err := get(t, c, outer.URL+p); !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: %v, want ErrBlocked", p, err)
		}
	}
	if err := get(t, c, outer.URL+"/ftp"); !errors.Is(err, ErrScheme) {
		t.Errorf("redirect to ftp: %v, want ErrScheme", err)
	}
	if n := innerHits.Load(); n != 0 {
		t.Errorf("the private server got %d requests", n)
	}
}

// Control judges the address handed to it after resolution, the one about
// to be connected to, so what a name resolved to (at this lookup, DNS
// rebinding included) is what is judged; not being an IP address at all
// is refused too.
func TestControlJudgesTheDialledAddress(t *testing.T) {
	t.Parallel()
	ctl := Control(nil)
	if err := ctl("tcp4", "93.184.216.34:80", nil); err != nil {
		t.Errorf("public address: %v", err)
	}
	for _, a := range []string{"127.0.0.1:80", "[::1]:443", "169.254.169.254:80", "[fe80::1%eth0]:80", "not-an-ip:80"} {
		if err := ctl("tcp", a, nil); !errors.Is(err, ErrBlocked) {
			t.Errorf("%s: %v, want ErrBlocked", a, err)
		}
	}
}
