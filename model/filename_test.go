package model

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestFileNameStaysInTheChosenFolder(t *testing.T) {
	for _, name := range []string{
		"../../etc/passwd", `..\..\Windows\System32`, "/abs/path", "C:evil", "a\x00b\nc",
		"..", ".", "", "   ", "Marlow & Finch Insurance", "Zürich Re (CH)", strings.Repeat("long", 60),
	} {
		got := FileName(name)
		dir := filepath.Join("exports", "pack")
		joined := filepath.Join(dir, got)
		if filepath.Dir(joined) != dir {
			t.Errorf("FileName(%q) = %q leaves the folder: %s", name, got, joined)
		}
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, "/\\:*?\"<>|\x00\n") {
			t.Errorf("FileName(%q) = %q is not a safe name", name, got)
		}
		if len([]rune(got)) > 100 {
			t.Errorf("FileName(%q) is %d characters long", name, len([]rune(got)))
		}
	}
	if got := FileName("Marlow & Finch Insurance"); got != "Marlow & Finch Insurance" {
		t.Errorf("an ordinary name was changed to %q", got)
	}
}
