package config

import (
	"bufio"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The documents state what the binary does: every default written in
// .env.example, README.md and bot/README.md is the one FromLookup applies.
// A documented default is checked by setting it explicitly: the Config must
// be the same as with nothing set.

// keysRead is every setting FromLookup asks for.
func keysRead(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	_, _ = FromLookup(func(k string) (string, bool) {
		keys[k] = true
		return "", false
	})
	if len(keys) < 20 {
		t.Fatalf("FromLookup asked for %d settings, too few", len(keys))
	}
	return keys
}

// sameAsDefault reports whether setting key to value gives the default
// Config (and no error).
func sameAsDefault(t *testing.T, key, value string) bool {
	t.Helper()
	got, err := FromLookup(func(k string) (string, bool) {
		if k == key {
			return value, true
		}
		return "", false
	})
	if err != nil {
		t.Errorf("%s=%s: %v", key, value, err)
		return false
	}
	return reflect.DeepEqual(got, Default())
}

type envLine struct {
	key, value string
	comment    string // the comment lines just above it
	line       int
}

func readEnvExample(t *testing.T) []envLine {
	t.Helper()
	f, err := os.Open("../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []envLine
	var comment []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "":
			comment = nil
		case strings.HasPrefix(line, "#"):
			comment = append(comment, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf(".env.example line %d is not KEY=value: %q", n, line)
			}
			out = append(out, envLine{key: k, value: v, comment: strings.Join(comment, " "), line: n})
			comment = nil
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// emptyMeans finds "Empty: V." (or "Empty or 0: V.") in a comment, where V
// is a value (a number or duration), not a description.
var emptyMeans = regexp.MustCompile(`Empty(?: or 0)?: ([0-9][0-9a-z.]*?)\.(?:\s|$)`)

func TestEnvExampleStatesTheDefaults(t *testing.T) {
	read := keysRead(t)
	lines := readEnvExample(t)
	listed := map[string]bool{}
	checked := 0
	for _, l := range lines {
		if listed[l.key] {
			t.Errorf(".env.example line %d: %s listed twice", l.line, l.key)
		}
		listed[l.key] = true
		if !read[l.key] {
			t.Errorf(".env.example line %d: %s is not a setting bangyang reads", l.line, l.key)
			continue
		}
		value := l.value
		if value == "" {
			m := emptyMeans.FindStringSubmatch(l.comment)
			if m == nil {
				continue // documented as empty: nothing to compare
			}
			value = m[1]
		}
		checked++
		if !sameAsDefault(t, l.key, value) {
			t.Errorf(".env.example line %d: %s=%s is not the default bangyang uses", l.line, l.key, value)
		}
	}
	var missing []string
	for k := range read {
		if !listed[k] {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf(".env.example does not list %v", missing)
	}
	if checked < 12 {
		t.Errorf("only %d defaults found in .env.example: the parser no longer reads it", checked)
	}
}

// In the READMEs a default is written next to its setting:
// "`KEY` (default V" or "(`KEY`, default V" or "`KEY` (V)" for a duration.
var (
	readmeDefault = regexp.MustCompile("`([A-Z][A-Z0-9_]+)`,? \\(?default `?([^`),;]+)`?")
	readmeBare    = regexp.MustCompile("`([A-Z][A-Z0-9_]+)` \\(([0-9]+ (?:s|min|days))\\)")
)

// docValue turns a value as written in prose ("30 s", "90 days", "10 a
// minute", "1000 characters") into the setting's syntax.
func docValue(v string) string {
	v = strings.TrimSpace(v)
	for _, u := range []struct{ word, unit string }{{" s", "s"}, {" min", "m"}, {" days", "d"}} {
		if n, ok := strings.CutSuffix(v, u.word); ok && !strings.Contains(n, " ") {
			return n + u.unit
		}
	}
	if n, _, ok := strings.Cut(v, " "); ok {
		return n // "10 a minute", "1000 characters"
	}
	return v
}

func TestReadmesStateTheDefaults(t *testing.T) {
	read := keysRead(t)
	total := 0
	for _, doc := range []string{"../README.md", "../bot/README.md"} {
		raw, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		// Markdown wraps lines: read the text as one line.
		text := strings.Join(strings.Fields(string(raw)), " ")
		var found [][]string
		found = append(found, readmeDefault.FindAllStringSubmatch(text, -1)...)
		found = append(found, readmeBare.FindAllStringSubmatch(text, -1)...)
		for _, m := range found {
			key, value := m[1], docValue(m[2])
			if !read[key] {
				t.Errorf("%s: %q names %s, which is not a setting", doc, m[0], key)
				continue
			}
			total++
			t.Logf("%s: %s=%s (%q)", doc, key, value, m[0])
			if !sameAsDefault(t, key, value) {
				t.Errorf("%s: %q: %s=%s is not the default bangyang uses", doc, m[0], key, value)
			}
		}
	}
	// README: webhook listen, user and chat rate, longest question, watch
	// interval, max tokens, conversation TTL; bot/README: webhook listen,
	// the two rates, longest question.
	if total < 11 {
		t.Errorf("only %d defaults found in the READMEs: the parser no longer reads them", total)
	}
}

// The README's settings table names only settings bangyang reads.
func TestReadmeTableNamesSettings(t *testing.T) {
	read := keysRead(t)
	raw, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		first, _, _ := strings.Cut(strings.TrimPrefix(line, "| "), " |")
		for _, m := range regexp.MustCompile("`([A-Z][A-Z0-9_]+)").FindAllStringSubmatch(first, -1) {
			rows++
			if !read[m[1]] {
				t.Errorf("README table: %s is not a setting bangyang reads", m[1])
			}
		}
	}
	if rows < 8 {
		t.Errorf("only %d settings found in the README's table", rows)
	}
}
