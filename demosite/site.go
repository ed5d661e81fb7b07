package demosite

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownTimeout bounds how long Close waits for requests in flight.
const shutdownTimeout = 5 * time.Second

// Site is the three outlets served on loopback listeners, one port each, so
// that a crawler with a per-host delay fetches them in parallel.
type Site struct {
	// Outlets are the served outlets, with absolute URLs.
	Outlets []Outlet

	cancel context.CancelFunc
	wg     sync.WaitGroup
	mu     sync.Mutex
	errs   []error
}

// Start serves every outlet on its own listener at host:0 (host is usually
// "127.0.0.1") and returns at once. The servers stop when ctx ends or Close
// is called; either way Close waits for them.
func Start(ctx context.Context, host string) (*Site, error) {
	sts := styles()
	var lns []net.Listener
	for range sts {
		ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			return nil, fmt.Errorf("listen on %s: %w", host, err)
		}
		lns = append(lns, ln)
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &Site{cancel: cancel}
	stories := corpus(outletNames())
	for i, st := range sts {
		s.Outlets = append(s.Outlets, newOutlet(st, stories[i], "http://"+lns[i].Addr().String()))
		s.serve(ctx, lns[i], NewHandler(i))
	}
	return s, nil
}

// serve runs one http.Server on ln until ctx ends.
func (s *Site) serve(ctx context.Context, ln net.Listener, h http.Handler) {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       30 * time.Second,
	}
	s.wg.Go(func() {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			s.fail(fmt.Errorf("serve %s: %w", ln.Addr(), err))
		}
	})
	s.wg.Go(func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
		defer cancel()
		if err := srv.Shutdown(sctx); err != nil {
			srv.Close()
			s.fail(fmt.Errorf("shut down %s: %w", ln.Addr(), err))
		}
	})
}

func (s *Site) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs = append(s.errs, err)
}

// Close shuts every server down, waits for them to stop and returns what
// went wrong while serving, if anything. It is safe to call more than once.
func (s *Site) Close() error {
	s.cancel()
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	return errors.Join(s.errs...)
}

// Chrome returns the boilerplate lines of all outlets, each once: text that
// the article pages carry and a clean article must not contain.
func (s *Site) Chrome() []string {
	seen := map[string]bool{}
	var out []string
	for _, o := range s.Outlets {
		for _, c := range o.Chrome {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
