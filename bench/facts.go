package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/thidua/thidua/events"
)

// year is the year every generated season scores: the default rubric is
// the 2024 one, and its deadlines are dates of 2024.
const year = 2024

// yearStart is 1 January of year, the origin of generated dates.
var yearStart = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)

// dayOf returns the date d days into the year, kept inside the year
// (2024 has 366 days).
func dayOf(d int) string {
	d = min(max(d, 0), 365)
	return yearStart.AddDate(0, 0, d).Format(time.DateOnly)
}

// newRNG is a deterministic random source: the same seed and stream give
// the same load on every machine.
func newRNG(seed, stream uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, stream)) }

// dayAt is the day of the year at fraction t of it.
func dayAt(t float64) int { return int(t * 366) }

// fact is a unit's own fact as a client would post it.
type fact struct {
	typ      string
	date     string
	payload  events.Payload
	evidence []events.Evidence
}

// unitState is what the generator remembers of one unit, so that every
// event it writes about the unit is valid: which of its facts are live (for
// reviews and retractions) and which congresses it has held.
type unitState struct {
	id           string
	wards        int
	wardsHeld    int
	pilotHeld    bool
	districtHeld bool
	// pending are live facts not yet reviewed, oldest first; reviewed are
	// live facts the committee has verified or rejected. Both hold the
	// season's step numbers, from which event ids are made.
	pending  []uint32
	reviewed []uint32
	n        int // facts written, for document numbers
}

// activityTitle is the title of an activity of a kind. Texts are in
// Unicode NFC, as the server stores them.
func activityTitle(kind string) string {
	switch kind {
	case "commemoration":
		return "Kỷ niệm ngày truyền thống Mặt trận Tổ quốc Việt Nam"
	case "propaganda":
		return "Tuyên truyền Luật Thi đua, khen thưởng năm 2022"
	case "festival":
		return "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư"
	case "cluster_joint":
		return "Hoạt động chung của Cụm thi đua"
	case "social_criticism":
		return "Hội nghị phản biện xã hội dự thảo đề án của quận"
	case "citizen_dialogue":
		return "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân"
	case "experience_exchange":
		return "Trao đổi kinh nghiệm công tác Mặt trận"
	}
	return "Hoạt động an sinh xã hội"
}

// activityKinds are weighted as a district committee's year looks:
// mostly propaganda and commemorations, a few dialogues and exchanges.
var activityKinds = []struct {
	kind   string
	weight int
}{
	{"commemoration", 20}, {"propaganda", 25}, {"festival", 8}, {"cluster_joint", 10},
	{"social_criticism", 8}, {"citizen_dialogue", 10}, {"experience_exchange", 7}, {"other", 12},
}

func pickKind(rng *rand.Rand) string {
	total := 0
	for _, k := range activityKinds {
		total += k.weight
	}
	n := rng.IntN(total)
	for _, k := range activityKinds {
		if n < k.weight {
			return k.kind
		}
		n -= k.weight
	}
	return "other"
}

// evidence returns one or two evidence items, as units attach them.
func evidence(rng *rand.Rand, unit string, n int, date string) []events.Evidence {
	ev := []events.Evidence{{Kind: "document", Title: "Báo cáo kết quả thực hiện", DocNo: fmt.Sprintf("%d/BC-MTTQ", n+1), Date: date}}
	switch rng.IntN(4) {
	case 0:
		ev = append(ev, events.Evidence{Kind: "photo", Title: "Ảnh hoạt động", URL: fmt.Sprintf("https://mttq.example.vn/%s/anh-%d.jpg", unit, n+1)})
	case 1:
		sum := sha256.Sum256([]byte(unit + strconv.Itoa(n)))
		ev = append(ev, events.Evidence{Kind: "file", Title: "Biên bản hội nghị", SHA256: hex.EncodeToString(sum[:])})
	}
	return ev
}

// nextFact makes the unit's next fact at fraction t of the year, with the
// mix of domain.md §2: activities (some for the year's occasions), models,
// exemplars, congresses (ward congresses first, a pilot in March, the
// district congress once the wards are done), reports (some late) and
// indicators.
func (u *unitState) nextFact(rng *rand.Rand, t float64) fact {
	day := dayAt(t)
	u.n++
	n := u.n
	r := rng.IntN(100)
	if !u.districtHeld && t < 0.5 && r < 30 {
		r = 75 // congresses come in the first half of the year (Directive 22-CT/TW)
	}
	var f fact
	switch {
	case r < 48:
		f = u.activity(rng, day)
	case r < 61:
		f = u.report(rng, day)
	case r < 74:
		f = u.indicator(rng, day)
	case r < 84:
		if cf, ok := u.congress(rng); ok {
			f = cf
		} else {
			f = u.activity(rng, day)
		}
	case r < 92:
		level := []string{"district", "district", "district", "city", "city", "central"}[rng.IntN(6)]
		f = fact{typ: events.TypeModelRecognized, date: dayOf(day), payload: &events.ModelRecognized{
			Model: fmt.Sprintf("mh-%s-%d", u.id, n), Name: "Mô hình khu dân cư tự quản số " + strconv.Itoa(n),
			Field: "xây dựng đời sống văn hóa", Level: level, DecisionNo: fmt.Sprintf("%d/QĐ-UBND", 100+n),
		}}
	default:
		f = fact{typ: events.TypeExemplarHonored, date: dayOf(day), payload: &events.ExemplarHonored{
			Name: "Trưởng ban công tác Mặt trận khu dân cư số " + strconv.Itoa(n), Title: "Điển hình tiên tiến",
			Level: "district", DecisionNo: fmt.Sprintf("%d/QĐ-MTTQ", 200+n),
		}}
	}
	f.evidence = evidence(rng, u.id, n, f.date)
	return f
}

func (u *unitState) activity(rng *rand.Rand, day int) fact {
	p := &events.ActivityHeld{}
	switch rng.IntN(10) {
	case 0: // around 7 May
		p.Kind, p.Occasion, p.Title, day = "commemoration", "dbp70", "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ", 120+rng.IntN(10)
	case 1: // around 10 October
		p.Kind, p.Occasion, p.Title, day = "commemoration", "gptd70", "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô", 274+rng.IntN(11)
	case 2: // the festival, 1–18 November
		p.Kind, p.Occasion, p.Title, day = "festival", "mttq94", "Ngày hội Đại đoàn kết toàn dân tộc năm 2024", 305+rng.IntN(18)
		p.Areas = int64(1 + rng.IntN(6))
	default:
		p.Kind = pickKind(rng)
		p.Title = activityTitle(p.Kind)
		if p.Kind == "festival" {
			p.Areas = int64(1 + rng.IntN(4))
		}
		if p.Kind == "cluster_joint" {
			p.Host = rng.IntN(5) == 0
		}
	}
	return fact{typ: events.TypeActivityHeld, date: dayOf(day), payload: p}
}

var reportTopics = []string{"propaganda", "propaganda", "propaganda", "emulation", "emulation", "congress", "public_opinion", "public_opinion", "other"}

func (u *unitState) report(rng *rand.Rand, day int) fact {
	due := min(max(day, 14), 350)
	sub := due - rng.IntN(8)
	if rng.IntN(100) < 10 { // late
		sub = due + 1 + rng.IntN(10)
	}
	return fact{typ: events.TypeReportSubmitted, date: dayOf(sub), payload: &events.ReportSubmitted{
		Topic: reportTopics[rng.IntN(len(reportTopics))], Period: fmt.Sprintf("tháng %d/%d", yearStart.AddDate(0, 0, due).Month(), year), Due: dayOf(due),
	}}
}

var indicatorRanges = []struct {
	name     string
	min, max int64
}{
	{"media_articles", 2, 10}, {"fund_for_the_poor", 50_000_000, 500_000_000}, {"great_unity_houses", 1, 3}, {"supervision_sessions", 1, 3},
}

func (u *unitState) indicator(rng *rand.Rand, day int) fact {
	r := indicatorRanges[rng.IntN(len(indicatorRanges))]
	return fact{typ: events.TypeIndicatorReported, date: dayOf(day), payload: &events.IndicatorReported{
		Indicator: r.name, Value: r.min + rng.Int64N(r.max-r.min+1),
	}}
}

// congress returns the unit's next congress, or false once it has held all.
func (u *unitState) congress(rng *rand.Rand) (fact, bool) {
	pct := func(lo, hi int) *float64 { v := float64(lo + rng.IntN(hi-lo+1)); return &v }
	structure := &events.Structure{Women: pct(30, 55), NonParty: pct(20, 45), Ethnic: pct(0, 5), Religious: pct(0, 8), Youth: pct(5, 15), NewlyElected: pct(20, 40)}
	switch {
	case u.wardsHeld < u.wards:
		u.wardsHeld++
		p := &events.CongressCompleted{Level: "ward", Ward: fmt.Sprintf("phuong-%02d", u.wardsHeld), Delegates: int64(80 + rng.IntN(80)), Structure: structure}
		day := 60 + rng.IntN(60) // March to April
		if !u.pilotHeld {
			u.pilotHeld, p.Pilot, day = true, true, 60+rng.IntN(28)
		} else if rng.IntN(10) == 0 {
			day = 121 + rng.IntN(30) // after the 30 April deadline
		}
		return fact{typ: events.TypeCongressCompleted, date: dayOf(day), payload: p}, true
	case !u.districtHeld:
		u.districtHeld = true
		return fact{typ: events.TypeCongressCompleted, date: dayOf(135 + rng.IntN(60)), payload: &events.CongressCompleted{
			Level: "district", Delegates: int64(200 + rng.IntN(100)), Structure: structure,
		}}, true
	}
	return fact{}, false
}

// inputBody is a fact as a client posts it (the contract's POST body).
func inputBody(id, unit string, f fact) ([]byte, error) {
	data, err := json.Marshal(f.payload)
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", f.typ, err)
	}
	b, err := json.Marshal(events.Input{ID: id, Type: f.typ, Unit: unit, Date: f.date, Data: data, Evidence: f.evidence})
	if err != nil {
		return nil, fmt.Errorf("encode %s: %w", f.typ, err)
	}
	return b, nil
}

// withID puts an id in front of a body encoded without one: a cheap way
// to post many distinct events from a few prepared bodies.
func withID(template []byte, id string) []byte {
	b := make([]byte, 0, len(template)+len(id)+8)
	b = append(b, `{"id":"`...)
	b = append(b, id...)
	b = append(b, `",`...)
	return append(b, template[1:]...)
}
