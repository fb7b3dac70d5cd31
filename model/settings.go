package model

import "strings"

// Settings are the workspace-wide choices.
type Settings struct {
	Name      string // shown in the title bar
	Sample    bool   // the workspace is Orchard's sample portfolio
	Weights   Weights
	Offerings []string // whitespace map columns
	Criteria  []string // customer value scorecard criteria
	Rates     Rates    // exchange rates for views that add up currencies
	// WIP holds the action board's work-in-progress limits by WIPKey.
	WIP map[string]int
	// HealthWeights are the points each health factor can take off 100
	// (nil: DefaultHealthWeights); AtRisk the score below which an account
	// is at risk (0: DefaultAtRisk).
	HealthWeights map[string]float64
	AtRisk        int
}

// DefaultSettings returns the settings of a new workspace.
func DefaultSettings() Settings {
	return Settings{
		Name:      "Untitled workspace",
		Weights:   DefaultWeights(),
		Offerings: []string{"Platform", "Analytics", "Services", "Support", "Training"},
		Criteria:  append([]string(nil), DefaultCriteria...),
		Rates:     DefaultRates(),
	}
}

// Validate checks the settings.
func (s Settings) Validate() error {
	c := checker{record: "settings"}
	c.required("workspace name", s.Name)
	for q, w := range s.Weights {
		if w < 0 || w > 10 {
			c.fail("weight of "+Questions[q].Field, "must be between 0 and 10 (found %g)", w)
		}
	}
	if !ValidCurrency(s.Rates.Base) {
		c.fail("base currency", "must be a three-letter ISO code such as EUR (found %q)", s.Rates.Base)
	}
	for cur, v := range s.Rates.PerOne {
		if !ValidCurrency(cur) {
			c.fail("exchange rates", "%q is not a three-letter currency code", cur)
		} else if v <= 0 {
			c.fail("exchange rate for "+cur, "must be greater than 0 (found %g)", v)
		}
	}
	for k, v := range s.HealthWeights {
		if v < 0 || v > 100 {
			c.fail("health weight of "+k, "must be between 0 and 100 points (found %g)", v)
		}
	}
	if s.AtRisk < 0 || s.AtRisk > 100 {
		c.fail("at-risk threshold", "must be between 0 and 100 (found %d)", s.AtRisk)
	}
	for k, v := range s.WIP {
		if v < 0 {
			c.fail("WIP limit of "+k, "must be zero (no limit) or more (found %d)", v)
		}
	}
	seen := map[string]bool{}
	for _, o := range s.Offerings {
		key := strings.ToLower(strings.TrimSpace(o))
		if key == "" {
			c.fail("offerings", "must not contain an empty name")
		} else if seen[key] {
			c.fail("offerings", "must not repeat %q", o)
		}
		seen[key] = true
	}
	return c.err()
}
