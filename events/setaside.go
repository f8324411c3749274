package events

// TypeSeqSetAside records that the message at a seq of the log is set
// aside: the projector halted there (it could not decode or apply it) and
// the committee decided to go on without it. Every replay and audit skips
// that seq and lists it, with the reason. It is written through POST
// /api/v1/set-aside only, on the committee subject of the message's
// season (or on the access subject for a message outside any season).
const TypeSeqSetAside = "seq.set_aside"

// SeqSetAside names the seq set aside and why.
type SeqSetAside struct {
	Seq    uint64 `json:"seq"`
	Reason string `json:"reason"`
	By     string `json:"by"`
}

func (p *SeqSetAside) validate(v *validator) {
	if p.Seq == 0 {
		v.fail("data.seq", "seq must be a stream sequence (1 or more)")
	}
	v.text("data.reason", p.Reason, true)
}
