package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStatusWithoutDaemon(t *testing.T) {
	// A port nothing listens on: bind, note the port, close.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	code, _, errOut := runMain(t.Context(), "status", "-addr", addr)
	if code == 0 || !strings.Contains(errOut, "is `crawler run` running?") {
		t.Errorf("status with no daemon: exit %d, stderr %q", code, errOut)
	}

	cfgPath := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(cfgPath, []byte("[admin]\nlisten = \"127.0.0.1:0\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runMain(t.Context(), "status", "-config", cfgPath)
	if code == 0 || !strings.Contains(errOut, "pass -addr") {
		t.Errorf("status with port 0 in the config: exit %d, stderr %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	code, _, errOut := runMain(t.Context(), "help")
	for _, cmd := range []string{"crawl", "run", "status", "export", "demo", "explain", "rules", "reclean"} {
		if !strings.Contains(errOut, "\n  "+cmd+" ") {
			t.Errorf("usage lacks %q", cmd)
		}
	}
	if code != 0 {
		t.Errorf("help exit %d", code)
	}
	if code, _, _ := runMain(t.Context(), "crawl"); code == 0 {
		t.Error("crawl without -config succeeded")
	}
	if code, _, _ := runMain(t.Context(), "crawl", "-h"); code != 0 {
		t.Errorf("crawl -h exit %d, want 0", code)
	}
}
