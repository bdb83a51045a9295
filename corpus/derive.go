package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var dateRe = regexp.MustCompile(`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
var compactDateRe = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:\D|$)`)

// normalizeDate turns "2021-02-02T21:49:00+08:00", "2021/2/2",
// "2021年02月02日" or "20210202" into "2021-02-02". It returns "" when there
// is no plausible calendar date in s.
func normalizeDate(s string) string {
	s = strings.TrimSpace(s)
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		m = compactDateRe.FindStringSubmatch(s)
	}
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
}
