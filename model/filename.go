package model

import (
	"strings"
	"unicode"
)

// FileName turns a name from the workspace (an account's, say) into a file
// or folder name that stays where it is put: no path separators, no "..",
// none of the characters Windows forbids, no control characters, no
// leading or trailing dots and spaces, at most 100 characters. An empty
// result becomes "untitled".
func FileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsControl(r), strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	for strings.Contains(s, "..") {
		s = strings.ReplaceAll(s, "..", "_")
	}
	if r := []rune(s); len(r) > 100 {
		s = string(r[:100])
	}
	s = strings.Trim(s, " .")
	if s == "" {
		return "untitled"
	}
	return s
}
