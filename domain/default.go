package domain

import (
	"strings"

	"github.com/thidua/thidua/events"
)

// DemoSeasonID is the default and demo season: Hanoi MTTQ cluster No. 2, 2024.
const DemoSeasonID = "hn-mttq-cum2-2024"

// DemoSeason is season.opened's data for the demo season, with the default
// 2024 rubric of domain.md §3.
func DemoSeason() events.SeasonOpened {
	return events.SeasonOpened{
		Cluster: events.Cluster{ID: "hn-mttq-cum2", Name: "Cụm thi đua số 2 – Ủy ban MTTQ Việt Nam thành phố Hà Nội"},
		Year:    2024,
		Members: []events.Member{
			member("bac-tu-liem", "Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm",
				"co-nhue-1=Cổ Nhuế 1", "co-nhue-2=Cổ Nhuế 2", "dong-ngac=Đông Ngạc", "duc-thang=Đức Thắng", "lien-mac=Liên Mạc", "minh-khai=Minh Khai", "phu-dien=Phú Diễn", "phuc-dien=Phúc Diễn", "tay-tuu=Tây Tựu", "thuong-cat=Thượng Cát", "thuy-phuong=Thụy Phương", "xuan-dinh=Xuân Đỉnh", "xuan-tao=Xuân Tảo"),
			member("cau-giay", "Ủy ban MTTQ Việt Nam quận Cầu Giấy",
				"dich-vong=Dịch Vọng", "dich-vong-hau=Dịch Vọng Hậu", "mai-dich=Mai Dịch", "nghia-do=Nghĩa Đô", "nghia-tan=Nghĩa Tân", "quan-hoa=Quan Hoa", "trung-hoa=Trung Hòa", "yen-hoa=Yên Hòa"),
			member("ha-dong", "Ủy ban MTTQ Việt Nam quận Hà Đông",
				"bien-giang=Biên Giang", "dong-mai=Đồng Mai", "duong-noi=Dương Nội", "ha-cau=Hà Cầu", "kien-hung=Kiến Hưng", "la-khe=La Khê", "mo-lao=Mộ Lao", "nguyen-trai=Nguyễn Trãi", "phu-la=Phú La", "phu-lam=Phú Lãm", "phu-luong=Phú Lương", "phuc-la=Phúc La", "quang-trung=Quang Trung", "van-phuc=Vạn Phúc", "van-quan=Văn Quán", "yen-nghia=Yên Nghĩa", "yet-kieu=Yết Kiêu"),
			member("nam-tu-liem", "Ủy ban MTTQ Việt Nam quận Nam Từ Liêm",
				"cau-dien=Cầu Diễn", "dai-mo=Đại Mỗ", "me-tri=Mễ Trì", "my-dinh-1=Mỹ Đình 1", "my-dinh-2=Mỹ Đình 2", "phu-do=Phú Đô", "phuong-canh=Phương Canh", "tay-mo=Tây Mỗ", "trung-van=Trung Văn", "xuan-phuong=Xuân Phương"),
			member("tay-ho", "Ủy ban MTTQ Việt Nam quận Tây Hồ",
				"buoi=Bưởi", "nhat-tan=Nhật Tân", "phu-thuong=Phú Thượng", "quang-an=Quảng An", "thuy-khue=Thụy Khuê", "tu-lien=Tứ Liên", "xuan-la=Xuân La", "yen-phu=Yên Phụ"),
			member("thanh-xuan", "Ủy ban MTTQ Việt Nam quận Thanh Xuân",
				"ha-dinh=Hạ Đình", "khuong-dinh=Khương Đình", "khuong-mai=Khương Mai", "khuong-trung=Khương Trung", "kim-giang=Kim Giang", "nhan-chinh=Nhân Chính", "phuong-liet=Phương Liệt", "thanh-xuan-bac=Thanh Xuân Bắc", "thanh-xuan-nam=Thanh Xuân Nam", "thanh-xuan-trung=Thanh Xuân Trung", "thuong-dinh=Thượng Đình"),
		},
		Head:   "bac-tu-liem",
		Deputy: "cau-giay",
		Rubric: DefaultRubric2024(),
		LegalBasis: []string{
			"Luật Thi đua, khen thưởng số 06/2022/QH15",
			"Nghị định 98/2023/NĐ-CP",
			"Giao ước thi đua Cụm số 2 ký ngày 29/02/2024 tại quận Bắc Từ Liêm",
		},
		Covenant: []events.CovenantItem{
			{Title: "Thi đua yêu nước sáng tạo, hiệu quả", Text: "Đẩy mạnh phong trào thi đua yêu nước sáng tạo, hiệu quả, gắn với thực hiện nhiệm vụ phát triển kinh tế – xã hội, bảo đảm quốc phòng, an ninh của địa phương."},
			{Title: "Đổi mới công tác thi đua, khen thưởng", Text: "Đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng; phát hiện, bồi dưỡng, tôn vinh các điển hình tiên tiến."},
			{Title: "Tổ chức tốt Đại hội MTTQ các cấp", Text: "Tổ chức thành công Đại hội MTTQ Việt Nam các cấp, tiến tới Đại hội đại biểu toàn quốc MTTQ Việt Nam lần thứ X, nhiệm kỳ 2024–2029."},
		},
	}
}

// member lists a unit with its wards, each "id=name".
func member(id, name string, wards ...string) events.Member {
	m := events.Member{ID: id, Name: name, Wards: int64(len(wards))}
	for _, w := range wards {
		wid, wname, _ := strings.Cut(w, "=")
		m.WardList = append(m.WardList, events.Ward{ID: wid, Name: "Phường " + wname})
	}
	return m
}

func pts(whole, cents int64) events.Points { return events.Points(whole*100 + cents) }

func each(p events.Points, m events.Match) *events.Rule {
	return &events.Rule{Kind: events.RuleEach, Points: p, Match: &m}
}

func anyOf(m events.Match) *events.Rule { return &events.Rule{Kind: events.RuleAny, Match: &m} }

func target(name string, m events.Match) *events.Rule {
	return &events.Rule{Kind: events.RuleTarget, Target: name, Match: &m}
}

func manual() *events.Rule { return &events.Rule{Kind: events.RuleManual} }

func yes() *bool { b := true; return &b }

func leaf(code, title, en string, max events.Points, r *events.Rule) events.Item {
	return events.Item{Code: code, Title: title, TitleEn: en, Max: max, Rule: r}
}

func group(code, title, en string, max events.Points, items ...events.Item) events.Item {
	return events.Item{Code: code, Title: title, TitleEn: en, Max: max, Items: items}
}

// DefaultRubric2024 is domain.md §3, written as data.
func DefaultRubric2024() events.Rubric {
	const (
		act    = events.TypeActivityHeld
		report = events.TypeReportSubmitted
		ind    = events.TypeIndicatorReported
		cong   = events.TypeCongressCompleted
	)
	return events.Rubric{
		Items: []events.Item{
			group("I", "Thi đua yêu nước gắn với phát triển kinh tế – xã hội, quốc phòng, an ninh", "Patriotic emulation tied to socio-economic development, defence, security", pts(50, 0),
				group("I.1", "Công tác tuyên truyền", "Propaganda work", pts(15, 0),
					leaf("I.1.1", "Báo cáo tuyên truyền đúng hạn", "Propaganda reports submitted on time", pts(3, 0),
						each(pts(0, 75), events.Match{Type: report, Topic: []string{"propaganda"}, OnTime: yes()})),
					leaf("I.1.2", "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ", "70 years of Điện Biên Phủ", pts(2, 0),
						anyOf(events.Match{Type: act, Occasion: []string{"dbp70"}})),
					leaf("I.1.3", "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô", "70 years of the Liberation of the Capital", pts(2, 0),
						anyOf(events.Match{Type: act, Occasion: []string{"gptd70"}})),
					leaf("I.1.4", "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư", "Great National Unity festival in residential areas", pts(4, 0),
						target("residential_areas", events.Match{Type: act, Occasion: []string{"mttq94"}, Kind: []string{"festival"}})),
					leaf("I.1.5", "Tin bài cho báo chí của MTTQ", "Articles for MTTQ media", pts(2, 0),
						target("media_articles", events.Match{Type: ind, Indicator: []string{"media_articles"}})),
					leaf("I.1.6", "Nắm bắt tình hình tư tưởng nhân dân", "Grasping public opinion", pts(2, 0), manual()),
				),
				group("I.2", "Các cuộc vận động và phong trào thi đua", "Campaigns and movements", pts(20, 0),
					leaf("I.2.1", "Cuộc vận động xây dựng đô thị văn minh", "Civilised urban areas campaign", pts(5, 0), manual()),
					leaf("I.2.2", "Quỹ Vì người nghèo", "Fund for the poor", pts(5, 0),
						target("fund_for_the_poor", events.Match{Type: ind, Indicator: []string{"fund_for_the_poor"}})),
					leaf("I.2.3", "Nhà Đại đoàn kết", "Great Unity houses", pts(3, 0),
						target("great_unity_houses", events.Match{Type: ind, Indicator: []string{"great_unity_houses"}})),
					leaf("I.2.4", "Các cuộc vận động khác", "Other campaigns", pts(3, 0), manual()),
					leaf("I.2.5", "Mô hình được công nhận", "Models recognised", pts(4, 0),
						each(pts(1, 0), events.Match{Type: events.TypeModelRecognized})),
				),
				group("I.3", "Giám sát và phản biện xã hội", "Supervision and social criticism", pts(15, 0),
					leaf("I.3.1", "Cuộc giám sát", "Supervision sessions", pts(5, 0),
						target("supervision_sessions", events.Match{Type: ind, Indicator: []string{"supervision_sessions"}})),
					leaf("I.3.2", "Hội nghị phản biện xã hội", "Social criticism sessions", pts(3, 0),
						each(pts(1, 0), events.Match{Type: act, Kind: []string{"social_criticism"}})),
					leaf("I.3.3", "Theo dõi kiến nghị sau giám sát", "Recommendations followed up", pts(3, 0), manual()),
					leaf("I.3.4", "Đối thoại với nhân dân", "Citizen dialogues", pts(4, 0),
						each(pts(1, 0), events.Match{Type: act, Kind: []string{"citizen_dialogue"}})),
				),
			),
			group("II", "Đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng", "Emulation and commendation work", pts(15, 0),
				leaf("II.1", "Kế hoạch thi đua và các đợt thi đua chuyên đề", "Emulation plan and thematic drives", pts(3, 0), manual()),
				leaf("II.2", "Tham gia hoạt động chung của Cụm", "Joint cluster activities attended", pts(3, 0),
					each(pts(1, 0), events.Match{Type: act, Kind: []string{"cluster_joint"}})),
				leaf("II.3", "Điển hình tiên tiến được tôn vinh", "Exemplars honoured", pts(4, 0),
					each(pts(1, 0), events.Match{Type: events.TypeExemplarHonored})),
				leaf("II.4", "Báo cáo thi đua đúng hạn", "Emulation reports on time", pts(3, 0),
					each(pts(1, 50), events.Match{Type: report, Topic: []string{"emulation"}, OnTime: yes()})),
				leaf("II.5", "Trao đổi kinh nghiệm", "Experience exchange", pts(2, 0),
					anyOf(events.Match{Type: act, Kind: []string{"experience_exchange"}})),
			),
			group("III", "Tổ chức tốt Đại hội MTTQ các cấp", "MTTQ congresses at all levels", pts(20, 0),
				leaf("III.1", "Đại hội cấp phường đúng hạn", "Ward congresses on time", pts(6, 0),
					&events.Rule{Kind: events.RuleShare, Due: "2024-04-30", Match: &events.Match{Type: cong, Level: []string{"ward"}}}),
				leaf("III.2", "Đại hội điểm cấp phường", "Pilot ward congress", pts(2, 0),
					&events.Rule{Kind: events.RuleDeadline, Due: "2024-03-31", Match: &events.Match{Type: cong, Level: []string{"ward"}, Pilot: yes()}}),
				leaf("III.3", "Đại hội cấp quận", "District congress", pts(4, 0),
					&events.Rule{Kind: events.RuleDeadline, Due: "2024-06-30", Match: &events.Match{Type: cong, Level: []string{"district"}}}),
				leaf("III.4", "Cơ cấu, tỷ lệ nhân sự", "Personnel structure and ratios", pts(5, 0), manual()),
				leaf("III.5", "Báo cáo kết quả Đại hội lên Thành phố", "Congress reported to the city", pts(3, 0),
					anyOf(events.Match{Type: report, Topic: []string{"congress"}})),
			),
			group("IV", "Các mặt công tác khác", "Other work areas", pts(5, 0),
				leaf("IV.1", "Công tác dân tộc, tôn giáo, đối ngoại nhân dân", "Ethnic and religious work, external relations", pts(3, 0), manual()),
				leaf("IV.2", "Kỷ luật hành chính, tài chính", "Office and finance discipline", pts(2, 0), manual()),
			),
		},
		Bonus: events.Adjustments{Cap: pts(10, 0), Items: []events.Item{
			leaf("B.1", "Mô hình được công nhận cấp Thành phố, Trung ương", "Models recognised by the city or centrally", pts(6, 0),
				each(pts(3, 0), events.Match{Type: events.TypeModelRecognized, Level: []string{"city", "central"}})),
			leaf("B.2", "Đăng cai hoạt động chung của Cụm", "Hosting a joint cluster activity", pts(2, 0),
				each(pts(1, 0), events.Match{Type: act, Kind: []string{"cluster_joint"}, Host: yes()})),
			leaf("B.3", "Điểm thưởng của Ban Thường trực", "Bonus awarded by the committee", pts(10, 0),
				&events.Rule{Kind: events.RuleCommittee}),
		}},
		Deductions: events.Adjustments{Cap: pts(10, 0), Items: []events.Item{
			leaf("D.1", "Báo cáo nộp muộn", "Reports submitted late", pts(10, 0),
				each(pts(0, 50), events.Match{Type: report, OnTime: new(bool)})),
			leaf("D.2", "Đại hội cấp phường sau hạn 30/4/2024", "Ward congress after 30 April 2024", pts(10, 0),
				each(pts(1, 0), events.Match{Type: cong, Level: []string{"ward"}, After: "2024-04-30"})),
			leaf("D.3", "Điểm trừ của Ban Thường trực", "Deductions applied by the committee", pts(10, 0),
				&events.Rule{Kind: events.RuleCommittee}),
		}},
		Classification: []events.Class{
			{Min: pts(90, 0), Label: "Hoàn thành xuất sắc nhiệm vụ", LabelEn: "Excellently completed tasks"},
			{Min: pts(75, 0), Label: "Hoàn thành tốt nhiệm vụ", LabelEn: "Well completed tasks"},
			{Min: pts(60, 0), Label: "Hoàn thành nhiệm vụ", LabelEn: "Completed tasks"},
			{Min: 0, Label: "Không hoàn thành nhiệm vụ", LabelEn: "Did not complete tasks"},
		},
		Gates: []events.Gate{
			{Code: "G1", Kind: events.GateNoViolation},
			{Code: "G2", Kind: events.GateItemPositive, Item: "III.3"},
		},
		TieBreaks:  []string{"content", "III"},
		Awards:     events.AwardRules{FlagMin: pts(90, 0), Certificates: 3, CertificateMin: pts(75, 0)},
		ContentMax: pts(90, 0),
	}
}
