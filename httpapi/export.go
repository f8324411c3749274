package httpapi

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"

	"github.com/thidua/thidua/documents"
	"github.com/thidua/thidua/domain"
)

// exportTable resolves a read of the scoring table like a read of the
// rankings (token, scope, view, as_of, min_seq) and makes its table.
func (s *Server) exportTable(r *http.Request) (*documents.Table, error) {
	seq, ss, vs, err := s.view(r)
	if err != nil {
		return nil, err
	}
	return documents.FromSnapshot(r.Context(), ss, vs.Standings.View, seq)
}

// getExportXLSX answers the scoring table as an XLSX workbook.
func (s *Server) getExportXLSX(w http.ResponseWriter, r *http.Request) {
	t, err := s.exportTable(r)
	var buf bytes.Buffer
	if err == nil {
		err = t.WriteXLSX(&buf)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeFile(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exportName(t, "xlsx"), buf.Bytes())
}

// getExportCSV answers the summary or the item matrix as CSV.
func (s *Server) getExportCSV(w http.ResponseWriter, r *http.Request) {
	table := r.URL.Query().Get("table")
	if table == "" {
		table = documents.CSVSummary
	}
	if table != documents.CSVSummary && table != documents.CSVItems {
		s.writeError(w, r, domain.Errorf(domain.Invalid, "table", "table %q is not summary or items", table))
		return
	}
	t, err := s.exportTable(r)
	var buf bytes.Buffer
	if err == nil {
		err = t.WriteCSV(&buf, table)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeFile(w, "text/csv; charset=utf-8", exportName(t, table+".csv"), buf.Bytes())
}

// exportName is the file's name: the season, view and seq it shows.
func exportName(t *documents.Table, ext string) string {
	return fmt.Sprintf("thidua-%s-%s-%d.%s", t.ID, t.Standings.View, t.Seq, ext)
}

func writeFile(w http.ResponseWriter, contentType, name string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	// Season ids are [a-z0-9-]: the name needs no quoting beyond this.
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}
