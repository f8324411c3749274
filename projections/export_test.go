package projections

import (
	"context"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// ApplyDeferred is apply as a catch-up calls it: the batch is committed,
// its seasons' rescoring left to a later Apply.
func (p *Projector) ApplyDeferred(ctx context.Context, batch []events.Stored) error {
	return p.apply(ctx, batch, true)
}

// ReadBackHook runs fn whenever a sheet reads back shed events outside the
// fold's lock, before it reads them: a test folds more meanwhile.
func ReadBackHook(p *Projector, fn func()) {
	p.live.bodies = hookedBodies{p.live.bodies, fn}
}

type hookedBodies struct {
	domain.Bodies
	fn func()
}

func (h hookedBodies) Records(season string, seqs []uint64) (map[uint64]events.Record, error) {
	h.fn()
	return h.Bodies.Records(season, seqs)
}
