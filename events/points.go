package events

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/bits"
	"reflect"
	"strconv"
)

// Points are integer hundredths of a point ("centi-points"). Scores are kept
// in integers so that every fold, on every machine, gives the same bytes.
type Points int64

// ParsePoints reads a plain decimal with at most two fractional digits.
// Exponents and longer fractions are refused rather than rounded: a score the
// committee typed must be stored exactly as typed.
func ParsePoints(s string) (Points, error) {
	if s == "" {
		return 0, fmt.Errorf("empty number")
	}
	neg := false
	body := s
	if body[0] == '-' {
		neg = true
		body = body[1:]
	}
	intPart, frac := body, ""
	if i := bytes.IndexByte([]byte(body), '.'); i >= 0 {
		intPart, frac = body[:i], body[i+1:]
		if frac == "" {
			return 0, fmt.Errorf("%q is not a decimal number", s)
		}
	}
	if intPart == "" || len(intPart) > 12 {
		return 0, fmt.Errorf("%q is not a decimal number of points", s)
	}
	if len(frac) > 2 {
		return 0, fmt.Errorf("%q has more than two decimals", s)
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q is not a plain decimal number", s)
		}
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, err)
	}
	n *= 100
	switch len(frac) {
	case 1:
		d, _ := strconv.ParseInt(frac, 10, 64)
		n += d * 10
	case 2:
		d, _ := strconv.ParseInt(frac, 10, 64)
		n += d
	}
	if neg {
		n = -n
	}
	return Points(n), nil
}

// String renders points as the API shows them: "93.25", "9", "1.5".
func (p Points) String() string {
	n := int64(p)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	whole, frac := n/100, n%100
	switch {
	case frac == 0:
		return fmt.Sprintf("%s%d", sign, whole)
	case frac%10 == 0:
		return fmt.Sprintf("%s%d.%d", sign, whole, frac/10)
	default:
		return fmt.Sprintf("%s%d.%02d", sign, whole, frac)
	}
}

// MarshalJSON writes a JSON number with at most two decimals.
func (p Points) MarshalJSON() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalJSON accepts a JSON number with at most two decimals.
func (p *Points) UnmarshalJSON(b []byte) error {
	// An *UnmarshalTypeError lets encoding/json name the field at fault.
	if len(b) > 0 && b[0] == '"' {
		return &json.UnmarshalTypeError{Value: "string", Type: reflect.TypeFor[Points]()}
	}
	v, err := ParsePoints(string(b))
	if err != nil {
		return &json.UnmarshalTypeError{Value: "number " + string(b), Type: reflect.TypeFor[Points]()}
	}
	*p = v
	return nil
}

// Mul returns p×num÷den rounded down to a centi-point, for a ratio
// 0 ≤ num ≤ den (a larger num is taken as den). The product is computed in
// 128 bits, so large amounts in VND cannot overflow.
func (p Points) Mul(num, den int64) Points {
	if den <= 0 || num <= 0 || p <= 0 {
		return 0
	}
	num = min(num, den)
	hi, lo := bits.Mul64(uint64(p), uint64(num))
	q, _ := bits.Div64(hi, lo, uint64(den)) // hi < den because num ≤ den and p < 2^63
	return Points(q)
}
