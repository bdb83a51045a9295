package bot

import "strings"

// redactedError hides the bot token in an error's text while keeping the
// chain for errors.Is/As. go-telegram/bot masks it only in *url.Error from
// the HTTP call; a request that cannot even be built (a token with a stray
// newline, a malformed API URL) reports the whole URL, token included.
type redactedError struct {
	err    error
	secret string
}

func (e *redactedError) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.secret, "<token>")
}

func (e *redactedError) Unwrap() error { return e.err }

// redact returns err with secret masked in its text.
func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redactedError{err: err, secret: secret}
}
