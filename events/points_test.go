package events

import (
	"encoding/json"
	"testing"
)

func TestPointsRoundTrip(t *testing.T) {
	cases := []struct {
		in   string
		want Points
		str  string // canonical rendering
	}{
		{"0", 0, "0"},
		{"9", 900, "9"},
		{"93.25", 9325, "93.25"},
		{"1.5", 150, "1.5"},
		{"0.75", 75, "0.75"},
		{"1.50", 150, "1.5"},
		{"2.00", 200, "2"},
		{"0.05", 5, "0.05"},
		{"0.5", 50, "0.5"},
		{"100", 10000, "100"},
		{"-2.5", -250, "-2.5"},
		{"-0.75", -75, "-0.75"},
		{"-0", 0, "0"},
		{"999999999999.99", 99999999999999, "999999999999.99"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			p, err := ParsePoints(c.in)
			if err != nil {
				t.Fatalf("ParsePoints(%q): %v", c.in, err)
			}
			if p != c.want {
				t.Fatalf("ParsePoints(%q) = %d centi-points, want %d", c.in, int64(p), int64(c.want))
			}
			if got := p.String(); got != c.str {
				t.Errorf("String() = %q, want %q", got, c.str)
			}
			if again, err := ParsePoints(p.String()); err != nil || again != p {
				t.Errorf("ParsePoints(String()) = %d, %v; want %d", int64(again), err, int64(p))
			}
			b, err := json.Marshal(p)
			if err != nil || string(b) != c.str {
				t.Errorf("json.Marshal = %s, %v; want %s", b, err, c.str)
			}
			var u Points
			if err := json.Unmarshal([]byte(c.in), &u); err != nil || u != c.want {
				t.Errorf("json.Unmarshal(%s) = %d, %v; want %d", c.in, int64(u), err, int64(c.want))
			}
			// Inside a struct, as in the payloads.
			var s struct {
				Points Points `json:"points"`
			}
			if err := json.Unmarshal([]byte(`{"points":`+c.in+`}`), &s); err != nil || s.Points != c.want {
				t.Errorf("struct field: %d, %v; want %d", int64(s.Points), err, int64(c.want))
			}
			out, _ := json.Marshal(s)
			if string(out) != `{"points":`+c.str+`}` {
				t.Errorf("struct marshal = %s", out)
			}
		})
	}
}

func TestParsePointsRejects(t *testing.T) {
	cases := []struct{ name, in string }{
		{"empty", ""},
		{"trailing dot", "1."},
		{"leading dot", ".5"},
		{"three decimals", "1.234"},
		{"three decimals ending in zero", "1.250"},
		{"exponent", "1e2"},
		{"upper-case exponent", "1E2"},
		{"word", "abc"},
		{"hex", "0x1"},
		{"minus alone", "-"},
		{"plus sign", "+1"},
		{"double minus", "--1"},
		{"two dots", "1.2.3"},
		{"comma decimal", "1,5"},
		{"leading space", " 1"},
		{"trailing space", "1 "},
		{"thirteen integer digits", "1000000000000"},
		{"quoted", `"1.5"`},
		{"minus in fraction", "1.-5"},
		{"infinity", "Inf"},
		{"NaN", "NaN"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if p, err := ParsePoints(c.in); err == nil {
				t.Errorf("ParsePoints(%q) = %d, want an error", c.in, int64(p))
			}
		})
	}
}

func TestPointsUnmarshalJSONRejects(t *testing.T) {
	cases := []struct{ name, in string }{
		{"string", `"1.5"`},
		{"empty string", `""`},
		{"three decimals", `1.255`},
		{"exponent", `1e2`},
		{"negative exponent", `150e-2`},
		{"bool", `true`},
		{"object", `{}`},
		{"list", `[1]`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := Points(4242)
			if err := p.UnmarshalJSON([]byte(c.in)); err == nil {
				t.Errorf("UnmarshalJSON(%s) = %d, want an error", c.in, int64(p))
			}
			if p != 4242 {
				t.Errorf("UnmarshalJSON(%s) changed the value to %d on error", c.in, int64(p))
			}
			var s struct {
				Points Points `json:"points"`
			}
			if err := json.Unmarshal([]byte(`{"points":`+c.in+`}`), &s); err == nil {
				t.Errorf("json.Unmarshal accepted points %s as %d", c.in, int64(s.Points))
			}
		})
	}
}

func TestPointsMul(t *testing.T) {
	cases := []struct {
		name          string
		p             Points
		num, den      int64
		want          Points
		wantFormatted string
	}{
		{"6 x 7/8 = 5.25", 600, 7, 8, 525, "5.25"},
		{"4 x 2/3 rounds down to 2.66", 400, 2, 3, 266, "2.66"},
		{"6 x 5/13 rounds down to 2.3", 600, 5, 13, 230, "2.3"},
		{"half of 0.75 rounds down to 0.37", 75, 1, 2, 37, "0.37"},
		{"half of 3 is 1.5", 300, 1, 2, 150, "1.5"},
		{"whole share", 600, 8, 8, 600, "6"},
		{"nothing done", 600, 0, 8, 0, "0"},
		{"one centi-point times a third", 1, 1, 3, 0, "0"},
		{"zero max", 0, 7, 8, 0, "0"},
		{"zero denominator", 600, 7, 0, 0, "0"},
		{"negative denominator", 600, 7, -8, 0, "0"},
		{"fund: 5 x 2.35bn/3bn VND", 500, 2350000000, 3000000000, 391, "3.91"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.p.Mul(c.num, c.den)
			if got != c.want {
				t.Errorf("Points(%d).Mul(%d, %d) = %d, want %d", int64(c.p), c.num, c.den, int64(got), int64(c.want))
			}
			if got.String() != c.wantFormatted {
				t.Errorf("String() = %q, want %q", got.String(), c.wantFormatted)
			}
		})
	}
}
