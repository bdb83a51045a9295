package term

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strings"
)

// inputLine is one line the terminal user typed.
type inputLine struct {
	text    string
	tooLong bool // longer than the reader's limit: text is empty, the line was discarded
	err     error
}

// readLines reads r line by line in its own goroutine, so the chat can
// stop on Ctrl-C while it waits for input. A line longer than maxBytes is
// discarded and reported as tooLong instead of ending the chat. The
// channel is closed at end of input or when ctx ends.
func readLines(ctx context.Context, r io.Reader, maxBytes int) <-chan inputLine {
	ch := make(chan inputLine)
	go func() {
		defer close(ch)
		br := bufio.NewReaderSize(r, 64*1024)
		for {
			text, tooLong, err := readLine(br, maxBytes)
			var l *inputLine
			switch {
			case err == nil || text != "" || tooLong:
				l = &inputLine{text: text, tooLong: tooLong}
			case !errors.Is(err, io.EOF):
				l = &inputLine{err: err}
			}
			if l != nil {
				select {
				case ch <- *l:
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

// readLine returns the next line without its line ending; a line over
// maxBytes is consumed but not kept.
func readLine(br *bufio.Reader, maxBytes int) (text string, tooLong bool, err error) {
	var buf []byte
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(frag) > maxBytes+2 { // +2: the line ending
				tooLong, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return strings.TrimRight(string(buf), "\r\n"), tooLong, err
	}
}
