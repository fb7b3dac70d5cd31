package views

import (
	"fmt"
	"testing"

	"orchard/model"
)

// BenchmarkBuildRows10k measures refreshing the account list for 10,000
// accounts: filter, score and sort.
func BenchmarkBuildRows10k(b *testing.B) {
	accounts := make([]*model.Account, 10000)
	for i := range accounts {
		a := &model.Account{ID: fmt.Sprint(i), Name: fmt.Sprintf("Account %05d", (i*7919)%10000), Currency: "EUR",
			Revenue: model.Money(i * 1000), Owner: fmt.Sprintf("Owner %d", i%40), Industry: fmt.Sprintf("Industry %d", i%25)}
		for q := range a.Answers {
			a.Answers[q] = 1 + (i+q)%5
		}
		accounts[i] = a
	}
	w := model.DefaultWeights()
	b.ReportAllocs()
	for b.Loop() {
		rows := buildRows(accounts, w, accountQuery{text: "account", sortColumn: 4, descending: true})
		if len(rows) != len(accounts) {
			b.Fatal("rows lost")
		}
	}
}
