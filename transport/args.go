package transport

import (
	"strconv"
	"strings"
	"time"
)

// Arguments of the training commands, read the same way by every
// transport.

// LessonQuestions is the length of a /lesson's quiz.
const LessonQuestions = 3

// ParseTrainArgs reads /train's "[N] [topic]" (the count may also come last).
func ParseTrainArgs(args string) (n int, topic string) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return 0, ""
	}
	if v, ok := parseCount(fields[0]); ok {
		return v, strings.Join(fields[1:], " ")
	}
	if len(fields) > 1 {
		if v, ok := parseCount(fields[len(fields)-1]); ok {
			return v, strings.Join(fields[:len(fields)-1], " ")
		}
	}
	return 0, strings.Join(fields, " ")
}

// parseCount accepts ASCII and full-width digits ("５" from Chinese IMEs).
func parseCount(s string) (int, bool) {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "题"), "題")
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r >= '０' && r <= '９':
			digits.WriteRune('0' + (r - '０'))
		default:
			return 0, false
		}
	}
	if digits.Len() == 0 || digits.Len() > 4 {
		return 0, false
	}
	v, err := strconv.Atoi(digits.String())
	return v, err == nil
}

// BoardPeriod reads /board's argument: this week (from Monday), this
// month, or all time (the default).
func BoardPeriod(arg string, now time.Time) (since time.Time, hans, hant string, ok bool) {
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	switch strings.ToLower(strings.TrimSpace(arg)) {
	case "", "all", "全部", "总", "總", "总榜", "總榜":
		return time.Time{}, "全部", "全部", true
	case "week", "w", "周", "週", "本周", "本週":
		back := (int(day.Weekday()) + 6) % 7 // days since Monday
		return day.AddDate(0, 0, -back), "本周", "本週", true
	case "month", "m", "月", "本月":
		return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()), "本月", "本月", true
	}
	return time.Time{}, "", "", false
}
