// Package zh converts between Traditional and Simplified Chinese with
// OpenCC's tables and tells which script a text is written in.
package zh

// PLACEHOLDER: the real implementation replaces this file (see docs/ARCHITECTURE.md).

// ToSimplified converts Traditional characters and phrases to Simplified.
func ToSimplified(s string) string { return s }

// ToTraditional converts Simplified to Traditional (best effort: one-to-many).
func ToTraditional(s string) string { return s }
