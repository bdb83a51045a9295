package corpus

import (
	"slices"
	"strings"
)

// deriveSecretaries says, for each other secretary of the article, what
// the leader's derivation would say of her were she the leader: her post
// (role), her community's chain (place), her other names (aliases) and her honours, each taken only
// from what is about her (the leader and the other secretaries count as
// the others). One entry per name of others, in order.
func deriveSecretaries(text, leader string, aliases, others []string, nt nameTables) []Secretary {
	if len(others) == 0 {
		return nil
	}
	out := make([]Secretary, 0, len(others))
	for _, o := range others {
		rest := []string{}
		for _, k := range append([]string{leader}, aliases...) {
			if k != "" && !strings.Contains(k, o) && !strings.Contains(o, k) {
				rest = append(rest, k)
			}
		}
		for _, p := range others {
			if p != o {
				rest = append(rest, p)
			}
		}
		s := Secretary{Name: o, Aliases: deriveAliases(text, o, rest, false, nt)}
		s.Role, s.Place = derivePosts(text, o, nil, rest, nt)
		s.Honours = deriveHonours(text, nil, o, nil, slices.Clone(rest))
		out = append(out, s)
	}
	return out
}
