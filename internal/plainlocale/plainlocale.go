// Package plainlocale tells the toolkit's language lookup what a "C.UTF-8"
// locale means before that lookup runs. Many Linux systems set LANG=C.UTF-8;
// the toolkit reads it as a language named "C" and logs a parse error on
// every start, before any of Orchard's own code. Imported first by main, its
// init runs before the toolkit's packages (Go initialises a package as soon
// as its own imports are, and this one needs only os).
package plainlocale

import (
	"os"
	"strings"
)

func init() { apply(os.Getenv, os.Setenv) }

// apply sets LANGUAGE to English when the locale in effect is C or POSIX
// with a character set ("C.UTF-8"): such a locale asks for no language,
// which is English to the toolkit. LANGUAGE is left alone when set, and
// gettext ignores it under a C locale, so nothing else changes.
func apply(get func(string) string, set func(string, string) error) {
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = get(v); locale != "" {
			break
		}
	}
	base, _, hasCharset := strings.Cut(locale, ".")
	if hasCharset && (base == "C" || base == "POSIX") && get("LANGUAGE") == "" {
		_ = set("LANGUAGE", "en")
	}
}
