package domain

import (
	"fmt"
	"strconv"

	"github.com/thidua/thidua/events"
)

// JSONSchema is the subset of JSON Schema (2020-12) that describes the body
// of a posted event, with the season's codes as named choices. Titles and
// descriptions are Vietnamese; the x-*-en annotations are their English.
// Properties is a map, so x-order gives the order a form shows them in.
type JSONSchema struct {
	Schema        string                 `json:"$schema,omitempty"`
	Title         string                 `json:"title,omitempty"`
	TitleEn       string                 `json:"x-title-en,omitempty"`
	Description   string                 `json:"description,omitempty"`
	DescriptionEn string                 `json:"x-description-en,omitempty"`
	Type          string                 `json:"type,omitempty"`
	Const         any                    `json:"const,omitempty"`
	OneOf         []*JSONSchema          `json:"oneOf,omitempty"`
	Format        string                 `json:"format,omitempty"`
	Pattern       string                 `json:"pattern,omitempty"`
	Minimum       *float64               `json:"minimum,omitempty"`
	Maximum       *float64               `json:"maximum,omitempty"`
	MultipleOf    *float64               `json:"multipleOf,omitempty"`
	MinLength     *int                   `json:"minLength,omitempty"`
	MaxLength     *int                   `json:"maxLength,omitempty"`
	MinItems      *int                   `json:"minItems,omitempty"`
	MaxItems      *int                   `json:"maxItems,omitempty"`
	Items         *JSONSchema            `json:"items,omitempty"`
	Properties    map[string]*JSONSchema `json:"properties,omitempty"`
	Order         []string               `json:"x-order,omitempty"`
	Required      []string               `json:"required,omitempty"`
	// Additional is false for objects with fixed fields, a schema for maps.
	Additional any           `json:"additionalProperties,omitempty"`
	AllOf      []*JSONSchema `json:"allOf,omitempty"`
	If         *JSONSchema   `json:"if,omitempty"`
	Then       *JSONSchema   `json:"then,omitempty"`
	// Unit is an indicator's unit (count, VND, percent) on a value field,
	// or on an indicator choice; Noun what a count counts.
	Unit   string `json:"x-unit,omitempty"`
	Noun   string `json:"x-noun,omitempty"`
	NounEn string `json:"x-noun-en,omitempty"`
	// Date is an occasion's day, on its choice.
	Date string `json:"x-date,omitempty"`
	// By says who may post the type: "unit" or "committee".
	By string `json:"x-by,omitempty"`
	// When says a field applies only when a sibling field has one of some
	// values (a ward only for a ward congress), so a form shows it then.
	When *Condition `json:"x-when,omitempty"`
}

// Condition is a sibling field and the values that make a field apply.
type Condition struct {
	Field string   `json:"field"`
	In    []string `json:"in"`
}

func when(s *JSONSchema, field string, in ...string) *JSONSchema {
	s.When = &Condition{Field: field, In: in}
	return s
}

// SeasonSchema is GET /seasons/{season}/schema: for each event type the
// season accepts, the JSON Schema of the body to post.
type SeasonSchema struct {
	Season string                 `json:"season"`
	Types  map[string]*JSONSchema `json:"types"`
}

// Schema describes the bodies this season accepts now: its members, its
// catalogue in force, its rubric's manual items.
func (s *Season) Schema() SeasonSchema {
	out := SeasonSchema{Season: s.ID, Types: map[string]*JSONSchema{}}
	if s.Opened == nil {
		return out
	}
	b := schemaBuilder{s: s, cat: s.Catalogue}
	for _, typ := range events.ClientTypes() {
		spec, _ := events.Lookup(typ)
		if s.Closed != nil && typ != events.TypeAwardRevoked {
			continue // a closed season accepts only award.revoked
		}
		if typ == events.TypeSeasonOpened || (s.Closed == nil && typ == events.TypeAwardRevoked) {
			continue
		}
		out.Types[typ] = b.body(spec)
	}
	return out
}

// TypeName names an event type, Vietnamese and English.
func TypeName(typ string) (string, string) {
	switch typ {
	case events.TypeActivityHeld:
		return "Hoạt động đã tổ chức", "Activity held"
	case events.TypeModelRecognized:
		return "Mô hình được công nhận", "Model recognised"
	case events.TypeExemplarHonored:
		return "Điển hình được tôn vinh", "Exemplar honoured"
	case events.TypeCongressCompleted:
		return "Đại hội MTTQ đã tổ chức", "Congress held"
	case events.TypeReportSubmitted:
		return "Báo cáo đã gửi", "Report submitted"
	case events.TypeIndicatorReported:
		return "Kết quả chỉ tiêu", "Indicator reported"
	case events.TypeFactRetracted:
		return "Rút báo cáo", "Fact retracted"
	case events.TypeSeasonOpened:
		return "Mở mùa thi đua", "Season opened"
	case events.TypeRubricAmended:
		return "Sửa đổi tiêu chí chấm điểm", "Rubric amended"
	case events.TypeTargetAssigned:
		return "Giao chỉ tiêu", "Target assigned"
	case events.TypeFactVerified:
		return "Xác minh", "Fact verified"
	case events.TypeFactRejected:
		return "Không công nhận", "Fact rejected"
	case events.TypeScoreAssessed:
		return "Chấm điểm", "Score assessed"
	case events.TypeBonusAwarded:
		return "Điểm thưởng", "Bonus awarded"
	case events.TypeDeductionApplied:
		return "Điểm trừ", "Deduction applied"
	case events.TypeViolationRecorded:
		return "Ghi nhận vi phạm", "Violation recorded"
	case events.TypeBallotRecorded:
		return "Kết quả bỏ phiếu", "Ballot recorded"
	case events.TypeSeasonClosed:
		return "Kết thúc mùa thi đua", "Season closed"
	case events.TypeAwardRevoked:
		return "Thu hồi khen thưởng", "Award revoked"
	case events.TypeCommitteeRetracted:
		return "Rút quyết định", "Decision retracted"
	case events.TypeFactQueried:
		return "Yêu cầu giải trình", "Explanation requested"
	case events.TypeFactExplained:
		return "Giải trình", "Explanation"
	}
	return typ, typ
}

type schemaBuilder struct {
	s   *Season
	cat events.Catalogue
}

func ptr[T any](v T) *T { return &v }

func titled(s *JSONSchema, vi, en string) *JSONSchema {
	s.Title, s.TitleEn = vi, en
	return s
}

func text(vi, en string, required bool) *JSONSchema {
	s := titled(&JSONSchema{Type: "string", MaxLength: ptr(events.MaxText)}, vi, en)
	if required {
		s.MinLength = ptr(1)
	}
	return s
}

func date(vi, en string) *JSONSchema {
	return titled(&JSONSchema{Type: "string", Format: "date"}, vi, en)
}

func count(vi, en string) *JSONSchema {
	return titled(&JSONSchema{Type: "integer", Minimum: ptr(0.0), Maximum: ptr(float64(events.MaxValue))}, vi, en)
}

func flag(vi, en string) *JSONSchema { return titled(&JSONSchema{Type: "boolean"}, vi, en) }

func points(vi, en string, max events.Points) *JSONSchema {
	s := titled(&JSONSchema{Type: "number", Minimum: ptr(0.0), MultipleOf: ptr(0.01)}, vi, en)
	if max > 0 {
		s.Maximum = ptr(float64(max) / 100)
	}
	return s
}

// choice is one named value of a oneOf.
func choice(id, vi, en string) *JSONSchema {
	return &JSONSchema{Const: id, Title: vi, TitleEn: en}
}

func choices(vi, en string, cs []*JSONSchema) *JSONSchema {
	return titled(&JSONSchema{Type: "string", OneOf: cs}, vi, en)
}

func object(order []string, required []string, props map[string]*JSONSchema) *JSONSchema {
	return &JSONSchema{Type: "object", Properties: props, Order: order, Required: required, Additional: false}
}

func (b schemaBuilder) terms(list []events.Term) []*JSONSchema {
	out := make([]*JSONSchema, 0, len(list))
	for _, t := range list {
		out = append(out, choice(t.ID, t.Name, cmpOr(t.NameEn, t.Name)))
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (b schemaBuilder) occasions() []*JSONSchema {
	out := make([]*JSONSchema, 0, len(b.cat.Occasions))
	for _, o := range b.cat.Occasions {
		c := choice(o.ID, o.Name, cmpOr(o.NameEn, o.Name))
		c.Date = o.Date
		out = append(out, c)
	}
	return out
}

func (b schemaBuilder) indicators(list []events.Indicator) []*JSONSchema {
	out := make([]*JSONSchema, 0, len(list))
	for _, ind := range list {
		c := choice(ind.ID, ind.Name, cmpOr(ind.NameEn, ind.Name))
		c.Unit, c.Noun, c.NounEn = ind.Unit, ind.Noun, ind.NounEn
		out = append(out, c)
	}
	return out
}

func (b schemaBuilder) members() []*JSONSchema {
	out := []*JSONSchema{}
	for _, m := range b.s.Members() {
		out = append(out, choice(m.ID, m.Name, m.Name))
	}
	return out
}

func (b schemaBuilder) evidence(required bool) *JSONSchema {
	item := object([]string{"kind", "title", "doc_no", "date", "url", "sha256", "file"}, []string{"kind", "title"}, map[string]*JSONSchema{
		"kind": choices("Loại minh chứng", "Kind of evidence", []*JSONSchema{
			choice("document", "Văn bản", "Document"), choice("decision", "Quyết định", "Decision"),
			choice("photo", "Ảnh", "Photo"), choice("file", "Tệp", "File"), choice("link", "Liên kết", "Link"),
		}),
		"title":  text("Tên minh chứng", "Title", true),
		"doc_no": text("Số văn bản", "Document number", false),
		"date":   date("Ngày văn bản", "Document date"),
		"url":    titled(&JSONSchema{Type: "string", Format: "uri", Pattern: "^https?://"}, "Liên kết", "Link"),
		"sha256": titled(&JSONSchema{Type: "string", Pattern: "^[0-9a-fA-F]{64}$"}, "Mã băm SHA-256 của tài liệu lưu nơi khác", "SHA-256 of a document kept elsewhere"),
		"file": titled(&JSONSchema{Type: "string", Pattern: "^[0-9a-f]{64}$",
			Description:   "Mã băm SHA-256 của tệp đã tải lên mùa thi đua (POST …/files).",
			DescriptionEn: "The SHA-256 of a file uploaded to the season (POST …/files)."}, "Tệp minh chứng đã tải lên", "Uploaded evidence file"),
	})
	list := titled(&JSONSchema{Type: "array", Items: item, MaxItems: ptr(events.MaxEvidence)}, "Hồ sơ minh chứng", "Evidence")
	if required {
		list.MinItems = ptr(1)
	}
	return list
}

// body is the schema of a whole posted event of one type.
func (b schemaBuilder) body(spec events.Spec) *JSONSchema {
	vi, en := TypeName(spec.Type)
	order := []string{"id", "type"}
	required := []string{"type"}
	props := map[string]*JSONSchema{
		"id": titled(&JSONSchema{Type: "string", Pattern: `^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`,
			Description:   "Mã do bên gửi đặt; gửi lại cùng mã và cùng nội dung không tạo sự kiện thứ hai.",
			DescriptionEn: "A client id: re-posting the same id with the same content makes no second event."},
			"Mã sự kiện", "Event id"),
		"type": titled(&JSONSchema{Const: spec.Type}, vi, en),
	}
	switch spec.Unit {
	case events.UnitRequired, events.UnitOptional:
		order = append(order, "unit")
		props["unit"] = choices("Đơn vị", "Unit", b.members())
		if spec.Unit == events.UnitRequired {
			required = append(required, "unit")
		}
	}
	year := strconv.Itoa(b.s.Opened.Year)
	if spec.Fact {
		d := date("Ngày", "Date")
		d.Description = "Trong năm " + year + " (ngày gửi, với báo cáo)."
		d.DescriptionEn = "Within " + year + " (the day it was sent, for a report)."
		d.Pattern = "^" + year + "-"
		order = append(order, "date")
		required = append(required, "date")
		props["date"] = d
	} else if spec.By == events.ByCommittee {
		order = append(order, "date")
		props["date"] = date("Ngày hiệu lực", "Effective date")
	}
	order = append(order, "data")
	required = append(required, "data")
	props["data"] = b.data(spec.Type)
	if spec.Fact || spec.Type == events.TypeFactExplained {
		order = append(order, "evidence")
	}
	if spec.Fact {
		required = append(required, "evidence")
	}
	props["evidence"] = b.evidence(spec.Fact)
	s := object(order, required, props)
	s.Schema = "https://json-schema.org/draft/2020-12/schema"
	s.Title, s.TitleEn, s.By = vi, en, spec.By
	if spec.Type == events.TypeCongressCompleted {
		s.AllOf = b.wardsByUnit()
	}
	return s
}

// wardsByUnit: a ward congress names one of its unit's listed wards.
func (b schemaBuilder) wardsByUnit() []*JSONSchema {
	var out []*JSONSchema
	for _, m := range b.s.Members() {
		if m.WardList == nil {
			continue
		}
		cs := make([]*JSONSchema, 0, len(m.WardList))
		for _, w := range m.WardList {
			cs = append(cs, choice(w.ID, w.Name, w.Name))
		}
		out = append(out, &JSONSchema{
			If: &JSONSchema{Properties: map[string]*JSONSchema{"unit": {Const: m.ID}}, Required: []string{"unit"}},
			Then: &JSONSchema{Properties: map[string]*JSONSchema{"data": {Properties: map[string]*JSONSchema{
				"ward": choices("Phường", "Ward", cs)}}}},
		})
	}
	return out
}

func (b schemaBuilder) data(typ string) *JSONSchema {
	target := titled(&JSONSchema{Type: "string", Pattern: `^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$`}, "Sự kiện được nhắc tới", "Event concerned")
	switch typ {
	case events.TypeActivityHeld:
		return object([]string{"kind", "occasion", "title", "areas", "host"}, []string{"kind", "title"}, map[string]*JSONSchema{
			"kind":     choices("Loại hoạt động", "Kind of activity", b.terms(b.cat.ActivityKinds)),
			"occasion": choices("Dịp kỷ niệm", "Occasion", b.occasions()),
			"title":    text("Tên hoạt động", "Title", true),
			"areas":    when(withUnit(count("Số khu dân cư tổ chức Ngày hội", "Residential areas that held the festival"), events.UnitCount, "khu dân cư", "residential areas"), "kind", "festival"),
			"host":     when(flag("Đơn vị đăng cai hoạt động chung của Cụm", "This unit hosted the joint cluster activity"), "kind", "cluster_joint"),
		})
	case events.TypeModelRecognized:
		return object([]string{"model", "name", "field", "level", "decision_no"}, []string{"model", "name", "level"}, map[string]*JSONSchema{
			"model":       titled(&JSONSchema{Type: "string", Pattern: "^[a-z0-9][a-z0-9-]{0,62}$"}, "Mã mô hình", "Model id"),
			"name":        text("Tên mô hình", "Name", true),
			"field":       text("Lĩnh vực", "Field", false),
			"level":       choices("Cấp công nhận", "Recognised at", b.terms(b.cat.ModelLevels)),
			"decision_no": text("Số quyết định", "Decision number", false),
		})
	case events.TypeExemplarHonored:
		return object([]string{"name", "title", "level", "decision_no"}, []string{"name"}, map[string]*JSONSchema{
			"name":        text("Họ tên hoặc tên tập thể", "Name", true),
			"title":       text("Danh hiệu", "Title", false),
			"level":       choices("Cấp tôn vinh", "Honoured at", b.terms(b.cat.ModelLevels)),
			"decision_no": text("Số quyết định", "Decision number", false),
		})
	case events.TypeCongressCompleted:
		pct := func(vi, en, dvi, den string) *JSONSchema {
			s := titled(&JSONSchema{Type: "number", Minimum: ptr(0.0), Maximum: ptr(100.0), Description: dvi, DescriptionEn: den}, vi, en)
			s.Unit = events.UnitPercent
			return s
		}
		return object([]string{"level", "ward", "pilot", "delegates", "structure"}, []string{"level"}, map[string]*JSONSchema{
			"level": choices("Cấp đại hội", "Level", []*JSONSchema{
				choice("ward", "Cấp phường", "Ward level"), choice("district", "Cấp quận", "District level"),
			}),
			"ward": when(titled(&JSONSchema{Type: "string", Pattern: "^[a-z0-9][a-z0-9-]{0,62}$",
				Description: "Chỉ với đại hội cấp phường.", DescriptionEn: "Ward congresses only."}, "Phường", "Ward"), "level", "ward"),
			"pilot":     when(flag("Đại hội điểm", "Pilot congress"), "level", "ward"),
			"delegates": withUnit(count("Số đại biểu", "Delegates"), events.UnitCount, "đại biểu", "delegates"),
			"structure": titled(object([]string{"women", "non_party", "ethnic", "religious", "youth", "newly_elected"}, nil, map[string]*JSONSchema{
				"women":         pct("Nữ", "Women", "Tỷ lệ ủy viên là nữ", "Share of members who are women"),
				"non_party":     pct("Ngoài Đảng", "Not Party members", "Tỷ lệ ủy viên không là đảng viên", "Share of members outside the Party"),
				"ethnic":        pct("Dân tộc thiểu số", "Ethnic minorities", "Tỷ lệ ủy viên là người dân tộc thiểu số", "Share of members from ethnic minorities"),
				"religious":     pct("Tôn giáo", "Religious", "Tỷ lệ ủy viên là chức sắc, tín đồ tôn giáo", "Share of members who are religious dignitaries or followers"),
				"youth":         pct("Trẻ tuổi", "Young", "Tỷ lệ ủy viên trẻ tuổi", "Share of young members"),
				"newly_elected": pct("Tham gia lần đầu", "Newly elected", "Tỷ lệ ủy viên lần đầu tham gia", "Share of members elected for the first time"),
			}), "Cơ cấu nhân sự (tỷ lệ %)", "Personnel structure (percent)"),
		})
	case events.TypeReportSubmitted:
		return object([]string{"topic", "period", "due"}, []string{"topic", "due"}, map[string]*JSONSchema{
			"topic":  choices("Nội dung báo cáo", "Topic", b.terms(b.cat.ReportTopics)),
			"period": text("Kỳ báo cáo", "Period", false),
			"due":    date("Hạn nộp", "Due"),
		})
	case events.TypeIndicatorReported:
		return object([]string{"indicator", "value"}, []string{"indicator", "value"}, map[string]*JSONSchema{
			"indicator": choices("Chỉ tiêu", "Indicator", b.indicators(b.cat.Indicators)),
			"value":     titled(count("Giá trị", "Value"), "Giá trị (số lượng, hoặc số tiền đồng)", "Value (a count, or VND)"),
		})
	case events.TypeTargetAssigned:
		v := count("Chỉ tiêu được giao", "Target")
		v.Minimum = ptr(1.0)
		return object([]string{"indicator", "value"}, []string{"indicator", "value"}, map[string]*JSONSchema{
			"indicator": choices("Chỉ tiêu", "Indicator", b.indicators(b.cat.TargetIndicators())),
			"value":     v,
		})
	case events.TypeFactRetracted, events.TypeCommitteeRetracted:
		return object([]string{"target", "reason"}, []string{"target", "reason"}, map[string]*JSONSchema{
			"target": target, "reason": text("Lý do", "Reason", true),
		})
	case events.TypeFactQueried:
		return object([]string{"target", "question"}, []string{"target", "question"}, map[string]*JSONSchema{
			"target": target, "question": text("Nội dung cần giải trình", "Question", true),
		})
	case events.TypeFactExplained:
		return object([]string{"target", "text"}, []string{"target", "text"}, map[string]*JSONSchema{
			"target": target, "text": text("Nội dung giải trình", "Explanation", true),
		})
	case events.TypeFactVerified, events.TypeFactRejected:
		return object([]string{"target", "reason"}, []string{"target"}, map[string]*JSONSchema{
			"target": target, "reason": text("Lý do", "Reason", typ == events.TypeFactRejected),
		})
	case events.TypeScoreAssessed:
		var cs []*JSONSchema
		var walk func(items []events.Item)
		walk = func(items []events.Item) {
			for _, it := range items {
				if it.Rule != nil && it.Rule.Kind == events.RuleManual {
					c := choice(it.Code, it.Code+" "+it.Title, it.Code+" "+cmpOr(it.TitleEn, it.Title))
					c.Maximum = ptr(float64(it.Max) / 100)
					cs = append(cs, c)
				}
				walk(it.Items)
			}
		}
		walk(b.s.Rubric.Items)
		return object([]string{"item", "points", "reason"}, []string{"item", "points", "reason"}, map[string]*JSONSchema{
			"item":   choices("Mục chấm điểm", "Item", cs),
			"points": points("Điểm (tối đa theo mục)", "Points (up to the item's maximum)", 0),
			"reason": text("Lý do", "Reason", true),
		})
	case events.TypeBonusAwarded, events.TypeDeductionApplied:
		p := points("Số điểm", "Points", 0)
		p.Minimum = ptr(0.01)
		return object([]string{"points", "reason"}, []string{"points", "reason"}, map[string]*JSONSchema{
			"points": p, "reason": text("Lý do", "Reason", true),
		})
	case events.TypeViolationRecorded:
		return object([]string{"kind", "decision_no"}, []string{"kind", "decision_no"}, map[string]*JSONSchema{
			"kind": choices("Loại vi phạm", "Kind", []*JSONSchema{
				choice("discipline", "Kỷ luật", "Discipline"), choice("corruption", "Tham nhũng", "Corruption"), choice("other", "Khác", "Other"),
			}),
			"decision_no": text("Số quyết định", "Decision number", true),
		})
	case events.TypeBallotRecorded:
		votes := map[string]*JSONSchema{}
		var order []string
		for _, m := range b.s.Members() {
			votes[m.ID] = count(m.Name, m.Name)
			order = append(order, m.ID)
		}
		v := titled(object(order, nil, votes), "Số phiếu của từng đơn vị", "Votes for each unit")
		voters := count("Số người có quyền bỏ phiếu", "Eligible voters")
		voters.Minimum = ptr(1.0)
		return object([]string{"question", "voters", "votes"}, []string{"question", "voters", "votes"}, map[string]*JSONSchema{
			"question": choices("Nội dung bỏ phiếu", "Question", []*JSONSchema{choice("flag", "Cờ thi đua", "Emulation flag")}),
			"voters":   voters,
			"votes":    v,
		})
	case events.TypeSeasonClosed:
		return object(nil, nil, map[string]*JSONSchema{})
	case events.TypeAwardRevoked:
		return object([]string{"award", "reason", "decision_no"}, []string{"award", "reason", "decision_no"}, map[string]*JSONSchema{
			"award": choices("Khen thưởng", "Award", []*JSONSchema{
				choice(AwardFlag, "Cờ thi đua", "Emulation flag"), choice(AwardCertificate, "Bằng khen", "Certificate of merit"),
			}),
			"reason":      text("Lý do", "Reason", true),
			"decision_no": text("Số quyết định", "Decision number", true),
		})
	case events.TypeRubricAmended:
		rubric := titled(&JSONSchema{Type: "object",
			Description:   "Toàn bộ tiêu chí mới, cùng dạng với rubric của GET /api/v1/seasons/{season}.",
			DescriptionEn: "The whole new rubric, in the shape of the rubric of GET /api/v1/seasons/{season}."}, "Tiêu chí chấm điểm", "Rubric")
		catalogue := titled(&JSONSchema{Type: "object",
			Description:   "Các danh mục thay thế; danh mục không gửi giữ nguyên như đang áp dụng.",
			DescriptionEn: "The lists it replaces; lists left out stay as they are."}, "Danh mục", "Catalogue")
		return object([]string{"rubric", "reason", "decision_no", "catalogue"}, []string{"rubric", "reason"}, map[string]*JSONSchema{
			"rubric": rubric, "reason": text("Lý do", "Reason", true),
			"decision_no": text("Số văn bản", "Decision number", false), "catalogue": catalogue,
		})
	}
	panic(fmt.Sprintf("domain: no schema for %s", typ)) // events.ClientTypes and this switch go together
}

func withUnit(s *JSONSchema, unit, noun, nounEn string) *JSONSchema {
	s.Unit, s.Noun, s.NounEn = unit, noun, nounEn
	return s
}
