package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"crawler/admin"
)

// syncBuffer is a bytes.Buffer safe for the daemon's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// daemonUnderTest is a `crawler run` started by startDaemon.
type daemonUnderTest struct {
	addr   string
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan int
}

var listenRE = regexp.MustCompile(`listen=(127\.0\.0\.1:\d+)`)

// startDaemon runs `crawler run -config cfgPath` and waits until its admin
// endpoint listens. The config must log at info level.
func startDaemon(t *testing.T, cfgPath string) *daemonUnderTest {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	d := &daemonUnderTest{stderr: &syncBuffer{}, cancel: cancel, done: make(chan int, 1)}
	go func() { d.done <- run(ctx, []string{"run", "-config", cfgPath}, io.Discard, d.stderr) }()
	eventually(t, 10*time.Second, "admin endpoint to listen", func() bool {
		select {
		case code := <-d.done:
			t.Fatalf("daemon exited with %d: %s", code, d.stderr)
		default:
		}
		if m := listenRE.FindStringSubmatch(d.stderr.String()); m != nil {
			d.addr = m[1]
			return true
		}
		return false
	})
	return d
}

// stop cancels the daemon's context and asserts a clean exit within 30 s.
func (d *daemonUnderTest) stop(t *testing.T) {
	t.Helper()
	d.cancel()
	select {
	case code := <-d.done:
		if code != 0 {
			t.Errorf("daemon exit code %d after cancel; stderr:\n%s", code, d.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("daemon did not stop within 30 s")
	}
}

// eventually polls cond every 20 ms until it holds or limit passes.
func eventually(t *testing.T, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out after %s waiting for %s", limit, what)
}

func (d *daemonUnderTest) request(t *testing.T, method, path, host, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, "http://"+d.addr+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (d *daemonUnderTest) status(t *testing.T) admin.Status {
	t.Helper()
	code, body := d.request(t, "GET", "/status", "", "")
	if code != http.StatusOK {
		t.Fatalf("GET /status = %d: %s", code, body)
	}
	var st admin.Status
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

const daemonExtra = `
[admin]
listen = "127.0.0.1:0"
token = "t0ken"
[log]
level = "info"
`

func TestRunDaemon(t *testing.T) {
	_, o := site(t, 1)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, o, "")
	// writeConfig's own [admin] and [log] are replaced for the daemon.
	writeDaemonConfig(t, cfgPath, "")
	d := startDaemon(t, cfgPath)

	eventually(t, 60*time.Second, "one finished run in /status", func() bool {
		st := d.status(t)
		return len(st.Jobs) == 1 && st.Jobs[0].Last != nil
	})
	st := d.status(t)
	if last := st.Jobs[0].Last; last.Err != "" || last.Stored == 0 || st.Documents == 0 || len(st.Hosts) == 0 {
		t.Fatalf("status after the first run = %+v (last %+v)", st, last)
	}
	if st.Version == "" || st.Jobs[0].Next.IsZero() || st.DatabaseBytes == 0 {
		t.Errorf("status lacks version, next run or database size: %+v", st)
	}
	checkAdminRoutes(t, d)

	code, out, errOut := runMain(t.Context(), "status", "-addr", d.addr)
	if code != 0 || !strings.Contains(out, "demo") || !strings.Contains(out, "documents") {
		t.Errorf("crawler status: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// Reload: a second job appears without a restart.
	writeDaemonConfig(t, cfgPath, "[[jobs]]\nname = \"extra\"\nschedule = \"@daily\"\nseeds = [\""+o.Seeds[0]+"\"]\nmax_pages = 1\n")
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "reloaded job list", func() bool { return len(d.status(t).Jobs) == 2 })

	// An invalid file is rejected and the running configuration kept.
	if err := os.WriteFile(cfgPath, []byte("[fetch]\ndelai = \"1s\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	eventually(t, 10*time.Second, "reload rejection in the log", func() bool {
		return strings.Contains(d.stderr.String(), "configuration reload rejected")
	})
	if st := d.status(t); len(st.Jobs) != 2 || !strings.Contains(st.LastError, "unknown key fetch.delai") {
		t.Errorf("after a rejected reload: %d jobs, last error %q", len(st.Jobs), st.LastError)
	}
	d.stop(t)
}

// writeDaemonConfig rewrites the [admin]/[log] tables of the config at path
// for a daemon and appends extra.
func writeDaemonConfig(t *testing.T, path, extra string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if i := strings.Index(s, "\n[admin]"); i >= 0 && strings.Contains(s, "\n[fetch]") {
		s = s[:i] + daemonExtra + s[strings.Index(s, "\n[fetch]"):]
	}
	if i := strings.Index(s, "\n[[jobs]]\nname = \"extra\""); i >= 0 {
		s = s[:i]
	}
	if err := os.WriteFile(path, []byte(s+"\n"+extra), 0o600); err != nil {
		t.Fatal(err)
	}
}

func checkAdminRoutes(t *testing.T, d *daemonUnderTest) {
	t.Helper()
	tests := []struct {
		method, path, host, token string
		want                      int
		body                      string
	}{
		{"GET", "/healthz", "", "", 200, "alive"},
		{"GET", "/readyz", "", "", 200, "ready"},
		{"GET", "/", "", "", 200, "<h1>crawler</h1>"},
		{"GET", "/metrics", "", "", 200, `crawler_pages_fetched_total{class="2xx"}`},
		{"GET", "/status", "attacker.example", "", http.StatusMisdirectedRequest, ""},
		{"POST", "/jobs/demo/run", "", "", http.StatusUnauthorized, ""},
		{"POST", "/jobs/nope/run", "", "t0ken", http.StatusNotFound, ""},
		{"POST", "/rules/no-such-rule/pin", "", "t0ken", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		code, body := d.request(t, tt.method, tt.path, tt.host, tt.token)
		if code != tt.want || !strings.Contains(body, tt.body) {
			t.Errorf("%s %s (Host %q): %d %.200q, want %d containing %q", tt.method, tt.path, tt.host, code, body, tt.want, tt.body)
		}
	}
	code, body := d.request(t, "POST", "/jobs/demo/run", "", "t0ken")
	if code != http.StatusAccepted && code != http.StatusConflict {
		t.Errorf("POST /jobs/demo/run with token: %d %s", code, body)
	}
}

func TestRunRefusesOpenListenWithoutToken(t *testing.T) {
	_, o := site(t, 0)
	cfgPath := writeConfig(t, t.TempDir(), o, "")
	b, _ := os.ReadFile(cfgPath)
	s := strings.Replace(string(b), `listen = "127.0.0.1:0"`, `listen = "0.0.0.0:0"`, 1)
	if err := os.WriteFile(cfgPath, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runMain(t.Context(), "run", "-config", cfgPath)
	if code == 0 || !strings.Contains(errOut, "admin.token is required") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSystemdNotify(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "notify.sock")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	t.Setenv("NOTIFY_SOCKET", sock)
	t.Setenv("WATCHDOG_USEC", "300000")
	msgs := make(chan string, 100)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := conn.Read(buf)
			if err != nil {
				close(msgs)
				return
			}
			msgs <- string(buf[:n])
		}
	}()
	_, o := site(t, 2)
	cfgPath := writeConfig(t, t.TempDir(), o, "")
	writeDaemonConfig(t, cfgPath, "")
	d := startDaemon(t, cfgPath)

	seen := map[string]string{}
	expect := func(prefix string) {
		t.Helper()
		timeout := time.After(20 * time.Second)
		for {
			if _, ok := seen[prefix]; ok {
				return
			}
			select {
			case m := <-msgs:
				for _, line := range strings.Split(m, "\n") {
					k, _, _ := strings.Cut(line, "=")
					seen[k+"="] = m
				}
			case <-timeout:
				t.Fatalf("no %s notification; got %v", prefix, seen)
			}
		}
	}
	expect("READY=")
	if !strings.Contains(seen["READY="], "STATUS=listening on "+d.addr) {
		t.Errorf("READY message %q lacks a STATUS with the listen address", seen["READY="])
	}
	expect("WATCHDOG=")
	d.stop(t)
	expect("STOPPING=")
}
