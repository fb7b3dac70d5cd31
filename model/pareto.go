package model

import "sort"

// ParetoRow is one account in the Pareto ranking.
type ParetoRow struct {
	Account    *Account
	Revenue    float64 // in the Pareto's currency
	Share      float64 // per cent of the total
	Cumulative float64 // per cent of the total, this account and all above it
}

// Pareto ranks accounts by revenue in one currency.
type Pareto struct {
	Currency string
	Rows     []ParetoRow
	Total    float64
	// AccountsFor80 is the fewest top accounts that bring 80 % of revenue,
	// and ShareOfAccounts what share of all ranked accounts that is.
	AccountsFor80   int
	ShareOfAccounts float64
	// Left out lists, per currency, accounts that could not be converted
	// because the workspace has no rate for their currency.
	LeftOut map[string]int
}

// BuildPareto ranks accounts by revenue converted to currency with rates
// (units of currency per one unit of the account's currency). Accounts
// whose currency has no rate are counted in LeftOut, never summed as if
// they were in the same currency.
func BuildPareto(accounts []*Account, currency string, rates Rates) Pareto {
	p := Pareto{Currency: currency, LeftOut: map[string]int{}}
	for _, a := range accounts {
		rate, ok := rates.Between(a.Currency, currency)
		if !ok {
			p.LeftOut[a.Currency]++
			continue
		}
		v := a.Revenue.Major() * rate
		p.Rows = append(p.Rows, ParetoRow{Account: a, Revenue: v})
		p.Total += v
	}
	sort.SliceStable(p.Rows, func(i, j int) bool {
		if p.Rows[i].Revenue != p.Rows[j].Revenue {
			return p.Rows[i].Revenue > p.Rows[j].Revenue
		}
		return p.Rows[i].Account.Name < p.Rows[j].Account.Name
	})
	var cum float64
	for i := range p.Rows {
		r := &p.Rows[i]
		if p.Total > 0 {
			r.Share = r.Revenue / p.Total * 100
		}
		cum += r.Share
		r.Cumulative = cum
		if p.AccountsFor80 == 0 && p.Total > 0 && cum >= 80-1e-9 {
			p.AccountsFor80 = i + 1
		}
	}
	if len(p.Rows) > 0 {
		p.ShareOfAccounts = float64(p.AccountsFor80) / float64(len(p.Rows)) * 100
	}
	return p
}

// Rates converts between currencies: units of the base currency for one
// unit of each other currency.
type Rates struct {
	Base   string
	PerOne map[string]float64
}

// Between returns how many units of to one unit of from is worth.
func (r Rates) Between(from, to string) (float64, bool) {
	if from == to {
		return 1, true
	}
	inBase := func(c string) (float64, bool) {
		if c == r.Base {
			return 1, true
		}
		v, ok := r.PerOne[c]
		return v, ok && v > 0
	}
	f, ok1 := inBase(from)
	t, ok2 := inBase(to)
	if !ok1 || !ok2 {
		return 0, false
	}
	return f / t, true
}

// DefaultRates are example rates to the euro so a new workspace can rank
// mixed currencies at once; they are settings for the user to keep current.
func DefaultRates() Rates {
	return Rates{Base: "EUR", PerOne: map[string]float64{
		"USD": 0.92, "GBP": 1.17, "CHF": 1.05, "SEK": 0.088, "NOK": 0.086,
		"DKK": 0.134, "JPY": 0.0061, "AUD": 0.60, "CAD": 0.67,
	}}
}
