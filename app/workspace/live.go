package workspace

import (
	"context"
	"errors"
	"reflect"

	"orchard/store"
)

// ErrOffline is returned by commands while the team server cannot be
// reached: nothing was saved, and what is on screen stays as it was.
var ErrOffline = errors.New("the team server cannot be reached just now, so nothing was saved; Orchard connects again by itself, and what you typed is kept")

// SetOffline marks the team server as out of reach (commands are refused
// with ErrOffline) or back.
func (w *Workspace) SetOffline(off bool) {
	w.mu.Lock()
	w.offline = off
	w.mu.Unlock()
}

// Offline reports whether the team server is out of reach.
func (w *Workspace) Offline() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.offline
}

// TakeNotice reads in what one save by someone else wrote, as its notice
// lists: only those records, when the notice follows straight on from
// what this workspace last read; the whole workspace when notices were
// missed or the save was too big to list. A notice of this workspace's own
// save, or one already read, does nothing. Run it on the goroutine that
// owns the portfolio; it reports whether anything was read.
func (w *Workspace) TakeNotice(n store.Notice) (bool, error) {
	w.mu.Lock()
	seq, saving := w.seq, w.saving
	w.mu.Unlock()
	switch {
	case saving || n.Seq <= seq:
		return false, nil
	case n.All || n.Seq != seq+1:
		return w.Refresh()
	}
	part, settings, _, err := w.st.Records(n.Records)
	if err != nil {
		return false, err
	}
	ev := Event{Label: ExternalLabel}
	w.takenIn++
	for _, r := range n.Records {
		if r.Kind == store.SettingsKind {
			continue
		}
		w.takeRecord(&ev, w.p.Get(r.Kind, r.ID), part.Get(r.Kind, r.ID))
	}
	if settings && !reflect.DeepEqual(w.p.Settings, part.Settings) {
		w.p.Settings = part.Settings
		ev.Settings = true
	}
	w.mu.Lock()
	if w.seq == seq {
		w.seq = n.Seq
	}
	w.mu.Unlock()
	if len(ev.Changes) > 0 || ev.Settings {
		w.notify(ev)
	}
	return true, nil
}

// Listen hears the team workspace's notices until ctx is done (see
// store.Listen); on a file it returns at once.
func (w *Workspace) Listen(ctx context.Context, h store.Heard) error { return w.st.Listen(ctx, h) }

// Announce tells the others on a team workspace which account this window
// is on.
func (w *Workspace) Announce(p store.Presence) error { return w.st.Announce(p) }

// Server reports whether the workspace is a team workspace on a server.
func (w *Workspace) Server() bool { return store.IsServerURL(w.Path()) }
