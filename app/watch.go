package app

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/store"
)

// How the window keeps up with changes others save. On a file it looks at
// the file's change count every watchInterval (a second window, `orchard
// import`). On a team workspace the server tells it of each save as it
// commits (store.Listen) and it reads just the records saved; the look at
// the change count stays, less often, to make good anything not heard.
const (
	watchInterval       = 1500 * time.Millisecond
	watchServerInterval = 5 * time.Second
	// Each window on a team workspace says every presenceEvery who is at
	// it and on which account; one not heard of for presenceGone has left.
	presenceEvery = 10 * time.Second
	presenceGone  = 25 * time.Second
)

// watchWorkspace keeps the window up to date with ws until stop is closed.
// It closes done when it and what it started have stopped, so the
// workspace can be closed after them.
func (d *desktopApp) watchWorkspace(ws *workspace.Workspace, st *watchState, stop <-chan struct{}, done chan<- struct{}) {
	var wg sync.WaitGroup
	defer close(done)
	defer wg.Wait()
	every := watchInterval
	if st.server {
		every = watchServerInterval
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		wg.Add(2)
		go func() { defer wg.Done(); d.listenWorkspace(ctx, ws, st) }()
		go func() { defer wg.Done(); d.announce(ctx, ws, st) }()
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		d.checkWorkspace(ws, st)
	}
}

// watchState is what the watch remembers between looks; the listener,
// the timer and the UI thread share it.
type watchState struct {
	server bool // a team workspace

	mu          sync.Mutex
	unreachable bool   // its server could not be reached at the last look
	session     string // this window's, in what it announces
	account     string // the account this window is on
	others      map[string]seen
	changed     chan struct{} // the account changed: announce at once
}

func newWatchState(ws *workspace.Workspace, account string) *watchState {
	b := make([]byte, 8)
	rand.Read(b)
	return &watchState{server: ws.Server(), account: account, session: hex.EncodeToString(b),
		others: map[string]seen{}, changed: make(chan struct{}, 1)}
}

type seen struct {
	store.Presence
	at time.Time
}

// reached records whether the server could be reached and, when that
// changed, says so on screen: out of reach, commands are refused and the
// window says why; back, it reads what others saved meanwhile.
func (d *desktopApp) reached(ws *workspace.Workspace, st *watchState, err error) {
	st.mu.Lock()
	flipped := (err != nil) != st.unreachable
	st.unreachable = err != nil
	st.mu.Unlock()
	if !flipped {
		return
	}
	if err != nil {
		msg := fmt.Sprintf("Cannot reach the team server (%v): what is on screen may be out of date, and changes cannot be saved until it is back", err)
		fyne.Do(func() {
			ws.SetOffline(true)
			if d.ws == ws {
				d.shell.SetOffline(err.Error())
				d.shell.SetStatus(msg)
			}
		})
		return
	}
	fyne.Do(func() {
		ws.SetOffline(false)
		if d.ws != ws {
			return
		}
		d.shell.SetOffline("")
		if d.importSaving {
			return
		}
		if _, err := ws.Refresh(); err != nil {
			d.shell.SetStatus(fmt.Sprintf("The team server is back, and reading what others saved meanwhile failed: %v", err))
			return
		}
		d.shell.SetStatus("The team server is back; showing what others saved meanwhile")
	})
}

// checkWorkspace looks once for changes others saved (off the UI thread)
// and reads them in on the UI thread; for a team workspace it also notices
// the server going away and coming back.
func (d *desktopApp) checkWorkspace(ws *workspace.Workspace, st *watchState) {
	changed, err := ws.Changed()
	if st.server {
		st.mu.Lock()
		wasAway := st.unreachable
		st.mu.Unlock()
		d.reached(ws, st, err)
		if wasAway && err == nil {
			return // coming back read everything
		}
	}
	if err != nil || !changed {
		return
	}
	fyne.Do(func() {
		if d.ws != ws || d.importSaving {
			return
		}
		read, err := ws.Refresh()
		switch {
		case err != nil:
			d.shell.SetStatus(fmt.Sprintf("Another program changed the workspace, and reading its changes failed: %v", err))
		case read && st.server:
			d.shell.SetStatus("Loaded changes others saved to the team workspace")
		case read:
			d.shell.SetStatus("Loaded changes another program saved to this workspace")
		}
	})
}

// listenWorkspace hears the team workspace's notices until ctx is done.
func (d *desktopApp) listenWorkspace(ctx context.Context, ws *workspace.Workspace, st *watchState) {
	ws.Listen(ctx, d.heard(ws, st))
}

// heard is what the window does with what it hears from the server: shows
// another's save, who is here, and when the server is out of reach.
func (d *desktopApp) heard(ws *workspace.Workspace, st *watchState) store.Heard {
	return store.Heard{
		Changed: func(n store.Notice) {
			fyne.Do(func() {
				if d.ws != ws || d.importSaving {
					return
				}
				read, err := ws.TakeNotice(n)
				switch {
				case err != nil:
					d.shell.SetStatus(fmt.Sprintf("%s saved a change, and reading it failed: %v", orSomeone(n.By), err))
				case read:
					d.shell.SetStatus(savedBy(n))
				}
			})
		},
		Present: func(p store.Presence) { d.heardPresence(ws, st, p) },
		Lost:    func(err error) { d.reached(ws, st, err) },
		Back:    func() { d.reached(ws, st, nil) },
	}
}

func orSomeone(who string) string {
	if who == "" {
		return "Someone"
	}
	return who
}

// savedBy words a notice for the status line.
func savedBy(n store.Notice) string {
	if n.All || len(n.Records) != 1 {
		return orSomeone(n.By) + " saved changes; showing them"
	}
	return orSomeone(n.By) + " saved a change to a " + strings.ReplaceAll(string(n.Records[0].Kind), "_", " ") + "; showing it"
}

// announce says who is here and on which account, when the window opens,
// when the account changes and every presenceEvery; and that they left
// when ctx is done.
func (d *desktopApp) announce(ctx context.Context, ws *workspace.Workspace, st *watchState) {
	say := func(left bool) {
		st.mu.Lock()
		p := store.Presence{Session: st.session, Account: st.account, Left: left}
		away := st.unreachable
		st.mu.Unlock()
		if !away {
			ws.Announce(p)
		}
	}
	t := time.NewTicker(presenceEvery)
	defer t.Stop()
	for {
		say(false)
		select {
		case <-ctx.Done():
			say(true)
			return
		case <-st.changed:
		case <-t.C:
			d.expirePresence(ws, st)
		}
	}
}

// onAccount tells the watch which account the window is on.
func (st *watchState) onAccount(id string) {
	st.mu.Lock()
	st.account = id
	st.mu.Unlock()
	select {
	case st.changed <- struct{}{}:
	default:
	}
}

// heardPresence keeps what another window said and shows who is here.
func (d *desktopApp) heardPresence(ws *workspace.Workspace, st *watchState, p store.Presence) {
	st.mu.Lock()
	if p.Session == st.session {
		st.mu.Unlock()
		return
	}
	if p.Left {
		delete(st.others, p.Session)
	} else {
		st.others[p.Session] = seen{Presence: p, at: time.Now()}
	}
	st.mu.Unlock()
	d.showPresence(ws, st)
}

// expirePresence forgets windows not heard of for presenceGone.
func (d *desktopApp) expirePresence(ws *workspace.Workspace, st *watchState) {
	st.mu.Lock()
	for k, o := range st.others {
		if time.Since(o.at) > presenceGone {
			delete(st.others, k)
		}
	}
	st.mu.Unlock()
	d.showPresence(ws, st)
}

// showPresence puts who else is working at the right of the status line:
// those on this window's account first.
func (d *desktopApp) showPresence(ws *workspace.Workspace, st *watchState) {
	st.mu.Lock()
	account := st.account
	var here, elsewhere []string
	for _, o := range st.others {
		if o.Account != "" && o.Account == account {
			here = appendOnce(here, o.Who)
		} else {
			elsewhere = appendOnce(elsewhere, o.Who)
		}
	}
	st.mu.Unlock()
	fyne.Do(func() {
		if d.ws != ws || d.shell == nil {
			return
		}
		d.shell.SetPresence(presenceText(here, elsewhere, ws.Portfolio().Account(account)))
	})
}

func appendOnce(list []string, who string) []string {
	for _, w := range list {
		if w == who {
			return list
		}
	}
	return append(list, who)
}

// presenceText words who else is working: "Working now: Bo Chen on Acme ·
// also in the workspace: Dee Ray".
func presenceText(here, elsewhere []string, acc *model.Account) string {
	sort.Strings(here)
	sort.Strings(elsewhere)
	var parts []string
	if len(here) == 0 {
		if len(elsewhere) == 0 {
			return ""
		}
		return "Also in the workspace now: " + strings.Join(elsewhere, ", ")
	}
	name := "this account"
	if acc != nil {
		name = acc.Name
	}
	parts = append(parts, "Working now: "+strings.Join(here, ", ")+" on "+name)
	if len(elsewhere) > 0 {
		parts = append(parts, "also in the workspace: "+strings.Join(elsewhere, ", "))
	}
	return strings.Join(parts, " · ")
}
