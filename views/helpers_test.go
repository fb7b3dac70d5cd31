package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"orchard/app/workspace"
)

func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// mountAccountScreen builds a per-account screen on the sample workspace's
// Northwind Logistics in a 1300×900 test window, subscribed to changes.
func mountAccountScreen(t *testing.T, build func(ws *workspace.Workspace, w fyne.Window, accountID string) (fyne.CanvasObject, workspace.Listener)) (*workspace.Workspace, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	ws := sampleWorkspace(t)
	w := test.NewTempWindow(t, nil)
	root, onEvent := build(ws, w, accountByName(ws, "Northwind Logistics").ID)
	t.Cleanup(ws.Subscribe(onEvent))
	w.SetContent(root)
	w.Resize(fyne.NewSize(1300, 900))
	return ws, w
}
