package bot

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"bangyang/config"
)

// A zero Config runs as the binary does with nothing set: the settings'
// defaults are package config's.
func TestZeroConfigMeansTheSettingsDefaults(t *testing.T) {
	var c Config
	c.defaults()
	want := map[string]any{
		"APIURL":           config.DefaultTelegramAPIURL,
		"WebhookListen":    config.DefaultWebhookListen,
		"UserRate":         PerMinute(config.DefaultUserPerMinute),
		"ChatRate":         PerMinute(config.DefaultChatPerMinute),
		"Workers":          config.DefaultWorkers,
		"MaxQuestionRunes": config.DefaultMaxQuestionRunes,
		"AnswerTimeout":    config.TimeoutsFor(0).Reply,
	}
	v := reflect.ValueOf(c)
	for name, w := range want {
		if got := v.FieldByName(name).Interface(); got != w {
			t.Errorf("zero Config.%s = %v, want %v (config's default)", name, got, w)
		}
	}
	// What the binary passes for the same settings is the same.
	d := config.Default()
	if got := (Config{UserRate: PerMinute(d.UserPerMinute), ChatRate: PerMinute(d.ChatPerMinute)}); got.UserRate != c.UserRate || got.ChatRate != c.ChatRate {
		t.Errorf("config.Default rates %+v %+v, zero Config %+v %+v", got.UserRate, got.ChatRate, c.UserRate, c.ChatRate)
	}
	if r := PerMinute(10); r != (RateLimit{Burst: 5, Every: 6 * time.Second}) {
		t.Errorf("PerMinute(10) = %+v, want 5 at once then one every 6 s", r)
	}
	if r := PerMinute(0); !r.off() {
		t.Errorf("PerMinute(0) = %+v, want no limit", r)
	}
}

// bot/README.md states the defaults a zero Config runs with.
func TestReadmeStatesTheBotDefaults(t *testing.T) {
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	var c Config
	c.defaults()
	v := reflect.ValueOf(c)

	checked := 0
	rate := regexp.MustCompile("`(UserRate|ChatRate)`: `[A-Z_]+`, default ([0-9]+) a minute: ([0-9]+) at once, then one every ([0-9]+) s")
	for _, m := range rate.FindAllStringSubmatch(text, -1) {
		checked++
		n, _ := strconv.Atoi(m[2])
		burst, _ := strconv.Atoi(m[3])
		every, _ := strconv.Atoi(m[4])
		got := v.FieldByName(m[1]).Interface().(RateLimit)
		if doc := (RateLimit{Burst: burst, Every: time.Duration(every) * time.Second}); got != doc || PerMinute(n) != doc {
			t.Errorf("README %q: the zero Config runs %+v, PerMinute(%d) is %+v", m[0], got, n, PerMinute(n))
		}
	}
	// "`Field` … (default V", "`Field`: `SETTING`, default V", "`Field`, default V".
	field := regexp.MustCompile("`([A-Z][A-Za-z]+)`[^`(]*?(?:\\((?:`[A-Z_]+`, )?|: `[A-Z_]+`, |, )default `?([^`),;]+)")
	for _, m := range field.FindAllStringSubmatch(text, -1) {
		f := v.FieldByName(m[1])
		if !f.IsValid() || f.IsZero() {
			continue // not a Config field defaults() sets (training times live in training.go)
		}
		if _, isRate := f.Interface().(RateLimit); isRate {
			continue // read above
		}
		checked++
		t.Logf("%s: %q", m[1], m[2])
		if got, doc := fmt.Sprint(f.Interface()), docValue(f.Interface(), m[2]); got != doc {
			t.Errorf("README %q: the zero Config runs %s = %s, the README says %s", m[0], m[1], got, doc)
		}
	}
	// WebhookListen, MaxQuestionRunes, ShutdownTimeout and the two rates.
	if checked < 5 {
		t.Errorf("only %d defaults found in bot/README.md: the parser no longer reads it", checked)
	}
}

// docValue reads a value written in prose ("30 s", "10 min", "1000
// characters", ":8443") as a value of like's type, printed.
func docValue(like any, s string) string {
	s = strings.TrimSpace(s)
	switch like.(type) {
	case time.Duration:
		for _, u := range []struct {
			word string
			unit time.Duration
		}{{" s", time.Second}, {" min", time.Minute}} {
			if n, ok := strings.CutSuffix(s, u.word); ok {
				if k, err := strconv.Atoi(n); err == nil {
					return fmt.Sprint(time.Duration(k) * u.unit)
				}
			}
		}
	case int:
		n, _, _ := strings.Cut(s, " ")
		return n
	}
	return s
}
