package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"orchard/model"
)

// On a team workspace each save tells every open window what it changed,
// with PostgreSQL's NOTIFY, and each window says who is at it and on which
// account: a window then reads just those records within moments, instead
// of looking over the whole workspace on a timer.
const (
	changesChannel  = "orchard_changes"
	presenceChannel = "orchard_presence"
	// A notification carries at most 8000 bytes: a save of more records
	// than fit (an import) says only that much changed.
	maxNotice = 7000
)

// Notice says that a save was committed: its change count, who made it and
// which records it wrote, or All when they were too many to list.
type Notice struct {
	Seq     int64
	By      string
	Records []RecordRef
	All     bool
}

type noticeJSON struct {
	Seq     int64       `json:"seq"`
	By      string      `json:"by,omitempty"`
	Records [][2]string `json:"r,omitempty"`
	All     bool        `json:"all,omitempty"`
}

// noticeOf is the notification a batch's save sends.
func noticeOf(b Batch, seq int64, by string) string {
	n := noticeJSON{Seq: seq, By: by}
	add := func(k model.Kind, id string) { n.Records = append(n.Records, [2]string{string(k), id}) }
	for _, e := range b.Deletes {
		add(e.Kind(), e.EntityID())
	}
	for _, e := range b.Puts {
		add(e.Kind(), e.EntityID())
	}
	if b.Settings != nil {
		add(SettingsKind, "settings")
	}
	out, _ := json.Marshal(n)
	if len(out) > maxNotice {
		out, _ = json.Marshal(noticeJSON{Seq: seq, By: by, All: true})
	}
	return string(out)
}

func parseNotice(payload string) (Notice, error) {
	var n noticeJSON
	if err := json.Unmarshal([]byte(payload), &n); err != nil {
		return Notice{}, err
	}
	out := Notice{Seq: n.Seq, By: n.By, All: n.All}
	for _, r := range n.Records {
		out.Records = append(out.Records, RecordRef{Kind: model.Kind(r[0]), ID: r[1]})
	}
	return out, nil
}

// Presence says that someone has a team workspace open, and on which
// account; Left when they closed it.
type Presence struct {
	Session string `json:"s"` // one window's, made when it opens
	Who     string `json:"who"`
	Account string `json:"a,omitempty"`
	Left    bool   `json:"left,omitempty"`
}

// Announce tells the other windows on the team workspace who is here and
// on which account. On a file it does nothing.
func (s *Store) Announce(p Presence) error {
	if !s.server {
		return nil
	}
	if p.Who == "" {
		p.Who = s.by()
	}
	out, _ := json.Marshal(p)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := s.db.ExecContext(ctx, "SELECT pg_notify(?, ?)", presenceChannel, string(out))
	return s.serverError(err)
}

// Heard is what a listening window is told.
type Heard struct {
	Changed func(Notice)   // a save was committed (maybe this window's own)
	Present func(Presence) // someone said where they are
	Lost    func(error)    // the server cannot be reached; listening again
	Back    func()         // reached again after Lost: catch up on what was missed
	Ready   func()         // listening (each time the connection is made)
}

// Listen hears the team workspace's notifications until ctx is done, on
// its own connection; when the connection is lost it says so and connects
// again, waiting a little longer each time up to retryMax. It returns
// ctx's error, or at once on a file.
func (s *Store) Listen(ctx context.Context, h Heard) error {
	if !s.server {
		return nil
	}
	wait := retryMin
	lost := false
	for {
		err := s.listenOnce(ctx, h, func() {
			wait = retryMin
			if h.Ready != nil {
				h.Ready()
			}
			if lost {
				lost = false
				if h.Back != nil {
					h.Back()
				}
			}
		})
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !lost {
			lost = true
			if h.Lost != nil {
				h.Lost(s.serverError(err))
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(wait*2, retryMax)
	}
}

// How soon a lost listening connection is tried again, at first and at
// most.
var (
	retryMin = 250 * time.Millisecond
	retryMax = 3 * time.Second
)

// listenOnce connects, listens, calls up once listening, and hears until
// the connection fails or ctx is done.
func (s *Store) listenOnce(ctx context.Context, h Heard, up func()) error {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	conn, err := pgx.Connect(cctx, s.raw)
	cancel()
	if err != nil {
		return err
	}
	defer func() {
		closing, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(closing)
		cancel()
	}()
	for _, ch := range []string{changesChannel, presenceChannel} {
		if _, err := conn.Exec(ctx, "LISTEN "+ch); err != nil {
			return err
		}
	}
	up()
	for {
		// A quiet connection is checked every few seconds, so that a
		// server gone without a word is noticed.
		wctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		n, err := conn.WaitForNotification(wctx)
		cancel()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, context.DeadlineExceeded) {
				pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
				err = conn.Ping(pctx)
				cancel()
				if err == nil {
					continue
				}
			}
			return fmt.Errorf("listening to the team server: %w", err)
		}
		switch n.Channel {
		case changesChannel:
			if notice, err := parseNotice(n.Payload); err == nil && h.Changed != nil {
				h.Changed(notice)
			}
		case presenceChannel:
			var p Presence
			if json.Unmarshal([]byte(n.Payload), &p) == nil && h.Present != nil {
				h.Present(p)
			}
		}
	}
}
