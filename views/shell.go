package views

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
	"orchard/model"
	"orchard/store"
	"orchard/views/chart"
)

// Section is one screen of the main window.
type Section int

const (
	SectionPortfolio Section = iota
	SectionPlan
	SectionMap
	SectionBoard
	SectionReview
	SectionMyActions
)

var sectionTitles = map[Section]string{
	SectionPortfolio: "Portfolio",
	SectionPlan:      "Plan",
	SectionMap:       "Relationship map",
	SectionBoard:     "Action board",
	SectionReview:    "Review",
	SectionMyActions: "My actions",
}

// Title is the section's name, as the navigation and the View menu show it.
func (sec Section) Title() string { return sectionTitles[sec] }

// Shell is the main window's content: navigation on the left, the current
// screen on the right, a status line below.
type Shell struct {
	ws         *workspace.Workspace
	win        fyne.Window
	section    Section
	account    string
	portfolio  *portfolioScreen
	board      *boardScreen // the current account's board, kept while it is current
	myActions  *boardScreen
	relMap     *mapScreen // the current account's relationship map
	plan       *planScreen
	review     *reviewScreen
	workshop   bool
	conflict   *dialog.ConfirmDialog // the last "changed by someone else" question, for tests
	side       *fyne.Container
	navButtons map[Section]*widget.Button
	accountLbl *widget.Label
	body       *fyne.Container
	status     *widget.Label
	root       fyne.CanvasObject
	stop       func()
	top        *fyne.Container // banners above the screens
	offline    *widget.Label   // the team server cannot be reached
	presence   *widget.Label   // who else is working in the team workspace
	statusBar  *fyne.Container // the status line and who else is working
	sample     fyne.CanvasObject
	// OnAccountChanged, when set, hears which account became current.
	OnAccountChanged func(id string)
	// Today is the date the screens measure against (overdue, current cycle).
	Today func() time.Time
}

// NewShell builds the main content for an open workspace.
func NewShell(ws *workspace.Workspace, win fyne.Window) *Shell { return newShell(ws, win, false) }

// NewStartingShell is NewShell for the window's first content: it builds
// what the first frame shows and leaves what lies below the fold (the
// account form's scorecard questions) to Started, which the app calls
// once that frame is on screen.
func NewStartingShell(ws *workspace.Workspace, win fyne.Window) *Shell {
	return newShell(ws, win, true)
}

// Started builds what NewStartingShell left for after the first frame. It
// does nothing on a shell built in full or the second time.
func (s *Shell) Started() { s.portfolio.form.buildAssessment() }

func newShell(ws *workspace.Workspace, win fyne.Window, lazy bool) *Shell {
	s := &Shell{ws: ws, win: win, navButtons: map[Section]*widget.Button{}, Today: time.Now}
	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.presence = widget.NewLabel("")
	s.presence.Hide()
	s.portfolio = buildPortfolioScreen(ws, win, s.ShowError, func(id string) { s.setAccount(id) },
		func(id string) { s.SelectAccount(id); s.Show(SectionPlan) },
		func(id string, sec Section) { s.SelectAccount(id); s.Show(sec) }, lazy)
	s.portfolio.setClock(func() time.Time { return s.Today() }) // one clock for every screen
	s.body = container.NewStack()
	// Bold, as it is with an account in it: the italic face of "No account
	// selected" is then loaded only if the window starts without one.
	s.accountLbl = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.accountLbl.Wrapping = fyne.TextWrapWord
	nav := container.NewVBox()
	for _, sec := range []Section{SectionPortfolio, SectionMyActions, SectionPlan, SectionMap, SectionBoard, SectionReview} {
		sec := sec
		b := widget.NewButton(sectionTitles[sec], func() { s.Show(sec) })
		b.Alignment = widget.ButtonAlignLeading
		s.navButtons[sec] = b
		nav.Add(b)
		if sec == SectionMyActions {
			nav.Add(widget.NewSeparator())
			nav.Add(s.accountLbl)
		}
	}
	s.top = container.NewVBox()
	if ws.ReadOnly() {
		text := fmt.Sprintf("Read-only: %s cannot be written, so changes are not possible. Use File ▸ Save a copy… to edit a copy.", ws.Path())
		if acc := ws.Access(); acc.Role == store.RoleViewer {
			text = fmt.Sprintf("Read-only: %s signs in to this team workspace as a viewer, who reads every account but changes none (internal items are shown to each account's team and the leaders).", acc.Login)
		}
		banner := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		banner.Importance = widget.WarningImportance
		banner.Wrapping = fyne.TextWrapWord
		s.top.Add(banner)
	}
	top := s.top
	s.side = container.NewBorder(nil, nil, nil, widget.NewSeparator(), container.NewPadded(nav))
	s.statusBar = container.NewBorder(widget.NewSeparator(), nil, nil, s.presence, s.status)
	s.root = container.NewBorder(top, s.statusBar, s.side, nil, s.body)
	s.stop = ws.Subscribe(s.onEvent)
	s.setAccount(s.portfolio.list.selected)
	s.Show(SectionPortfolio)
	return s
}

// Content is the shell's root object for the window.
func (s *Shell) Content() fyne.CanvasObject { return s.root }

// Section returns the screen on show.
func (s *Shell) Section() Section { return s.section }

// Account returns the selected account's ID, or "".
func (s *Shell) Account() string { return s.account }

// Close stops listening to the workspace.
func (s *Shell) Close() { s.stop() }

func (s *Shell) setAccount(id string) {
	s.account = id
	if a := s.ws.Portfolio().Account(id); a != nil {
		s.accountLbl.Text = a.Name
		s.accountLbl.TextStyle = fyne.TextStyle{Bold: true}
	} else {
		s.account = ""
		s.accountLbl.Text = "No account selected"
		s.accountLbl.TextStyle = fyne.TextStyle{Italic: true}
	}
	s.accountLbl.Refresh()
	s.updateNav()
	if s.OnAccountChanged != nil {
		s.OnAccountChanged(s.account)
	}
}

// SelectAccount makes an account current, as if clicked in the list.
func (s *Shell) SelectAccount(id string) {
	if s.ws.Portfolio().Account(id) == nil {
		return
	}
	s.portfolio.selectAccount(id)
	s.setAccount(id)
	if s.section != SectionPortfolio {
		s.Show(s.section)
	}
}

// Show switches to a screen; account screens need a selected account.
func (s *Shell) Show(sec Section) {
	if sec != SectionPortfolio && sec != SectionMyActions && s.account == "" {
		sec = SectionPortfolio
	}
	if s.section == SectionPortfolio && sec != SectionPortfolio {
		s.portfolio.form.commit()
	}
	s.section = sec
	s.body.Objects = []fyne.CanvasObject{s.screen(sec)}
	s.body.Refresh()
	s.updateNav()
}

func (s *Shell) screen(sec Section) fyne.CanvasObject {
	switch sec {
	case SectionPortfolio:
		return s.portfolio.root
	case SectionMyActions:
		if s.myActions == nil {
			s.myActions = newBoardScreen(s.ws, s.win, boardScope{}, s.Today, s.ShowError)
			s.myActions.chooseMember(s.defaultMember())
		}
		s.myActions.setWorkshop(s.workshop)
		return s.myActions.root
	case SectionBoard:
		if s.board == nil || s.board.board.scope.accountID != s.account {
			s.board = newBoardScreen(s.ws, s.win, boardScope{accountID: s.account}, s.Today, s.ShowError)
		}
		s.board.setWorkshop(s.workshop)
		return container.NewBorder(planSummary(s.ws.Portfolio(), s.ws.Portfolio().Account(s.account), s.Today(), s.workshop), nil, nil, nil, s.board.root)
	}
	p, a, today := s.ws.Portfolio(), s.ws.Portfolio().Account(s.account), s.Today()
	switch sec {
	case SectionPlan:
		if s.plan == nil || s.plan.accountID != s.account {
			s.plan = newPlanScreen(s.ws, s.win, s.account, s.Today, s.ShowError)
			s.plan.setSafe(s.workshop)
		}
		return s.plan.root
	case SectionReview:
		if s.review == nil || s.review.accountID != s.account {
			s.review = newReviewScreen(s.ws, s.win, s.account, s.Today, s.ShowError)
		}
		s.review.setWorkshop(s.workshop)
		return container.NewBorder(planSummary(p, a, today, s.workshop), nil, nil, nil, s.review.root)
	case SectionMap:
		if s.relMap == nil || s.relMap.m.accountID != s.account {
			s.relMap = newMapScreen(s.ws, s.win, s.account, s.ShowError)
			s.relMap.export = s.exportMap
			s.relMap.safe.SetChecked(s.workshop)
			s.relMap.setWorkshop(s.workshop)
		}
		return s.relMap.root
	}
	return s.portfolio.root
}

func (s *Shell) updateNav() {
	for sec, b := range s.navButtons {
		if sec == s.section {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		if sec != SectionPortfolio && sec != SectionMyActions && s.account == "" {
			b.Disable()
		} else {
			b.Enable()
		}
		b.Refresh()
	}
}

func (s *Shell) onEvent(ev workspace.Event) {
	s.portfolio.onEvent(ev)
	for _, b := range []*boardScreen{s.board, s.myActions} {
		if b != nil {
			b.onEvent(ev)
		}
	}
	if s.relMap != nil {
		s.relMap.onEvent(ev)
	}
	if s.plan != nil && s.ws.Portfolio().Account(s.plan.accountID) != nil {
		s.plan.onEvent(ev)
	}
	if s.review != nil && s.ws.Portfolio().Account(s.review.accountID) != nil {
		s.review.onEvent(ev)
	}
	if s.account != "" && s.ws.Portfolio().Account(s.account) == nil {
		s.setAccount("")
		if s.section != SectionPortfolio {
			s.Show(SectionPortfolio)
		}
	} else if s.account != "" {
		s.setAccount(s.account) // its name may have changed; each screen follows events itself
	}
	s.SetStatus(ev.Label + " — saved")
}

// SetStatus shows a short message in the status line.
func (s *Shell) SetStatus(msg string) {
	s.status.SetText(msg)
}

// Status is what the status line says.
func (s *Shell) Status() string { return s.status.Text }

// Flush saves edits still sitting in a form field. It returns the error
// when the field does not validate, so closing can ask what to do.
func (s *Shell) Flush() error {
	return s.portfolio.form.commit()
}

// Undo reverts the last change, wherever it was made.
func (s *Shell) Undo() {
	if err := s.Flush(); err != nil {
		return
	}
	if ok, err := s.ws.Undo(); err != nil {
		s.ShowError(err)
	} else if !ok {
		s.status.SetText("Nothing to undo")
	}
}

// Redo repeats the last undone change.
func (s *Shell) Redo() {
	if ok, err := s.ws.Redo(); err != nil {
		s.ShowError(err)
	} else if !ok {
		s.status.SetText("Nothing to redo")
	}
}

// SetOffline shows, above every screen, that the team server cannot be
// reached (msg says why), or takes that away ("").
func (s *Shell) SetOffline(msg string) {
	if msg == "" {
		if s.offline != nil {
			s.top.Remove(s.offline)
			s.offline = nil
		}
		return
	}
	text := "Cannot reach the team server: what is on screen is as it was last read, and changes cannot be saved until it is back. Orchard connects again by itself. (" + msg + ")"
	if s.offline != nil {
		s.offline.SetText(text)
		return
	}
	s.offline = widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	s.offline.Importance = widget.DangerImportance
	s.offline.Wrapping = fyne.TextWrapWord
	s.top.Add(s.offline)
}

// Offline is what the offline banner says, or "" when there is none.
func (s *Shell) Offline() string {
	if s.offline == nil {
		return ""
	}
	return s.offline.Text
}

// SetPresence shows who else is working in the team workspace ("" for no
// one) at the right of the status line.
func (s *Shell) SetPresence(text string) {
	if text == s.presence.Text && s.presence.Visible() == (text != "") {
		return
	}
	s.presence.SetText(text)
	if text == "" {
		s.presence.Hide()
	} else {
		s.presence.Show()
	}
	s.statusBar.Refresh() // lay the status line out again beside it
}

// Presence is what the status line says of who else is working.
func (s *Shell) Presence() string { return s.presence.Text }

// ShowError tells the user what went wrong in a dialog. An edit refused
// because someone else changed the record meanwhile offers to apply it
// again over their version.
func (s *Shell) ShowError(err error) {
	if len(model.FieldErrors(err)) > 0 {
		s.status.SetText("Not saved: " + err.Error())
		return
	}
	var c *workspace.Conflict
	if errors.As(err, &c) && c.CanReapply() {
		s.showConflict(c)
		return
	}
	if errors.Is(err, workspace.ErrOffline) {
		// The banner says why; a dialog at every field left would nag.
		s.status.SetText("Not saved: " + err.Error())
		return
	}
	dialog.ShowError(err, s.win)
}

// showConflict says who changed the record and what, lists the person's
// own changes, and applies them again over the other version on request.
func (s *Shell) showConflict(c *workspace.Conflict) {
	s.status.SetText("Not saved: " + c.Name + " was changed by someone else meanwhile")
	msg := widget.NewLabel(c.Error())
	msg.Wrapping = fyne.TextWrapWord
	mine := widget.NewLabel("")
	mine.Wrapping = fyne.TextWrapWord
	var lines []string
	seen := map[string]bool{}
	for _, f := range c.MyFields() {
		l := model.FieldLabel(f)
		if seen[l] {
			continue
		}
		seen[l] = true
		line := "• " + capitalise(l) + ": " + model.FieldText(c.Mine(), f)
		if len(c.Fields) > 0 && slices.Contains(c.Fields, f) {
			line += " (theirs: " + model.FieldText(c.Theirs, f) + ")"
		}
		lines = append(lines, line)
	}
	mine.SetText("Your changes:\n" + strings.Join(lines, "\n"))
	who := c.Who()
	d := dialog.NewCustomConfirm("Changed by "+who, "Apply my changes again", "Keep theirs", container.NewVBox(msg, mine), func(apply bool) {
		if !apply {
			s.status.SetText("Kept " + who + "’s version of " + c.Name)
			return
		}
		if err := s.ws.Reapply(c); err != nil {
			s.ShowError(err)
			return
		}
		s.status.SetText("Your changes to " + c.Name + " were applied over " + who + "’s")
	}, s.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	s.conflict = d
}

// AddAccount starts a new account on the Portfolio screen.
func (s *Shell) AddAccount() {
	s.Show(SectionPortfolio)
	s.portfolio.addAccount()
}

// FocusAccountName shows the selected account's form with its name field
// focused (Edit ▸ Rename account) and returns the field.
func (s *Shell) FocusAccountName() *widget.Entry {
	s.Show(SectionPortfolio)
	if s.portfolio.form.id == "" {
		return nil
	}
	s.win.Canvas().Focus(s.portfolio.form.name)
	return &s.portfolio.form.name.Entry
}

// defaultMember is the team member My actions opens on: the current
// account's owner when they are on the team, else the first member.
func (s *Shell) defaultMember() string {
	p := s.ws.Portfolio()
	members := p.TeamMembers()
	if a := p.Account(s.account); a != nil {
		for _, m := range members {
			if m.Name == a.Owner {
				return m.ID
			}
		}
	}
	if len(members) > 0 {
		return members[0].ID
	}
	return ""
}

// workshopStops are the screens PageUp and PageDown step through on a projector.
var workshopStops = []Section{SectionPortfolio, SectionMap, SectionBoard, SectionReview}

// ShowStop shows a screen; in a workshop the Portfolio opens on its quadrant.
func (s *Shell) ShowStop(sec Section, workshop bool) {
	s.Show(sec)
	if workshop && s.section == SectionPortfolio {
		s.portfolio.tabs.SelectIndex(1)
	}
}

// WorkshopStep moves d screens along quadrant → map → board → review.
func (s *Shell) WorkshopStep(d int) {
	at := 0
	for i, sec := range workshopStops {
		if sec == s.section {
			at = i
		}
	}
	next := (at + d + len(workshopStops)) % len(workshopStops)
	s.Show(workshopStops[next])
	if workshopStops[next] == SectionPortfolio {
		s.portfolio.tabs.SelectIndex(1) // the quadrant
	}
}

// SetWorkshop tells the screens that a projector audience is watching:
// the customer-safe views switch on and the navigation makes room.
func (s *Shell) SetWorkshop(on bool) {
	s.workshop = on
	// In front of the customer neither the navigation nor the status line
	// (which names the file and what was saved) shows.
	foldAway(on, s.side, s.status, s.top)
	s.root.Refresh()
	if s.portfolio != nil {
		s.portfolio.setWorkshop(on)
	}
	for _, b := range []*boardScreen{s.board, s.myActions} {
		if b != nil {
			b.setWorkshop(on)
		}
	}
	if s.review != nil {
		s.review.setWorkshop(on)
	}
	if s.relMap != nil {
		s.relMap.safe.SetChecked(on)
		s.relMap.setWorkshop(on)
	}
	s.ThemeChanged()
	if s.plan != nil {
		s.plan.setSafe(on)
	}
}

// ShowSampleBanner says, above every screen, that this is the fictional
// sample portfolio, with the ways out of it: import one's own spreadsheet,
// start an empty workspace, or remove the sample.
func (s *Shell) ShowSampleBanner(importOwn, startEmpty, remove func()) {
	if s.sample != nil {
		return
	}
	text := widget.NewLabelWithStyle("This is the sample portfolio: fictional accounts to try Orchard with.", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	imp := widget.NewButtonWithIcon("Import my spreadsheet…", theme.UploadIcon(), importOwn)
	imp.Importance = widget.HighImportance
	s.sample = container.NewHBox(text, layout.NewSpacer(), imp,
		widget.NewButton("Start empty…", startEmpty), widget.NewButton("Remove sample…", remove))
	s.top.Add(s.sample)
	if s.workshop {
		s.sample.Hide()
	}
	s.root.Refresh()
}

// HideSampleBanner takes the sample banner away.
func (s *Shell) HideSampleBanner() {
	if s.sample != nil {
		s.top.Remove(s.sample)
		s.sample = nil
	}
}

// ThemeChanged lets screens that draw their own content at a size of
// their choosing (the relationship map) follow a new text size: workshop
// mode, presenter zoom.
func (s *Shell) ThemeChanged() {
	if s.relMap != nil {
		s.relMap.m.ThemeChanged()
	}
}

// exportMap asks where to save the map picture and writes it.
func (s *Shell) exportMap(m *relMap) {
	a := s.ws.Portfolio().Account(m.accountID)
	if a == nil {
		return
	}
	saveFile(s.win, "Export relationship map", a.Name+" relationship map.png", func() ([]byte, error) {
		png, err := chart.RelationshipMapPNG(s.ws.Portfolio(), m.accountID, m.customerSafe, 2)
		if err != nil {
			return nil, fmt.Errorf("exporting the map of %s: %w", a.Name, err)
		}
		return png, nil
	}, func(path string) { s.SetStatus("Exported the relationship map to " + path) })
}

func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
