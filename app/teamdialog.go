package app

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"orchard/store"
	"orchard/views"
)

// A team workspace is opened by its server, database and login; the
// password is asked for, and kept in the system's keychain (Windows
// Credential Manager, the macOS Keychain, the Secret Service on Linux)
// only when the user ticks "remember" — never in the preferences, which
// keep the address without it.

const keychainService = "Orchard team workspace"

// teamURL is a team workspace's address. server is a host, host:port or
// a socket folder (/run/postgresql).
func teamURL(server, database, login, password string) (string, error) {
	server, database, login = strings.TrimSpace(server), strings.TrimSpace(database), strings.TrimSpace(login)
	switch {
	case server == "":
		return "", fmt.Errorf("say which server holds the team workspace (a name such as db.example.com, with :port when it is not 5432)")
	case database == "":
		return "", fmt.Errorf("say which database on %s holds the team workspace", server)
	case login == "":
		return "", fmt.Errorf("say which login to use on %s", server)
	}
	u := url.URL{Scheme: "postgres", Path: "/" + database}
	if password != "" {
		u.User = url.UserPassword(login, password)
	} else {
		u.User = url.User(login)
	}
	if strings.HasPrefix(server, "/") { // a local socket folder
		u.RawQuery = url.Values{"host": {server}}.Encode()
	} else {
		if _, _, err := net.SplitHostPort(server); err != nil && strings.Contains(server, ":") && !strings.HasPrefix(server, "[") {
			return "", fmt.Errorf("%q is not a server name with a port (expected db.example.com:5432)", server)
		}
		u.Host = server
	}
	return u.String(), nil
}

// keychainKey names a login's password in the keychain: who, where, which
// database, as the address without its password says them.
func keychainKey(address string) string {
	u, err := url.Parse(address)
	if err != nil || u.User == nil {
		return ""
	}
	where := u.Host
	if h := u.Query().Get("host"); h != "" {
		where = h
	}
	return u.User.Username() + "@" + where + u.Path
}

// withRememberedPassword adds the password the keychain keeps for a team
// workspace's address (a recent workspace, the last one) when it has none.
func withRememberedPassword(address string) string {
	u, err := url.Parse(address)
	if err != nil || !store.IsServerURL(address) || u.User == nil {
		return address
	}
	if _, has := u.User.Password(); has {
		return address
	}
	pw, err := keyring.Get(keychainService, keychainKey(address))
	if err != nil || pw == "" {
		return address
	}
	u.User = url.UserPassword(u.User.Username(), pw)
	return u.String()
}

// openTeam opens a team workspace and, when asked, remembers its password;
// a password no longer wanted is forgotten.
func (d *desktopApp) openTeam(server, database, login, password string, remember bool) error {
	address, err := teamURL(server, database, login, password)
	if err != nil {
		return err
	}
	if err := d.open(address); err != nil {
		return err
	}
	key := keychainKey(address)
	if remember && password != "" {
		if err := keyring.Set(keychainService, key, password); err != nil {
			d.shell.SetStatus("Opened the team workspace; the password could not be kept in this computer's keychain (" + err.Error() + ")")
		}
	} else if !remember {
		keyring.Delete(keychainService, key) // nothing kept is fine too
	}
	return nil
}

// teamForm asks for a team workspace's server, database, login and
// password, and whether to remember the password; done gets them.
func (d *desktopApp) teamForm(title, confirm string, done func(server, database, login, password string, remember bool) error) {
	server, database, login := views.NewEntry(), views.NewEntry(), views.NewEntry()
	server.SetPlaceHolder("db.example.com or db.example.com:5432")
	database.SetPlaceHolder("orchard_team")
	password := widget.NewPasswordEntry()
	remember := widget.NewCheck("Remember the password on this computer (in its keychain)", nil)
	form := dialog.NewForm(title, confirm, "Cancel", []*widget.FormItem{
		widget.NewFormItem("Server", server), widget.NewFormItem("Database", database),
		widget.NewFormItem("Login", login), widget.NewFormItem("Password", password), widget.NewFormItem("", remember),
	}, func(ok bool) {
		if !ok {
			return
		}
		if err := done(server.Text, database.Text, login.Text, password.Text, remember.Checked); err != nil {
			dialog.ShowError(err, d.win)
		}
	}, d.win)
	form.Resize(fyne.NewSize(560, 360))
	form.Show()
}

// openTeamDialog is File ▸ Open team workspace….
func (d *desktopApp) openTeamDialog() {
	d.teamForm("Open team workspace", "Open", d.openTeam)
}

// publishDialog is File ▸ Publish to team server…: the open workspace file
// is copied into an empty team workspace, which then opens.
func (d *desktopApp) publishDialog() {
	if d.ws == nil {
		return
	}
	if store.IsServerURL(d.ws.Path()) {
		dialog.ShowInformation("Publish to team server", "This is already a team workspace: open a workspace file to publish it.", d.win)
		return
	}
	d.teamForm("Publish "+filepath.Base(d.ws.Path())+" to a team server", "Publish", d.publishTo)
}

// publishTo copies the open workspace file into an empty team workspace
// and opens that.
func (d *desktopApp) publishTo(server, database, login, password string, remember bool) error {
	address, err := teamURL(server, database, login, password)
	if err != nil {
		return err
	}
	var out strings.Builder
	if err := publish(d.ws.Path(), address, &out); err != nil {
		return err
	}
	if err := d.openTeam(server, database, login, password, remember); err != nil {
		return err
	}
	d.shell.SetStatus(strings.TrimSpace(out.String()) + "; the team workspace is open")
	return nil
}
