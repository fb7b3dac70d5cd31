// Package sample builds Orchard's sample portfolio: fictional accounts, three
// of them fully planned, so a first launch shows a working product. The
// content is deterministic for a given day.
package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"orchard/model"
)

// Name is the sample workspace's name; it says plainly that it is a sample.
const Name = "Sample portfolio (fictional data — safe to delete)"

// PlannedAccounts are the accounts that get a full plan.
var PlannedAccounts = []string{"Northwind Logistics", "Helios Energy", "Marlow & Finch Insurance"}

type builder struct {
	rng     *rand.Rand
	today   time.Time
	records []model.Entity
	team    []*model.TeamMember
}

// Build returns the sample's settings and records, parents before children,
// with dates relative to today.
func Build(today time.Time) (model.Settings, []model.Entity) {
	b := &builder{rng: rand.New(rand.NewPCG(2026, 11)), today: dayOf(today)}
	settings := model.DefaultSettings()
	settings.Name = Name
	settings.Sample = true
	for _, t := range team {
		m := &model.TeamMember{ID: b.id(), Name: t.name, Function: model.Function(t.function), Title: t.title,
			Email: emailOf(t.name)}
		b.team = append(b.team, m)
		b.add(m)
	}
	for i, c := range companies {
		a := b.account(i, c)
		b.trail(a, settings.Weights)
		for _, planned := range PlannedAccounts {
			if planned == c.name {
				b.plan(a, settings.Offerings, settings.Criteria)
			}
		}
	}
	// Each account as the CRM it came from numbers it, so that a CRM
	// export imported later updates these accounts instead of adding more.
	for i, a := range b.accounts() {
		b.add(&model.ExternalKey{ID: b.id(), AccountID: a.ID, RecordKind: model.KindAccount, RecordID: a.ID,
			Source: "CRM", Key: fmt.Sprintf("ACC-%04d", 1001+i)})
	}
	return settings, b.records
}

func (b *builder) add(e model.Entity) { b.records = append(b.records, e) }

// accounts are the accounts built so far, in order.
func (b *builder) accounts() []*model.Account {
	var out []*model.Account
	for _, e := range b.records {
		if a, ok := e.(*model.Account); ok {
			out = append(out, a)
		}
	}
	return out
}

// id returns a UUID-shaped ID from the seeded generator, so the same day
// always yields the same sample.
func (b *builder) id() string {
	hi, lo := b.rng.Uint64(), b.rng.Uint64()
	hi = hi&^0xf000 | 0x4000
	lo = lo&^(0xc<<60) | 0x8<<60
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

func (b *builder) account(i int, c companySeed) *model.Account {
	rev := c.revenueK * 1000
	if c.currency == "JPY" {
		rev *= 100
	}
	growth := map[string]float64{"declining": 1.08, "flat": 1.0, "growing": 0.9, "strong_growth": 0.8}[c.outlook]
	a := &model.Account{
		ID: b.id(), Name: c.name, Industry: c.industry, Region: c.region, Currency: c.currency,
		Owner:       owners[i%len(owners)],
		Revenue:     model.MoneyFromMajor(float64(rev)),
		PrevRevenue: model.MoneyFromMajor(float64(rev) * growth),
		MarginPct:   float64(18 + b.rng.IntN(20)),
		Potential:   model.MoneyFromMajor(math.Round(float64(rev)*(1.4+b.rng.Float64()*2.2)/1000) * 1000), // an estimate, in thousands
		Outlook:     model.Outlook(c.outlook),
		Objective:   model.Objectives[(i*7+3)%len(model.Objectives)],
		Updated:     b.today.Add(-time.Duration(b.rng.IntN(90)) * 24 * time.Hour),
	}
	// Answers lean with revenue and outlook, so the quadrant spreads out.
	for q := range a.Answers {
		base := 1 + b.rng.IntN(5)
		if model.Questions[q].Axis == model.AxisValue && i < 8 {
			base = 3 + b.rng.IntN(3)
		}
		a.Answers[q] = base
	}
	if i%9 == 5 {
		a.Answers[model.QViewInTheirIndustry] = 0 // not every question is known
	}
	b.add(a)
	return a
}

// trail marks where the account stood at last year's review: most moved a
// little, a few moved a lot, so the quadrant's trails have a story.
func (b *builder) trail(a *model.Account, w model.Weights) {
	x, y, ok := a.Position(w)
	if !ok {
		return
	}
	spread := 8.0
	if b.rng.IntN(5) == 0 {
		spread = 30
	}
	clamp := func(v float64) float64 { return max(2, min(98, v)) }
	year := b.today.Year() - 1
	b.add(&model.PositionMark{ID: b.id(), AccountID: a.ID, Date: time.Date(year, 12, 1, 0, 0, 0, 0, time.UTC),
		Label: fmt.Sprintf("FY%d review", year),
		X:     clamp(x + (b.rng.Float64()*2-1)*spread), Y: clamp(y + (b.rng.Float64()*2-1)*spread)})
}

func emailOf(name string) string {
	out := []rune{}
	for _, r := range name {
		switch {
		case r == ' ':
			out = append(out, '.')
		case r >= 'A' && r <= 'Z':
			out = append(out, r+'a'-'A')
		case r >= 'a' && r <= 'z':
			out = append(out, r)
		case r == 'á':
			out = append(out, 'a')
		}
	}
	return string(out) + "@orchard.example"
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
