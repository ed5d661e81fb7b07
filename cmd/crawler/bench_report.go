package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// writeBenchHeader names the machine and the command, so a table can be
// reproduced and compared.
func writeBenchHeader(w *strings.Builder, args []string) {
	fmt.Fprintf(w, "# crawler bench\n\n")
	fmt.Fprintf(w, "- Date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(w, "- Machine: %s, %d logical CPUs (GOMAXPROCS %d), %s/%s, %s\n",
		cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.GOOS, runtime.GOARCH, memTotal())
	fmt.Fprintf(w, "- Go: %s\n", runtime.Version())
	fmt.Fprintf(w, "- Command: `crawler bench %s`\n\n", strings.Join(args, " "))
}

// writeBenchTable renders one table as markdown.
func writeBenchTable(w *strings.Builder, t benchTable) {
	fmt.Fprintf(w, "## %s\n\n", t.Title)
	if t.Intro != "" {
		fmt.Fprintf(w, "%s\n\n", t.Intro)
	}
	if len(t.Header) > 0 {
		fmt.Fprintf(w, "| %s |\n", strings.Join(t.Header, " | "))
		fmt.Fprintf(w, "|%s\n", strings.Repeat("---|", len(t.Header)))
		for _, r := range t.Rows {
			fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
		}
		fmt.Fprintln(w)
	}
	for _, v := range t.Verdicts {
		fmt.Fprintf(w, "- %s\n", v)
	}
	if len(t.Verdicts) > 0 {
		fmt.Fprintln(w)
	}
}

// cpuModel is the first "model name" of /proc/cpuinfo, or the arch.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// memTotal is the machine's RAM from /proc/meminfo, or "".
func memTotal() string {
	kb, ok := procStatusKB("/proc/meminfo", "MemTotal")
	if !ok {
		return "memory unknown"
	}
	return fmt.Sprintf("%.1f GiB RAM", float64(kb)/(1<<20))
}

// procStatusKB reads a "Key:   123 kB" line of a /proc status-like file.
func procStatusKB(path, key string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok || k != key {
			continue
		}
		var n int64
		if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d", &n); err != nil {
			return 0, false
		}
		return n, true
	}
	return 0, false
}

// cpuTime is the user plus system CPU this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ratio formats a/b as "0.83x", or "n/a" when b is zero.
func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2fx", a/b)
}

// verdict states a target as met or missed.
func verdict(met bool, target, got string) string {
	if met {
		return fmt.Sprintf("Target %s: **met** (%s).", target, got)
	}
	return fmt.Sprintf("Target %s: **not met** (%s).", target, got)
}
