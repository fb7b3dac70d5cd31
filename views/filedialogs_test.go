package views

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fakeNative stands in for the system's dialog (Windows, macOS): it
// answers with path, or cancels when path is "".
func fakeNative(t *testing.T, path string) *FileAsk {
	t.Helper()
	var asked FileAsk
	was := nativeFile
	nativeFile = func(a FileAsk, save bool) (string, bool, error) {
		asked = a
		return path, true, nil
	}
	t.Cleanup(func() { nativeFile = was })
	return &asked
}

// Where the system has a Save dialog it is used: its answer is taken as
// given (it asked about replacing), an extension is added to a bare name,
// Cancel does nothing, and the open workspace is never the answer.
func TestSavePathUsesTheSystemsDialog(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	dir := t.TempDir()
	existing := filepath.Join(dir, "plan.xlsx")
	os.WriteFile(existing, []byte("x"), 0o644)
	open := filepath.Join(dir, "Work.orchard")

	asked := fakeNative(t, filepath.Join(dir, "report"))
	var got string
	SavePath(w, FileAsk{Title: "Export", Start: filepath.Join(dir, "a.xlsx"), Exts: []string{".xlsx"}, Kind: "Excel workbook"}, func(p string) { got = p })
	if got != filepath.Join(dir, "report.xlsx") || asked.Kind != "Excel workbook" || asked.Exts[0] != ".xlsx" {
		t.Errorf("saved to %q after asking %+v", got, *asked)
	}

	fakeNative(t, existing)
	got = ""
	SavePath(w, FileAsk{Title: "Export", Exts: []string{".xlsx"}}, func(p string) { got = p })
	if got != existing {
		t.Errorf("the system's dialog already asked about replacing; got %q", got)
	}

	fakeNative(t, "")
	got = "untouched"
	SavePath(w, FileAsk{Title: "Export"}, func(p string) { got = p })
	if got != "untouched" {
		t.Error("Cancel in the system's dialog went on to save")
	}

	fakeNative(t, open)
	got = ""
	SavePath(w, FileAsk{Title: "Save a copy", Protect: []string{open}}, func(p string) { got = p })
	if got != "" {
		t.Errorf("a copy was written over the open workspace %s", got)
	}
}

// Without a system dialog (Linux) Orchard asks for the path itself and
// asks before replacing a file; a new workspace never replaces one.
func TestSavePathOwnDialogAsksBeforeReplacing(t *testing.T) {
	test.NewTempApp(t)
	was := nativeFile
	nativeFile = nil
	t.Cleanup(func() { nativeFile = was })
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 700))
	dir := t.TempDir()
	existing := filepath.Join(dir, "plan.orchard")
	os.WriteFile(existing, []byte("x"), 0o644)

	var got string
	SavePath(w, FileAsk{Title: "Save a copy", Confirm: "Save copy", Start: existing}, func(p string) { got = p })
	test.Tap(overlayButton(t, w, "Save copy"))
	if got != "" {
		t.Fatal("an existing file was replaced without asking")
	}
	test.Tap(overlayButton(t, w, "Yes"))
	if got != existing {
		t.Errorf("after Yes the copy went to %q", got)
	}

	got = ""
	SavePath(w, FileAsk{Title: "New workspace", Confirm: "Create", Start: existing, New: true}, func(p string) { got = p })
	test.Tap(overlayButton(t, w, "Create"))
	if got != "" {
		t.Errorf("a new workspace was put over %s", got)
	}
}

// Windows and macOS compare file names without case; Linux with it.
func TestFileNamesCompareAsTheSystemDoes(t *testing.T) {
	if !foldedSame(`C:\Plans\Acme.orchard`, `c:\plans\ACME.orchard`) {
		t.Error("on Windows these name one file")
	}
	if foldedSame(`C:\Plans\Acme.orchard`, `C:\Plans\Acme copy.orchard`) {
		t.Error("different names compared the same")
	}
	if !SamePath("/tmp/x/../y.orchard", "/tmp/y.orchard") {
		t.Error("paths that name one file compared different")
	}
}

// overlayButton finds a button of the dialog on top of the window.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to press %q", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("the dialog has no button %q", text)
	return nil
}
