package app

import (
	"os"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// The user's region, as far as files for their spreadsheet go: a CSV file
// Orchard writes uses the separator their spreadsheet expects.

// decimalCommaLanguages write decimals with a comma, so their spreadsheets
// separate a CSV file's fields with a semicolon.
var decimalCommaLanguages = map[string]bool{"de": true, "fr": true, "es": true, "it": true, "pt": true, "nl": true,
	"pl": true, "ru": true, "uk": true, "be": true, "cs": true, "sk": true, "sl": true, "hr": true, "sr": true, "bs": true,
	"bg": true, "ro": true, "hu": true, "tr": true, "el": true, "da": true, "sv": true, "nb": true, "nn": true, "no": true,
	"fi": true, "et": true, "lv": true, "lt": true, "is": true, "id": true, "vi": true, "ca": true, "eu": true, "gl": true,
	"az": true, "kk": true, "ka": true, "hy": true, "mk": true, "sq": true}

// pointRegions write decimals with a point although their language
// mostly does not (Spanish in the Americas north of the equator).
var pointRegions = map[string]bool{"es-mx": true, "es-us": true, "es-pr": true, "es-do": true, "es-gt": true,
	"es-hn": true, "es-ni": true, "es-pa": true, "es-sv": true, "es-cu": true}

// listSeparator is the field separator of CSV files for a spreadsheet in
// this locale ("de_DE.UTF-8", "fr-FR", "en_US"): ';' where decimals take a
// comma, else ','.
func listSeparator(locale string) rune {
	l := strings.ToLower(locale)
	if i := strings.IndexAny(l, ".@"); i >= 0 {
		l = l[:i]
	}
	l = strings.ReplaceAll(l, "_", "-")
	language, _, _ := strings.Cut(l, "-")
	if decimalCommaLanguages[language] && !pointRegions[l] {
		return ';'
	}
	return ','
}

// envLocale is the locale the command line follows: LC_ALL, then
// LC_NUMERIC, then LANG.
func envLocale() string {
	for _, v := range []string{"LC_ALL", "LC_NUMERIC", "LANG"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return ""
}

// systemLocale is the locale of the desktop the window runs on (the
// region settings on Windows and macOS, the environment on Linux).
func systemLocale() string {
	if s := envLocale(); s != "" && s != "C" && !strings.HasPrefix(s, "C.") && s != "POSIX" {
		return s
	}
	return lang.SystemLocale().String()
}
