package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Figure is one measured quantity: one value per run, and their median
// and spread.
type Figure struct {
	Phase  string    `json:"phase"`
	Name   string    `json:"name"`
	Label  string    `json:"label"`
	Unit   string    `json:"unit"`
	Method string    `json:"method"`
	Target string    `json:"target,omitempty"`
	Values []float64 `json:"values"`
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
}

// Check is a correctness check made on the way: not a timing, but what
// makes the timings mean something (the product did the whole work).
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// Machine is where the figures were measured.
type Machine struct {
	CPU        string `json:"cpu"`
	Cores      int    `json:"cores"`
	GoVersion  string `json:"go_version"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	OS         string `json:"os"`
	MemTotal   string `json:"mem_total,omitempty"`
}

// Report is everything one bench run measured.
type Report struct {
	Started time.Time `json:"started"`
	Machine Machine   `json:"machine"`
	Config  Config    `json:"config"`
	// Command reproduces the run.
	Command string    `json:"command"`
	Loads   []string  `json:"loads"` // what each generated log held
	Figures []*Figure `json:"figures"`
	Checks  []Check   `json:"checks"`
}

// figure returns the named figure, adding it with its description on
// first use; the order of first use is the order of the table.
func (r *Report) figure(def Figure) *Figure {
	for _, f := range r.Figures {
		if f.Name == def.Name {
			return f
		}
	}
	f := def
	f.Values = []float64{}
	r.Figures = append(r.Figures, &f)
	return &f
}

// record adds one run's value of a figure.
func (r *Report) record(def Figure, v float64) {
	f := r.figure(def)
	f.Values = append(f.Values, v)
	s := slices.Clone(f.Values)
	slices.Sort(s)
	f.Min, f.Max = s[0], s[len(s)-1]
	if n := len(s); n%2 == 1 {
		f.Median = s[n/2]
	} else {
		f.Median = (s[n/2-1] + s[n/2]) / 2
	}
}

// ratio records product ÷ baseline for one run.
func (r *Report) ratio(def Figure, product, baseline float64) {
	if baseline <= 0 {
		return
	}
	def.Unit = "×"
	r.record(def, product/baseline)
}

func (r *Report) check(name string, ok bool, format string, args ...any) {
	r.Checks = append(r.Checks, Check{Name: name, OK: ok, Detail: fmt.Sprintf(format, args...)})
}

// Failed lists the checks that failed.
func (r *Report) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}

// Find returns a figure by name.
func (r *Report) Find(name string) *Figure {
	for _, f := range r.Figures {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// WriteJSON writes the report for a program.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report as a table for a person: per phase, each
// figure's median, spread and target, and under it what was timed.
func (r *Report) WriteText(w io.Writer) {
	fmt.Fprintf(w, "\nResults: %d run(s); median and spread (min–max) per figure\n", r.Config.Runs)
	phase := ""
	for _, f := range r.Figures {
		if f.Phase != phase {
			phase = f.Phase
			fmt.Fprintf(w, "\n%s\n", phase)
			fmt.Fprintf(w, "  %-34s %14s  %-27s %-9s %s\n", "figure", "median", "spread (min–max)", "unit", "target")
		}
		fmt.Fprintf(w, "  %-34s %14s  %-27s %-9s %s\n", f.Label, number(f.Median, f.Unit),
			number(f.Min, f.Unit)+" – "+number(f.Max, f.Unit), f.Unit, f.Target)
		fmt.Fprintf(w, "      %s\n", f.Method)
	}
	if len(r.Loads) > 0 {
		fmt.Fprintf(w, "\nLogs\n")
		for _, l := range r.Loads {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	if len(r.Checks) > 0 {
		fmt.Fprintf(w, "\nChecks\n")
		for _, c := range r.Checks {
			mark := "ok  "
			if !c.OK {
				mark = "FAIL"
			}
			fmt.Fprintf(w, "  %s %-36s %s\n", mark, c.Name, c.Detail)
		}
	}
}

// number renders a value for the table: ratios with three decimals,
// latencies with two, rates and sizes grouped by thousands.
func number(v float64, unit string) string {
	switch unit {
	case "×":
		return fmt.Sprintf("%.3f", v)
	case "ms":
		return fmt.Sprintf("%.2f", v)
	case "MiB":
		return fmt.Sprintf("%.1f", v)
	}
	return thousands(int64(v + 0.5))
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// machine describes this machine from /proc and the runtime.
func machine() Machine {
	m := Machine{Cores: runtime.NumCPU(), GoVersion: runtime.Version(), GOMAXPROCS: runtime.GOMAXPROCS(0), OS: runtime.GOOS + "/" + runtime.GOARCH, CPU: "unknown"}
	m.CPU = procField("/proc/cpuinfo", "model name", m.CPU)
	m.MemTotal = procField("/proc/meminfo", "MemTotal", "")
	return m
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key, def string) string {
	f, err := os.Open(path)
	if err != nil {
		return def
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return def
}

// percentile is the nearest-rank percentile of sorted durations, in ms.
func percentile(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	i = min(max(i, 0), len(sorted)-1)
	return float64(sorted[i]) / float64(time.Millisecond)
}
