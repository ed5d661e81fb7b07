package fetch_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"crawler"
	"crawler/fetch"
	"crawler/storage"
)

// Environment of the child crawler process the crash test re-executes.
const (
	crashDBEnv    = "FETCH_CRASH_DB"
	crashSeedsEnv = "FETCH_CRASH_SEEDS"
)

// crashDelay is the child's per-host delay, which every process after a
// kill must keep too.
const crashDelay = 300 * time.Millisecond

// TestMain lets the test binary act as the crawler child of TestCrashRecovery.
func TestMain(m *testing.M) {
	if path := os.Getenv(crashDBEnv); path != "" {
		os.Exit(crashChild(path, strings.Split(os.Getenv(crashSeedsEnv), ",")))
	}
	os.Exit(m.Run())
}

func crashChild(path string, seeds []string) int {
	db, err := storage.Open(path, storage.Options{Timeout: 10 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer db.Close()
	opts := testOptions()
	opts.Delay = crashDelay
	opts.ParallelHosts = 4
	c, err := fetch.New(opts, db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	if _, err := c.Crawl(context.Background(), fetch.Job{Name: "crash", Seeds: seeds}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func TestCrashRecovery(t *testing.T) {
	hosts, perHost, kills := 20, 100, 20
	if testing.Short() {
		hosts, perHost, kills = 10, 50, 5
	}
	sites := make([]*site, hosts)
	seeds := make([]string, hosts)
	for i := range sites {
		sites[i] = newSite(t, fmt.Sprintf("127.0.0.%d:0", 10+i), crashSiteMux(i, perHost))
		seeds[i] = sites[i].URL + "/"
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	killed := 0
	for attempt := 0; killed < kills && attempt < 4*kills; attempt++ {
		cmd := crashCommand(path, seeds)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(80+rng.IntN(250)) * time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			killed++
		} else if err != nil {
			t.Fatalf("child failed before kill: %v", err)
		} else {
			break // the crawl finished before the kill
		}
	}
	final := crashCommand(path, seeds)
	if out, err := final.CombinedOutput(); err != nil {
		t.Fatalf("final run: %v\n%s", err, out)
	}
	pages := hosts * perHost
	refetched, seedPolls := 0, 0
	minGap := time.Duration(1 << 62)
	for i, s := range sites {
		minGap = min(minGap, minStartGap(s))
		seedPolls += s.count("/")
		for k := range perHost {
			n := s.count(fmt.Sprintf("/n/%d.html", k))
			if n == 0 {
				t.Errorf("host %d story %d never fetched", i, k)
			}
			refetched += max(n-1, 0)
		}
	}
	lost, corrupt := verifyCrashDB(t, path, sites, perHost)
	t.Logf("pages=%d hosts=%d kills=%d lost=%d corrupted=%d refetched=%d (%.2f%%) seed polls=%d smallest start gap on a host %v (delay %v)",
		pages, hosts, killed, lost, corrupt, refetched, 100*float64(refetched)/float64(pages), seedPolls, minGap, crashDelay)
	if minGap < crashDelay-measureTolerance {
		t.Errorf("a host was asked twice %v apart across kills, delay %v", minGap, crashDelay)
	}
	if killed < kills {
		t.Errorf("killed %d times, want %d: crawl too fast for the kill schedule", killed, kills)
	}
	if lost != 0 || corrupt != 0 {
		t.Errorf("lost %d, corrupted %d", lost, corrupt)
	}
	if refetched*50 > pages {
		t.Errorf("re-fetched %d of %d pages, more than 2%%", refetched, pages)
	}
}

func crashCommand(path string, seeds []string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashSeedsEnv+"="+strings.Join(seeds, ","))
	return cmd
}

func crashSiteMux(host, perHost int) http.Handler {
	links := make([]string, perHost)
	for k := range links {
		links[k] = fmt.Sprintf("/n/%d.html", k)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /admin/\n")
	})
	mux.HandleFunc("/{$}", serveHTML(indexHTML(links...)))
	mux.HandleFunc("/n/{k}", func(w http.ResponseWriter, r *http.Request) {
		serveHTML(articleHTML(crashTitle(host, r.PathValue("k")), ""))(w, r)
	})
	return mux
}

func crashTitle(host int, file string) string {
	return fmt.Sprintf("Host %d story %s", host, strings.TrimSuffix(file, ".html"))
}

// verifyCrashDB checks that every story is stored exactly once, intact,
// and that the database is consistent.
func verifyCrashDB(t *testing.T, path string, sites []*site, perHost int) (lost, corrupt int) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Check(); err != nil {
		t.Errorf("bbolt check: %v", err)
	}
	ctx := context.Background()
	stats, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(sites) * perHost; stats.Documents != want || stats.Aliases != 0 {
		t.Errorf("documents=%d aliases=%d, want %d and 0 (duplicates or strays)", stats.Documents, stats.Aliases, want)
	}
	for i, s := range sites {
		for k := range perHost {
			u := fmt.Sprintf("%s/n/%d.html", s.URL, k)
			doc, err := db.Document(ctx, u)
			if err != nil {
				lost++
				continue
			}
			for _, p := range articleText(crashTitle(i, fmt.Sprint(k))) {
				if !strings.Contains(doc.Text, p) {
					corrupt++
					break
				}
			}
			if e, ok, err := db.FrontierEntry(ctx, u); err != nil || !ok || e.State != crawler.StateDone {
				t.Errorf("frontier %s: %+v %v %v", u, e, ok, err)
			}
		}
	}
	return lost, corrupt
}
