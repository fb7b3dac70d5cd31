package store

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Temporary files carry the writing process's ID in their name, so that a
// later start can tell what a crashed process left behind from what a
// running one is still writing: ".NAME.TAG~orchard-PID-RANDOM".
const tempMarker = "~orchard-"

// CreateTemp creates a new file in dir named from base and tag, that did
// not exist before (O_EXCL, so never an existing file and never through a
// link planted under its name). Its mode is 0666 less the user's umask, as
// for any file the user saves.
func CreateTemp(dir, base, tag string) (*os.File, error) {
	for range 100 {
		f, err := os.OpenFile(tempName(dir, base, tag), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// tempName is a new temporary name in dir, marked with this process's ID.
func tempName(dir, base, tag string) string {
	return filepath.Join(dir, base+tag+tempMarker+strconv.Itoa(os.Getpid())+"-"+randomHex(6))
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// WriteAtomically writes data to path through a new temporary file in the
// same folder, synced and then renamed over path: readers see the old file
// or the whole new one, and a failure leaves nothing behind.
func WriteAtomically(path string, data []byte) error {
	return WriteAtomicallyWith(path, func(tmp string) error {
		return os.WriteFile(tmp, data, 0o666)
	})
}

// WriteAtomicallyWith is WriteAtomically for writers that want a path:
// write fills the temporary file (already created, empty) at tmp.
func WriteAtomicallyWith(path string, write func(tmp string) error) error {
	f, err := CreateTemp(filepath.Dir(path), "."+filepath.Base(path), ".partial")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmp := f.Name()
	f.Close()
	if err := write(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// moveIntoPlace gives the finished file at tmp the name path, refusing when
// path exists (a hard link cannot replace a file); where links are not
// possible it falls back to a rename after checking.
func moveIntoPlace(tmp, path string) error {
	if err := syncFile(tmp); err != nil {
		return err
	}
	err := os.Link(tmp, path)
	if errors.Is(err, os.ErrExist) {
		return errors.New("a file with that name already exists")
	}
	if err != nil {
		if _, serr := os.Lstat(path); serr == nil {
			return errors.New("a file with that name already exists")
		}
		return os.Rename(tmp, path)
	}
	return os.Remove(tmp)
}

// uniqueName reserves a new, empty file named prefix-STAMP[-N]suffix and
// returns its name; copies taken within the same second get -2, -3….
func uniqueName(prefix, suffix string) (string, error) {
	stamp := time.Now().UTC().Format("20060102T150405")
	for n := 1; n < 1000; n++ {
		name := prefix + "-" + stamp + suffix
		if n > 1 {
			name = fmt.Sprintf("%s-%s-%d%s", prefix, stamp, n, suffix)
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		f.Close()
		return name, nil
	}
	return "", fmt.Errorf("cannot find a free name for %s", prefix)
}

func removeWithJournal(path string) {
	for _, s := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + s)
	}
}

func isNoSuchTable(err error) bool {
	return err != nil && strings.Contains(err.Error(), "no such table")
}

// RemoveLeftovers deletes the temporary files that processes which are no
// longer running left in dir (a crash during a save, an export or the
// creation of a workspace).
func RemoveLeftovers(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if pid, ok := leftoverPID(e.Name()); ok && !processRunning(pid) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// leftoverPID reads the process ID from a temporary file's name.
func leftoverPID(name string) (int, bool) {
	i := strings.LastIndex(name, tempMarker)
	if i < 0 {
		return 0, false
	}
	rest := name[i+len(tempMarker):]
	num, _, _ := strings.Cut(rest, "-")
	// A journal of a temporary workspace ("…-wal", "…-shm") goes with it.
	pid, err := strconv.Atoi(num)
	return pid, err == nil && pid > 0
}

var (
	tempRootMu     sync.Mutex
	tempRoot       string
	leftoversSwept bool
)

// TempDir is this process's own folder for scratch work (scratch
// workspaces, the spreadsheet library's spill files). It is made on first
// use; a later start removes it if this process did not.
func TempDir() (string, error) {
	tempRootMu.Lock()
	defer tempRootMu.Unlock()
	if tempRoot != "" {
		if _, err := os.Stat(tempRoot); err == nil {
			return tempRoot, nil
		}
	}
	if !leftoversSwept {
		RemoveLeftovers(os.TempDir())
		leftoversSwept = true
	}
	dir, err := os.MkdirTemp("", "orchard"+tempMarker+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return "", err
	}
	tempRoot = dir
	return dir, nil
}

// RemoveTempDir removes this process's scratch folder; call it on exit.
func RemoveTempDir() {
	tempRootMu.Lock()
	defer tempRootMu.Unlock()
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
		tempRoot = ""
	}
}

// CreateTempDir is CreateTemp for a folder: new (never an existing one),
// named with the process ID so a later start can remove it if this process
// dies, with mode 0777 less the user's umask.
func CreateTempDir(dir, base, tag string) (string, error) {
	for range 100 {
		name := tempName(dir, base, tag)
		err := os.Mkdir(name, 0o777)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		return name, err
	}
	return "", fmt.Errorf("cannot create a temporary folder in %s", dir)
}
