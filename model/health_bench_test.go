package model_test

import (
	"fmt"
	"testing"

	"orchard/model"
)

// BenchmarkHealthAndFlags1000 scores and flags 1,000 accounts, each with
// 10 stakeholders, 10 actions and 8 quarters of figures.
func BenchmarkHealthAndFlags1000(b *testing.B) {
	p := model.NewPortfolio()
	p.Put(&model.TeamMember{ID: "m", Name: "Ann"})
	for i := 0; i < 1000; i++ {
		a := fmt.Sprintf("a%04d", i)
		p.Put(&model.Account{ID: a, Name: a, Currency: "EUR", Updated: hToday.AddDate(0, 0, -i%100), Answers: answers(1+i%5, 1+(i/5)%5)})
		for j := 0; j < 10; j++ {
			s := fmt.Sprintf("%s-s%d", a, j)
			p.Put(&model.Stakeholder{ID: s, AccountID: a, Name: s, Influence: model.Influence(1 + j%3), Attitude: model.Attitude(j%5 - 2)})
			if j%2 == 0 {
				p.Put(&model.Coverage{ID: s + "c", AccountID: a, MemberID: "m", StakeholderID: s, Strength: model.Strength(1 + j%4)})
			}
			p.Put(&model.Action{ID: fmt.Sprintf("%s-x%d", a, j), AccountID: a, Title: "t", Status: model.Statuses[j%5], Due: hToday.AddDate(0, 0, j-5)})
		}
		for q := 0; q < 8; q++ {
			per := fmt.Sprintf("%d-Q%d", 2025+q/4, 1+q%4)
			p.Put(&model.PeriodFigure{ID: a + per + "t", AccountID: a, Period: per, FigureKind: model.FigureTarget, Revenue: 100_00})
			p.Put(&model.PeriodFigure{ID: a + per + "a", AccountID: a, Period: per, FigureKind: model.FigureActual, Revenue: model.Money(90_00 + q*3_00)})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		h := p.HealthAll(hToday)
		f := p.Flags(hToday)
		if len(h) != 1000 || len(f) == 0 {
			b.Fatal("nothing computed")
		}
	}
}
