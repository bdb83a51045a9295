package corpus

import (
	"strings"
)

// frontMatter is the optional `---` header of an article file: a small
// `key: value` subset of YAML (scalars, quoted scalars, `[a, b]` flow lists
// and `- item` block lists). Keys are lower-cased; unknown keys are kept so
// callers can ignore them without failing on Hugo/Jekyll headers.
type frontMatter struct {
	scalars map[string]string
	lists   map[string][]string
}

// splitFrontMatter separates a leading front-matter block from body. It
// returns ok=false and the input unchanged when there is no well-formed
// block (an opening `---` without a closing one is treated as body text,
// so a horizontal rule at the top of a file is never swallowed).
func splitFrontMatter(text string) (fm frontMatter, body string, ok bool) {
	rest, found := cutLine(text, "---")
	if !found {
		return fm, text, false
	}
	fm = frontMatter{scalars: map[string]string{}, lists: map[string][]string{}}
	lastKey := ""
	for rest != "" {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "---" || trimmed == "..." {
			return fm, rest, true
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if item, isItem := strings.CutPrefix(trimmed, "- "); isItem {
			// Block list item: belongs to the preceding key if that key
			// had no scalar value of its own.
			if v := unquote(strings.TrimSpace(item)); v != "" && lastKey != "" && fm.scalars[lastKey] == "" {
				fm.lists[lastKey] = append(fm.lists[lastKey], v)
			}
			continue
		}
		key, value, hasColon := strings.Cut(trimmed, ":")
		if !hasColon || !isSimpleKey(key) {
			// Not YAML we understand: give up on the header rather than
			// misread the article.
			return frontMatter{}, text, false
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		lastKey = key
		if strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]") {
			fm.lists[key] = parseFlowList(value[1 : len(value)-1])
			continue
		}
		fm.scalars[key] = unquote(stripComment(value))
	}
	return frontMatter{}, text, false
}

// cutLine reports whether text starts with the line want (optionally after
// a BOM, with LF or CRLF ending) and returns what follows it.
func cutLine(text, want string) (string, bool) {
	text = strings.TrimPrefix(text, "\ufeff")
	line, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(line, "\r \t") != want {
		return text, false
	}
	return rest, true
}

func isSimpleKey(k string) bool {
	k = strings.TrimSpace(k)
	return k != "" && !strings.ContainsAny(k, " \t")
}

func parseFlowList(s string) []string {
	var out []string
	for _, part := range splitOutsideQuotes(s, ',') {
		if v := unquote(strings.TrimSpace(part)); v != "" {
			out = append(out, v)
		}
	}
	// Chinese authors often separate with the full-width comma.
	if len(out) == 1 && strings.ContainsAny(out[0], "，、") {
		fields := strings.FieldsFunc(out[0], func(r rune) bool { return r == '，' || r == '、' })
		out = out[:0]
		for _, f := range fields {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

func splitOutsideQuotes(s string, sep rune) []string {
	var parts []string
	var quote rune
	start := 0
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == sep:
			parts = append(parts, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(parts, s[start:])
}

// stripComment removes a trailing ` # comment` from an unquoted value.
func stripComment(v string) string {
	if strings.HasPrefix(v, `"`) || strings.HasPrefix(v, "'") {
		return v
	}
	if i := strings.Index(v, " #"); i >= 0 {
		return strings.TrimSpace(v[:i])
	}
	return v
}

func unquote(v string) string {
	if len(v) >= 2 {
		if (v[0] == '"' && v[len(v)-1] == '"') || (v[0] == '\'' && v[len(v)-1] == '\'') {
			inner := v[1 : len(v)-1]
			if v[0] == '"' {
				inner = strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(inner)
			} else {
				inner = strings.ReplaceAll(inner, "''", "'")
			}
			return inner
		}
	}
	return v
}

func (fm frontMatter) get(keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(fm.scalars[k]); v != "" {
			return v
		}
		if l := fm.lists[k]; len(l) > 0 {
			return l[0]
		}
	}
	return ""
}

func (fm frontMatter) list(keys ...string) []string {
	for _, k := range keys {
		if l := fm.lists[k]; len(l) > 0 {
			return append([]string(nil), l...)
		}
		if v := strings.TrimSpace(fm.scalars[k]); v != "" {
			return parseFlowList(v)
		}
	}
	return nil
}
