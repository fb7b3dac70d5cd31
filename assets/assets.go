// Package assets holds the files Orchard embeds: its icon and (in
// assets/sample) the sample portfolio.
package assets

import _ "embed"

// IconPNG is Orchard's application icon, 256×256.
//
//go:embed icon.png
var IconPNG []byte
