package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// soakChildEnv is set on the soaked daemon's environment. The crawler
// binary ignores it; a test binary reads it to run the command instead of
// its tests, so the soak can run the real daemon from `go test` too.
const soakChildEnv = "CRAWLER_TEST_MAIN"

// soakChild is a `crawler run` process started by the soak. Whatever path
// leaves the soak must end it: stop for the measured shutdown, kill on
// every error path.
type soakChild struct {
	cmd    *exec.Cmd
	stderr *tailWriter
	done   chan struct{} // closed once Wait has returned
	err    error         // Wait's error, valid after done
}

// soakExit is how the daemon ended after SIGTERM.
type soakExit struct {
	code   int           // exit status; -1 when killed by a signal
	took   time.Duration // from SIGTERM to exit
	killed bool          // it outlived the grace period and got SIGKILL
}

// clean reports an exit with status 0 within the grace period.
func (e soakExit) clean() bool { return e.code == 0 && !e.killed }

// startSoakChild runs this executable as `run -config configPath`.
func startSoakChild(configPath string) (*soakChild, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("soak: find own executable: %w", err)
	}
	c := &soakChild{stderr: &tailWriter{max: 16 << 10}, done: make(chan struct{})}
	c.cmd = exec.Command(exe, "run", "-config", configPath)
	c.cmd.Env = soakChildEnviron(os.Environ())
	c.cmd.Stderr = c.stderr
	c.cmd.SysProcAttr = soakProcAttr()
	if err := c.cmd.Start(); err != nil {
		return nil, fmt.Errorf("soak: start daemon: %w", err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	return c, nil
}

// soakChildEnviron is env without the variables that would tie the child
// to a service manager the parent runs under (it would report READY for
// the wrong process), plus soakChildEnv.
func soakChildEnviron(env []string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		switch {
		case k == "NOTIFY_SOCKET", strings.HasPrefix(k, "WATCHDOG_"), strings.HasPrefix(k, "LISTEN_"), k == soakChildEnv:
			continue
		}
		out = append(out, kv)
	}
	return append(out, soakChildEnv+"=1")
}

// pid is the child's process id.
func (c *soakChild) pid() int { return c.cmd.Process.Pid }

// exited reports whether the child has ended.
func (c *soakChild) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// stop sends SIGTERM and waits up to grace for the exit, then kills.
func (c *soakChild) stop(grace time.Duration) (soakExit, error) {
	if c.exited() {
		return soakExit{}, fmt.Errorf("soak: daemon exited before SIGTERM: %s", c.exitDetail())
	}
	start := time.Now()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		c.kill()
		return soakExit{}, fmt.Errorf("soak: send SIGTERM: %w", err)
	}
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-c.done:
		return soakExit{code: c.cmd.ProcessState.ExitCode(), took: time.Since(start)}, nil
	case <-t.C:
		c.kill()
		return soakExit{code: -1, took: time.Since(start), killed: true}, nil
	}
}

// kill ends the child with SIGKILL and waits for it; it is a no-op once
// the child has exited, so every error path may call it.
func (c *soakChild) kill() {
	if c.exited() {
		return
	}
	_ = c.cmd.Process.Kill() // fails only if it has just exited; done follows either way
	<-c.done
}

// exitDetail describes an early exit with the end of the child's log.
func (c *soakChild) exitDetail() string {
	state := "unknown state"
	if c.cmd.ProcessState != nil {
		state = c.cmd.ProcessState.String()
	}
	tail := strings.TrimSpace(c.stderr.tail(2 << 10))
	if tail == "" {
		return state
	}
	return state + "; its log ends:\n" + tail
}

// errExitedEarly reports a daemon that ended while it should be running.
var errExitedEarly = errors.New("soak: daemon exited early")

// tailWriter keeps the last max bytes written and counts the lines.
type tailWriter struct {
	mu    sync.Mutex
	max   int
	buf   []byte
	lines int
}

func (w *tailWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lines += strings.Count(string(p), "\n")
	w.buf = append(w.buf, p...)
	if over := len(w.buf) - w.max; over > 0 {
		w.buf = append(w.buf[:0], w.buf[over:]...)
	}
	return len(p), nil
}

// tail returns up to n of the last bytes written, from a line start when
// one is in range.
func (w *tailWriter) tail(n int) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.buf
	if len(b) > n {
		cut := len(b) - n
		if w.buf[cut-1] != '\n' { // started mid-line: skip to the next line
			if i := strings.IndexByte(string(b[cut:]), '\n'); i >= 0 {
				cut += i + 1
			}
		}
		b = b[cut:]
	}
	return string(b)
}

// lineCount is how many lines the child has logged.
func (w *tailWriter) lineCount() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lines
}

// lastLine returns the last complete line written, cut to n bytes.
func (w *tailWriter) lastLine(n int) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := strings.TrimRight(string(w.buf), "\n")
	s = s[strings.LastIndexByte(s, '\n')+1:]
	if len(s) > n {
		s = strings.ToValidUTF8(s[:n], "") + "..."
	}
	return s
}
