package server

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
)

// demoSeason is one season --demo opens, with a few sample facts.
type demoSeason struct {
	id, openedID string // event ids are unique across seasons
	opened       events.SeasonOpened
	facts        []demoFact
}

type demoFact struct {
	id, unit, typ, date string
	p                   events.Payload
}

func demoSeasons() []demoSeason {
	return []demoSeason{
		{domain.DemoSeasonID, "demo-season-opened", domain.DemoSeason(), []demoFact{
			{"demo-btl-dbp70", "bac-tu-liem", events.TypeActivityHeld, "2024-05-07", &events.ActivityHeld{Kind: "commemoration", Occasion: "dbp70", Title: "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"}},
			{"demo-cg-gptd70", "cau-giay", events.TypeActivityHeld, "2024-10-10", &events.ActivityHeld{Kind: "commemoration", Occasion: "gptd70", Title: "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô"}},
			{"demo-hd-district", "ha-dong", events.TypeCongressCompleted, "2024-06-20", &events.CongressCompleted{Level: "district", Delegates: 250}},
			{"demo-th-model", "tay-ho", events.TypeModelRecognized, "2024-09-12", &events.ModelRecognized{Model: "khu-pho-xanh", Name: "Khu phố xanh – sạch – đẹp", Level: "city", DecisionNo: "123/QĐ-MTTQ"}},
			{"demo-ntl-ward", "nam-tu-liem", events.TypeCongressCompleted, "2024-04-12", &events.CongressCompleted{Level: "ward", Ward: "my-dinh-1", Pilot: true, Delegates: 120}},
			{"demo-tx-fund", "thanh-xuan", events.TypeIndicatorReported, "2024-11-15", &events.IndicatorReported{Indicator: "fund_for_the_poor", Value: 2_500_000_000}},
		}},
		{domain.DemoSeason2025ID, "demo25-season-opened", domain.DemoSeason2025(), []demoFact{
			{"demo25-cg-gpmn50", "phuong-cau-giay", events.TypeActivityHeld, "2025-04-30", &events.ActivityHeld{Kind: "commemoration", Occasion: "gpmn50", Title: "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước"}},
			{"demo25-th-reorg", "phuong-tay-ho", events.TypeReportSubmitted, "2025-07-25", &events.ReportSubmitted{Topic: "reorganisation", Period: "Tháng 7/2025", Due: "2025-07-31"}},
			{"demo25-nd-hcm135", "phuong-nghia-do", events.TypeActivityHeld, "2025-05-19", &events.ActivityHeld{Kind: "commemoration", Occasion: "hcm135", Title: "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh"}},
			{"demo25-yh-model", "phuong-yen-hoa", events.TypeModelRecognized, "2025-10-02", &events.ModelRecognized{Model: "to-dan-pho-so", Name: "Tổ dân phố số", Level: "commune", DecisionNo: "45/QĐ-MTTQ"}},
		}},
	}
}

// openDemo opens the demo seasons on an empty store, issues one token per
// role and posts a few sample facts, then prints the tokens.
func openDemo(ctx context.Context, store *natsstore.Store, proj *projections.Projector, led *ledger.Ledger, adminToken, addr, dataDir string, stdout io.Writer) error {
	last, err := store.LastSeq(ctx)
	if err != nil {
		return err
	}
	if last > 0 {
		fmt.Fprintf(stdout, "Kho dữ liệu đã có sự kiện: không mở lại mùa demo. / The store is not empty: the demo season was not re-opened.\nAdmin token: %s\n", adminToken)
		return nil
	}
	admin := events.Author{Role: events.RoleAdmin, Token: "admin"}
	seasons := demoSeasons()
	for _, d := range seasons {
		ev, err := ledger.NewEvent(d.id, d.openedID, events.TypeSeasonOpened, "", "", admin, &d.opened, nil)
		if err != nil {
			return err
		}
		r, _, err := led.AppendEvent(ctx, ev, &d.opened)
		if err != nil {
			return fmt.Errorf("open the demo season %s: %w", d.id, err)
		}
		if err := proj.WaitFor(ctx, r.Seq); err != nil {
			return err
		}
	}
	type line struct{ who, token string }
	var lines []line
	var auditor string
	// The committee's and the auditor's tokens are bound to the demo's
	// cluster, as a cluster's secretary gets them on a shared server.
	for _, role := range []string{events.RoleCommittee, events.RoleAuditor} {
		t, err := led.IssueToken(ctx, admin, domain.Scope{}, ledger.TokenRequest{Role: role, Cluster: seasons[0].opened.Cluster.ID})
		if err != nil {
			return err
		}
		lines = append(lines, line{role, t.Token})
		if role == events.RoleAuditor {
			auditor = t.Token
		}
	}
	unitTokens := map[string]events.Author{}
	for _, d := range seasons {
		for _, m := range d.opened.Members {
			t, err := led.IssueToken(ctx, admin, domain.Scope{}, ledger.TokenRequest{Role: events.RoleUnit, Unit: m.ID})
			if err != nil {
				return err
			}
			unitTokens[m.ID] = events.Author{Role: events.RoleUnit, Unit: m.ID, Token: t.ID}
			lines = append(lines, line{"unit " + m.ID, t.Token})
		}
	}
	for _, d := range seasons {
		if err := demoFacts(ctx, led, d, unitTokens); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "\nthidua: mùa thi đua demo %s và %s đã mở / demo seasons opened — http://%s\n", domain.DemoSeasonID, domain.DemoSeason2025ID, addr)
	// The auditor's token is read-only: the link for the meeting's big screen.
	fmt.Fprintf(stdout, "Bảng xếp hạng trực tiếp / live rankings (auditor, read-only): http://%s/?season=%s#token=%s\n\n", addr, domain.DemoSeasonID, auditor)
	fmt.Fprintf(stdout, "Mã thường trực cụm và mã kiểm tra chỉ dùng cho cụm %s / committee and auditor tokens are bound to cluster %s\n", seasons[0].opened.Cluster.ID, seasons[0].opened.Cluster.ID)
	fmt.Fprintf(stdout, "  %-24s %s\n", "admin", adminToken)
	for _, l := range lines {
		fmt.Fprintf(stdout, "  %-24s %s\n", l.who, l.token)
	}
	// The same tokens as shell variables, for the README's first steps:
	// . ./data/demo-tokens.sh
	var sh strings.Builder
	fmt.Fprintf(&sh, "# thidua --demo: the demo's tokens (secrets: keep this file to yourself)\nADMIN_TOKEN=%s\n", adminToken)
	for _, l := range lines {
		name := strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_").Replace(l.who)) + "_TOKEN"
		fmt.Fprintf(&sh, "%s=%s\n", name, l.token)
	}
	fmt.Fprintf(&sh, "UNIT_TOKEN=$UNIT_CAU_GIAY_TOKEN\nexport ADMIN_TOKEN COMMITTEE_TOKEN AUDITOR_TOKEN UNIT_TOKEN\n")
	file := filepath.Join(dataDir, "demo-tokens.sh")
	if err := os.WriteFile(file, []byte(sh.String()), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", file, err)
	}
	fmt.Fprintf(stdout, "\nBiến môi trường / as shell variables: . %s\n\n", file)
	return nil
}

func demoFacts(ctx context.Context, led *ledger.Ledger, d demoSeason, units map[string]events.Author) error {
	ev := []events.Evidence{{Kind: "document", Title: "Báo cáo kết quả", DocNo: "demo"}}
	for _, f := range d.facts {
		e, err := ledger.NewEvent(d.id, f.id, f.typ, f.unit, f.date, units[f.unit], f.p, ev)
		if err != nil {
			return err
		}
		if _, _, err := led.AppendEvent(ctx, e, f.p); err != nil {
			return fmt.Errorf("demo fact %s: %w", f.id, err)
		}
	}
	return nil
}
