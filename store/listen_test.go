package store_test

import (
	"context"
	"testing"
	"time"

	"orchard/internal/pgtest"
	"orchard/model"
	"orchard/store"
)

// A window listening on a team workspace hears each save with the records
// it wrote, and who is where; when the server goes away it is told, and
// told again when it is back.
func TestListenHearsSavesPresenceAndReconnects(t *testing.T) {
	srv := pgtest.New(t)
	writer, err := store.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	writer.SetAuthor("Bo Chen")
	reader, err := store.Open(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	notices := make(chan store.Notice, 10)
	present := make(chan store.Presence, 10)
	lost, back := make(chan error, 10), make(chan struct{}, 10)
	listening := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- reader.Listen(ctx, store.Heard{
			Changed: func(n store.Notice) { notices <- n },
			Present: func(p store.Presence) { present <- p },
			Lost:    func(err error) { lost <- err },
			Back:    func() { back <- struct{}{} },
			Ready:   func() { listening <- struct{}{} },
		})
	}()
	defer func() {
		cancel()
		<-done
	}()
	wait := func(what string, ch <-chan struct{}) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(15 * time.Second):
			t.Fatalf("never %s", what)
		}
	}
	wait("listened", listening)

	acc := &model.Account{ID: "acme", Name: "Acme", Currency: "EUR"}
	goal := &model.Goal{ID: "g1", AccountID: "acme", Title: "Grow"}
	if err := writer.Write(store.Batch{Puts: []model.Entity{acc, goal}}); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-notices:
		if n.By != "Bo Chen" || n.All || len(n.Records) != 2 || n.Records[0] != (store.RecordRef{Kind: model.KindAccount, ID: "acme"}) {
			t.Errorf("heard %+v; want Bo Chen's save of the account and its goal", n)
		}
		part, _, seq, err := reader.Records(n.Records)
		if err != nil || seq != n.Seq || part.Account("acme") == nil || part.Get(model.KindGoal, "g1") == nil {
			t.Errorf("reading the records heard of: %v, seq %d (heard %d)", err, seq, n.Seq)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the save was never heard")
	}

	if err := writer.Announce(store.Presence{Session: "s1", Account: "acme"}); err != nil {
		t.Fatal(err)
	}
	select {
	case p := <-present:
		if p.Who != "Bo Chen" || p.Account != "acme" || p.Session != "s1" {
			t.Errorf("heard presence %+v", p)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the presence was never heard")
	}

	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-lost:
		if err == nil {
			t.Error("lost without a reason")
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the lost server was never noticed")
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	wait("came back", back)
}
