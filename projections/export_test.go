package projections

import (
	"context"

	"github.com/thidua/thidua/events"
)

// ApplyDeferred is apply as a catch-up calls it: the batch is committed,
// its seasons' rescoring left to a later Apply.
func (p *Projector) ApplyDeferred(ctx context.Context, batch []events.Stored) error {
	return p.apply(ctx, batch, true)
}
