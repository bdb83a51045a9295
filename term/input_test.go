package term

import (
	"context"
	"strings"
	"testing"
)

func TestReadLine(t *testing.T) {
	in := "short\r\n" + strings.Repeat("x", 100) + "\nlast"
	ch := readLines(context.Background(), strings.NewReader(in), 10)
	var got []inputLine
	for l := range ch {
		got = append(got, l)
	}
	if len(got) != 3 || got[0].text != "short" || !got[1].tooLong || got[1].text != "" || got[2].text != "last" || got[2].tooLong {
		t.Fatalf("lines: %+v", got)
	}
}
