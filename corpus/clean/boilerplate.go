package clean

func removeBoilerplate(s string, _ *Result) string { return s }
