package app

import (
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"orchard/model"
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

// regionChoices are the regions offered in View ▸ Region and formats…
// besides the system's own; any other locale name set by the system works
// too.
var regionChoices = []string{"en-US", "en-GB", "en-IN", "de-DE", "de-CH", "fr-FR", "fr-CA", "es-ES", "es-MX", "it-IT",
	"pt-BR", "pt-PT", "nl-NL", "pl-PL", "sv-SE", "da-DK", "nb-NO", "fi-FI", "ja-JP", "zh-CN", "ko-KR"}

// applyRegion shows numbers, money and dates as the user's region writes
// them: their choice, else the system's.
func (d *desktopApp) applyRegion() string {
	id := d.fa.Preferences().String(prefRegion)
	if id == "" {
		id = systemLocale()
	}
	return model.SetRegion(id)
}

// regionDialog lets the user choose the region numbers and dates follow,
// with a sample in the region chosen; Use keeps it and builds the screens
// again in it, Cancel goes back to the region before.
func (d *desktopApp) regionDialog() {
	system := "System (" + orDefault(model.NewRegionName(systemLocale()), "neutral") + ")"
	was := d.fa.Preferences().String(prefRegion)
	pick := widget.NewSelect(append([]string{system}, regionChoices...), nil)
	pick.SetSelected(orDefault(was, system))
	chosen := func() string {
		if pick.Selected == system {
			return ""
		}
		return pick.Selected
	}
	sample := widget.NewLabel("")
	show := func() {
		// The sample is written in the region being tried.
		model.SetRegion(orDefault(chosen(), systemLocale()))
		day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
		sample.SetText(fmt.Sprintf("%s · %s · %s", model.MoneyFromMajor(1234567.5).Format("EUR"), model.FormatPercent(12.5, 1, false), model.FormatDate(day)))
	}
	pick.OnChanged = func(string) { show() }
	show()
	dialog.ShowCustomConfirm("Region and formats", "Use", "Cancel", container.NewVBox(
		widget.NewLabel("Numbers, money, percentages and dates are shown as this region writes them."), pick, sample),
		func(ok bool) {
			if ok {
				d.fa.Preferences().SetString(prefRegion, chosen())
			}
			d.applyRegion()
			if ok {
				d.rebuildShell()
			}
		}, d.win)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
