package clean

func dedupLines(s string) string { return s }
