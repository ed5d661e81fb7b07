package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestExampleConfigLoadsAndValidates(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig("../../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	// The example documents the defaults, so it must decode to them.
	def := DefaultConfig()
	if d := cmp.Diff(def.Fetch, cfg.Fetch, cmp.AllowUnexported(Duration{})); d != "" {
		t.Errorf("example [fetch] differs from DefaultConfig (-default +example)\n%s", d)
	}
	if cfg.Admin != def.Admin || cfg.Log != def.Log {
		t.Errorf("example [admin]/[log] = %+v %+v, want defaults", cfg.Admin, cfg.Log)
	}
	if len(cfg.Jobs) != 1 || cfg.Jobs[0].MaxDepth != defaultMaxDepth || cfg.Jobs[0].Jitter.D() != time.Minute {
		t.Errorf("example jobs = %+v", cfg.Jobs)
	}
	if len(cfg.Sites) != 1 {
		t.Errorf("example sites = %+v", cfg.Sites)
	}
	if !filepath.IsAbs(cfg.Storage.Path) || filepath.Base(cfg.Storage.Path) != "crawler.db" {
		t.Errorf("storage path %q not resolved next to the config", cfg.Storage.Path)
	}
}

func TestJobDefaultsApplyPerEntry(t *testing.T) {
	t.Parallel()
	cfg, err := ParseConfig("c.toml", []byte(`
[[jobs]]
name = "a"
seeds = ["http://a.example/"]
[[jobs]]
name = "b"
seeds = ["http://b.example/"]
max_depth = 0
schedule = "@daily"
refresh_window = "0s"
`))
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	a, b := cfg.Jobs[0], cfg.Jobs[1]
	if a.Schedule != defaultSchedule || a.MaxDepth != defaultMaxDepth || a.MaxPages != defaultMaxPages ||
		a.RefreshWindow.D() != defaultRefreshWindow || a.MaxRefreshes != defaultMaxRefreshes {
		t.Errorf("job a = %+v, want defaults", a)
	}
	if b.Schedule != "@daily" || b.MaxDepth != 0 || b.MaxPages != defaultMaxPages || b.RefreshWindow.D() != 0 {
		t.Errorf("job b = %+v, want explicit max_depth 0 and refresh_window 0s kept", b)
	}
}

func TestBrokenConfigs(t *testing.T) {
	t.Parallel()
	const job = "[[jobs]]\nname = \"n\"\nseeds = [\"http://a.example/\"]\n"
	tests := []struct {
		name string
		toml string
		want []string // every one must appear in the error
	}{
		{"unknown key", "[storage]\npath = \"x.db\"\n\n[fetch]\ndelai = \"1s\"\n", []string{"crawler.toml:5:", "unknown key fetch.delai"}},
		{"unknown table", "[fetsh]\ndelay = \"1s\"\n", []string{"crawler.toml:1:", "unknown key fetsh"}},
		{"unknown job key", job + "max_dept = 3\n", []string{"crawler.toml:4:", "unknown key jobs.max_dept"}},
		{"two unknown keys", "[log]\nlevl = \"x\"\n[admin]\nlisen = \"x\"\n", []string{"crawler.toml:2: unknown key log.levl", "crawler.toml:4: unknown key admin.lisen"}},
		{"bad duration", "[fetch]\ndelay = \"5 seconds\"\n", []string{"crawler.toml:2:", "fetch.delay", `"5 seconds"`}},
		{"bare number duration", "[fetch]\nuser_agent = \"x\"\ntimeout = 30\n", []string{"crawler.toml:3:", "fetch.timeout", "quoted"}},
		{"bare number job duration", job + "max_age = 3600\n", []string{"crawler.toml:4:", "jobs.max_age", "quoted"}},
		{"wrong type", "[fetch]\nparallel_hosts = \"eight\"\n", []string{"crawler.toml:2:", "fetch.parallel_hosts"}},
		{"syntax error", "[fetch\n", []string{"crawler.toml:1:"}},
		{"invalid values", "[fetch]\nparallel_hosts = 0\ntimeout = \"0s\"\nuser_agent = \"\"\n[log]\nlevel = \"loud\"\n",
			[]string{"crawler.toml:2: fetch.parallel_hosts", "crawler.toml:3: fetch.timeout", "crawler.toml:4: fetch.user_agent", "crawler.toml:6: log.level"}},
		{"bad job", "[[jobs]]\nname = \"n\"\nschedule = \"every hour\"\nseeds = [\"ftp://a.example/\"]\n",
			[]string{"crawler.toml:3: jobs[0] (n).schedule", "crawler.toml:4: jobs[0] (n).seeds", "ftp://a.example/"}},
		{"job without start", "[[jobs]]\nname = \"n\"\n", []string{"crawler.toml:1: jobs[0] (n).seeds", "at least one"}},
		{"duplicate job", job + job, []string{`crawler.toml:5: jobs[1] (n).name: duplicate job name "n"`}},
		{"bad listen", "[admin]\nlisten = \"8377\"\n", []string{"crawler.toml:2: admin.listen"}},
		{"bad site rule", "[[sites]]\nhost = \"a.example\"\ndrop_regexp = [\"(unclosed\"]\n", []string{"crawler.toml:1: sites[0] (a.example)", "(unclosed"}},
		{"site without host", "[[sites]]\nremove = [\".x\"]\n", []string{"sites[0].host"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "crawler.toml")
			if err := os.WriteFile(path, []byte(tt.toml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadConfig(path)
			if err == nil {
				t.Fatal("LoadConfig accepted a broken config")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
