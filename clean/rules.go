package clean

// Rules are one site's cleaning rules, learned and manual alike.
type Rules struct {
	Site    string
	Version int
	Rules   []Rule
}

// Rule is one cleaning rule with its evidence.
type Rule struct {
	ID      string
	Kind    string
	Pattern string
	Status  string
}

// ParseRules parses the text form written by Rules.MarshalText.
func ParseRules(text []byte) (Rules, error) { return Rules{}, nil }

// MarshalText writes the rules in their stored text form.
func (r Rules) MarshalText() ([]byte, error) { return nil, nil }
