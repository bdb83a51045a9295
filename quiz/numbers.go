package quiz

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
)

// numberFact is a counted quantity stated in a sentence: 调解成功率达95.3%,
// 共调解各类纠纷129件.
type numberFact struct {
	passage  int
	sentence string // Simplified
	start    int    // byte span of the number (with 万) inside sentence
	end      int
	number   string // "95.3", "1.8万"
	value    float64
	unit     string // "%", "件", "名" …
}

// numberRE matches a quantity with a counting unit. Years, months and days
// are left out on purpose: "2018年" questions test trivia, not methods.
var numberRE = regexp.MustCompile(`(\d+(?:\.\d+)?)(万)?(余|多)?(%|人次|名|个|件|次|家|支|本|户|条|米|平米|元|岁|人)`)

func findNumbers(pi int, s string) []numberFact {
	var out []numberFact
	for _, loc := range numberRE.FindAllStringSubmatchIndex(s, -1) {
		if loc[0] > 0 && (s[loc[0]-1] == '.' || s[loc[0]-1] >= '0' && s[loc[0]-1] <= '9') {
			continue
		}
		num := s[loc[2]:loc[3]]
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v == 0 {
			continue
		}
		end := loc[3]
		if loc[4] >= 0 {
			end = loc[5]
			v *= 10000
		}
		out = append(out, numberFact{
			passage: pi, sentence: s, start: loc[2], end: end,
			number: s[loc[2]:end], value: v, unit: s[loc[8]:loc[9]],
		})
	}
	return out
}

// option renders a number as an answer option: percentages keep their %
// sign, other units stay in the question stem.
func (f numberFact) option(number string) string {
	if f.unit == "%" {
		return number + "%"
	}
	return number
}

// numberDistractors proposes wrong numbers: first the same unit's numbers
// from other passages within a plausible range, then plausible
// perturbations of the right one. The caller filters out any the passage
// supports.
func numberDistractors(f numberFact, pool []numberFact, rng *rand.Rand) []string {
	var corpusDrawn, perturbed []string
	seen := map[string]bool{f.number: true}
	for _, o := range pool {
		// 1.8万 is 18000: equal values are the same answer, not a distractor.
		if o.unit != f.unit || o.passage == f.passage || seen[o.number] || o.value == f.value {
			continue
		}
		ratio := o.value / f.value
		if ratio < 0.2 || ratio > 5 || (f.unit == "%" && o.value > 100) {
			continue
		}
		seen[o.number] = true
		corpusDrawn = append(corpusDrawn, o.number)
	}
	rng.Shuffle(len(corpusDrawn), func(i, j int) { corpusDrawn[i], corpusDrawn[j] = corpusDrawn[j], corpusDrawn[i] })
	for _, p := range perturb(f) {
		if !seen[p] {
			seen[p] = true
			perturbed = append(perturbed, p)
		}
	}
	rng.Shuffle(len(perturbed), func(i, j int) { perturbed[i], perturbed[j] = perturbed[j], perturbed[i] })
	return append(corpusDrawn, perturbed...)
}

// perturb makes numbers of the same shape as f's: same decimals, same
// 万 suffix, percentages kept at or below 100.
func perturb(f numberFact) []string {
	num := strings.TrimSuffix(f.number, "万")
	wan := strings.HasSuffix(f.number, "万")
	v, _ := strconv.ParseFloat(num, 64)
	decimals := 0
	if i := strings.IndexByte(num, '.'); i >= 0 {
		decimals = len(num) - i - 1
	}
	var cands []float64
	switch {
	case f.unit == "%":
		cands = []float64{v - 10, v - 5.5, v + 2.4, v - 2.1, v - 15}
		if decimals == 0 {
			cands = []float64{v - 10, v - 5, v + 1, v - 3, v - 15, v - 20}
		}
	case v < 10 && decimals == 0:
		cands = []float64{v + 1, v + 2, v - 1, v + 3, v * 2}
	default:
		cands = []float64{v * 2, v / 2, v * 1.5, v * 0.75, v * 3, v * 1.25}
	}
	var out []string
	for _, c := range cands {
		if c <= 0 || (f.unit == "%" && c > 100) {
			continue
		}
		s := formatLike(c, v, decimals)
		if s == num {
			continue
		}
		if wan {
			s += "万"
		}
		out = append(out, s)
	}
	return out
}

// formatLike rounds c to the precision v was written with: 129 → 258, 64;
// 18000 → 36000 (kept round), 95.3 → 85.3.
func formatLike(c, v float64, decimals int) string {
	if decimals > 0 {
		return strconv.FormatFloat(c, 'f', decimals, 64)
	}
	// Round numbers stay round: 18000 → 9000, not 9000.5.
	step := 1.0
	for iv := int64(v); iv >= 10 && iv%10 == 0; iv /= 10 {
		step *= 10
	}
	r := math.Round(c/step) * step
	if r <= 0 {
		r = step
	}
	return strconv.FormatFloat(r, 'f', 0, 64)
}
