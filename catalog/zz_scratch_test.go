package catalog

import "testing"

func TestZZHoldouts(t *testing.T) {
	for _, d := range []string{"genre-holdout3", "genre-holdout4", "genre-holdout5"} {
		t.Run(d, func(t *testing.T) { genreMethodsWith(t, "../corpus/testdata/"+d, 0, 0, false) })
	}
}
