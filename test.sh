#!/usr/bin/env bash
# test.sh: the whole test suite — vet, race-enabled tests, and the end-to-end
# check of the real window under Xvfb. Installs build prerequisites on
# Debian/Ubuntu when they are missing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/deps.sh --e2e
export CGO_ENABLED=1 LANG=en_US.UTF-8
echo "== go vet"
go vet ./...
echo "== go test -race"
go test -race -count=1 ./...
echo "== the store and workspace suites again, on a team workspace on PostgreSQL"
ORCHARD_TEST_BACKEND=postgres go test -race -count=1 ./store ./app/workspace
echo "== heavy tests the race detector would only slow down"
go test -count=1 -run '^(TestImportCorpus|TestCustomerSafePackLeaksNothing|TestWorkshopStopsReadableAndInsideTheWindow|TestWorkshopScreensShowOnlyWhatTheCustomerMaySee)$' ./app ./app/pack ./views
echo "== fuzz the value parsers briefly"
# Counted runs (a few seconds each here), not timed ones: Go 1.26's fuzzing
# can fail a timed run with "context deadline exceeded" when the machine is
# busy as its time runs out (go.dev/issue/75804), with no failing input.
go test -run '^$' -fuzz '^FuzzParseAmount$' -fuzztime 5000x ./store/sheet
go test -run '^$' -fuzz '^FuzzValueParsers$' -fuzztime 8000x ./store/sheet
go test -run '^$' -fuzz '^FuzzReadCSV$' -fuzztime 8000x ./store/sheet
go test -run '^$' -fuzz '^FuzzParseXLS$' -fuzztime 15000x ./store/sheet
echo "== end to end"
scripts/e2e.sh
echo "all tests passed"
