//go:build !windows && !darwin

package views

// sameName compares two absolute paths as the file system does: by case on
// Linux.
func sameName(a, b string) bool { return a == b }
