//go:build !windows

package main

// attachConsole is needed on Windows only, where Orchard.exe is a GUI
// program; elsewhere a program started from a terminal prints there.
func attachConsole() {}
