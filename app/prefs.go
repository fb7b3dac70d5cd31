package app

import (
	"orchard/store"
	"os"
)

// Preference keys.
const (
	prefLast     = "lastWorkspace"
	prefAccount  = "lastAccount:" // + workspace path
	prefRecent   = "recentWorkspaces"
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
	prefNoSample = "sampleRemoved" // the user deleted the sample: do not make it again
	prefRegion   = "region"        // numbers and dates as this region writes them; "" follows the system
	maxRecent    = 8
)

// rememberRecent puts path first in the recent list and makes it the
// workspace to open next time.
func (d *desktopApp) rememberRecent(path string) {
	prefs := d.fa.Preferences()
	prefs.SetString(prefLast, path)
	list := []string{path}
	for _, p := range prefs.StringList(prefRecent) {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	prefs.SetStringList(prefRecent, list)
}

// recentPaths lists remembered workspaces that still exist.
func (d *desktopApp) recentPaths() []string {
	var out []string
	for _, p := range d.fa.Preferences().StringList(prefRecent) {
		if _, err := os.Stat(p); err == nil || store.IsServerURL(p) {
			out = append(out, p)
		}
	}
	return out
}

// homeDir is where files the user exports are suggested to go.
func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
