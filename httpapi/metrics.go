package httpapi

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

type metrics struct {
	reg       *prometheus.Registry
	appended  *prometheus.CounterVec
	conflicts prometheus.Counter
	requests  *prometheus.CounterVec
	// storageFull counts writes refused because the log's disk is full.
	storageFull prometheus.Counter
	// Evidence files this process stored, their bytes, and the uploads it
	// refused by the error code (too_large, unsupported_type, forbidden, …).
	filesStored  prometheus.Counter
	fileBytes    prometheus.Counter
	filesRefused *prometheus.CounterVec
}

func newMetrics(reg *prometheus.Registry, checkpoint, lag, freshness func() float64) *metrics {
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
	}
	m.reg.MustRegister(m.appended, m.conflicts, m.requests, m.storageFull, m.filesStored, m.fileBytes, m.filesRefused,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_checkpoint", Help: "Last stream sequence committed to the read model.",
		}, checkpoint),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_lag", Help: "Stream sequences not yet committed to the read model.",
		}, lag),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "thidua_projector_freshness_seconds", Help: "From the newest event's log timestamp to its commit in the read model, at the last commit.",
		}, freshness),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}
