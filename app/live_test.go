package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/store"
)

// A window on a team workspace shows another person's save as soon as the
// server tells of it, on the screen showing that record, and says who is
// working in the account.
func TestTeamWindowShowsOthersSavesAndWhoIsHere(t *testing.T) {
	d, srv, st := teamWindow(t)
	h := d.heard(d.ws, st)
	st.session = "mine"

	// What the server says, heard here and handed to the window in turn.
	notices := make(chan store.Notice, 10)
	present := make(chan store.Presence, 10)
	ready := make(chan struct{}, 1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		d.ws.Listen(ctx, store.Heard{
			Changed: func(n store.Notice) { notices <- n },
			Present: func(p store.Presence) { present <- p },
			Ready:   func() { ready <- struct{}{} },
		})
		close(done)
	}()
	defer func() { cancel(); <-done }()
	<-ready

	bo, err := workspace.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer bo.Close()
	bo.SetAuthor("Bo Chen")
	id := d.shell.Account()
	if id == "" {
		t.Fatal("no account is current")
	}
	theirs := model.Clone(bo.Portfolio().Account(id)).(*model.Account)
	theirs.Region = "Region from Bo"
	if err := bo.Save(theirs); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-notices:
		h.Changed(n)
	case <-time.After(10 * time.Second):
		t.Fatal("Bo's save was never heard")
	}
	if got := d.ws.Portfolio().Account(id).Region; got != "Region from Bo" {
		t.Errorf("the window holds region %q after Bo's save", got)
	}
	if !strings.Contains(d.shell.Status(), "Bo Chen saved") {
		t.Errorf("the status line says %q", d.shell.Status())
	}
	shown := false
	for _, o := range test.LaidOutObjects(d.win.Content()) {
		if r, ok := o.(*widget.RichText); ok && r.String() == "Region from Bo" {
			shown = true // the text an entry draws
		}
	}
	if !shown {
		t.Error("the account form does not show Bo's region")
	}

	if err := bo.Announce(store.Presence{Session: "bo-1", Account: id}); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-present:
		h.Present(p)
	case <-time.After(10 * time.Second):
		t.Fatal("Bo's presence was never heard")
	}
	name := d.ws.Portfolio().Account(id).Name
	if got := d.shell.Presence(); got != "Working now: Bo Chen on "+name {
		t.Errorf("the status line shows %q for who else is here", got)
	}
	h.Present(store.Presence{Session: "bo-1", Who: "Bo Chen", Left: true})
	if got := d.shell.Presence(); got != "" {
		t.Errorf("after Bo left the status line still shows %q", got)
	}
}

// Who else is working is worded with those on this account first.
func TestPresenceText(t *testing.T) {
	acme := &model.Account{Name: "Acme"}
	for _, c := range []struct {
		here, elsewhere []string
		want            string
	}{
		{nil, nil, ""},
		{[]string{"Bo Chen"}, nil, "Working now: Bo Chen on Acme"},
		{nil, []string{"Dee Ray", "Ann Lee"}, "Also in the workspace now: Ann Lee, Dee Ray"},
		{[]string{"Bo Chen"}, []string{"Dee Ray"}, "Working now: Bo Chen on Acme · also in the workspace: Dee Ray"},
	} {
		if got := presenceText(c.here, c.elsewhere, acme); got != c.want {
			t.Errorf("presenceText(%v, %v) = %q, want %q", c.here, c.elsewhere, got, c.want)
		}
	}
}
