package httpapi

import (
	"context"
	"runtime/debug"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/thidua/thidua/events"
)

type metrics struct {
	reg       *prometheus.Registry
	appended  *prometheus.CounterVec
	conflicts prometheus.Counter
	requests  *prometheus.CounterVec
	// duration is each request's time by route, a histogram so that
	// percentiles can be computed (the live stream's is its lifetime).
	duration *prometheus.HistogramVec
	// storageFull counts writes refused because the log's disk is full.
	storageFull prometheus.Counter
	// Evidence files this process stored, their bytes, and the uploads it
	// refused by the error code (too_large, unsupported_type, forbidden, …).
	filesStored  prometheus.Counter
	fileBytes    prometheus.Counter
	filesRefused *prometheus.CounterVec
	// appendTime is an append's time in the ledger, by outcome: from the
	// body read to the reply, the log's acknowledgement and the wait
	// until the event is folded included.
	appendTime *prometheus.HistogramVec
	// freshness is, for each commit of the read model, the time from the
	// log's timestamp of its newest event to the commit.
	freshness prometheus.Histogram
}

// appendOutcome names an append's outcome for appendTime.
func appendOutcome(created bool, err error) string {
	switch {
	case err != nil:
		return "refused"
	case created:
		return "appended"
	default:
		return "duplicate"
	}
}

// gauges are read from the process when /metrics is scraped.
type gauges struct {
	checkpoint, lag, freshness func() float64
	// halted is 1 while the projector is halted, haltedSeq where.
	halted, haltedSeq func() float64
}

func newMetrics(reg *prometheus.Registry, g gauges) *metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &metrics{
		reg: reg,
		appended: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "thidua_events_appended_total", Help: "Events appended to the log, by type.",
		}, []string{"type"}),
		conflicts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_conflicts_total", Help: "Requests refused with 409 (closed season, re-used id, stale version).",
		}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "thidua_http_requests_total", Help: "HTTP requests by route and status.",
		}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "thidua_http_request_duration_seconds", Help: "HTTP request duration by route.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route"}),
		storageFull: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_storage_full_total", Help: "Writes refused with 507 storage_full: the log's disk had no room.",
		}),

		filesStored: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_files_stored_total", Help: "Evidence files stored (201); an upload of bytes already stored is not counted.",
		}),
		fileBytes: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_file_bytes_stored_total", Help: "Bytes of the evidence files stored.",
		}),
		filesRefused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "thidua_file_uploads_refused_total", Help: "Evidence uploads refused, by reason (the error code).",
		}, []string{"reason"}),
		appendTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "thidua_append_duration_seconds", Help: "POST …/events in the ledger, by outcome (appended, duplicate, refused): the log's acknowledgement and the wait until the event is folded included.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"outcome"}),
		freshness: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "thidua_projector_commit_freshness_seconds", Help: "For each commit of the read model, from the log's timestamp of its newest event to the commit.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}),
	}
	for _, o := range []string{"appended", "duplicate", "refused"} {
		m.appendTime.WithLabelValues(o)
	}
	// Every event type is there from the start, at 0, so that a rate
	// over it works before the first append.
	for _, typ := range events.ClientTypes() {
		m.appended.WithLabelValues(typ)
	}
	m.reg.MustRegister(m.appended, m.conflicts, m.requests, m.duration, m.storageFull, m.filesStored, m.fileBytes, m.filesRefused,
		m.appendTime, m.freshness, buildInfo(),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_checkpoint", Help: "Last stream sequence committed to the read model.",
		}, g.checkpoint),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_lag", Help: "Stream sequences not yet committed to the read model.",
		}, g.lag),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_freshness_seconds", Help: "From the newest event's log timestamp to its commit in the read model, at the last commit.",
		}, g.freshness),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_halted", Help: "1 while the projector is halted (see /readyz for why), else 0.",
		}, g.halted),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_halted_seq", Help: "The stream sequence the projector halted at, 0 while it runs.",
		}, g.haltedSeq),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// buildInfo is thidua_build_info{version,revision,goversion} 1.
func buildInfo() prometheus.Collector {
	version, revision, goVersion := "unknown", "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		version, goVersion = bi.Main.Version, bi.GoVersion
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				revision = s.Value
			}
		}
	}
	g := prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "thidua_build_info", Help: "The build that serves: its module version, VCS revision and Go version.",
		ConstLabels: prometheus.Labels{"version": version, "revision": revision, "goversion": goVersion},
	})
	g.Set(1)
	return g
}

// WatchFreshness observes the freshness of each commit of the read model
// that folds new events, until ctx ends. It runs beside the projector, off
// its path; commits closer together than it wakes are seen as one.
func (s *Server) WatchFreshness(ctx context.Context) {
	seen := s.proj.Checkpoint()
	for {
		ch := s.proj.Changed()
		select {
		case <-ctx.Done():
			return
		case <-ch:
		}
		if cp := s.proj.Checkpoint(); cp > seen {
			seen = cp
			s.metrics.freshness.Observe(s.proj.LastDelay().Seconds())
		}
	}
}
