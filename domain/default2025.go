package domain

import "github.com/thidua/thidua/events"

// DemoSeason2025ID is the demo's second season: the same cluster in the
// year of the 2025 reform, when districts were abolished and clusters came
// to group wards and communes.
const DemoSeason2025ID = "hn-mttq-cum2-2025"

// DemoSeason2025 is season.opened's data for the 2025 demo season. The
// occasions are 2025's real ones (domain.md §2a); the members, the covenant
// and the rubric are this product's draft on the 2024 pattern: wards as
// members, group III about the reorganisation instead of the congresses.
func DemoSeason2025() events.SeasonOpened {
	ward := func(id, name string) events.Member {
		// A ward as a member has no wards of its own to count.
		return events.Member{ID: id, Name: "Ủy ban MTTQ Việt Nam phường " + name, Wards: 1}
	}
	return events.SeasonOpened{
		Cluster: events.Cluster{ID: "hn-mttq-cum2", Name: "Cụm thi đua số 2 – Ủy ban MTTQ Việt Nam thành phố Hà Nội"},
		Year:    2025,
		Members: []events.Member{
			ward("phuong-cau-giay", "Cầu Giấy"),
			ward("phuong-nghia-do", "Nghĩa Đô"),
			ward("phuong-yen-hoa", "Yên Hòa"),
			ward("phuong-tay-ho", "Tây Hồ"),
			ward("phuong-phu-thuong", "Phú Thượng"),
			ward("phuong-xuan-dinh", "Xuân Đỉnh"),
			ward("phuong-tu-liem", "Từ Liêm"),
			ward("phuong-thanh-xuan", "Thanh Xuân"),
		},
		Head:   "phuong-cau-giay",
		Deputy: "phuong-tay-ho",
		Rubric: rubric2025(),
		LegalBasis: []string{
			"Luật Thi đua, khen thưởng số 06/2022/QH15",
			"Giao ước thi đua Cụm số 2 năm 2025",
		},
		Catalogue: &events.Catalogue{
			Occasions: []events.Occasion{
				{ID: "gpmn50", Name: "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước", NameEn: "50 years of the liberation of the South and national reunification", Date: "2025-04-30"},
				{ID: "hcm135", Name: "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh", NameEn: "135 years since President Hồ Chí Minh's birth", Date: "2025-05-19"},
				{ID: "qk80", Name: "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9", NameEn: "80 years of the August Revolution and National Day", Date: "2025-09-02"},
				{ID: "mttq95", Name: "Kỷ niệm 95 năm Ngày truyền thống MTTQ Việt Nam – Ngày hội Đại đoàn kết toàn dân tộc", NameEn: "95 years of the MTTQ traditional day – Great National Unity festival", Date: "2025-11-18"},
			},
			ReportTopics: []events.Term{
				{ID: "propaganda", Name: "Công tác tuyên truyền", NameEn: "Propaganda"},
				{ID: "emulation", Name: "Công tác thi đua, khen thưởng", NameEn: "Emulation and commendation"},
				{ID: "reorganisation", Name: "Sắp xếp tổ chức bộ máy, chính quyền địa phương hai cấp", NameEn: "Reorganisation and two-level local government"},
				{ID: "public_opinion", Name: "Tình hình tư tưởng nhân dân", NameEn: "Public opinion"},
				{ID: "other", Name: "Khác", NameEn: "Other"},
			},
			ModelLevels: []events.Term{
				{ID: "commune", Name: "Cấp xã, phường", NameEn: "Ward or commune level"},
				{ID: "city", Name: "Cấp thành phố", NameEn: "City level"},
				{ID: "central", Name: "Cấp Trung ương", NameEn: "Central level"},
			},
		},
		Covenant: []events.CovenantItem{
			{Title: "Thi đua yêu nước gắn với nhiệm vụ năm 2025", Text: "Đẩy mạnh phong trào thi đua yêu nước, góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội năm 2025 của Thủ đô."},
			{Title: "Sắp xếp tổ chức bộ máy", Text: "Thực hiện tốt việc sắp xếp, hợp nhất MTTQ và các tổ chức chính trị – xã hội, vận hành hiệu quả chính quyền địa phương hai cấp."},
			{Title: "Tổ chức tốt các ngày lễ lớn", Text: "Tuyên truyền, tổ chức tốt các ngày lễ lớn của đất nước năm 2025 và Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư."},
		},
	}
}

// rubric2025 keeps the 2024 frame (90 content, 10 bonus) and its groups I,
// II and IV; group III scores the reorganisation, and the congress lines
// (ward congress share, pilot, district congress, late ward congresses)
// are gone with the congresses.
func rubric2025() events.Rubric {
	const (
		act    = events.TypeActivityHeld
		report = events.TypeReportSubmitted
	)
	r := DefaultRubric2024()
	// I.1.2–I.1.4: 2025's occasions in place of 2024's.
	i11 := &r.Items[0].Items[0]
	i11.Items[1] = leaf("I.1.2", "Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước", "50 years of the liberation of the South", pts(2, 0),
		anyOf(events.Match{Type: act, Occasion: []string{"gpmn50"}}))
	i11.Items[2] = leaf("I.1.3", "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9", "80 years of the August Revolution and National Day", pts(2, 0),
		anyOf(events.Match{Type: act, Occasion: []string{"qk80"}}))
	i11.Items[3] = leaf("I.1.4", "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư", "Great National Unity festival in residential areas", pts(4, 0),
		target(events.TargetResidentialAreas, events.Match{Type: act, Occasion: []string{"mttq95"}, Kind: []string{"festival"}}))
	r.Items[2] = group("III", "Sắp xếp tổ chức bộ máy, vận hành chính quyền địa phương hai cấp", "Reorganisation and two-level local government", pts(20, 0),
		leaf("III.1", "Hoàn thành hợp nhất MTTQ và các tổ chức chính trị – xã hội cấp xã", "Merger of the Front and the mass organisations completed", pts(8, 0), manual()),
		leaf("III.2", "Báo cáo kết quả sắp xếp đúng hạn", "Reorganisation report on time", pts(4, 0),
			&events.Rule{Kind: events.RuleDeadline, Due: "2025-07-31", Match: &events.Match{Type: report, Topic: []string{"reorganisation"}}}),
		leaf("III.3", "Nắm bắt tư tưởng nhân dân về chính quyền hai cấp", "Public opinion on the two-level government", pts(4, 0),
			anyOf(events.Match{Type: report, Topic: []string{"public_opinion"}})),
		leaf("III.4", "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh", "135 years since President Hồ Chí Minh's birth", pts(4, 0),
			anyOf(events.Match{Type: act, Occasion: []string{"hcm135"}})),
	)
	r.Deductions.Items = []events.Item{r.Deductions.Items[0], r.Deductions.Items[2]} // D.1 late reports, D.3 the committee's
	r.Gates = []events.Gate{
		{Code: "G1", Kind: events.GateNoViolation},
		{Code: "G2", Kind: events.GateItemPositive, Item: "III.1"},
	}
	return r
}
