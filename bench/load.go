package bench

import (
	"container/heap"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/thidua/thidua/access"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// LoadSpec sizes a generated national load.
type LoadSpec struct {
	Units   int
	Seasons int
	// Events counts every message of the generated year: the seasons'
	// events and the token events that let their authors write.
	Events int
	Seed   uint64
}

// Message is one generated log message and the stream sequence it must
// get on a fresh stream (its chain fields depend on it).
type Message struct {
	Seq     uint64
	Subject string
	Data    []byte
}

// Chain sets prev_seq and prev on events appended in order to a fresh
// stream, exactly as the ledger does: the stream sequence and the
// seal.ChainHash of the stored bytes of the subject's last event.
type Chain struct {
	seq   uint64
	heads map[string]seal.Head
}

// NewChain starts a chain for a stream with no messages.
func NewChain() *Chain { return &Chain{heads: map[string]seal.Head{}} }

// Append encodes ev as the next message of the stream on subject.
func (c *Chain) Append(subject string, ev events.Event) (Message, error) {
	h := c.heads[subject]
	ev.PrevSeq, ev.Prev = h.Seq, h.Hash
	b, err := events.Encode(ev)
	if err != nil {
		return Message{}, err
	}
	c.seq++
	c.heads[subject] = seal.Head{Subject: subject, Seq: c.seq, Hash: seal.ChainHash(b)}
	return Message{Seq: c.seq, Subject: subject, Data: b}, nil
}

// Last is the sequence of the last message appended.
func (c *Chain) Last() uint64 { return c.seq }

// SeasonInfo describes a generated season.
type SeasonInfo struct {
	ID        string
	Units     []string
	Closing   bool   // the season is closed at the end of the year
	Committee string // the id of the committee token that writes its decisions
}

// Generator writes a year of a national load, one message at a time and
// in stream order: every season opened with its members and the default
// 2024 rubric, tokens for its committee and units, targets, then a mix of
// facts and committee decisions interleaved across seasons as the year
// goes by, and at the end a ballot and the close for three seasons in
// four. Every event is one the server would accept at that point of the
// log, with the chain fields it would write. The same spec gives the same
// bytes.
type Generator struct {
	spec    LoadSpec
	seasons []*seasonGen
	queue   seasonQueue
	chain   *Chain
	emitted int
	// recorded times are spread evenly over the year, in stream order.
	step time.Duration
}

// setupSteps is how many events open a season: the committee's token,
// season.opened, one token per unit and five targets per unit.
func setupSteps(units int) int { return 2 + units + len(targetNames)*units }

// targetNames are the targets the committee assigns each unit.
var targetNames = []string{"residential_areas", "media_articles", "fund_for_the_poor", "great_unity_houses", "supervision_sessions"}

// NewGenerator checks a spec and prepares its seasons.
func NewGenerator(spec LoadSpec) (*Generator, error) {
	switch {
	case spec.Seasons < 1:
		return nil, errors.New("bench: at least one season")
	case spec.Units < spec.Seasons:
		return nil, fmt.Errorf("bench: %d units cannot fill %d seasons", spec.Units, spec.Seasons)
	}
	perSeason := (spec.Units + spec.Seasons - 1) / spec.Seasons
	if need := spec.Seasons * (setupSteps(perSeason) + 12); spec.Events < need {
		return nil, fmt.Errorf("bench: %d events are too few for %d units in %d seasons: a season's opening alone takes %d; use at least %d", spec.Events, spec.Units, spec.Seasons, setupSteps(perSeason), need)
	}
	g := &Generator{spec: spec, chain: NewChain(), step: 350 * 24 * time.Hour / time.Duration(spec.Events)}
	unit := 0
	for i := range spec.Seasons {
		units := spec.Units / spec.Seasons
		if i < spec.Units%spec.Seasons {
			units++
		}
		n := spec.Events / spec.Seasons
		if i < spec.Events%spec.Seasons {
			n++
		}
		id := fmt.Sprintf("cum-%04d-%d", i+1, year)
		s := newSeasonGen(spec.Seed, i, id, unit, units, n)
		unit += units
		g.seasons = append(g.seasons, s)
		g.queue = append(g.queue, s)
	}
	heap.Init(&g.queue)
	return g, nil
}

// Seasons describes the generated seasons in order.
func (g *Generator) Seasons() []SeasonInfo {
	out := make([]SeasonInfo, len(g.seasons))
	for i, s := range g.seasons {
		out[i] = SeasonInfo{ID: s.id, Closing: s.closing, Committee: s.committee}
		for _, u := range s.units {
			out[i].Units = append(out[i].Units, u.id)
		}
	}
	return out
}

// Next returns the next message, or false after the last.
func (g *Generator) Next() (Message, bool, error) {
	if len(g.queue) == 0 {
		return Message{}, false, nil
	}
	s := g.queue[0]
	recorded := yearStart.Add(24*time.Hour + time.Duration(g.emitted)*g.step).Format(time.RFC3339Nano)
	subject, ev, err := s.next(recorded)
	if err != nil {
		return Message{}, false, fmt.Errorf("bench: season %s step %d: %w", s.id, s.k-1, err)
	}
	if s.k < s.n {
		heap.Fix(&g.queue, 0)
	} else {
		heap.Pop(&g.queue)
	}
	g.emitted++
	m, err := g.chain.Append(subject, ev)
	return m, err == nil, err
}

// seasonQueue orders seasons by the time of their next event.
type seasonQueue []*seasonGen

func (q seasonQueue) Len() int { return len(q) }
func (q seasonQueue) Less(i, j int) bool {
	if q[i].t != q[j].t {
		return q[i].t < q[j].t
	}
	return q[i].idx < q[j].idx
}
func (q seasonQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *seasonQueue) Push(x any)   { *q = append(*q, x.(*seasonGen)) }
func (q *seasonQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// seasonGen writes one season's events and keeps what it needs to keep
// them valid: each unit's live facts and the committee's retractable
// decisions.
type seasonGen struct {
	idx       int
	id        string
	seed      uint64
	rng       *rand.Rand
	opened    events.SeasonOpened
	units     []*unitState
	committee string
	manual    []events.Item // the rubric's manual items
	n, k      int           // events planned, next step
	t         float64       // fraction of the year at which step k happens
	closing   bool
	amendAt   int // step of a rubric.amended, 0 for none
	// retractable are committee decisions the committee may withdraw.
	retractable []decision
	violations  int
}

type decision struct {
	step uint32
	unit int
}

func newSeasonGen(seed uint64, idx int, id string, firstUnit, units, n int) *seasonGen {
	rng := rand.New(rand.NewPCG(seed, uint64(idx)))
	s := &seasonGen{idx: idx, id: id, seed: seed, rng: rng, n: n, committee: "tok-" + id + "-committee"}
	s.closing = idx%4 != 1 // a season in four is still open at the end of the log
	if idx%8 == 2 {
		s.amendAt = n / 2
	}
	cluster := fmt.Sprintf("cum-%04d", idx+1)
	s.opened = events.SeasonOpened{
		Cluster:    events.Cluster{ID: cluster, Name: fmt.Sprintf("Cụm thi đua số %d", idx+1)},
		Year:       year,
		Rubric:     domain.DefaultRubric2024(),
		LegalBasis: []string{"Luật Thi đua, khen thưởng số 06/2022/QH15", "Nghị định 98/2023/NĐ-CP"},
	}
	for i := range units {
		u := &unitState{id: fmt.Sprintf("dv-%05d", firstUnit+i+1), wards: 5 + rng.IntN(16)}
		s.units = append(s.units, u)
		s.opened.Members = append(s.opened.Members, events.Member{ID: u.id, Name: fmt.Sprintf("Ủy ban MTTQ Việt Nam đơn vị %05d", firstUnit+i+1), Wards: int64(u.wards)})
	}
	s.opened.Head = s.units[0].id
	if units > 1 {
		s.opened.Deputy = s.units[1].id
	}
	s.manual = manualItems(s.opened.Rubric.Items)
	s.t = s.rng.Float64() / float64(n)
	return s
}

func manualItems(items []events.Item) []events.Item {
	var out []events.Item
	for _, it := range items {
		if it.Rule != nil && it.Rule.Kind == events.RuleManual {
			out = append(out, it)
		}
		out = append(out, manualItems(it.Items)...)
	}
	return out
}

// eventID names the event of a step; reviews and retractions name their
// targets by it.
func (s *seasonGen) eventID(step uint32) string {
	return s.id + "-" + strconv.FormatUint(uint64(step), 10)
}

func (s *seasonGen) unitAuthor(u *unitState) events.Author {
	return events.Author{Role: events.RoleUnit, Unit: u.id, Token: "tok-" + u.id}
}

func (s *seasonGen) committeeAuthor() events.Author {
	return events.Author{Role: events.RoleCommittee, Token: s.committee}
}

// next writes the event of step k and moves to the next step.
func (s *seasonGen) next(recorded string) (string, events.Event, error) {
	step := s.k
	s.k++
	t := s.t
	s.t = (float64(s.k) + s.rng.Float64()) / float64(s.n)
	units := len(s.units)
	switch {
	case step == 0:
		return s.token(recorded, s.committee, events.RoleCommittee, "")
	case step == 1:
		return s.committeeEvent(recorded, step, events.TypeSeasonOpened, "", "", &s.opened)
	case step < 2+units:
		u := s.units[step-2]
		return s.token(recorded, "tok-"+u.id, events.RoleUnit, u.id)
	case step < setupSteps(units):
		i := step - 2 - units
		u, name := s.units[i%units], targetNames[i/units]
		return s.committeeEvent(recorded, step, events.TypeTargetAssigned, u.id, "", &events.TargetAssigned{Indicator: name, Value: targetValue(s.rng, name)})
	case s.closing && step == s.n-2:
		return s.committeeEvent(recorded, step, events.TypeBallotRecorded, "", "", s.ballot())
	case s.closing && step == s.n-1:
		return s.committeeEvent(recorded, step, events.TypeSeasonClosed, "", "", &events.SeasonClosed{})
	case step == s.amendAt:
		r := domain.DefaultRubric2024()
		r.Items[0].Items[0].Items[0].Rule.Points = 100 // I.1.1: a point per report on time, not 0.75
		return s.committeeEvent(recorded, step, events.TypeRubricAmended, "", "", &events.RubricAmended{Rubric: r, Reason: "Điều chỉnh tiêu chí theo hướng dẫn giữa năm", DecisionNo: "45/QĐ-MTTQ"})
	}
	return s.middle(recorded, step, t)
}

// middle is a step of the year proper: mostly facts, then the committee's
// reviews, scores, bonuses, deductions and corrections.
func (s *seasonGen) middle(recorded string, step int, t float64) (string, events.Event, error) {
	rng := s.rng
	u := rng.IntN(len(s.units))
	unit := s.units[u]
	r := rng.IntN(1000)
	switch {
	case r < 520:
	case r < 920: // a review: the committee works through each unit's facts in order
		if v, ok := s.unreviewed(u); ok {
			unit = s.units[v]
			target := unit.pending[0]
			unit.pending = unit.pending[1:]
			unit.reviewed = append(unit.reviewed, target)
			typ, reason := events.TypeFactVerified, "Đã đối chiếu hồ sơ"
			if r >= 890 {
				typ, reason = events.TypeFactRejected, "Hồ sơ không đủ căn cứ"
			}
			s.retractable = append(s.retractable, decision{uint32(step), v})
			return s.committeeEvent(recorded, step, typ, unit.id, "", &events.Review{Target: s.eventID(target), Reason: reason})
		}
	case r < 935: // a unit withdraws one of its facts
		if target, ok := unit.takeLive(rng); ok {
			return s.unitEvent(recorded, step, unit, events.TypeFactRetracted, "", &events.Retraction{Target: s.eventID(target), Reason: "Nhập trùng, đề nghị rút lại"}, nil)
		}
	case r < 970: // committees mostly score near the maximum
		it := s.manual[rng.IntN(len(s.manual))]
		quarters := int64(it.Max) / 25
		points := events.Points((quarters - rng.Int64N(quarters*2/5+1)) * 25)
		s.retractable = append(s.retractable, decision{uint32(step), u})
		return s.committeeEvent(recorded, step, events.TypeScoreAssessed, unit.id, dayOf(dayAt(t)), &events.ScoreAssessed{Item: it.Code, Points: points, Reason: "Ban Thường trực chấm theo báo cáo"})
	case r < 980:
		s.retractable = append(s.retractable, decision{uint32(step), u})
		return s.committeeEvent(recorded, step, events.TypeBonusAwarded, unit.id, dayOf(dayAt(t)), &events.Adjustment{Points: events.Points(50 * (1 + rng.IntN(4))), Reason: "Có sáng kiến được Thành phố ghi nhận"})
	case r < 984:
		s.retractable = append(s.retractable, decision{uint32(step), u})
		return s.committeeEvent(recorded, step, events.TypeDeductionApplied, unit.id, dayOf(dayAt(t)), &events.Adjustment{Points: events.Points(50 * (1 + rng.IntN(4))), Reason: "Chậm triển khai kế hoạch"})
	case r < 995: // the committee withdraws one of its decisions
		if len(s.retractable) > 0 {
			i := rng.IntN(len(s.retractable))
			d := s.retractable[i]
			s.retractable = append(s.retractable[:i], s.retractable[i+1:]...)
			return s.committeeEvent(recorded, step, events.TypeCommitteeRetracted, s.units[d.unit].id, "", &events.Retraction{Target: s.eventID(d.step), Reason: "Ban Thường trực rút lại quyết định"})
		}
	case r < 997:
		if s.violations == 0 {
			s.violations++
			s.retractable = append(s.retractable, decision{uint32(step), u})
			return s.committeeEvent(recorded, step, events.TypeViolationRecorded, unit.id, dayOf(dayAt(t)), &events.ViolationRecorded{Kind: "discipline", DecisionNo: "12/QĐ-KL"})
		}
	}
	f := unit.nextFact(rng, t)
	unit.pending = append(unit.pending, uint32(step))
	return s.unitEvent(recorded, step, unit, f.typ, f.date, f.payload, f.evidence)
}

// unreviewed finds a unit with a fact waiting for review, from unit u on.
func (s *seasonGen) unreviewed(u int) (int, bool) {
	for i := range s.units {
		v := (u + i) % len(s.units)
		if len(s.units[v].pending) > 0 {
			return v, true
		}
	}
	return 0, false
}

// takeLive removes one of the unit's live facts, for its retraction.
func (u *unitState) takeLive(rng *rand.Rand) (uint32, bool) {
	n := len(u.pending) + len(u.reviewed)
	if n == 0 {
		return 0, false
	}
	i := rng.IntN(n)
	if i < len(u.pending) {
		t := u.pending[i]
		u.pending = append(u.pending[:i], u.pending[i+1:]...)
		return t, true
	}
	i -= len(u.pending)
	t := u.reviewed[i]
	u.reviewed = append(u.reviewed[:i], u.reviewed[i+1:]...)
	return t, true
}

func targetValue(rng *rand.Rand, name string) int64 {
	switch name {
	case "residential_areas":
		return int64(5 + rng.IntN(11))
	case "media_articles":
		return int64(10 + rng.IntN(16))
	case "fund_for_the_poor":
		return int64(3+rng.IntN(13)) * 100_000_000
	case "great_unity_houses":
		return int64(3 + rng.IntN(6))
	}
	return int64(3 + rng.IntN(4))
}

// ballot is the cluster's vote for the flag: every unit votes once, for
// one of up to three candidates.
func (s *seasonGen) ballot() *events.BallotRecorded {
	voters := int64(len(s.units))
	votes := map[string]int64{}
	left := voters
	for i := 0; i < 3 && left > 0; i++ {
		v := s.rng.Int64N(left + 1)
		votes[s.units[s.rng.IntN(len(s.units))].id] += v
		left -= v
	}
	return &events.BallotRecorded{Question: "flag", Voters: voters, Votes: votes}
}

// token is a token.issued event as the ledger writes it for the admin. The
// secret is derived from the seed, so the same spec gives the same hash.
func (s *seasonGen) token(recorded, id, role, unit string) (string, events.Event, error) {
	sum := sha256.Sum256([]byte(strconv.FormatUint(s.seed, 10) + "/" + id))
	p := &events.TokenIssued{ID: id, Hash: access.Hash(hex.EncodeToString(sum[:])), Role: role, Unit: unit, IssuedBy: "admin:admin"}
	data, err := json.Marshal(p)
	if err != nil {
		return "", events.Event{}, err
	}
	ev := events.Event{Schema: events.Schema, ID: id, Type: events.TypeTokenIssued, Data: data, Author: events.Author{Role: events.RoleAdmin, Token: "admin"}, Recorded: recorded}
	return events.AccessSubject, ev, nil
}

func (s *seasonGen) committeeEvent(recorded string, step int, typ, unit, date string, p events.Payload) (string, events.Event, error) {
	ev, err := s.event(recorded, step, typ, unit, date, p, nil, s.committeeAuthor())
	return events.CommitteeSubject(s.id), ev, err
}

func (s *seasonGen) unitEvent(recorded string, step int, u *unitState, typ, date string, p events.Payload, ev []events.Evidence) (string, events.Event, error) {
	e, err := s.event(recorded, step, typ, u.id, date, p, ev, s.unitAuthor(u))
	return events.UnitSubject(s.id, u.id), e, err
}

func (s *seasonGen) event(recorded string, step int, typ, unit, date string, p events.Payload, evidence []events.Evidence, author events.Author) (events.Event, error) {
	data, err := json.Marshal(p)
	if err != nil {
		return events.Event{}, fmt.Errorf("encode %s: %w", typ, err)
	}
	return events.Event{Schema: events.Schema, ID: s.eventID(uint32(step)), Type: typ, Season: s.id, Unit: unit, Date: date,
		Data: data, Evidence: evidence, Author: author, Recorded: recorded}, nil
}
