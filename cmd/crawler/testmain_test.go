package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
	"testing"
)

// TestMain lets the test binary stand in for the crawler binary: with
// soakChildEnv set it runs the command line as main does and exits, so
// tests that start the real daemon as a child process (the soak) can use
// os.Executable under `go test` too.
func TestMain(m *testing.M) {
	if os.Getenv(soakChildEnv) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}
