#!/usr/bin/env bash
# make.sh: writes the legacy-Excel fixtures in this folder. gen writes each
# .xlsx; LibreOffice converts it to Excel 97–2003 (.xls). (LibreOffice no
# longer writes Excel 95: the tests make that format's records themselves.)
# Needs LibreOffice Calc
# (apt-get install libreoffice-calc-nogui). Run from anywhere.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../../.."
go run ./store/sheet/testdata/xls/gen "$here"
cd "$here"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for x in *.xlsx; do
  soffice --headless -env:UserInstallation=file://"$work"/profile --convert-to xls --outdir "$work" "$x" >/dev/null
  mv "$work/${x%.xlsx}.xls" .
done
ls -l *.xls
