package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// looksLikeHTML says whether text is a web page: CRM tools often save a
// report as an HTML table and name it .xls.
func looksLikeHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 2048)]))
	return strings.HasPrefix(head, "<") && (strings.Contains(head, "<html") || strings.Contains(head, "<table") ||
		strings.Contains(head, "<!doctype html"))
}

// readHTMLTables reads each table of a web page as a sheet. A cell that
// spans several columns is read into each of them, as merged cells are.
func readHTMLTables(text, name string) []Table {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil
	}
	var tables []Table
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "table" {
			t := Table{Name: name}
			if len(tables) > 0 {
				t.Name = fmt.Sprintf("%s (table %d)", name, len(tables)+1)
			}
			collectRows(n, &t)
			if len(t.Rows) > 0 {
				tables = append(tables, t)
			}
			return // a table inside a cell is part of that cell
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return tables
}

func collectRows(n *html.Node, t *Table) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			var row []string
			for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
				if cell.Type != html.ElementNode || (cell.Data != "td" && cell.Data != "th") {
					continue
				}
				v := strings.Join(strings.Fields(textOf(cell)), " ")
				span := 1
				for _, a := range cell.Attr {
					if a.Key == "colspan" {
						if n, err := strconv.Atoi(a.Val); err == nil && n > 1 {
							span = min(n, MaxColumns)
						}
					}
				}
				for i := 0; i < span && len(row) < MaxColumns; i++ {
					row = append(row, v)
				}
			}
			t.Rows = append(t.Rows, row)
		case "thead", "tbody", "tfoot":
			collectRows(c, t)
		}
	}
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "br" {
			b.WriteString(" ")
		}
		b.WriteString(textOf(c))
	}
	return b.String()
}
