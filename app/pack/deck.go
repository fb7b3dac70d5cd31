package pack

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"orchard/model"
	"orchard/store"
)

// DeckFormat is what the review is written as.
type DeckFormat int

const (
	PPTX DeckFormat = iota // a PowerPoint deck
	PDF                    // a PDF of the same slides
)

// DeckOptions say which review to write, where and how.
type DeckOptions struct {
	AccountID string
	Path      string
	Format    DeckFormat
	// Internal adds what the customer may not see and says INTERNAL on
	// every slide; the default is customer-safe (model.CustomerView).
	Internal bool
	// Figures shows plan against actual in a customer-safe deck.
	Figures bool
	Today   time.Time
	// Template is a company's .potx or .pptx whose master and layouts the
	// deck uses; "" uses the built-in one. A template that cannot be used
	// is reported in DeckResult.TemplateProblem and the built-in one used.
	Template string
	Progress func(done, total int, step string)
	// Cancelled, when set and returning true, stops the deck; nothing is left.
	Cancelled func() bool
}

// DeckResult says what was written.
type DeckResult struct {
	Slides int
	// TemplateProblem says why the company template was not used, if it was not.
	TemplateProblem string
}

// ErrDeckCancelled is returned when the user stopped the deck.
var ErrDeckCancelled = errors.New("the review deck was cancelled; nothing was written")

// DeckContents says, before a deck is written, what it holds and what a
// customer-safe deck holds back, for the export dialog.
func DeckContents(internal, figures bool) (included, heldBack []string) {
	included = []string{"Title: the account, today's date and the current cycle", "Your goals and initiatives"}
	if internal || figures {
		included = append(included, "Plan against actual: the revenue chart and a table of the figures")
	}
	included = append(included, "Who we work with: the relationship map", "Agreed actions with owners and due dates",
		"What changed since the last review", "Next steps and the next review date")
	if internal {
		included = append(included, "Every action, attitudes on the map and account health, each slide marked INTERNAL")
		return included, []string{"Nothing: this is the internal version, not for the customer"}
	}
	heldBack = []string{"Other customers", "Our assessments: scores, priority, health, margin, potential, win probability",
		"Attitudes, buying roles, influence and coverage on the map", "Actions not agreed with the customer",
		"Everything marked internal"}
	if !figures {
		heldBack = append(heldBack, "Plan against actual (tick \"Show plan against actual\" to include it)")
	}
	return included, heldBack
}

// WriteDeck writes the review deck or its PDF to o.Path through a
// temporary file, so a failure or Cancel leaves nothing behind.
func WriteDeck(p *model.Portfolio, o DeckOptions) (DeckResult, error) {
	var res DeckResult
	a := p.Account(o.AccountID)
	if a == nil {
		return res, fmt.Errorf("no account %s", o.AccountID)
	}
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	tick := (&steps{total: 4, progress: o.Progress, cancelled: o.Cancelled, stop: ErrDeckCancelled}).tick
	t := builtinTemplate()
	if o.Format == PPTX && strings.TrimSpace(o.Template) != "" {
		ct, err := loadTemplate(o.Template)
		if err != nil {
			res.TemplateProblem = err.Error()
		} else {
			t = ct
		}
	}
	if err := tick("template"); err != nil {
		return res, err
	}
	slides, err := reviewDeck(p, a.ID, o.Internal, o.Figures, o.Today, t.g)
	if err != nil {
		return res, err
	}
	if err := tick("charts and tables"); err != nil {
		return res, err
	}
	title := a.Name + " — account review " + model.FormatDate(o.Today)
	var data []byte
	if o.Format == PDF {
		data, err = writePDF(slides, o.Internal, title)
	} else {
		data, err = writePPTX(slides, t, o.Internal, title, o.Today)
	}
	if err != nil {
		return res, fmt.Errorf("writing the review of %s: %w", a.Name, err)
	}
	if err := tick("slides"); err != nil {
		return res, err
	}
	if err := store.WriteAtomically(o.Path, data); err != nil {
		return res, err
	}
	tick("done")
	res.Slides = len(slides)
	return res, nil
}
