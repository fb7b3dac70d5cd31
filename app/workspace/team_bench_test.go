package workspace_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"orchard/app/workspace"
	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// teamRun is what one run of the team workload saw.
type teamRun struct {
	accepted, stale int
	latencies       []time.Duration // from a save's commit to the watching window having read it
}

// runTeamWorkload has clients people on one team workspace make edits
// each on the same few accounts at once, each taking in what the others
// saved as their windows would (the notices they hear) before each edit.
// Each person edits a field of their own (region, industry, owner, notes),
// so the final accounts must hold every person's last accepted value: an
// edit written over another's change would put an older value back. A
// fifth window only watches, and times each save's arrival.
func runTeamWorkload(tb testing.TB, clients, edits, accounts int) teamRun {
	tb.Helper()
	url := pgtest.Database(tb)
	owner, err := store.Open(url)
	if err != nil {
		tb.Fatal(err)
	}
	var ids []string
	var recs []model.Entity
	for i := range accounts {
		id := fmt.Sprintf("acc-%d", i)
		ids = append(ids, id)
		recs = append(recs, &model.Account{ID: id, Name: fmt.Sprintf("Account %d", i), Currency: "EUR"})
	}
	settings := model.DefaultSettings()
	if err := owner.Write(store.Batch{Puts: recs, Settings: &settings}); err != nil {
		tb.Fatal(err)
	}
	owner.Close()

	open := func() *workspace.Workspace {
		ws, err := workspace.Open(url)
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { ws.Close() })
		return ws
	}
	listenOn := func(ctx context.Context, ws *workspace.Workspace, wg *sync.WaitGroup) <-chan store.Notice {
		ch := make(chan store.Notice, clients*edits+10)
		ready := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			once := sync.OnceFunc(func() { close(ready) })
			ws.Listen(ctx, store.Heard{Changed: func(n store.Notice) { ch <- n }, Ready: once})
		}()
		<-ready
		return ch
	}
	ctx, cancel := context.WithCancel(context.Background())
	var listeners sync.WaitGroup
	defer func() { cancel(); listeners.Wait() }()

	var mu sync.Mutex
	committed := map[int64]time.Time{}
	arrived := map[int64]time.Time{}
	watcher := open()
	watched := listenOn(ctx, watcher, &listeners)
	total := 0 // saves the watcher is to see
	watchDone := make(chan struct{})

	set := []func(a *model.Account, v string){
		func(a *model.Account, v string) { a.Region = v },
		func(a *model.Account, v string) { a.Industry = v },
		func(a *model.Account, v string) { a.Owner = v },
		func(a *model.Account, v string) { a.Notes = v },
	}
	get := []func(a *model.Account) string{
		func(a *model.Account) string { return a.Region },
		func(a *model.Account) string { return a.Industry },
		func(a *model.Account) string { return a.Owner },
		func(a *model.Account) string { return a.Notes },
	}
	type result struct {
		accepted, stale int
		last            map[string]string // account → this person's last accepted value
	}
	results := make([]result, clients)
	var people sync.WaitGroup
	for c := range clients {
		ws := open()
		ws.SetAuthor(fmt.Sprintf("Person %d", c))
		heard := listenOn(ctx, ws, &listeners)
		people.Add(1)
		go func() {
			defer people.Done()
			r := result{last: map[string]string{}}
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			for e := range edits {
				for drained := false; !drained; {
					select {
					case n := <-heard:
						if _, err := ws.TakeNotice(n); err != nil {
							tb.Error(err)
							return
						}
					default:
						drained = true
					}
				}
				id := ids[rng.IntN(len(ids))]
				base := ws.Portfolio().Account(id)
				edited := model.Clone(base).(*model.Account)
				v := fmt.Sprintf("p%d-%d", c, e)
				set[c%len(set)](edited, v)
				err := ws.SaveEdit(base, edited)
				switch {
				case err == nil:
					r.accepted++
					r.last[id] = v
					mu.Lock()
					committed[ws.Seq()] = time.Now()
					mu.Unlock()
				case errors.Is(err, workspace.ErrConflict):
					r.stale++
				default:
					tb.Error(err)
					return
				}
			}
			results[c] = r
		}()
	}
	go func() {
		defer close(watchDone)
		for n := range watched {
			if _, err := watcher.TakeNotice(n); err != nil {
				tb.Error(err)
			}
			mu.Lock()
			arrived[n.Seq] = time.Now()
			seen := len(arrived)
			want := total
			mu.Unlock()
			if want > 0 && seen >= want {
				return
			}
		}
	}()
	people.Wait()
	var run teamRun
	for _, r := range results {
		run.accepted += r.accepted
		run.stale += r.stale
	}
	mu.Lock()
	total = run.accepted
	seen := len(arrived)
	mu.Unlock()
	if seen < total {
		select {
		case <-watchDone:
		case <-time.After(30 * time.Second):
			tb.Fatalf("the watching window heard %d of %d saves", len(arrived), total)
		}
	}
	mu.Lock()
	for seq, at := range committed {
		if got, ok := arrived[seq]; ok {
			run.latencies = append(run.latencies, max(0, got.Sub(at)))
		}
	}
	mu.Unlock()
	slices.Sort(run.latencies)

	// No lost update: each account holds every person's last accepted value,
	// on the server and in the watching window.
	check, err := store.Open(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer check.Close()
	final, err := check.Load()
	if err != nil {
		tb.Fatal(err)
	}
	for c, r := range results {
		for id, v := range r.last {
			if got := get[c%len(get)](final.Account(id)); got != v {
				tb.Errorf("%s: person %d's last accepted edit %q was lost (holds %q)", id, c, v, got)
			}
			if got := get[c%len(get)](watcher.Portfolio().Account(id)); got != v {
				tb.Errorf("%s: the watching window shows %q for person %d, want %q", id, got, c, v)
			}
		}
	}
	return run
}

// Four people editing the same accounts at once lose none of each other's
// accepted edits, and some edits are refused as stale (the workload does
// overlap).
func TestTeamEditsLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("the team workload takes a few seconds")
	}
	run := runTeamWorkload(t, 4, 40, 3)
	if run.accepted == 0 || run.accepted+run.stale != 160 {
		t.Errorf("%d accepted and %d refused of 160 edits", run.accepted, run.stale)
	}
	if len(run.latencies) != run.accepted {
		t.Errorf("the watching window timed %d of %d saves", len(run.latencies), run.accepted)
	}
}

// BenchmarkTeamEdits: 4 clients × 500 edits on 6 shared accounts of a team
// workspace on the local PostgreSQL; reports the edits refused as stale and
// the time from a commit to another window having read it.
func BenchmarkTeamEdits(b *testing.B) {
	for b.Loop() {
		run := runTeamWorkload(b, 4, 500, 6)
		b.ReportMetric(float64(run.stale), "stale")
		b.ReportMetric(float64(run.accepted), "accepted")
		if n := len(run.latencies); n > 0 {
			b.ReportMetric(float64(run.latencies[n/2].Microseconds())/1000, "ms-refresh-p50")
			b.ReportMetric(float64(run.latencies[n*95/100].Microseconds())/1000, "ms-refresh-p95")
		}
	}
}

// BenchmarkCommandFile and BenchmarkCommandServer: one edit of an account
// saved (validation, transaction, version, undo record, notice) on a file
// and on the local PostgreSQL server.
func BenchmarkCommandFile(b *testing.B) { benchCommand(b, false) }

func BenchmarkCommandServer(b *testing.B) { benchCommand(b, true) }

func benchCommand(b *testing.B, server bool) {
	acc := &model.Account{ID: "a", Name: "Acme", Currency: "EUR"}
	settings := model.DefaultSettings()
	var ws *workspace.Workspace
	if server {
		url := pgtest.Database(b)
		st, err := store.Open(url)
		if err != nil {
			b.Fatal(err)
		}
		st.Write(store.Batch{Puts: []model.Entity{acc}, Settings: &settings})
		st.Close()
		if ws, err = workspace.Open(url); err != nil {
			b.Fatal(err)
		}
	} else {
		var err error
		if ws, err = workspace.Create(filepath.Join(b.TempDir(), "c.orchard"), settings, []model.Entity{acc}); err != nil {
			b.Fatal(err)
		}
	}
	defer ws.Close()
	i := 0
	for b.Loop() {
		i++
		base := ws.Portfolio().Account("a")
		c := model.Clone(base).(*model.Account)
		c.Region = fmt.Sprintf("r%d", i)
		if err := ws.SaveEdit(base, c); err != nil {
			b.Fatal(err)
		}
	}
}
