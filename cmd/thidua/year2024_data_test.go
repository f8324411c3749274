package main

// Independent oracle data for the 2024 end-to-end scenario of season
// hn-mttq-cum2-2024 (Cluster No. 2 of the Hanoi MTTQ Committee). Every expected
// number below was worked out from /work/shared/spec/domain.md §2–§4 and
// /work/shared/spec/contract.md alone (no scoring code was read); the
// arithmetic is written out above each check.
//
// The harness opens the season first (six members as in domain.md §1, head
// bac-tu-liem, the default rubric of §3), then runs year2024 in order: a step
// with Check == nil POSTs Body to /api/v1/seasons/hn-mttq-cum2-2024/events with
// the token named by As and expects Status (0 = 201); a step with Check != nil
// GETs .../rankings?view=Check.View and compares the units, in order.
//
// Conventions used in every number:
//   - points are kept in centi-points; "rounded down" means floor to 0.01;
//   - points are printed as the API prints them: no trailing zeros ("8.5", "10", "0");
//   - Bonus and Deductions are the amounts that enter the total, i.e. after the
//     10-point caps (Total = Content + Bonus − Deductions in every row);
//   - claimed = facts neither retracted nor rejected (unreviewed facts count);
//     verified = facts whose only review is fact.verified; committee events count
//     in both; no fact is reviewed twice in this scenario.
//
// The story (final view):
//   1. tay-ho      90.5   xuất sắc, but a discipline finding (ctg-vio-01): not
//                         eligible (G1), so no award; the cluster's ballot gave it
//                         4 of 6 votes, which does not count because it is not eligible.
//   2. cau-giay    90.25  xuất sắc, eligible → the flag (bonus 10.5 before the cap).
//                         The flag is later revoked (ctg-revoke-01) and passes to nobody.
//   3. ha-dong     76.65  tốt, eligible → certificate of merit (5 models: I.2.5
//                         capped at 4, B.1 9 capped at 6; a committee bonus retracted).
//   4. thanh-xuan  60.41  tie with bac-tu-liem on total AND content (53.91): broken
//   5. bac-tu-liem 60.41  by group III (12.59 vs 12.42). Both eligible but only
//                         "Hoàn thành nhiệm vụ", so no certificate. In the claimed view
//                         bac-tu-liem's unreviewed facts add +1 content and +1
//                         deduction: same total, more content → order flips.
//   6. nam-tu-liem 40.21  no district congress → III.3 = 0 → not eligible (G2);
//                         no media_articles target → I.1.5 = 0.
//
// Review status of the facts (V verified, R rejected, U never reviewed,
// X retracted by the unit):
//
//   bac-tu-liem:
//     V btl-act-01  activity cluster_joint host=true 2024-02-29
//     V btl-rep-01  report propaganda due 2024-04-10, submitted 2024-04-10
//     V btl-rep-02  report public_opinion due 2024-10-05, submitted 2024-10-11 (LATE)
//     V btl-rep-03  report emulation due 2024-06-25, submitted 2024-06-22
//     V btl-rep-04  report emulation due 2024-10-25, submitted 2024-10-24
//     V btl-rep-05  report congress due 2024-07-15, submitted 2024-07-11
//     V btl-act-02  activity commemoration gptd70 2024-10-10
//     V btl-act-03  activity festival mttq94 areas 40 2024-11-16
//     U btl-act-04  activity citizen_dialogue 2024-08-22
//     X btl-act-05  activity citizen_dialogue 2024-08-22
//     V btl-mod-01  model level city 2024-07-25
//     V btl-mod-02  model level central 2024-10-28
//     V btl-cgr-01  ward co-nhue-1 pilot 2024-04-12
//     V btl-cgr-02  ward xuan-dinh 2024-04-20
//     U btl-cgr-03  ward thuong-cat 2024-05-10
//     V btl-cgr-04  district congress 2024-06-28
//     V btl-ind-01  indicator fund_for_the_poor = 1234000000
//     V btl-ind-02  indicator great_unity_houses = 10
//     V btl-ind-03  indicator supervision_sessions = 22
//
//   cau-giay:
//     V cgy-rep-01  report propaganda due 2024-04-10, submitted 2024-04-08
//     V cgy-rep-02  report propaganda due 2024-07-10, submitted 2024-07-05
//     V cgy-rep-03  report propaganda due 2024-10-10, submitted 2024-10-09
//     V cgy-rep-04  report propaganda due 2024-11-25, submitted 2024-11-20
//     V cgy-rep-05  report emulation due 2024-06-25, submitted 2024-06-20
//     V cgy-rep-06  report emulation due 2024-10-25, submitted 2024-10-22
//     V cgy-rep-07  report congress due 2024-07-15, submitted 2024-07-10
//     V cgy-act-01  activity commemoration dbp70 2024-05-06
//     V cgy-act-02  activity cluster_joint gptd70 host=true 2024-10-08
//     V cgy-act-03  activity cluster_joint host=true 2024-08-16
//     V cgy-act-04  activity festival mttq94 areas 66 2024-11-16
//     V cgy-act-05  activity social_criticism 2024-08-20
//     V cgy-act-06  activity social_criticism 2024-09-12
//     V cgy-act-07  activity citizen_dialogue 2024-06-28
//     V cgy-act-08  activity citizen_dialogue 2024-09-27
//     R cgy-act-09  activity citizen_dialogue 2024-09-28
//     V cgy-act-10  activity citizen_dialogue 2024-11-05
//     V cgy-act-11  activity experience_exchange 2024-09-25
//     V cgy-mod-01  model level city 2024-07-18
//     V cgy-mod-02  model level central 2024-10-20
//     V cgy-exm-01  exemplar 2024-09-02
//     V cgy-exm-02  exemplar 2024-11-14
//     V cgy-cgr-01  ward dich-vong pilot 2024-03-22
//     V cgy-cgr-02  ward mai-dich 2024-04-12
//     V cgy-cgr-03  ward nghia-do 2024-04-20
//     V cgy-cgr-04  ward quan-hoa 2024-04-25
//     V cgy-cgr-05  ward yen-hoa 2024-04-27
//     V cgy-cgr-06  district congress 2024-06-18
//     V cgy-ind-01  indicator media_articles = 30
//     V cgy-ind-02  indicator fund_for_the_poor = 1500000000
//     V cgy-ind-03  indicator great_unity_houses = 12
//     V cgy-ind-04  indicator supervision_sessions = 20
//
//   ha-dong:
//     V hdg-rep-01  report propaganda due 2024-07-10, submitted 2024-07-08
//     V hdg-rep-02  report propaganda due 2024-11-25, submitted 2024-11-21
//     V hdg-rep-03  report emulation due 2024-06-25, submitted 2024-06-28 (LATE)
//     V hdg-rep-04  report emulation due 2024-10-25, submitted 2024-10-23
//     V hdg-rep-05  report congress due 2024-07-15, submitted 2024-07-09
//     V hdg-act-01  activity commemoration dbp70 2024-05-06
//     V hdg-act-02  activity cluster_joint gptd70 host=true 2024-10-05
//     V hdg-act-03  activity festival mttq94 areas 118 2024-11-17
//     V hdg-act-04  activity social_criticism 2024-09-10
//     R hdg-act-05  activity social_criticism 2024-09-11
//     V hdg-act-06  activity citizen_dialogue 2024-06-27
//     V hdg-act-07  activity experience_exchange 2024-09-26
//     V hdg-mod-01  model level district 2024-04-20
//     V hdg-mod-02  model level district 2024-05-22
//     V hdg-mod-03  model level city 2024-07-30
//     V hdg-mod-04  model level city 2024-08-30
//     V hdg-mod-05  model level central 2024-10-25
//     V hdg-exm-01  exemplar 2024-09-03
//     U hdg-exm-02  exemplar 2024-11-13
//     V hdg-cgr-01  ward phuc-la pilot 2024-03-18
//     V hdg-cgr-02  ward van-quan 2024-04-16
//     V hdg-cgr-03  ward mo-lao 2024-04-23
//     V hdg-cgr-04  district congress 2024-06-25
//     V hdg-ind-01  indicator media_articles = 44
//     V hdg-ind-02  indicator fund_for_the_poor = 1850000000
//     V hdg-ind-03  indicator great_unity_houses = 17
//     V hdg-ind-04  indicator supervision_sessions = 27
//
//   nam-tu-liem:
//     V ntl-rep-01  report propaganda due 2024-04-10, submitted 2024-04-10
//     V ntl-rep-02  report congress due 2024-07-15, submitted 2024-07-26 (LATE)
//     V ntl-act-01  activity commemoration gptd70 2024-10-10
//     V ntl-act-02  activity festival mttq94 areas 63 2024-11-15
//     V ntl-mod-01  model level city 2024-08-12
//     R ntl-mod-02  model level city 2024-09-05
//     V ntl-cgr-01  ward my-dinh-1 pilot 2024-03-28
//     V ntl-cgr-02  ward me-tri 2024-04-24
//     V ntl-cgr-03  ward tay-mo 2024-05-08
//     V ntl-ind-01  indicator media_articles = 35
//     V ntl-ind-02  indicator fund_for_the_poor = 1000000000
//     V ntl-ind-03  indicator great_unity_houses = 10
//     U ntl-ind-04  indicator supervision_sessions = 20
//
//   tay-ho:
//     V tho-rep-01  report propaganda due 2024-04-10, submitted 2024-04-09
//     V tho-rep-02  report propaganda due 2024-07-10, submitted 2024-07-10
//     V tho-rep-03  report propaganda due 2024-10-10, submitted 2024-10-04
//     V tho-rep-04  report propaganda due 2024-11-25, submitted 2024-11-22
//     V tho-rep-05  report emulation due 2024-06-25, submitted 2024-06-24
//     V tho-rep-06  report emulation due 2024-10-25, submitted 2024-10-21
//     V tho-rep-07  report congress due 2024-07-15, submitted 2024-07-12
//     V tho-act-01  activity commemoration dbp70 2024-05-07
//     V tho-act-02  activity propaganda gptd70 2024-10-09
//     V tho-act-03  activity festival mttq94 areas 42 2024-11-16
//     V tho-act-04  activity social_criticism 2024-08-14
//     V tho-act-05  activity social_criticism 2024-09-18
//     V tho-act-06  activity citizen_dialogue 2024-06-26
//     V tho-act-07  activity citizen_dialogue 2024-08-28
//     V tho-act-08  activity citizen_dialogue 2024-11-08
//     V tho-act-09  activity cluster_joint host=true 2024-03-28
//     V tho-act-10  activity cluster_joint host=false 2024-10-05
//     V tho-act-11  activity experience_exchange 2024-09-20
//     V tho-mod-01  model level city 2024-08-02
//     V tho-mod-02  model level central 2024-10-15
//     V tho-exm-01  exemplar 2024-09-02
//     V tho-exm-02  exemplar 2024-11-12
//     V tho-cgr-01  ward buoi pilot 2024-03-25
//     V tho-cgr-02  ward nhat-tan 2024-04-10
//     V tho-cgr-03  ward phu-thuong 2024-04-18
//     V tho-cgr-04  ward quang-an 2024-04-22
//     V tho-cgr-05  ward thuy-khue 2024-04-26
//     V tho-cgr-06  district congress 2024-06-20
//     V tho-ind-01  indicator media_articles = 20
//     V tho-ind-02  indicator fund_for_the_poor = 760000000
//     V tho-ind-03  indicator great_unity_houses = 8
//     V tho-ind-04  indicator supervision_sessions = 16
//
//   thanh-xuan:
//     V txn-rep-01  report propaganda due 2024-04-10, submitted 2024-04-05
//     V txn-rep-02  report propaganda due 2024-10-10, submitted 2024-10-18 (LATE)
//     V txn-rep-03  report congress due 2024-07-15, submitted 2024-07-15
//     V txn-act-01  activity commemoration dbp70 2024-05-07
//     V txn-act-02  activity festival mttq94 areas 52 2024-11-16
//     V txn-act-03  activity citizen_dialogue 2024-06-20
//     V txn-act-04  activity citizen_dialogue 2024-10-24
//     V txn-mod-01  model level city 2024-08-08
//     V txn-mod-02  model level city 2024-10-18
//     V txn-cgr-01  ward khuong-trung pilot 2024-03-29
//     V txn-cgr-02  ward nhan-chinh 2024-04-19
//     V txn-cgr-03  district congress 2024-07-12
//     V txn-ind-01  indicator media_articles = 26
//     V txn-ind-02  indicator fund_for_the_poor = 1200000000
//     V txn-ind-03  indicator great_unity_houses = 14
//     V txn-ind-04  indicator supervision_sessions = 19
//
// Targets (target.assigned, latest per unit and indicator):
//   unit          residential_areas media_articles fund_for_the_poor great_unity_houses supervision_sessions
//   bac-tu-liem   50 → 45 (revised)   30             1500000000        15                 24
//   cau-giay      64                  24             1500000000        12                 20
//   ha-dong       120                 40             2000000000        20                 30
//   nam-tu-liem   70                  (none)         1200000000        12                 20
//   tay-ho        40                  20             800000000         8                  16
//   thanh-xuan    66                  26             1300000000        14                 22
//
// Manual scores (score.assessed, latest): I.1.6 I.2.1 I.2.4 I.3.3 II.1 III.4 IV.1 IV.2
//   bac-tu-liem  2 4 2.5 2.5 3 3.5 2.5 2
//   cau-giay     2 4.5 3 3 3 5 3 2   (I.2.1 first 4, re-assessed 4.5)
//   ha-dong      2 4.5 2.5 2.5 3 4.5 2.5 2
//   nam-tu-liem  1.5 4 2 2 2 3.5 2 1.5
//   tay-ho       2 5 3 3 3 5 3 2
//   thanh-xuan   2 3.5 2.5 2.5 2.5 4.5 2.5 2

// yearStep is one action of the scenario, in order.
type yearStep struct {
	As     string     // "committee" (committee token) or a unit id (that unit's own token)
	Body   string     // the exact JSON body POSTed to /api/v1/seasons/hn-mttq-cum2-2024/events
	Status int        // expected HTTP status; 0 means 201
	Check  *yearCheck // when non-nil this step is a check instead of a post (Body empty)
}

type yearCheck struct {
	View  string     // "claimed", "verified" or "final"
	Units []yearUnit // in ranking order, exactly as GET .../rankings?view=View must list them
}

type yearUnit struct {
	Rank                              int
	Unit                              string
	Total, Content, Bonus, Deductions string    // points as the API prints them: "93.25", "9", "1.5", "0"
	Groups                            [4]string // I, II, III, IV
	Classification                    string    // exact Vietnamese label from domain.md §3
	Eligible                          bool
	Award                             string // "flag", "certificate" or "" (null)
}

var year2024 = []yearStep{

	// ---- Targets assigned by the committee at the start of the year (bac-tu-liem has no fact for media_articles; nam-tu-liem gets no media_articles target) ----
	{As: "committee", Body: `{"id":"ctg-tg-btl-kdc","type":"target.assigned","unit":"bac-tu-liem","date":"2024-03-05","data":{"indicator":"residential_areas","value":50}}`},
	{As: "committee", Body: `{"id":"ctg-tg-btl-bai","type":"target.assigned","unit":"bac-tu-liem","date":"2024-03-05","data":{"indicator":"media_articles","value":30}}`},
	{As: "committee", Body: `{"id":"ctg-tg-btl-quy","type":"target.assigned","unit":"bac-tu-liem","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":1500000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-btl-nha","type":"target.assigned","unit":"bac-tu-liem","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":15}}`},
	{As: "committee", Body: `{"id":"ctg-tg-btl-gs","type":"target.assigned","unit":"bac-tu-liem","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":24}}`},
	{As: "committee", Body: `{"id":"ctg-tg-cgy-kdc","type":"target.assigned","unit":"cau-giay","date":"2024-03-05","data":{"indicator":"residential_areas","value":64}}`},
	{As: "committee", Body: `{"id":"ctg-tg-cgy-bai","type":"target.assigned","unit":"cau-giay","date":"2024-03-05","data":{"indicator":"media_articles","value":24}}`},
	{As: "committee", Body: `{"id":"ctg-tg-cgy-quy","type":"target.assigned","unit":"cau-giay","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":1500000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-cgy-nha","type":"target.assigned","unit":"cau-giay","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":12}}`},
	{As: "committee", Body: `{"id":"ctg-tg-cgy-gs","type":"target.assigned","unit":"cau-giay","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":20}}`},
	{As: "committee", Body: `{"id":"ctg-tg-hdg-kdc","type":"target.assigned","unit":"ha-dong","date":"2024-03-05","data":{"indicator":"residential_areas","value":120}}`},
	{As: "committee", Body: `{"id":"ctg-tg-hdg-bai","type":"target.assigned","unit":"ha-dong","date":"2024-03-05","data":{"indicator":"media_articles","value":40}}`},
	{As: "committee", Body: `{"id":"ctg-tg-hdg-quy","type":"target.assigned","unit":"ha-dong","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":2000000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-hdg-nha","type":"target.assigned","unit":"ha-dong","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":20}}`},
	{As: "committee", Body: `{"id":"ctg-tg-hdg-gs","type":"target.assigned","unit":"ha-dong","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":30}}`},
	{As: "committee", Body: `{"id":"ctg-tg-ntl-kdc","type":"target.assigned","unit":"nam-tu-liem","date":"2024-03-05","data":{"indicator":"residential_areas","value":70}}`},
	{As: "committee", Body: `{"id":"ctg-tg-ntl-quy","type":"target.assigned","unit":"nam-tu-liem","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":1200000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-ntl-nha","type":"target.assigned","unit":"nam-tu-liem","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":12}}`},
	{As: "committee", Body: `{"id":"ctg-tg-ntl-gs","type":"target.assigned","unit":"nam-tu-liem","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":20}}`},
	{As: "committee", Body: `{"id":"ctg-tg-tho-kdc","type":"target.assigned","unit":"tay-ho","date":"2024-03-05","data":{"indicator":"residential_areas","value":40}}`},
	{As: "committee", Body: `{"id":"ctg-tg-tho-bai","type":"target.assigned","unit":"tay-ho","date":"2024-03-05","data":{"indicator":"media_articles","value":20}}`},
	{As: "committee", Body: `{"id":"ctg-tg-tho-quy","type":"target.assigned","unit":"tay-ho","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":800000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-tho-nha","type":"target.assigned","unit":"tay-ho","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":8}}`},
	{As: "committee", Body: `{"id":"ctg-tg-tho-gs","type":"target.assigned","unit":"tay-ho","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":16}}`},
	{As: "committee", Body: `{"id":"ctg-tg-txn-kdc","type":"target.assigned","unit":"thanh-xuan","date":"2024-03-05","data":{"indicator":"residential_areas","value":66}}`},
	{As: "committee", Body: `{"id":"ctg-tg-txn-bai","type":"target.assigned","unit":"thanh-xuan","date":"2024-03-05","data":{"indicator":"media_articles","value":26}}`},
	{As: "committee", Body: `{"id":"ctg-tg-txn-quy","type":"target.assigned","unit":"thanh-xuan","date":"2024-03-05","data":{"indicator":"fund_for_the_poor","value":1300000000}}`},
	{As: "committee", Body: `{"id":"ctg-tg-txn-nha","type":"target.assigned","unit":"thanh-xuan","date":"2024-03-05","data":{"indicator":"great_unity_houses","value":14}}`},
	{As: "committee", Body: `{"id":"ctg-tg-txn-gs","type":"target.assigned","unit":"thanh-xuan","date":"2024-03-05","data":{"indicator":"supervision_sessions","value":22}}`},

	// ---- Facts of bac-tu-liem (its own token) ----
	{As: "bac-tu-liem", Body: `{"id":"btl-act-01","type":"activity.held","unit":"bac-tu-liem","date":"2024-02-29","data":{"kind":"cluster_joint","title":"Lễ ký kết giao ước thi đua năm 2024 cụm thi đua số 2","host":true},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ ký kết giao ước thi đua năm 2024 cụm thi đua số 2","doc_no":"12/BC-MTTQ-BTL","date":"2024-02-29"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-rep-01","type":"report.submitted","unit":"bac-tu-liem","date":"2024-04-10","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-04-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Quý I/2024","doc_no":"19/BC-MTTQ-BTL","date":"2024-04-10"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-rep-02","type":"report.submitted","unit":"bac-tu-liem","date":"2024-10-11","data":{"topic":"public_opinion","period":"Quý III/2024","due":"2024-10-05"},"evidence":[{"kind":"document","title":"Báo cáo tình hình tư tưởng nhân dân quý III/2024","doc_no":"74/BC-MTTQ-BTL","date":"2024-10-11"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-rep-03","type":"report.submitted","unit":"bac-tu-liem","date":"2024-06-22","data":{"topic":"emulation","period":"6 tháng đầu năm 2024","due":"2024-06-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2024","doc_no":"36/BC-MTTQ-BTL","date":"2024-06-22"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-rep-04","type":"report.submitted","unit":"bac-tu-liem","date":"2024-10-24","data":{"topic":"emulation","period":"Năm 2024","due":"2024-10-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng Năm 2024","doc_no":"83/BC-MTTQ-BTL","date":"2024-10-24"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-rep-05","type":"report.submitted","unit":"bac-tu-liem","date":"2024-07-11","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Bắc Từ Liêm","doc_no":"54/BC-MTTQ-BTL","date":"2024-07-11"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-act-02","type":"activity.held","unit":"bac-tu-liem","date":"2024-10-10","data":{"kind":"commemoration","occasion":"gptd70","title":"Lễ kỷ niệm 70 năm Ngày Giải phóng Thủ đô"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ kỷ niệm 70 năm Ngày Giải phóng Thủ đô","doc_no":"69/BC-MTTQ-BTL","date":"2024-10-10"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-act-03","type":"activity.held","unit":"bac-tu-liem","date":"2024-11-16","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Bắc Từ Liêm","areas":40},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Bắc Từ Liêm","doc_no":"84/BC-MTTQ-BTL","date":"2024-11-16"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-act-04","type":"activity.held","unit":"bac-tu-liem","date":"2024-08-22","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân về dự án đường Tây Thăng Long"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với Nhân dân về dự án đường Tây Thăng Long","doc_no":"57/BC-MTTQ-BTL","date":"2024-08-22"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-act-05","type":"activity.held","unit":"bac-tu-liem","date":"2024-08-22","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân về dự án đường Tây Thăng Long"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với Nhân dân về dự án đường Tây Thăng Long","doc_no":"57/BC-MTTQ-BTL","date":"2024-08-22"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-mod-01","type":"model.recognized","unit":"bac-tu-liem","date":"2024-07-25","data":{"model":"btl-mh-01","name":"Làng nghề truyền thống Thượng Cát giữ gìn bản sắc","field":"văn hóa","level":"city","decision_no":"2080/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Làng nghề truyền thống Thượng Cát giữ gìn bản sắc”","doc_no":"2080/QĐ-UBND","date":"2024-07-25"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-mod-02","type":"model.recognized","unit":"bac-tu-liem","date":"2024-10-28","data":{"model":"btl-mh-02","name":"Khu dân cư đoàn kết, sáng tạo Cổ Nhuế","field":"xây dựng khu dân cư","level":"central","decision_no":"378/QĐ-MTTW"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Khu dân cư đoàn kết, sáng tạo Cổ Nhuế”","doc_no":"378/QĐ-MTTW","date":"2024-10-28"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-cgr-01","type":"congress.completed","unit":"bac-tu-liem","date":"2024-04-12","data":{"level":"ward","ward":"co-nhue-1","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Cổ Nhuế 1 lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-CONHUE1","date":"2024-04-12"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-cgr-02","type":"congress.completed","unit":"bac-tu-liem","date":"2024-04-20","data":{"level":"ward","ward":"xuan-dinh","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Xuân Đỉnh lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-XUANDINH","date":"2024-04-20"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-cgr-03","type":"congress.completed","unit":"bac-tu-liem","date":"2024-05-10","data":{"level":"ward","ward":"thuong-cat","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Thượng Cát lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-THUONGCAT","date":"2024-05-10"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-cgr-04","type":"congress.completed","unit":"bac-tu-liem","date":"2024-06-28","data":{"level":"district","delegates":200,"structure":{"women":38,"non_party":28,"ethnic":1,"religious":6,"youth":10,"newly_elected":33}},"evidence":[{"kind":"document","title":"Nghị quyết Đại hội đại biểu MTTQ Việt Nam quận Bắc Từ Liêm nhiệm kỳ 2024–2029","doc_no":"01/NQ-ĐH-BTL","date":"2024-06-28"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-ind-01","type":"indicator.reported","unit":"bac-tu-liem","date":"2024-11-22","data":{"indicator":"fund_for_the_poor","value":1234000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"96/BC-MTTQ-BTL","date":"2024-11-22"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-ind-02","type":"indicator.reported","unit":"bac-tu-liem","date":"2024-11-22","data":{"indicator":"great_unity_houses","value":10},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"97/BC-MTTQ-BTL","date":"2024-11-22"}]}`},
	{As: "bac-tu-liem", Body: `{"id":"btl-ind-03","type":"indicator.reported","unit":"bac-tu-liem","date":"2024-11-22","data":{"indicator":"supervision_sessions","value":22},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"98/BC-MTTQ-BTL","date":"2024-11-22"}]}`},

	// ---- Facts of cau-giay (its own token) ----
	{As: "cau-giay", Body: `{"id":"cgy-rep-01","type":"report.submitted","unit":"cau-giay","date":"2024-04-08","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-04-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Quý I/2024","doc_no":"20/BC-MTTQ-CGY","date":"2024-04-08"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-02","type":"report.submitted","unit":"cau-giay","date":"2024-07-05","data":{"topic":"propaganda","period":"6 tháng đầu năm 2024","due":"2024-07-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 6 tháng đầu năm 2024","doc_no":"47/BC-MTTQ-CGY","date":"2024-07-05"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-03","type":"report.submitted","unit":"cau-giay","date":"2024-10-09","data":{"topic":"propaganda","period":"9 tháng năm 2024","due":"2024-10-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 9 tháng năm 2024","doc_no":"73/BC-MTTQ-CGY","date":"2024-10-09"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-04","type":"report.submitted","unit":"cau-giay","date":"2024-11-20","data":{"topic":"propaganda","period":"Năm 2024","due":"2024-11-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Năm 2024","doc_no":"101/BC-MTTQ-CGY","date":"2024-11-20"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-05","type":"report.submitted","unit":"cau-giay","date":"2024-06-20","data":{"topic":"emulation","period":"6 tháng đầu năm 2024","due":"2024-06-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2024","doc_no":"40/BC-MTTQ-CGY","date":"2024-06-20"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-06","type":"report.submitted","unit":"cau-giay","date":"2024-10-22","data":{"topic":"emulation","period":"Năm 2024","due":"2024-10-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng Năm 2024","doc_no":"82/BC-MTTQ-CGY","date":"2024-10-22"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-rep-07","type":"report.submitted","unit":"cau-giay","date":"2024-07-10","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Cầu Giấy","doc_no":"50/BC-MTTQ-CGY","date":"2024-07-10"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-01","type":"activity.held","unit":"cau-giay","date":"2024-05-06","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ dâng hương kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ dâng hương kỷ niệm 70 năm Chiến thắng Điện Biên Phủ","doc_no":"22/BC-MTTQ-CGY","date":"2024-05-06"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-02","type":"activity.held","unit":"cau-giay","date":"2024-10-08","data":{"kind":"cluster_joint","occasion":"gptd70","title":"Hội thi “Tự hào Thủ đô ngàn năm văn hiến” của cụm thi đua số 2","host":true},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội thi “Tự hào Thủ đô ngàn năm văn hiến” của cụm thi đua số 2","doc_no":"62/BC-MTTQ-CGY","date":"2024-10-08"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-03","type":"activity.held","unit":"cau-giay","date":"2024-08-16","data":{"kind":"cluster_joint","title":"Giao lưu văn hóa, thể thao các quận cụm thi đua số 2","host":true},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Giao lưu văn hóa, thể thao các quận cụm thi đua số 2","doc_no":"57/BC-MTTQ-CGY","date":"2024-08-16"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-04","type":"activity.held","unit":"cau-giay","date":"2024-11-16","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc tại các khu dân cư quận Cầu Giấy","areas":66},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc tại các khu dân cư quận Cầu Giấy","doc_no":"87/BC-MTTQ-CGY","date":"2024-11-16"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-05","type":"activity.held","unit":"cau-giay","date":"2024-08-20","data":{"kind":"social_criticism","title":"Hội nghị phản biện dự thảo đề án phát triển không gian ngầm"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện dự thảo đề án phát triển không gian ngầm","doc_no":"56/BC-MTTQ-CGY","date":"2024-08-20"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-06","type":"activity.held","unit":"cau-giay","date":"2024-09-12","data":{"kind":"social_criticism","title":"Hội nghị phản biện quy định hỗ trợ người cao tuổi"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện quy định hỗ trợ người cao tuổi","doc_no":"64/BC-MTTQ-CGY","date":"2024-09-12"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-07","type":"activity.held","unit":"cau-giay","date":"2024-06-28","data":{"kind":"citizen_dialogue","title":"Đối thoại giữa Bí thư Quận ủy với Nhân dân quận Cầu Giấy"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại giữa Bí thư Quận ủy với Nhân dân quận Cầu Giấy","doc_no":"42/BC-MTTQ-CGY","date":"2024-06-28"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-08","type":"activity.held","unit":"cau-giay","date":"2024-09-27","data":{"kind":"citizen_dialogue","title":"Đối thoại với thanh niên về chuyển đổi số"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với thanh niên về chuyển đổi số","doc_no":"67/BC-MTTQ-CGY","date":"2024-09-27"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-09","type":"activity.held","unit":"cau-giay","date":"2024-09-28","data":{"kind":"citizen_dialogue","title":"Đối thoại với thanh niên về chuyển đổi số (báo cáo lại)"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với thanh niên về chuyển đổi số (báo cáo lại)","doc_no":"68/BC-MTTQ-CGY","date":"2024-09-28"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-10","type":"activity.held","unit":"cau-giay","date":"2024-11-05","data":{"kind":"citizen_dialogue","title":"Đối thoại về trật tự đô thị tuyến phố Trần Thái Tông"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại về trật tự đô thị tuyến phố Trần Thái Tông","doc_no":"91/BC-MTTQ-CGY","date":"2024-11-05"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-act-11","type":"activity.held","unit":"cau-giay","date":"2024-09-25","data":{"kind":"experience_exchange","title":"Trao đổi kinh nghiệm xây dựng khu dân cư số với MTTQ quận Hoàn Kiếm"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Trao đổi kinh nghiệm xây dựng khu dân cư số với MTTQ quận Hoàn Kiếm","doc_no":"63/BC-MTTQ-CGY","date":"2024-09-25"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-mod-01","type":"model.recognized","unit":"cau-giay","date":"2024-07-18","data":{"model":"cgy-mh-01","name":"Phố đi bộ văn minh, an toàn","field":"văn hóa – xã hội","level":"city","decision_no":"2011/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Phố đi bộ văn minh, an toàn”","doc_no":"2011/QĐ-UBND","date":"2024-07-18"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-mod-02","type":"model.recognized","unit":"cau-giay","date":"2024-10-20","data":{"model":"cgy-mh-02","name":"Khu dân cư số Dịch Vọng Hậu","field":"chuyển đổi số","level":"central","decision_no":"360/QĐ-MTTW"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Khu dân cư số Dịch Vọng Hậu”","doc_no":"360/QĐ-MTTW","date":"2024-10-20"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-exm-01","type":"exemplar.honored","unit":"cau-giay","date":"2024-09-02","data":{"name":"Ông Phạm Quang Minh","title":"Gương điển hình tiên tiến","level":"city","decision_no":"1803/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Ông Phạm Quang Minh","doc_no":"1803/QĐ-MTTQ","date":"2024-09-02"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-exm-02","type":"exemplar.honored","unit":"cau-giay","date":"2024-11-14","data":{"name":"Bà Đỗ Thu Trang","title":"Gương người tốt việc tốt","level":"district","decision_no":"101/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Bà Đỗ Thu Trang","doc_no":"101/QĐ-MTTQ","date":"2024-11-14"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-01","type":"congress.completed","unit":"cau-giay","date":"2024-03-22","data":{"level":"ward","ward":"dich-vong","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Dịch Vọng lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-DICHVONG","date":"2024-03-22"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-02","type":"congress.completed","unit":"cau-giay","date":"2024-04-12","data":{"level":"ward","ward":"mai-dich","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Mai Dịch lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-MAIDICH","date":"2024-04-12"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-03","type":"congress.completed","unit":"cau-giay","date":"2024-04-20","data":{"level":"ward","ward":"nghia-do","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Nghĩa Đô lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-NGHIADO","date":"2024-04-20"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-04","type":"congress.completed","unit":"cau-giay","date":"2024-04-25","data":{"level":"ward","ward":"quan-hoa","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Quan Hoa lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-QUANHOA","date":"2024-04-25"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-05","type":"congress.completed","unit":"cau-giay","date":"2024-04-27","data":{"level":"ward","ward":"yen-hoa","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Yên Hòa lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-YENHOA","date":"2024-04-27"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-cgr-06","type":"congress.completed","unit":"cau-giay","date":"2024-06-18","data":{"level":"district","delegates":200,"structure":{"women":38,"non_party":28,"ethnic":1,"religious":6,"youth":10,"newly_elected":33}},"evidence":[{"kind":"document","title":"Nghị quyết Đại hội đại biểu MTTQ Việt Nam quận Cầu Giấy nhiệm kỳ 2024–2029","doc_no":"01/NQ-ĐH-CGY","date":"2024-06-18"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-ind-01","type":"indicator.reported","unit":"cau-giay","date":"2024-11-18","data":{"indicator":"media_articles","value":30},"evidence":[{"kind":"document","title":"Báo cáo số bài viết gửi Báo Đại đoàn kết và Cổng thông tin MTTQ","doc_no":"92/BC-MTTQ-CGY","date":"2024-11-18"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-ind-02","type":"indicator.reported","unit":"cau-giay","date":"2024-11-18","data":{"indicator":"fund_for_the_poor","value":1500000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"93/BC-MTTQ-CGY","date":"2024-11-18"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-ind-03","type":"indicator.reported","unit":"cau-giay","date":"2024-11-18","data":{"indicator":"great_unity_houses","value":12},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"98/BC-MTTQ-CGY","date":"2024-11-18"}]}`},
	{As: "cau-giay", Body: `{"id":"cgy-ind-04","type":"indicator.reported","unit":"cau-giay","date":"2024-11-18","data":{"indicator":"supervision_sessions","value":20},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"100/BC-MTTQ-CGY","date":"2024-11-18"}]}`},

	// ---- Facts of ha-dong (its own token) ----
	{As: "ha-dong", Body: `{"id":"hdg-rep-01","type":"report.submitted","unit":"ha-dong","date":"2024-07-08","data":{"topic":"propaganda","period":"6 tháng đầu năm 2024","due":"2024-07-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 6 tháng đầu năm 2024","doc_no":"44/BC-MTTQ-HDG","date":"2024-07-08"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-rep-02","type":"report.submitted","unit":"ha-dong","date":"2024-11-21","data":{"topic":"propaganda","period":"Năm 2024","due":"2024-11-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Năm 2024","doc_no":"98/BC-MTTQ-HDG","date":"2024-11-21"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-rep-03","type":"report.submitted","unit":"ha-dong","date":"2024-06-28","data":{"topic":"emulation","period":"6 tháng đầu năm 2024","due":"2024-06-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2024","doc_no":"39/BC-MTTQ-HDG","date":"2024-06-28"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-rep-04","type":"report.submitted","unit":"ha-dong","date":"2024-10-23","data":{"topic":"emulation","period":"Năm 2024","due":"2024-10-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng Năm 2024","doc_no":"81/BC-MTTQ-HDG","date":"2024-10-23"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-rep-05","type":"report.submitted","unit":"ha-dong","date":"2024-07-09","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Hà Đông","doc_no":"51/BC-MTTQ-HDG","date":"2024-07-09"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-01","type":"activity.held","unit":"ha-dong","date":"2024-05-06","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ tại Hà Đông"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ tại Hà Đông","doc_no":"20/BC-MTTQ-HDG","date":"2024-05-06"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-02","type":"activity.held","unit":"ha-dong","date":"2024-10-05","data":{"kind":"cluster_joint","occasion":"gptd70","title":"Hoạt động chung của cụm thi đua số 2 chào mừng 70 năm Ngày Giải phóng Thủ đô","host":true},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hoạt động chung của cụm thi đua số 2 chào mừng 70 năm Ngày Giải phóng Thủ đô","doc_no":"59/BC-MTTQ-HDG","date":"2024-10-05"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-03","type":"activity.held","unit":"ha-dong","date":"2024-11-17","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Hà Đông","areas":118},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Hà Đông","doc_no":"89/BC-MTTQ-HDG","date":"2024-11-17"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-04","type":"activity.held","unit":"ha-dong","date":"2024-09-10","data":{"kind":"social_criticism","title":"Hội nghị phản biện dự thảo kế hoạch cải tạo chung cư cũ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện dự thảo kế hoạch cải tạo chung cư cũ","doc_no":"62/BC-MTTQ-HDG","date":"2024-09-10"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-05","type":"activity.held","unit":"ha-dong","date":"2024-09-11","data":{"kind":"social_criticism","title":"Hội nghị phản biện dự thảo kế hoạch cải tạo chung cư cũ (phiên 2)"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện dự thảo kế hoạch cải tạo chung cư cũ (phiên 2)","doc_no":"63/BC-MTTQ-HDG","date":"2024-09-11"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-06","type":"activity.held","unit":"ha-dong","date":"2024-06-27","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân về giải phóng mặt bằng đường Vành đai 4"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với Nhân dân về giải phóng mặt bằng đường Vành đai 4","doc_no":"41/BC-MTTQ-HDG","date":"2024-06-27"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-act-07","type":"activity.held","unit":"ha-dong","date":"2024-09-26","data":{"kind":"experience_exchange","title":"Trao đổi kinh nghiệm vận động Quỹ Vì người nghèo với MTTQ huyện Thanh Oai"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Trao đổi kinh nghiệm vận động Quỹ Vì người nghèo với MTTQ huyện Thanh Oai","doc_no":"64/BC-MTTQ-HDG","date":"2024-09-26"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-mod-01","type":"model.recognized","unit":"ha-dong","date":"2024-04-20","data":{"model":"hdg-mh-01","name":"Chợ dân sinh an toàn thực phẩm","field":"an toàn thực phẩm","level":"district","decision_no":"410/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Chợ dân sinh an toàn thực phẩm”","doc_no":"410/QĐ-UBND","date":"2024-04-20"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-mod-02","type":"model.recognized","unit":"ha-dong","date":"2024-05-22","data":{"model":"hdg-mh-02","name":"Tuyến phố không rác thải nhựa","field":"môi trường","level":"district","decision_no":"523/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Tuyến phố không rác thải nhựa”","doc_no":"523/QĐ-UBND","date":"2024-05-22"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-mod-03","type":"model.recognized","unit":"ha-dong","date":"2024-07-30","data":{"model":"hdg-mh-03","name":"Câu lạc bộ ông cháu cùng đọc sách","field":"văn hóa","level":"city","decision_no":"2099/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Câu lạc bộ ông cháu cùng đọc sách”","doc_no":"2099/QĐ-UBND","date":"2024-07-30"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-mod-04","type":"model.recognized","unit":"ha-dong","date":"2024-08-30","data":{"model":"hdg-mh-04","name":"Nhà văn hóa tổ dân phố thông minh","field":"chuyển đổi số","level":"city","decision_no":"2201/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Nhà văn hóa tổ dân phố thông minh”","doc_no":"2201/QĐ-UBND","date":"2024-08-30"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-mod-05","type":"model.recognized","unit":"ha-dong","date":"2024-10-25","data":{"model":"hdg-mh-05","name":"Khu dân cư “Ba không”","field":"an ninh trật tự","level":"central","decision_no":"372/QĐ-MTTW"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Khu dân cư “Ba không””","doc_no":"372/QĐ-MTTW","date":"2024-10-25"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-exm-01","type":"exemplar.honored","unit":"ha-dong","date":"2024-09-03","data":{"name":"Ông Nguyễn Văn Sơn","title":"Gương điển hình tiên tiến","level":"city","decision_no":"1804/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Ông Nguyễn Văn Sơn","doc_no":"1804/QĐ-MTTQ","date":"2024-09-03"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-exm-02","type":"exemplar.honored","unit":"ha-dong","date":"2024-11-13","data":{"name":"Bà Hoàng Thị Mai","title":"Gương người tốt việc tốt","level":"district","decision_no":"99/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Bà Hoàng Thị Mai","doc_no":"99/QĐ-MTTQ","date":"2024-11-13"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-cgr-01","type":"congress.completed","unit":"ha-dong","date":"2024-03-18","data":{"level":"ward","ward":"phuc-la","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Phúc La lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-PHUCLA","date":"2024-03-18"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-cgr-02","type":"congress.completed","unit":"ha-dong","date":"2024-04-16","data":{"level":"ward","ward":"van-quan","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Văn Quán lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-VANQUAN","date":"2024-04-16"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-cgr-03","type":"congress.completed","unit":"ha-dong","date":"2024-04-23","data":{"level":"ward","ward":"mo-lao","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Mộ Lao lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-MOLAO","date":"2024-04-23"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-cgr-04","type":"congress.completed","unit":"ha-dong","date":"2024-06-25","data":{"level":"district","delegates":200,"structure":{"women":38,"non_party":28,"ethnic":1,"religious":6,"youth":10,"newly_elected":33}},"evidence":[{"kind":"document","title":"Nghị quyết Đại hội đại biểu MTTQ Việt Nam quận Hà Đông nhiệm kỳ 2024–2029","doc_no":"01/NQ-ĐH-HDG","date":"2024-06-25"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-ind-01","type":"indicator.reported","unit":"ha-dong","date":"2024-11-19","data":{"indicator":"media_articles","value":44},"evidence":[{"kind":"document","title":"Báo cáo số bài viết gửi Báo Đại đoàn kết và Cổng thông tin MTTQ","doc_no":"93/BC-MTTQ-HDG","date":"2024-11-19"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-ind-02","type":"indicator.reported","unit":"ha-dong","date":"2024-11-19","data":{"indicator":"fund_for_the_poor","value":1850000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"94/BC-MTTQ-HDG","date":"2024-11-19"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-ind-03","type":"indicator.reported","unit":"ha-dong","date":"2024-11-19","data":{"indicator":"great_unity_houses","value":17},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"96/BC-MTTQ-HDG","date":"2024-11-19"}]}`},
	{As: "ha-dong", Body: `{"id":"hdg-ind-04","type":"indicator.reported","unit":"ha-dong","date":"2024-11-19","data":{"indicator":"supervision_sessions","value":27},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"97/BC-MTTQ-HDG","date":"2024-11-19"}]}`},
	// a unit token posting a fact for another unit: 403, nothing stored
	{As: "tay-ho", Body: `{"id":"bad-01","type":"activity.held","unit":"cau-giay","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},"evidence":[{"kind":"document","title":"Kế hoạch tổ chức lễ kỷ niệm","doc_no":"21/KH-MTTQ-THO"}]}`, Status: 403},

	// ---- Facts of nam-tu-liem (its own token) ----
	{As: "nam-tu-liem", Body: `{"id":"ntl-rep-01","type":"report.submitted","unit":"nam-tu-liem","date":"2024-04-10","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-04-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Quý I/2024","doc_no":"16/BC-MTTQ-NTL","date":"2024-04-10"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-rep-02","type":"report.submitted","unit":"nam-tu-liem","date":"2024-07-26","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Nam Từ Liêm","doc_no":"55/BC-MTTQ-NTL","date":"2024-07-26"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-act-01","type":"activity.held","unit":"nam-tu-liem","date":"2024-10-10","data":{"kind":"commemoration","occasion":"gptd70","title":"Lễ kỷ niệm 70 năm Ngày Giải phóng Thủ đô"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ kỷ niệm 70 năm Ngày Giải phóng Thủ đô","doc_no":"68/BC-MTTQ-NTL","date":"2024-10-10"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-act-02","type":"activity.held","unit":"nam-tu-liem","date":"2024-11-15","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Nam Từ Liêm","areas":63},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Nam Từ Liêm","doc_no":"86/BC-MTTQ-NTL","date":"2024-11-15"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-mod-01","type":"model.recognized","unit":"nam-tu-liem","date":"2024-08-12","data":{"model":"ntl-mh-01","name":"Tổ dân phố văn minh đô thị Mỹ Đình","field":"văn minh đô thị","level":"city","decision_no":"2187/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Tổ dân phố văn minh đô thị Mỹ Đình”","doc_no":"2187/QĐ-UBND","date":"2024-08-12"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-mod-02","type":"model.recognized","unit":"nam-tu-liem","date":"2024-09-05","data":{"model":"ntl-mh-02","name":"Câu lạc bộ dân vũ phường Mễ Trì","field":"văn hóa","level":"city","decision_no":"156/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Câu lạc bộ dân vũ phường Mễ Trì”","doc_no":"156/QĐ-UBND","date":"2024-09-05"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-cgr-01","type":"congress.completed","unit":"nam-tu-liem","date":"2024-03-28","data":{"level":"ward","ward":"my-dinh-1","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Mỹ Đình 1 lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-MYDINH1","date":"2024-03-28"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-cgr-02","type":"congress.completed","unit":"nam-tu-liem","date":"2024-04-24","data":{"level":"ward","ward":"me-tri","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Mễ Trì lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-METRI","date":"2024-04-24"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-cgr-03","type":"congress.completed","unit":"nam-tu-liem","date":"2024-05-08","data":{"level":"ward","ward":"tay-mo","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Tây Mỗ lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-TAYMO","date":"2024-05-08"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-ind-01","type":"indicator.reported","unit":"nam-tu-liem","date":"2024-11-20","data":{"indicator":"media_articles","value":35},"evidence":[{"kind":"document","title":"Báo cáo số bài viết gửi Báo Đại đoàn kết và Cổng thông tin MTTQ","doc_no":"90/BC-MTTQ-NTL","date":"2024-11-20"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-ind-02","type":"indicator.reported","unit":"nam-tu-liem","date":"2024-11-20","data":{"indicator":"fund_for_the_poor","value":1000000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"91/BC-MTTQ-NTL","date":"2024-11-20"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-ind-03","type":"indicator.reported","unit":"nam-tu-liem","date":"2024-11-20","data":{"indicator":"great_unity_houses","value":10},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"92/BC-MTTQ-NTL","date":"2024-11-20"}]}`},
	{As: "nam-tu-liem", Body: `{"id":"ntl-ind-04","type":"indicator.reported","unit":"nam-tu-liem","date":"2024-11-20","data":{"indicator":"supervision_sessions","value":20},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"93/BC-MTTQ-NTL","date":"2024-11-20"}]}`},
	// a fact without any evidence item: 400, nothing stored
	{As: "nam-tu-liem", Body: `{"id":"bad-02","type":"activity.held","unit":"nam-tu-liem","date":"2024-06-15","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân về thu gom rác thải"},"evidence":[]}`, Status: 400},
	// a fact dated outside the season's year (2023): 400, nothing stored
	{As: "nam-tu-liem", Body: `{"id":"bad-03","type":"activity.held","unit":"nam-tu-liem","date":"2023-12-28","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân cuối năm 2023"},"evidence":[{"kind":"document","title":"Biên bản đối thoại","doc_no":"12/BB-MTTQ-NTL"}]}`, Status: 400},

	// ---- Facts of tay-ho (its own token) ----
	{As: "tay-ho", Body: `{"id":"tho-rep-01","type":"report.submitted","unit":"tay-ho","date":"2024-04-09","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-04-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Quý I/2024","doc_no":"18/BC-MTTQ-THO","date":"2024-04-09"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-02","type":"report.submitted","unit":"tay-ho","date":"2024-07-10","data":{"topic":"propaganda","period":"6 tháng đầu năm 2024","due":"2024-07-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 6 tháng đầu năm 2024","doc_no":"45/BC-MTTQ-THO","date":"2024-07-10"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-03","type":"report.submitted","unit":"tay-ho","date":"2024-10-04","data":{"topic":"propaganda","period":"9 tháng năm 2024","due":"2024-10-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 9 tháng năm 2024","doc_no":"71/BC-MTTQ-THO","date":"2024-10-04"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-04","type":"report.submitted","unit":"tay-ho","date":"2024-11-22","data":{"topic":"propaganda","period":"Năm 2024","due":"2024-11-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Năm 2024","doc_no":"96/BC-MTTQ-THO","date":"2024-11-22"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-05","type":"report.submitted","unit":"tay-ho","date":"2024-06-24","data":{"topic":"emulation","period":"6 tháng đầu năm 2024","due":"2024-06-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng 6 tháng đầu năm 2024","doc_no":"41/BC-MTTQ-THO","date":"2024-06-24"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-06","type":"report.submitted","unit":"tay-ho","date":"2024-10-21","data":{"topic":"emulation","period":"Năm 2024","due":"2024-10-25"},"evidence":[{"kind":"document","title":"Báo cáo công tác thi đua, khen thưởng Năm 2024","doc_no":"80/BC-MTTQ-THO","date":"2024-10-21"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-rep-07","type":"report.submitted","unit":"tay-ho","date":"2024-07-12","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Tây Hồ","doc_no":"52/BC-MTTQ-THO","date":"2024-07-12"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-01","type":"activity.held","unit":"tay-ho","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ","doc_no":"21/BC-MTTQ-THO","date":"2024-05-07"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-02","type":"activity.held","unit":"tay-ho","date":"2024-10-09","data":{"kind":"propaganda","occasion":"gptd70","title":"Tuyên truyền kỷ niệm 70 năm Ngày Giải phóng Thủ đô"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Tuyên truyền kỷ niệm 70 năm Ngày Giải phóng Thủ đô","doc_no":"60/BC-MTTQ-THO","date":"2024-10-09"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-03","type":"activity.held","unit":"tay-ho","date":"2024-11-16","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2024","areas":42},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2024","doc_no":"88/BC-MTTQ-THO","date":"2024-11-16"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-04","type":"activity.held","unit":"tay-ho","date":"2024-08-14","data":{"kind":"social_criticism","title":"Hội nghị phản biện dự thảo quy hoạch phân khu ven hồ Tây"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện dự thảo quy hoạch phân khu ven hồ Tây","doc_no":"55/BC-MTTQ-THO","date":"2024-08-14"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-05","type":"activity.held","unit":"tay-ho","date":"2024-09-18","data":{"kind":"social_criticism","title":"Hội nghị phản biện đề án chỉnh trang đô thị phường Quảng An"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị phản biện đề án chỉnh trang đô thị phường Quảng An","doc_no":"66/BC-MTTQ-THO","date":"2024-09-18"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-06","type":"activity.held","unit":"tay-ho","date":"2024-06-26","data":{"kind":"citizen_dialogue","title":"Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân quận Tây Hồ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân quận Tây Hồ","doc_no":"40/BC-MTTQ-THO","date":"2024-06-26"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-07","type":"activity.held","unit":"tay-ho","date":"2024-08-28","data":{"kind":"citizen_dialogue","title":"Đối thoại về giải phóng mặt bằng đường Tứ Liên"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại về giải phóng mặt bằng đường Tứ Liên","doc_no":"58/BC-MTTQ-THO","date":"2024-08-28"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-08","type":"activity.held","unit":"tay-ho","date":"2024-11-08","data":{"kind":"citizen_dialogue","title":"Đối thoại với hộ kinh doanh làng hoa Nhật Tân"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với hộ kinh doanh làng hoa Nhật Tân","doc_no":"90/BC-MTTQ-THO","date":"2024-11-08"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-09","type":"activity.held","unit":"tay-ho","date":"2024-03-28","data":{"kind":"cluster_joint","title":"Hội nghị cụm thi đua số 2 bàn về công tác đại hội MTTQ các cấp","host":true},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hội nghị cụm thi đua số 2 bàn về công tác đại hội MTTQ các cấp","doc_no":"30/BC-MTTQ-THO","date":"2024-03-28"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-10","type":"activity.held","unit":"tay-ho","date":"2024-10-05","data":{"kind":"cluster_joint","title":"Hoạt động chung của cụm thi đua số 2 tại quận Hà Đông","host":false},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Hoạt động chung của cụm thi đua số 2 tại quận Hà Đông","doc_no":"70/BC-MTTQ-THO","date":"2024-10-05"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-act-11","type":"activity.held","unit":"tay-ho","date":"2024-09-20","data":{"kind":"experience_exchange","title":"Trao đổi kinh nghiệm tổ chức Ngày hội Đại đoàn kết với MTTQ quận Long Biên"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Trao đổi kinh nghiệm tổ chức Ngày hội Đại đoàn kết với MTTQ quận Long Biên","doc_no":"65/BC-MTTQ-THO","date":"2024-09-20"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-mod-01","type":"model.recognized","unit":"tay-ho","date":"2024-08-02","data":{"model":"tho-mh-01","name":"Khu dân cư văn minh, đường hoa ven hồ","field":"môi trường","level":"city","decision_no":"2150/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Khu dân cư văn minh, đường hoa ven hồ”","doc_no":"2150/QĐ-UBND","date":"2024-08-02"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-mod-02","type":"model.recognized","unit":"tay-ho","date":"2024-10-15","data":{"model":"tho-mh-02","name":"Tổ dân phố tự quản về an ninh trật tự","field":"an ninh trật tự","level":"central","decision_no":"345/QĐ-MTTW"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Tổ dân phố tự quản về an ninh trật tự”","doc_no":"345/QĐ-MTTW","date":"2024-10-15"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-exm-01","type":"exemplar.honored","unit":"tay-ho","date":"2024-09-02","data":{"name":"Bà Nguyễn Thị Lan","title":"Gương điển hình tiên tiến","level":"city","decision_no":"1802/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Bà Nguyễn Thị Lan","doc_no":"1802/QĐ-MTTQ","date":"2024-09-02"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-exm-02","type":"exemplar.honored","unit":"tay-ho","date":"2024-11-12","data":{"name":"Ông Trần Văn Hùng","title":"Gương người tốt việc tốt","level":"district","decision_no":"97/QĐ-MTTQ"},"evidence":[{"kind":"document","title":"Quyết định tôn vinh Ông Trần Văn Hùng","doc_no":"97/QĐ-MTTQ","date":"2024-11-12"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-01","type":"congress.completed","unit":"tay-ho","date":"2024-03-25","data":{"level":"ward","ward":"buoi","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Bưởi lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-BUOI","date":"2024-03-25"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-02","type":"congress.completed","unit":"tay-ho","date":"2024-04-10","data":{"level":"ward","ward":"nhat-tan","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Nhật Tân lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-NHATTAN","date":"2024-04-10"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-03","type":"congress.completed","unit":"tay-ho","date":"2024-04-18","data":{"level":"ward","ward":"phu-thuong","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Phú Thượng lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-PHUTHUONG","date":"2024-04-18"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-04","type":"congress.completed","unit":"tay-ho","date":"2024-04-22","data":{"level":"ward","ward":"quang-an","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Quảng An lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-QUANGAN","date":"2024-04-22"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-05","type":"congress.completed","unit":"tay-ho","date":"2024-04-26","data":{"level":"ward","ward":"thuy-khue","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Thụy Khuê lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-THUYKHUE","date":"2024-04-26"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-cgr-06","type":"congress.completed","unit":"tay-ho","date":"2024-06-20","data":{"level":"district","delegates":200,"structure":{"women":38,"non_party":28,"ethnic":1,"religious":6,"youth":10,"newly_elected":33}},"evidence":[{"kind":"document","title":"Nghị quyết Đại hội đại biểu MTTQ Việt Nam quận Tây Hồ nhiệm kỳ 2024–2029","doc_no":"01/NQ-ĐH-THO","date":"2024-06-20"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-ind-01","type":"indicator.reported","unit":"tay-ho","date":"2024-11-20","data":{"indicator":"media_articles","value":20},"evidence":[{"kind":"document","title":"Báo cáo số bài viết gửi Báo Đại đoàn kết và Cổng thông tin MTTQ","doc_no":"94/BC-MTTQ-THO","date":"2024-11-20"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-ind-02","type":"indicator.reported","unit":"tay-ho","date":"2024-11-20","data":{"indicator":"fund_for_the_poor","value":760000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"95/BC-MTTQ-THO","date":"2024-11-20"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-ind-03","type":"indicator.reported","unit":"tay-ho","date":"2024-11-20","data":{"indicator":"great_unity_houses","value":8},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"97/BC-MTTQ-THO","date":"2024-11-20"}]}`},
	{As: "tay-ho", Body: `{"id":"tho-ind-04","type":"indicator.reported","unit":"tay-ho","date":"2024-11-20","data":{"indicator":"supervision_sessions","value":16},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"99/BC-MTTQ-THO","date":"2024-11-20"}]}`},

	// ---- Facts of thanh-xuan (its own token) ----
	{As: "thanh-xuan", Body: `{"id":"txn-rep-01","type":"report.submitted","unit":"thanh-xuan","date":"2024-04-05","data":{"topic":"propaganda","period":"Quý I/2024","due":"2024-04-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền Quý I/2024","doc_no":"15/BC-MTTQ-TXN","date":"2024-04-05"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-rep-02","type":"report.submitted","unit":"thanh-xuan","date":"2024-10-18","data":{"topic":"propaganda","period":"9 tháng năm 2024","due":"2024-10-10"},"evidence":[{"kind":"document","title":"Báo cáo công tác tuyên truyền 9 tháng năm 2024","doc_no":"77/BC-MTTQ-TXN","date":"2024-10-18"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-rep-03","type":"report.submitted","unit":"thanh-xuan","date":"2024-07-15","data":{"topic":"congress","period":"Nhiệm kỳ 2024–2029","due":"2024-07-15"},"evidence":[{"kind":"document","title":"Báo cáo kết quả Đại hội MTTQ các cấp nhiệm kỳ 2024–2029 quận Thanh Xuân","doc_no":"53/BC-MTTQ-TXN","date":"2024-07-15"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-act-01","type":"activity.held","unit":"thanh-xuan","date":"2024-05-07","data":{"kind":"commemoration","occasion":"dbp70","title":"Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Lễ kỷ niệm 70 năm Chiến thắng Điện Biên Phủ","doc_no":"24/BC-MTTQ-TXN","date":"2024-05-07"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-act-02","type":"activity.held","unit":"thanh-xuan","date":"2024-11-16","data":{"kind":"festival","occasion":"mttq94","title":"Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Thanh Xuân","areas":52},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư quận Thanh Xuân","doc_no":"85/BC-MTTQ-TXN","date":"2024-11-16"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-act-03","type":"activity.held","unit":"thanh-xuan","date":"2024-06-20","data":{"kind":"citizen_dialogue","title":"Đối thoại với Nhân dân về ô nhiễm sông Tô Lịch"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với Nhân dân về ô nhiễm sông Tô Lịch","doc_no":"39/BC-MTTQ-TXN","date":"2024-06-20"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-act-04","type":"activity.held","unit":"thanh-xuan","date":"2024-10-24","data":{"kind":"citizen_dialogue","title":"Đối thoại với tiểu thương chợ Thượng Đình"},"evidence":[{"kind":"document","title":"Báo cáo kết quả tổ chức: Đối thoại với tiểu thương chợ Thượng Đình","doc_no":"79/BC-MTTQ-TXN","date":"2024-10-24"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-mod-01","type":"model.recognized","unit":"thanh-xuan","date":"2024-08-08","data":{"model":"txn-mh-01","name":"Tuyến phố văn minh Nguyễn Tuân","field":"văn minh đô thị","level":"city","decision_no":"2176/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Tuyến phố văn minh Nguyễn Tuân”","doc_no":"2176/QĐ-UBND","date":"2024-08-08"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-mod-02","type":"model.recognized","unit":"thanh-xuan","date":"2024-10-18","data":{"model":"txn-mh-02","name":"Chung cư xanh, sạch, an toàn","field":"môi trường","level":"city","decision_no":"2290/QĐ-UBND"},"evidence":[{"kind":"document","title":"Quyết định công nhận mô hình “Chung cư xanh, sạch, an toàn”","doc_no":"2290/QĐ-UBND","date":"2024-10-18"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-cgr-01","type":"congress.completed","unit":"thanh-xuan","date":"2024-03-29","data":{"level":"ward","ward":"khuong-trung","pilot":true,"delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Khương Trung lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-KHUONGTRUNG","date":"2024-03-29"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-cgr-02","type":"congress.completed","unit":"thanh-xuan","date":"2024-04-19","data":{"level":"ward","ward":"nhan-chinh","delegates":100,"structure":{"women":40,"non_party":30,"ethnic":2,"religious":5,"youth":12,"newly_elected":35}},"evidence":[{"kind":"document","title":"Biên bản Đại hội đại biểu MTTQ Việt Nam phường Nhân Chính lần thứ XIII, nhiệm kỳ 2024–2029","doc_no":"01/BB-ĐH-NHANCHINH","date":"2024-04-19"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-cgr-03","type":"congress.completed","unit":"thanh-xuan","date":"2024-07-12","data":{"level":"district","delegates":200,"structure":{"women":38,"non_party":28,"ethnic":1,"religious":6,"youth":10,"newly_elected":33}},"evidence":[{"kind":"document","title":"Nghị quyết Đại hội đại biểu MTTQ Việt Nam quận Thanh Xuân nhiệm kỳ 2024–2029","doc_no":"01/NQ-ĐH-TXN","date":"2024-07-12"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-ind-01","type":"indicator.reported","unit":"thanh-xuan","date":"2024-11-21","data":{"indicator":"media_articles","value":26},"evidence":[{"kind":"document","title":"Báo cáo số bài viết gửi Báo Đại đoàn kết và Cổng thông tin MTTQ","doc_no":"91/BC-MTTQ-TXN","date":"2024-11-21"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-ind-02","type":"indicator.reported","unit":"thanh-xuan","date":"2024-11-21","data":{"indicator":"fund_for_the_poor","value":1200000000},"evidence":[{"kind":"document","title":"Báo cáo vận động Quỹ Vì người nghèo năm 2024","doc_no":"92/BC-MTTQ-TXN","date":"2024-11-21"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-ind-03","type":"indicator.reported","unit":"thanh-xuan","date":"2024-11-21","data":{"indicator":"great_unity_houses","value":14},"evidence":[{"kind":"document","title":"Báo cáo xây dựng, sửa chữa nhà Đại đoàn kết năm 2024","doc_no":"94/BC-MTTQ-TXN","date":"2024-11-21"}]}`},
	{As: "thanh-xuan", Body: `{"id":"txn-ind-04","type":"indicator.reported","unit":"thanh-xuan","date":"2024-11-21","data":{"indicator":"supervision_sessions","value":19},"evidence":[{"kind":"document","title":"Báo cáo kết quả giám sát năm 2024","doc_no":"95/BC-MTTQ-TXN","date":"2024-11-21"}]}`},

	// ---- Target revision (still before any review) ----
	// bac-tu-liem's residential_areas target revised from 50 to 45: the latest counts
	{As: "committee", Body: `{"id":"ctg-tg-btl-kdc-2","type":"target.assigned","unit":"bac-tu-liem","date":"2024-10-01","data":{"indicator":"residential_areas","value":45}}`},

	// ==== CHECK 1a: view=claimed, after all unit facts and targets, before any review.
	// All facts posted so far count (none retracted or rejected yet). No score.assessed,
	// bonus.awarded, deduction.applied, violation or ballot yet: manual items are 0.
	// Awards: nobody reaches 75, so no flag and no certificate (the same as the verified view
	// would give, so the provisional awards agree under any reading).
	//
	// cau-giay (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [cgy-rep-01, cgy-rep-02, cgy-rep-03, cgy-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [cgy-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [cgy-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [cgy-act-04] sum 66 ≥ target 64 → min(1, 66/64) = 1 → 4
	//   I.1.5  target, media_articles: [cgy-ind-01] sum 30 ≥ target 24 → min(1, 30/24) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 0 = 13
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [cgy-ind-02] sum 1500000000 ≥ target 1500000000 → min(1, 1500000000/1500000000) = 1 → 5
	//   I.2.3  target, great_unity_houses: [cgy-ind-03] sum 12 ≥ target 12 → min(1, 12/12) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [cgy-mod-01, cgy-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 0 + 5 + 3 + 0 + 2 = 10
	//   I.3.1  target, supervision_sessions: [cgy-ind-04] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [cgy-act-05, cgy-act-06] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [cgy-act-07, cgy-act-08, cgy-act-09, cgy-act-10] 4 × 1 = 4 → 4
	//   I.3 = 5 + 2 + 0 + 4 = 11
	//   group I = 13 + 10 + 11 = 34
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [cgy-act-02, cgy-act-03] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [cgy-exm-01, cgy-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [cgy-rep-05, cgy-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [cgy-act-11] → 2
	//   group II = 0 + 2 + 2 + 3 + 2 = 9
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [cgy-cgr-01, cgy-cgr-02, cgy-cgr-03, cgy-cgr-04, cgy-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [cgy-cgr-01] earliest 2024-03-22 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [cgy-cgr-06] 2024-06-18 ≤ due → 4
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [cgy-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 0 + 3 = 12.75
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 34 + 9 + 12.75 + 0 = 55.75
	//   bonus: B.1 city/central models [cgy-mod-01, cgy-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [cgy-act-02, cgy-act-03] 2 × 1 → 2; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 2 + 0 = 8 (≤ 10, no cap)
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 55.75 + 8 − 0 = 63.75 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// tay-ho (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [tho-rep-01, tho-rep-02, tho-rep-03, tho-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [tho-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [tho-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [tho-act-03] sum 42 ≥ target 40 → min(1, 42/40) = 1 → 4
	//   I.1.5  target, media_articles: [tho-ind-01] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 0 = 13
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [tho-ind-02] sum 760000000 / target 800000000 → 5 × 760000000/800000000 → 4.75
	//   I.2.3  target, great_unity_houses: [tho-ind-03] sum 8 ≥ target 8 → min(1, 8/8) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [tho-mod-01, tho-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 0 + 4.75 + 3 + 0 + 2 = 9.75
	//   I.3.1  target, supervision_sessions: [tho-ind-04] sum 16 ≥ target 16 → min(1, 16/16) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [tho-act-04, tho-act-05] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [tho-act-06, tho-act-07, tho-act-08] 3 × 1 = 3 → 3
	//   I.3 = 5 + 2 + 0 + 3 = 10
	//   group I = 13 + 9.75 + 10 = 32.75
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [tho-act-09, tho-act-10] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [tho-exm-01, tho-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [tho-rep-05, tho-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [tho-act-11] → 2
	//   group II = 0 + 2 + 2 + 3 + 2 = 9
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [tho-cgr-01, tho-cgr-02, tho-cgr-03, tho-cgr-04, tho-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [tho-cgr-01] earliest 2024-03-25 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [tho-cgr-06] 2024-06-20 ≤ due → 4
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [tho-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 0 + 3 = 12.75
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 32.75 + 9 + 12.75 + 0 = 54.5
	//   bonus: B.1 city/central models [tho-mod-01, tho-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [tho-act-09] 1 × 1 → 1; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 1 + 0 = 7 (≤ 10, no cap)
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 54.5 + 7 − 0 = 61.5 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// ha-dong (17 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [hdg-rep-01, hdg-rep-02] 2 × 0.75 = 1.5 → 1.5
	//   I.1.2  any, activity occasion dbp70: [hdg-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [hdg-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [hdg-act-03] sum 118 / target 120 → 4 × 118/120 = 3.9333… rounded down → 3.93
	//   I.1.5  target, media_articles: [hdg-ind-01] sum 44 ≥ target 40 → min(1, 44/40) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 1.5 + 2 + 2 + 3.93 + 2 + 0 = 11.43
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [hdg-ind-02] sum 1850000000 / target 2000000000 → 5 × 1850000000/2000000000 = 4.6250… rounded down → 4.62
	//   I.2.3  target, great_unity_houses: [hdg-ind-03] sum 17 / target 20 → 3 × 17/20 → 2.55
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [hdg-mod-01, hdg-mod-02, hdg-mod-03, hdg-mod-04, hdg-mod-05] 5 × 1 = 5 capped at max 4 → 4
	//   I.2 = 0 + 4.62 + 2.55 + 0 + 4 = 11.17
	//   I.3.1  target, supervision_sessions: [hdg-ind-04] sum 27 / target 30 → 5 × 27/30 → 4.5
	//   I.3.2  each 1, social_criticism activities: [hdg-act-04, hdg-act-05] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [hdg-act-06] 1 × 1 = 1 → 1
	//   I.3 = 4.5 + 2 + 0 + 1 = 7.5
	//   group I = 11.43 + 11.17 + 7.5 = 30.1
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [hdg-act-02] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [hdg-exm-01, hdg-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [hdg-rep-04] 1 × 1.5 = 1.5 → 1.5
	//   II.5   any, experience_exchange activity: [hdg-act-07] → 2
	//   group II = 0 + 1 + 2 + 1.5 + 2 = 6.5
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [hdg-cgr-01, hdg-cgr-02, hdg-cgr-03] 3 distinct wards of 17 → 6 × 3/17 = 1.0588… rounded down → 1.05
	//   III.2  deadline, pilot ward congress due 2024-03-31: [hdg-cgr-01] earliest 2024-03-18 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [hdg-cgr-04] 2024-06-25 ≤ due → 4
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [hdg-rep-05] → 3
	//   group III = 1.05 + 2 + 4 + 0 + 3 = 10.05
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 30.1 + 6.5 + 10.05 + 0 = 46.65
	//   bonus: B.1 city/central models [hdg-mod-03, hdg-mod-04, hdg-mod-05] 3 × 3 = 9 capped at 6 → 6; B.2 hosted joint activities [hdg-act-02] 1 × 1 → 1; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 1 + 0 = 7 (≤ 10, no cap)
	//   deductions: D.1 late reports [hdg-rep-03] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0.5 (≤ 10, no cap)
	//   total = 46.65 + 7 − 0.5 = 53.15 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// bac-tu-liem (13 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [btl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [btl-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [btl-act-03] sum 40 / target 45 → 4 × 40/45 = 3.5556… rounded down → 3.55
	//   I.1.5  target, media_articles: [none] sum 0 / target 30 → 2 × 0/30 → 0
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 0.75 + 0 + 2 + 3.55 + 0 + 0 = 6.3
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [btl-ind-01] sum 1234000000 / target 1500000000 → 5 × 1234000000/1500000000 = 4.1133… rounded down → 4.11
	//   I.2.3  target, great_unity_houses: [btl-ind-02] sum 10 / target 15 → 3 × 10/15 → 2
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [btl-mod-01, btl-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 0 + 4.11 + 2 + 0 + 2 = 8.11
	//   I.3.1  target, supervision_sessions: [btl-ind-03] sum 22 / target 24 → 5 × 22/24 = 4.5833… rounded down → 4.58
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [btl-act-04, btl-act-05] 2 × 1 = 2 → 2
	//   I.3 = 4.58 + 0 + 0 + 2 = 6.58
	//   group I = 6.3 + 8.11 + 6.58 = 20.99
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [btl-act-01] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [btl-rep-03, btl-rep-04] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 0 + 1 + 0 + 3 + 0 = 4
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [btl-cgr-01, btl-cgr-02] 2 distinct wards of 13 → 6 × 2/13 = 0.9231… rounded down → 0.92 (late, not counted: btl-cgr-03)
	//   III.2  deadline, pilot ward congress due 2024-03-31: [btl-cgr-01] earliest 2024-04-12 > due, only late → half of 2 = 1
	//   III.3  deadline, district congress due 2024-06-30: [btl-cgr-04] 2024-06-28 ≤ due → 4
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [btl-rep-05] → 3
	//   group III = 0.92 + 1 + 4 + 0 + 3 = 8.92
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 20.99 + 4 + 8.92 + 0 = 33.91
	//   bonus: B.1 city/central models [btl-mod-01, btl-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [btl-act-01] 1 × 1 → 1; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 1 + 0 = 7 (≤ 10, no cap)
	//   deductions: D.1 late reports [btl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [btl-cgr-03] 1 × 1 = 1; D.3 deduction.applied [none] → 0; sum 1.5 (≤ 10, no cap)
	//   total = 33.91 + 7 − 1.5 = 39.41 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// thanh-xuan (11 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [txn-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [txn-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [none] → 0
	//   I.1.4  target, mttq94 festival areas: [txn-act-02] sum 52 / target 66 → 4 × 52/66 = 3.1515… rounded down → 3.15
	//   I.1.5  target, media_articles: [txn-ind-01] sum 26 ≥ target 26 → min(1, 26/26) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 0.75 + 2 + 0 + 3.15 + 2 + 0 = 7.9
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [txn-ind-02] sum 1200000000 / target 1300000000 → 5 × 1200000000/1300000000 = 4.6154… rounded down → 4.61
	//   I.2.3  target, great_unity_houses: [txn-ind-03] sum 14 ≥ target 14 → min(1, 14/14) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [txn-mod-01, txn-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 0 + 4.61 + 3 + 0 + 2 = 9.61
	//   I.3.1  target, supervision_sessions: [txn-ind-04] sum 19 / target 22 → 5 × 19/22 = 4.3182… rounded down → 4.31
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [txn-act-03, txn-act-04] 2 × 1 = 2 → 2
	//   I.3 = 4.31 + 0 + 0 + 2 = 6.31
	//   group I = 7.9 + 9.61 + 6.31 = 23.82
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 0 + 0 + 0 + 0 + 0 = 0
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [txn-cgr-01, txn-cgr-02] 2 distinct wards of 11 → 6 × 2/11 = 1.0909… rounded down → 1.09
	//   III.2  deadline, pilot ward congress due 2024-03-31: [txn-cgr-01] earliest 2024-03-29 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [txn-cgr-03] 2024-07-12 > due, only late → half of 4 = 2
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [txn-rep-03] → 3
	//   group III = 1.09 + 2 + 2 + 0 + 3 = 8.09
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 23.82 + 0 + 8.09 + 0 = 31.91
	//   bonus: B.1 city/central models [txn-mod-01, txn-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 0 + 0 = 6 (≤ 10, no cap)
	//   deductions: D.1 late reports [txn-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0.5 (≤ 10, no cap)
	//   total = 31.91 + 6 − 0.5 = 37.41 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 2 > 0 → eligible true
	//
	// nam-tu-liem (10 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [ntl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [ntl-act-01] → 2
	//   I.1.4  target, mttq94 festival areas: [ntl-act-02] sum 63 / target 70 → 4 × 63/70 → 3.6
	//   I.1.5  target, media_articles: [ntl-ind-01] sum 35, but no media_articles target assigned → 0
	//   I.1.6  manual: latest score.assessed → 0
	//   I.1 = 0.75 + 0 + 2 + 3.6 + 0 + 0 = 6.35
	//   I.2.1  manual: latest score.assessed → 0
	//   I.2.2  target, fund_for_the_poor VND: [ntl-ind-02] sum 1000000000 / target 1200000000 → 5 × 1000000000/1200000000 = 4.1667… rounded down → 4.16
	//   I.2.3  target, great_unity_houses: [ntl-ind-03] sum 10 / target 12 → 3 × 10/12 → 2.5
	//   I.2.4  manual: latest score.assessed → 0
	//   I.2.5  each 1, models recognised (any level): [ntl-mod-01, ntl-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 0 + 4.16 + 2.5 + 0 + 2 = 8.66
	//   I.3.1  target, supervision_sessions: [ntl-ind-04] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 0
	//   I.3.4  each 1, citizen_dialogue activities: [none] 0 × 1 = 0 → 0
	//   I.3 = 5 + 0 + 0 + 0 = 5
	//   group I = 6.35 + 8.66 + 5 = 20.01
	//   II.1   manual: latest score.assessed → 0
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 0 + 0 + 0 + 0 + 0 = 0
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [ntl-cgr-01, ntl-cgr-02] 2 distinct wards of 10 → 6 × 2/10 → 1.2 (late, not counted: ntl-cgr-03)
	//   III.2  deadline, pilot ward congress due 2024-03-31: [ntl-cgr-01] earliest 2024-03-28 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: none → 0
	//   III.4  manual: latest score.assessed → 0
	//   III.5  any, congress report (any date): [ntl-rep-02] → 3
	//   group III = 1.2 + 2 + 0 + 0 + 3 = 6.2
	//   IV.1   manual: latest score.assessed → 0
	//   IV.2   manual: latest score.assessed → 0
	//   group IV = 0 + 0 = 0
	//   content = 20.01 + 0 + 6.2 + 0 = 26.21
	//   bonus: B.1 city/central models [ntl-mod-01, ntl-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [none] → 0
	//   bonus = 6 + 0 + 0 = 6 (≤ 10, no cap)
	//   deductions: D.1 late reports [ntl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [ntl-cgr-03] 1 × 1 = 1; D.3 deduction.applied [none] → 0; sum 1.5 (≤ 10, no cap)
	//   total = 26.21 + 6 − 1.5 = 30.71 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 0 → FAILS → eligible false
	//
	// Ranking (total desc, then content, then group III, then unit id):
	//   1. cau-giay     total 63.75  content 55.75  III 12.75  Hoàn thành nhiệm vụ, eligible true, award null
	//   2. tay-ho       total 61.5   content 54.5   III 12.75  Hoàn thành nhiệm vụ, eligible true, award null
	//   3. ha-dong      total 53.15  content 46.65  III 10.05  Không hoàn thành nhiệm vụ, eligible true, award null
	//   4. bac-tu-liem  total 39.41  content 33.91  III 8.92   Không hoàn thành nhiệm vụ, eligible true, award null
	//   5. thanh-xuan   total 37.41  content 31.91  III 8.09   Không hoàn thành nhiệm vụ, eligible true, award null
	//   6. nam-tu-liem  total 30.71  content 26.21  III 6.2    Không hoàn thành nhiệm vụ, eligible false, award null
	// No ties. nam-tu-liem is not eligible (G2: no district congress); every other unit
	// passes G1 (no violation yet) and G2 (III.3 > 0 in this view).
	// Flag: no unit is classified xuất sắc (≥ 90) → no flag. Certificates: no eligible unit
	// reaches 75 (Hoàn thành tốt) → none.
	{As: "committee", Check: &yearCheck{View: "claimed", Units: []yearUnit{
		{Rank: 1, Unit: "cau-giay", Total: "63.75", Content: "55.75", Bonus: "8", Deductions: "0", Groups: [4]string{"34", "9", "12.75", "0"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 2, Unit: "tay-ho", Total: "61.5", Content: "54.5", Bonus: "7", Deductions: "0", Groups: [4]string{"32.75", "9", "12.75", "0"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 3, Unit: "ha-dong", Total: "53.15", Content: "46.65", Bonus: "7", Deductions: "0.5", Groups: [4]string{"30.1", "6.5", "10.05", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 4, Unit: "bac-tu-liem", Total: "39.41", Content: "33.91", Bonus: "7", Deductions: "1.5", Groups: [4]string{"20.99", "4", "8.92", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 5, Unit: "thanh-xuan", Total: "37.41", Content: "31.91", Bonus: "6", Deductions: "0.5", Groups: [4]string{"23.82", "0", "8.09", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 6, Unit: "nam-tu-liem", Total: "30.71", Content: "26.21", Bonus: "6", Deductions: "1.5", Groups: [4]string{"20.01", "0", "6.2", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},

	// ==== CHECK 1b: view=verified at the same point.
	// No fact has a review yet, so no fact counts; the only committee events are the
	// target.assigned ones, and a target with no matching verified fact gives 0 (sum 0 / target).
	// Every unit: all items 0, groups 0/0/0/0, content 0, bonus 0, deductions 0, total 0
	// → "Không hoàn thành nhiệm vụ". G2 fails for everyone (III.3 = 0) → eligible false.
	// All six are equal on total, content and group III → they share rank 1 and are listed
	// by unit id. No awards.
	{As: "committee", Check: &yearCheck{View: "verified", Units: []yearUnit{
		{Rank: 1, Unit: "bac-tu-liem", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 1, Unit: "cau-giay", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 1, Unit: "ha-dong", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 1, Unit: "nam-tu-liem", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 1, Unit: "tay-ho", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 1, Unit: "thanh-xuan", Total: "0", Content: "0", Bonus: "0", Deductions: "0", Groups: [4]string{"0", "0", "0", "0"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},

	// ---- Year-end review: a unit retraction, then one review per fact (V/R as listed at the top; U facts get none) ----
	// bac-tu-liem withdraws its duplicate citizen dialogue
	{As: "bac-tu-liem", Body: `{"id":"btl-ret-01","type":"fact.retracted","unit":"bac-tu-liem","date":"2024-11-25","data":{"target":"btl-act-05","reason":"Báo cáo trùng, hoạt động đã báo cáo tại btl-act-04"}}`},
	// a review naming a unit that is not the target's: 400
	{As: "committee", Body: `{"id":"bad-04","type":"fact.verified","unit":"cau-giay","date":"2024-11-26","data":{"target":"tho-act-01","reason":"Đúng"}}`, Status: 400},
	{As: "committee", Body: `{"id":"ctg-rv-btl-act-01","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-rep-01","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-rep-02","type":"fact.verified","unit":"bac-tu-liem","date":"2024-11-27","data":{"target":"btl-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-rep-03","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-rep-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-rep-04","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-rep-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-rep-05","type":"fact.verified","unit":"bac-tu-liem","date":"2024-11-27","data":{"target":"btl-rep-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-act-02","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-act-03","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-act-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-mod-01","type":"fact.verified","unit":"bac-tu-liem","date":"2024-11-27","data":{"target":"btl-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-mod-02","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-mod-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-cgr-01","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-cgr-02","type":"fact.verified","unit":"bac-tu-liem","date":"2024-11-27","data":{"target":"btl-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-cgr-04","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-cgr-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-ind-01","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-ind-02","type":"fact.verified","unit":"bac-tu-liem","date":"2024-11-27","data":{"target":"btl-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-btl-ind-03","type":"fact.verified","date":"2024-11-27","data":{"target":"btl-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-01","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-02","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-03","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-rep-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-04","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-rep-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-05","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-rep-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-06","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-rep-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-rep-07","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-rep-07","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-01","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-02","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-03","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-04","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-act-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-05","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-06","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-07","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-act-07","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-08","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-08","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-09","type":"fact.rejected","date":"2024-11-27","data":{"target":"cgy-act-09","reason":"Trùng với hoạt động cgy-act-08 (cùng buổi đối thoại, báo cáo lại lần hai)"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-10","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-act-10","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-act-11","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-act-11","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-mod-01","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-mod-02","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-mod-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-exm-01","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-exm-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-exm-02","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-exm-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-01","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-02","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-03","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-cgr-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-04","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-cgr-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-05","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-cgr-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-cgr-06","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-cgr-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-ind-01","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-ind-02","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-ind-03","type":"fact.verified","date":"2024-11-27","data":{"target":"cgy-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-cgy-ind-04","type":"fact.verified","unit":"cau-giay","date":"2024-11-27","data":{"target":"cgy-ind-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-rep-01","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-rep-02","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-rep-03","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-rep-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-rep-04","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-rep-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-rep-05","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-rep-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-01","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-02","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-03","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-act-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-04","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-act-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-05","type":"fact.rejected","date":"2024-11-27","data":{"target":"hdg-act-05","reason":"Phiên 2 là phần tiếp theo của cùng hội nghị phản biện, không tính là hội nghị riêng"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-06","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-act-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-act-07","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-act-07","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-mod-01","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-mod-02","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-mod-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-mod-03","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-mod-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-mod-04","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-mod-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-mod-05","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-mod-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-exm-01","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-exm-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-cgr-01","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-cgr-02","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-cgr-03","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-cgr-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-cgr-04","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-cgr-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-ind-01","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-ind-02","type":"fact.verified","unit":"ha-dong","date":"2024-11-27","data":{"target":"hdg-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-ind-03","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-hdg-ind-04","type":"fact.verified","date":"2024-11-27","data":{"target":"hdg-ind-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-rep-01","type":"fact.verified","unit":"nam-tu-liem","date":"2024-11-27","data":{"target":"ntl-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-rep-02","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-act-01","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-act-02","type":"fact.verified","unit":"nam-tu-liem","date":"2024-11-27","data":{"target":"ntl-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-mod-01","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-mod-02","type":"fact.rejected","date":"2024-11-27","data":{"target":"ntl-mod-02","reason":"Quyết định công nhận do UBND phường ban hành, không phải cấp thành phố"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-cgr-01","type":"fact.verified","unit":"nam-tu-liem","date":"2024-11-27","data":{"target":"ntl-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-cgr-02","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-cgr-03","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-cgr-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-ind-01","type":"fact.verified","unit":"nam-tu-liem","date":"2024-11-27","data":{"target":"ntl-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-ind-02","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-ntl-ind-03","type":"fact.verified","date":"2024-11-27","data":{"target":"ntl-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-01","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-02","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-03","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-rep-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-04","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-rep-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-05","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-rep-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-06","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-rep-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-rep-07","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-rep-07","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-01","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-02","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-03","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-act-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-04","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-05","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-06","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-act-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-07","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-07","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-08","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-08","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-09","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-act-09","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-10","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-10","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-act-11","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-act-11","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-mod-01","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-mod-02","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-mod-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-exm-01","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-exm-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-exm-02","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-exm-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-01","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-02","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-03","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-cgr-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-04","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-cgr-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-05","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-cgr-05","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-cgr-06","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-cgr-06","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-ind-01","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-ind-02","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-ind-03","type":"fact.verified","unit":"tay-ho","date":"2024-11-27","data":{"target":"tho-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-tho-ind-04","type":"fact.verified","date":"2024-11-27","data":{"target":"tho-ind-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-rep-01","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-rep-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-rep-02","type":"fact.verified","unit":"thanh-xuan","date":"2024-11-27","data":{"target":"txn-rep-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-rep-03","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-rep-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-act-01","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-act-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-act-02","type":"fact.verified","unit":"thanh-xuan","date":"2024-11-27","data":{"target":"txn-act-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-act-03","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-act-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-act-04","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-act-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-mod-01","type":"fact.verified","unit":"thanh-xuan","date":"2024-11-27","data":{"target":"txn-mod-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-mod-02","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-mod-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-cgr-01","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-cgr-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-cgr-02","type":"fact.verified","unit":"thanh-xuan","date":"2024-11-27","data":{"target":"txn-cgr-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-cgr-03","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-cgr-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-ind-01","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-ind-01","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-ind-02","type":"fact.verified","unit":"thanh-xuan","date":"2024-11-27","data":{"target":"txn-ind-02","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-ind-03","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-ind-03","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},
	{As: "committee", Body: `{"id":"ctg-rv-txn-ind-04","type":"fact.verified","date":"2024-11-27","data":{"target":"txn-ind-04","reason":"Đã đối chiếu hồ sơ, minh chứng hợp lệ"}}`},

	// ---- Committee assessments of the manual items ----
	// score.assessed on a rule-driven item (I.1.2 is `any`): 400
	{As: "committee", Body: `{"id":"bad-05","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.1.2","points":2,"reason":"Đã tổ chức kỷ niệm"}}`, Status: 400},
	// points over the item's max (I.1.6 max 2): 400
	{As: "committee", Body: `{"id":"bad-06","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.1.6","points":2.5,"reason":"Nắm bắt dư luận tốt"}}`, Status: 400},
	// an unknown item code: 400 (field names it)
	{As: "committee", Body: `{"id":"bad-07","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"V.1","points":1,"reason":"Không có mục này"}}`, Status: 400},
	// a unit token cannot post committee events: 403
	{As: "cau-giay", Body: `{"id":"bad-08","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Tự chấm"}}`, Status: 403},
	{As: "committee", Body: `{"id":"ctg-sa-btl-i16","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-i21","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"I.2.1","points":4,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-i24","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"I.2.4","points":2.5,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-i33","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"I.3.3","points":2.5,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-ii1","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"II.1","points":3,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-iii4","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"III.4","points":3.5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-iv1","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"IV.1","points":2.5,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-btl-iv2","type":"score.assessed","unit":"bac-tu-liem","date":"2024-11-28","data":{"item":"IV.2","points":2,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-i16","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-i21","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.2.1","points":4,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-i24","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.2.4","points":3,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-i33","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"I.3.3","points":3,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-ii1","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"II.1","points":3,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-iii4","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"III.4","points":5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-iv1","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"IV.1","points":3,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-cgy-iv2","type":"score.assessed","unit":"cau-giay","date":"2024-11-28","data":{"item":"IV.2","points":2,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-i16","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-i21","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"I.2.1","points":4.5,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-i24","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"I.2.4","points":2.5,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-i33","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"I.3.3","points":2.5,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-ii1","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"II.1","points":3,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-iii4","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"III.4","points":4.5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-iv1","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"IV.1","points":2.5,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-hdg-iv2","type":"score.assessed","unit":"ha-dong","date":"2024-11-28","data":{"item":"IV.2","points":2,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-i16","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"I.1.6","points":1.5,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-i21","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"I.2.1","points":4,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-i24","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"I.2.4","points":2,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-i33","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"I.3.3","points":2,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-ii1","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"II.1","points":2,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-iii4","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"III.4","points":3.5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-iv1","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"IV.1","points":2,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-ntl-iv2","type":"score.assessed","unit":"nam-tu-liem","date":"2024-11-28","data":{"item":"IV.2","points":1.5,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-i16","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-i21","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"I.2.1","points":5,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-i24","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"I.2.4","points":3,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-i33","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"I.3.3","points":3,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-ii1","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"II.1","points":3,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-iii4","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"III.4","points":5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-iv1","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"IV.1","points":3,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-tho-iv2","type":"score.assessed","unit":"tay-ho","date":"2024-11-28","data":{"item":"IV.2","points":2,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-i16","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"I.1.6","points":2,"reason":"Nắm bắt, phản ánh tình hình tư tưởng Nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-i21","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"I.2.1","points":3.5,"reason":"Cuộc vận động xây dựng đô thị văn minh"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-i24","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"I.2.4","points":2.5,"reason":"Các cuộc vận động khác"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-i33","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"I.3.3","points":2.5,"reason":"Theo dõi thực hiện kiến nghị sau giám sát"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-ii1","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"II.1","points":2.5,"reason":"Kế hoạch thi đua và các đợt thi đua chuyên đề"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-iii4","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"III.4","points":4.5,"reason":"Cơ cấu, tỷ lệ nhân sự Ủy ban MTTQ nhiệm kỳ 2024–2029"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-iv1","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"IV.1","points":2.5,"reason":"Công tác dân tộc, tôn giáo, đối ngoại nhân dân"}}`},
	{As: "committee", Body: `{"id":"ctg-sa-txn-iv2","type":"score.assessed","unit":"thanh-xuan","date":"2024-11-28","data":{"item":"IV.2","points":2,"reason":"Kỷ luật văn phòng, tài chính"}}`},
	// re-assessment: the later score for cau-giay I.2.1 counts
	{As: "committee", Body: `{"id":"ctg-sa-cgy-i21-b","type":"score.assessed","unit":"cau-giay","date":"2024-11-29","data":{"item":"I.2.1","points":4.5,"reason":"Chấm lại sau khi bổ sung hồ sơ tuyến phố văn minh"}}`},

	// ---- Bonuses (B.3), deductions (D.3), ballot, violation, committee retraction ----
	{As: "committee", Body: `{"id":"ctg-bn-tho-01","type":"bonus.awarded","unit":"tay-ho","date":"2024-11-29","data":{"points":3,"reason":"Vận động ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi) vượt chỉ tiêu"}}`},
	{As: "committee", Body: `{"id":"ctg-bn-cgy-01","type":"bonus.awarded","unit":"cau-giay","date":"2024-11-29","data":{"points":2.5,"reason":"Vận động ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi) vượt chỉ tiêu"}}`},
	{As: "committee", Body: `{"id":"ctg-bn-hdg-01","type":"bonus.awarded","unit":"ha-dong","date":"2024-11-29","data":{"points":1.5,"reason":"Mô hình Khu dân cư “Ba không” được Trung ương công nhận"}}`},
	{As: "committee", Body: `{"id":"ctg-bn-hdg-02","type":"bonus.awarded","unit":"ha-dong","date":"2024-11-29","data":{"points":2,"reason":"Vận động ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi)"}}`},
	{As: "committee", Body: `{"id":"ctg-bn-txn-01","type":"bonus.awarded","unit":"thanh-xuan","date":"2024-11-29","data":{"points":2,"reason":"Vận động ủng hộ đồng bào bị thiệt hại do bão số 3 (Yagi)"}}`},
	{As: "committee", Body: `{"id":"ctg-bn-btl-01","type":"bonus.awarded","unit":"bac-tu-liem","date":"2024-11-29","data":{"points":1.5,"reason":"Đơn vị cụm trưởng tổ chức tốt lễ ký kết giao ước thi đua"}}`},
	{As: "committee", Body: `{"id":"ctg-dd-txn-01","type":"deduction.applied","unit":"thanh-xuan","date":"2024-11-29","data":{"points":1,"reason":"Chậm nộp hồ sơ đề nghị khen thưởng năm 2024"}}`},
	{As: "committee", Body: `{"id":"ctg-dd-btl-01","type":"deduction.applied","unit":"bac-tu-liem","date":"2024-11-29","data":{"points":1.5,"reason":"Chậm quyết toán kinh phí hoạt động năm 2024"}}`},
	{As: "committee", Body: `{"id":"ctg-ballot-01","type":"ballot.recorded","date":"2024-11-01","data":{"question":"flag","voters":6,"votes":{"tay-ho":4,"cau-giay":2}}}`},
	{As: "committee", Body: `{"id":"ctg-vio-01","type":"violation.recorded","unit":"tay-ho","date":"2024-11-30","data":{"kind":"discipline","decision_no":"45-QĐ/UBKT"}}`},
	{As: "committee", Body: `{"id":"ctg-cr-01","type":"committee.retracted","date":"2024-11-30","data":{"target":"ctg-bn-hdg-01","reason":"Nhập nhầm: thành tích này đã được tính ở mục thưởng B.1"}}`},

	// ==== CHECK 2a: view=claimed, after reviews, assessments, bonuses, deductions, the
	// violation, the ballot and the committee retraction.
	// Counted facts: everything except the rejected cgy-act-09, hdg-act-05, ntl-mod-02 and
	// the retracted btl-act-05; the never-reviewed hdg-exm-02, btl-act-04, btl-cgr-03 and
	// ntl-ind-04 DO count here. Bonus ctg-bn-hdg-01 is retracted (ctg-cr-01): counts nowhere.
	// cau-giay I.2.1: ctg-sa-cgy-i21 (4) then ctg-sa-cgy-i21-b (4.5) → the latest, 4.5.
	//
	// tay-ho (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [tho-rep-01, tho-rep-02, tho-rep-03, tho-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [tho-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [tho-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [tho-act-03] sum 42 ≥ target 40 → min(1, 42/40) = 1 → 4
	//   I.1.5  target, media_articles: [tho-ind-01] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 2 = 15
	//   I.2.1  manual: latest score.assessed → 5
	//   I.2.2  target, fund_for_the_poor VND: [tho-ind-02] sum 760000000 / target 800000000 → 5 × 760000000/800000000 → 4.75
	//   I.2.3  target, great_unity_houses: [tho-ind-03] sum 8 ≥ target 8 → min(1, 8/8) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 3
	//   I.2.5  each 1, models recognised (any level): [tho-mod-01, tho-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 5 + 4.75 + 3 + 3 + 2 = 17.75
	//   I.3.1  target, supervision_sessions: [tho-ind-04] sum 16 ≥ target 16 → min(1, 16/16) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [tho-act-04, tho-act-05] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 3
	//   I.3.4  each 1, citizen_dialogue activities: [tho-act-06, tho-act-07, tho-act-08] 3 × 1 = 3 → 3
	//   I.3 = 5 + 2 + 3 + 3 = 13
	//   group I = 15 + 17.75 + 13 = 45.75
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [tho-act-09, tho-act-10] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [tho-exm-01, tho-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [tho-rep-05, tho-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [tho-act-11] → 2
	//   group II = 3 + 2 + 2 + 3 + 2 = 12
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [tho-cgr-01, tho-cgr-02, tho-cgr-03, tho-cgr-04, tho-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [tho-cgr-01] earliest 2024-03-25 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [tho-cgr-06] 2024-06-20 ≤ due → 4
	//   III.4  manual: latest score.assessed → 5
	//   III.5  any, congress report (any date): [tho-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 5 + 3 = 17.75
	//   IV.1   manual: latest score.assessed → 3
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 3 + 2 = 5
	//   content = 45.75 + 12 + 17.75 + 5 = 80.5
	//   bonus: B.1 city/central models [tho-mod-01, tho-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [tho-act-09] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-tho-01 3] → 3
	//   bonus = 6 + 1 + 3 = 10 (≤ 10, no cap)
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 80.5 + 10 − 0 = 90.5 → Hoàn thành xuất sắc nhiệm vụ
	//   gates: G1 violation.recorded ctg-vio-01 (not retracted) → FAILS; G2 III.3 = 4 > 0 → eligible false
	//
	// cau-giay (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [cgy-rep-01, cgy-rep-02, cgy-rep-03, cgy-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [cgy-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [cgy-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [cgy-act-04] sum 66 ≥ target 64 → min(1, 66/64) = 1 → 4
	//   I.1.5  target, media_articles: [cgy-ind-01] sum 30 ≥ target 24 → min(1, 30/24) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 2 = 15
	//   I.2.1  manual: latest score.assessed → 4.5
	//   I.2.2  target, fund_for_the_poor VND: [cgy-ind-02] sum 1500000000 ≥ target 1500000000 → min(1, 1500000000/1500000000) = 1 → 5
	//   I.2.3  target, great_unity_houses: [cgy-ind-03] sum 12 ≥ target 12 → min(1, 12/12) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 3
	//   I.2.5  each 1, models recognised (any level): [cgy-mod-01, cgy-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 4.5 + 5 + 3 + 3 + 2 = 17.5
	//   I.3.1  target, supervision_sessions: [cgy-ind-04] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [cgy-act-05, cgy-act-06] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 3
	//   I.3.4  each 1, citizen_dialogue activities: [cgy-act-07, cgy-act-08, cgy-act-10] 3 × 1 = 3 → 3
	//   I.3 = 5 + 2 + 3 + 3 = 13
	//   group I = 15 + 17.5 + 13 = 45.5
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [cgy-act-02, cgy-act-03] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [cgy-exm-01, cgy-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [cgy-rep-05, cgy-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [cgy-act-11] → 2
	//   group II = 3 + 2 + 2 + 3 + 2 = 12
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [cgy-cgr-01, cgy-cgr-02, cgy-cgr-03, cgy-cgr-04, cgy-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [cgy-cgr-01] earliest 2024-03-22 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [cgy-cgr-06] 2024-06-18 ≤ due → 4
	//   III.4  manual: latest score.assessed → 5
	//   III.5  any, congress report (any date): [cgy-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 5 + 3 = 17.75
	//   IV.1   manual: latest score.assessed → 3
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 3 + 2 = 5
	//   content = 45.5 + 12 + 17.75 + 5 = 80.25
	//   bonus: B.1 city/central models [cgy-mod-01, cgy-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [cgy-act-02, cgy-act-03] 2 × 1 → 2; B.3 bonus.awarded [ctg-bn-cgy-01 2.5] → 2.5
	//   bonus = 6 + 2 + 2.5 = 10.5 > 10 → capped at 10
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 80.25 + 10 − 0 = 90.25 → Hoàn thành xuất sắc nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// ha-dong (17 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [hdg-rep-01, hdg-rep-02] 2 × 0.75 = 1.5 → 1.5
	//   I.1.2  any, activity occasion dbp70: [hdg-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [hdg-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [hdg-act-03] sum 118 / target 120 → 4 × 118/120 = 3.9333… rounded down → 3.93
	//   I.1.5  target, media_articles: [hdg-ind-01] sum 44 ≥ target 40 → min(1, 44/40) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 1.5 + 2 + 2 + 3.93 + 2 + 2 = 13.43
	//   I.2.1  manual: latest score.assessed → 4.5
	//   I.2.2  target, fund_for_the_poor VND: [hdg-ind-02] sum 1850000000 / target 2000000000 → 5 × 1850000000/2000000000 = 4.6250… rounded down → 4.62
	//   I.2.3  target, great_unity_houses: [hdg-ind-03] sum 17 / target 20 → 3 × 17/20 → 2.55
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [hdg-mod-01, hdg-mod-02, hdg-mod-03, hdg-mod-04, hdg-mod-05] 5 × 1 = 5 capped at max 4 → 4
	//   I.2 = 4.5 + 4.62 + 2.55 + 2.5 + 4 = 18.17
	//   I.3.1  target, supervision_sessions: [hdg-ind-04] sum 27 / target 30 → 5 × 27/30 → 4.5
	//   I.3.2  each 1, social_criticism activities: [hdg-act-04] 1 × 1 = 1 → 1
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [hdg-act-06] 1 × 1 = 1 → 1
	//   I.3 = 4.5 + 1 + 2.5 + 1 = 9
	//   group I = 13.43 + 18.17 + 9 = 40.6
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [hdg-act-02] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [hdg-exm-01, hdg-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [hdg-rep-04] 1 × 1.5 = 1.5 → 1.5
	//   II.5   any, experience_exchange activity: [hdg-act-07] → 2
	//   group II = 3 + 1 + 2 + 1.5 + 2 = 9.5
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [hdg-cgr-01, hdg-cgr-02, hdg-cgr-03] 3 distinct wards of 17 → 6 × 3/17 = 1.0588… rounded down → 1.05
	//   III.2  deadline, pilot ward congress due 2024-03-31: [hdg-cgr-01] earliest 2024-03-18 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [hdg-cgr-04] 2024-06-25 ≤ due → 4
	//   III.4  manual: latest score.assessed → 4.5
	//   III.5  any, congress report (any date): [hdg-rep-05] → 3
	//   group III = 1.05 + 2 + 4 + 4.5 + 3 = 14.55
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 40.6 + 9.5 + 14.55 + 4.5 = 69.15
	//   bonus: B.1 city/central models [hdg-mod-03, hdg-mod-04, hdg-mod-05] 3 × 3 = 9 capped at 6 → 6; B.2 hosted joint activities [hdg-act-02] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-hdg-02 2] → 2
	//   bonus = 6 + 1 + 2 = 9 (≤ 10, no cap)
	//   deductions: D.1 late reports [hdg-rep-03] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0.5 (≤ 10, no cap)
	//   total = 69.15 + 9 − 0.5 = 77.65 → Hoàn thành tốt nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// bac-tu-liem (13 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [btl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [btl-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [btl-act-03] sum 40 / target 45 → 4 × 40/45 = 3.5556… rounded down → 3.55
	//   I.1.5  target, media_articles: [none] sum 0 / target 30 → 2 × 0/30 → 0
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 0.75 + 0 + 2 + 3.55 + 0 + 2 = 8.3
	//   I.2.1  manual: latest score.assessed → 4
	//   I.2.2  target, fund_for_the_poor VND: [btl-ind-01] sum 1234000000 / target 1500000000 → 5 × 1234000000/1500000000 = 4.1133… rounded down → 4.11
	//   I.2.3  target, great_unity_houses: [btl-ind-02] sum 10 / target 15 → 3 × 10/15 → 2
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [btl-mod-01, btl-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 4 + 4.11 + 2 + 2.5 + 2 = 14.61
	//   I.3.1  target, supervision_sessions: [btl-ind-03] sum 22 / target 24 → 5 × 22/24 = 4.5833… rounded down → 4.58
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [btl-act-04] 1 × 1 = 1 → 1
	//   I.3 = 4.58 + 0 + 2.5 + 1 = 8.08
	//   group I = 8.3 + 14.61 + 8.08 = 30.99
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [btl-act-01] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [btl-rep-03, btl-rep-04] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 3 + 1 + 0 + 3 + 0 = 7
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [btl-cgr-01, btl-cgr-02] 2 distinct wards of 13 → 6 × 2/13 = 0.9231… rounded down → 0.92 (late, not counted: btl-cgr-03)
	//   III.2  deadline, pilot ward congress due 2024-03-31: [btl-cgr-01] earliest 2024-04-12 > due, only late → half of 2 = 1
	//   III.3  deadline, district congress due 2024-06-30: [btl-cgr-04] 2024-06-28 ≤ due → 4
	//   III.4  manual: latest score.assessed → 3.5
	//   III.5  any, congress report (any date): [btl-rep-05] → 3
	//   group III = 0.92 + 1 + 4 + 3.5 + 3 = 12.42
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 30.99 + 7 + 12.42 + 4.5 = 54.91
	//   bonus: B.1 city/central models [btl-mod-01, btl-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [btl-act-01] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-btl-01 1.5] → 1.5
	//   bonus = 6 + 1 + 1.5 = 8.5 (≤ 10, no cap)
	//   deductions: D.1 late reports [btl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [btl-cgr-03] 1 × 1 = 1; D.3 deduction.applied [ctg-dd-btl-01 1.5] → 1.5; sum 3 (≤ 10, no cap)
	//   total = 54.91 + 8.5 − 3 = 60.41 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// thanh-xuan (11 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [txn-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [txn-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [none] → 0
	//   I.1.4  target, mttq94 festival areas: [txn-act-02] sum 52 / target 66 → 4 × 52/66 = 3.1515… rounded down → 3.15
	//   I.1.5  target, media_articles: [txn-ind-01] sum 26 ≥ target 26 → min(1, 26/26) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 0.75 + 2 + 0 + 3.15 + 2 + 2 = 9.9
	//   I.2.1  manual: latest score.assessed → 3.5
	//   I.2.2  target, fund_for_the_poor VND: [txn-ind-02] sum 1200000000 / target 1300000000 → 5 × 1200000000/1300000000 = 4.6154… rounded down → 4.61
	//   I.2.3  target, great_unity_houses: [txn-ind-03] sum 14 ≥ target 14 → min(1, 14/14) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [txn-mod-01, txn-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 3.5 + 4.61 + 3 + 2.5 + 2 = 15.61
	//   I.3.1  target, supervision_sessions: [txn-ind-04] sum 19 / target 22 → 5 × 19/22 = 4.3182… rounded down → 4.31
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [txn-act-03, txn-act-04] 2 × 1 = 2 → 2
	//   I.3 = 4.31 + 0 + 2.5 + 2 = 8.81
	//   group I = 9.9 + 15.61 + 8.81 = 34.32
	//   II.1   manual: latest score.assessed → 2.5
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 2.5 + 0 + 0 + 0 + 0 = 2.5
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [txn-cgr-01, txn-cgr-02] 2 distinct wards of 11 → 6 × 2/11 = 1.0909… rounded down → 1.09
	//   III.2  deadline, pilot ward congress due 2024-03-31: [txn-cgr-01] earliest 2024-03-29 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [txn-cgr-03] 2024-07-12 > due, only late → half of 4 = 2
	//   III.4  manual: latest score.assessed → 4.5
	//   III.5  any, congress report (any date): [txn-rep-03] → 3
	//   group III = 1.09 + 2 + 2 + 4.5 + 3 = 12.59
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 34.32 + 2.5 + 12.59 + 4.5 = 53.91
	//   bonus: B.1 city/central models [txn-mod-01, txn-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [ctg-bn-txn-01 2] → 2
	//   bonus = 6 + 0 + 2 = 8 (≤ 10, no cap)
	//   deductions: D.1 late reports [txn-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [ctg-dd-txn-01 1] → 1; sum 1.5 (≤ 10, no cap)
	//   total = 53.91 + 8 − 1.5 = 60.41 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 2 > 0 → eligible true
	//
	// nam-tu-liem (10 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [ntl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [ntl-act-01] → 2
	//   I.1.4  target, mttq94 festival areas: [ntl-act-02] sum 63 / target 70 → 4 × 63/70 → 3.6
	//   I.1.5  target, media_articles: [ntl-ind-01] sum 35, but no media_articles target assigned → 0
	//   I.1.6  manual: latest score.assessed → 1.5
	//   I.1 = 0.75 + 0 + 2 + 3.6 + 0 + 1.5 = 7.85
	//   I.2.1  manual: latest score.assessed → 4
	//   I.2.2  target, fund_for_the_poor VND: [ntl-ind-02] sum 1000000000 / target 1200000000 → 5 × 1000000000/1200000000 = 4.1667… rounded down → 4.16
	//   I.2.3  target, great_unity_houses: [ntl-ind-03] sum 10 / target 12 → 3 × 10/12 → 2.5
	//   I.2.4  manual: latest score.assessed → 2
	//   I.2.5  each 1, models recognised (any level): [ntl-mod-01] 1 × 1 = 1 → 1
	//   I.2 = 4 + 4.16 + 2.5 + 2 + 1 = 13.66
	//   I.3.1  target, supervision_sessions: [ntl-ind-04] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2
	//   I.3.4  each 1, citizen_dialogue activities: [none] 0 × 1 = 0 → 0
	//   I.3 = 5 + 0 + 2 + 0 = 7
	//   group I = 7.85 + 13.66 + 7 = 28.51
	//   II.1   manual: latest score.assessed → 2
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 2 + 0 + 0 + 0 + 0 = 2
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [ntl-cgr-01, ntl-cgr-02] 2 distinct wards of 10 → 6 × 2/10 → 1.2 (late, not counted: ntl-cgr-03)
	//   III.2  deadline, pilot ward congress due 2024-03-31: [ntl-cgr-01] earliest 2024-03-28 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: none → 0
	//   III.4  manual: latest score.assessed → 3.5
	//   III.5  any, congress report (any date): [ntl-rep-02] → 3
	//   group III = 1.2 + 2 + 0 + 3.5 + 3 = 9.7
	//   IV.1   manual: latest score.assessed → 2
	//   IV.2   manual: latest score.assessed → 1.5
	//   group IV = 2 + 1.5 = 3.5
	//   content = 28.51 + 2 + 9.7 + 3.5 = 43.71
	//   bonus: B.1 city/central models [ntl-mod-01] 1 × 3 = 3 → 3; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [none] → 0
	//   bonus = 3 + 0 + 0 = 3 (≤ 10, no cap)
	//   deductions: D.1 late reports [ntl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [ntl-cgr-03] 1 × 1 = 1; D.3 deduction.applied [none] → 0; sum 1.5 (≤ 10, no cap)
	//   total = 43.71 + 3 − 1.5 = 45.21 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 0 → FAILS → eligible false
	//
	// Ranking (total desc, then content, then group III, then unit id):
	//   1. tay-ho       total 90.5   content 80.5   III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible false, award null
	//   2. cau-giay     total 90.25  content 80.25  III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible true, award flag
	//   3. ha-dong      total 77.65  content 69.15  III 14.55  Hoàn thành tốt nhiệm vụ, eligible true, award certificate
	//   4. bac-tu-liem  total 60.41  content 54.91  III 12.42  Hoàn thành nhiệm vụ, eligible true, award null
	//   5. thanh-xuan   total 60.41  content 53.91  III 12.59  Hoàn thành nhiệm vụ, eligible true, award null
	//   6. nam-tu-liem  total 45.21  content 43.71  III 9.7    Không hoàn thành nhiệm vụ, eligible false, award null
	//
	// Ties: bac-tu-liem and thanh-xuan both total 60.41 → broken by content:
	// bac-tu-liem 54.91 > thanh-xuan 53.91 → bac-tu-liem 4th, thanh-xuan 5th.
	// Eligibility: tay-ho fails G1 (ctg-vio-01, not retracted); nam-tu-liem fails G2.
	// Ballot ctg-ballot-01: voters 6, votes tay-ho 4, cau-giay 2. tay-ho has more than half
	// (4 > 3) but is not eligible, so the ballot gives the flag to no eligible unit and the
	// rule applies: best-ranked eligible unit classified xuất sắc = cau-giay (rank 2, 90.25) → flag.
	// Certificates (up to 3, eligible, ≥ 75, in rank order after the flag): ha-dong 77.65 →
	// certificate; bac-tu-liem 60.41 and thanh-xuan 60.41 are only "Hoàn thành nhiệm vụ";
	// nam-tu-liem is not eligible → one certificate only.
	// These provisional awards are the same as in the verified view below (flag cau-giay,
	// certificate ha-dong), so they do not depend on how "provisional" is read.
	{As: "committee", Check: &yearCheck{View: "claimed", Units: []yearUnit{
		{Rank: 1, Unit: "tay-ho", Total: "90.5", Content: "80.5", Bonus: "10", Deductions: "0", Groups: [4]string{"45.75", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 2, Unit: "cau-giay", Total: "90.25", Content: "80.25", Bonus: "10", Deductions: "0", Groups: [4]string{"45.5", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: true, Award: "flag"},
		{Rank: 3, Unit: "ha-dong", Total: "77.65", Content: "69.15", Bonus: "9", Deductions: "0.5", Groups: [4]string{"40.6", "9.5", "14.55", "4.5"}, Classification: "Hoàn thành tốt nhiệm vụ", Eligible: true, Award: "certificate"},
		{Rank: 4, Unit: "bac-tu-liem", Total: "60.41", Content: "54.91", Bonus: "8.5", Deductions: "3", Groups: [4]string{"30.99", "7", "12.42", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 5, Unit: "thanh-xuan", Total: "60.41", Content: "53.91", Bonus: "8", Deductions: "1.5", Groups: [4]string{"34.32", "2.5", "12.59", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 6, Unit: "nam-tu-liem", Total: "45.21", Content: "43.71", Bonus: "3", Deductions: "1.5", Groups: [4]string{"28.51", "2", "9.7", "3.5"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},

	// ==== CHECK 2b: view=verified at the same point.
	// Counted facts: only those with fact.verified: as claimed above minus the never-reviewed
	// hdg-exm-02 (ha-dong II.3 2 → 1), btl-act-04 (bac-tu-liem I.3.4 1 → 0), btl-cgr-03
	// (bac-tu-liem D.2 1 → 0; it was late, so III.1 is unchanged) and ntl-ind-04
	// (nam-tu-liem I.3.1 5 → 0). Committee events as in 2a.
	//
	// tay-ho (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [tho-rep-01, tho-rep-02, tho-rep-03, tho-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [tho-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [tho-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [tho-act-03] sum 42 ≥ target 40 → min(1, 42/40) = 1 → 4
	//   I.1.5  target, media_articles: [tho-ind-01] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 2 = 15
	//   I.2.1  manual: latest score.assessed → 5
	//   I.2.2  target, fund_for_the_poor VND: [tho-ind-02] sum 760000000 / target 800000000 → 5 × 760000000/800000000 → 4.75
	//   I.2.3  target, great_unity_houses: [tho-ind-03] sum 8 ≥ target 8 → min(1, 8/8) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 3
	//   I.2.5  each 1, models recognised (any level): [tho-mod-01, tho-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 5 + 4.75 + 3 + 3 + 2 = 17.75
	//   I.3.1  target, supervision_sessions: [tho-ind-04] sum 16 ≥ target 16 → min(1, 16/16) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [tho-act-04, tho-act-05] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 3
	//   I.3.4  each 1, citizen_dialogue activities: [tho-act-06, tho-act-07, tho-act-08] 3 × 1 = 3 → 3
	//   I.3 = 5 + 2 + 3 + 3 = 13
	//   group I = 15 + 17.75 + 13 = 45.75
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [tho-act-09, tho-act-10] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [tho-exm-01, tho-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [tho-rep-05, tho-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [tho-act-11] → 2
	//   group II = 3 + 2 + 2 + 3 + 2 = 12
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [tho-cgr-01, tho-cgr-02, tho-cgr-03, tho-cgr-04, tho-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [tho-cgr-01] earliest 2024-03-25 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [tho-cgr-06] 2024-06-20 ≤ due → 4
	//   III.4  manual: latest score.assessed → 5
	//   III.5  any, congress report (any date): [tho-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 5 + 3 = 17.75
	//   IV.1   manual: latest score.assessed → 3
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 3 + 2 = 5
	//   content = 45.75 + 12 + 17.75 + 5 = 80.5
	//   bonus: B.1 city/central models [tho-mod-01, tho-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [tho-act-09] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-tho-01 3] → 3
	//   bonus = 6 + 1 + 3 = 10 (≤ 10, no cap)
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 80.5 + 10 − 0 = 90.5 → Hoàn thành xuất sắc nhiệm vụ
	//   gates: G1 violation.recorded ctg-vio-01 (not retracted) → FAILS; G2 III.3 = 4 > 0 → eligible false
	//
	// cau-giay (8 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [cgy-rep-01, cgy-rep-02, cgy-rep-03, cgy-rep-04] 4 × 0.75 = 3 → 3
	//   I.1.2  any, activity occasion dbp70: [cgy-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [cgy-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [cgy-act-04] sum 66 ≥ target 64 → min(1, 66/64) = 1 → 4
	//   I.1.5  target, media_articles: [cgy-ind-01] sum 30 ≥ target 24 → min(1, 30/24) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 3 + 2 + 2 + 4 + 2 + 2 = 15
	//   I.2.1  manual: latest score.assessed → 4.5
	//   I.2.2  target, fund_for_the_poor VND: [cgy-ind-02] sum 1500000000 ≥ target 1500000000 → min(1, 1500000000/1500000000) = 1 → 5
	//   I.2.3  target, great_unity_houses: [cgy-ind-03] sum 12 ≥ target 12 → min(1, 12/12) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 3
	//   I.2.5  each 1, models recognised (any level): [cgy-mod-01, cgy-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 4.5 + 5 + 3 + 3 + 2 = 17.5
	//   I.3.1  target, supervision_sessions: [cgy-ind-04] sum 20 ≥ target 20 → min(1, 20/20) = 1 → 5
	//   I.3.2  each 1, social_criticism activities: [cgy-act-05, cgy-act-06] 2 × 1 = 2 → 2
	//   I.3.3  manual: latest score.assessed → 3
	//   I.3.4  each 1, citizen_dialogue activities: [cgy-act-07, cgy-act-08, cgy-act-10] 3 × 1 = 3 → 3
	//   I.3 = 5 + 2 + 3 + 3 = 13
	//   group I = 15 + 17.5 + 13 = 45.5
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [cgy-act-02, cgy-act-03] 2 × 1 = 2 → 2
	//   II.3   each 1, exemplars honoured: [cgy-exm-01, cgy-exm-02] 2 × 1 = 2 → 2
	//   II.4   each 1.5, emulation reports dated ≤ due: [cgy-rep-05, cgy-rep-06] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [cgy-act-11] → 2
	//   group II = 3 + 2 + 2 + 3 + 2 = 12
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [cgy-cgr-01, cgy-cgr-02, cgy-cgr-03, cgy-cgr-04, cgy-cgr-05] 5 distinct wards of 8 → 6 × 5/8 → 3.75
	//   III.2  deadline, pilot ward congress due 2024-03-31: [cgy-cgr-01] earliest 2024-03-22 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [cgy-cgr-06] 2024-06-18 ≤ due → 4
	//   III.4  manual: latest score.assessed → 5
	//   III.5  any, congress report (any date): [cgy-rep-07] → 3
	//   group III = 3.75 + 2 + 4 + 5 + 3 = 17.75
	//   IV.1   manual: latest score.assessed → 3
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 3 + 2 = 5
	//   content = 45.5 + 12 + 17.75 + 5 = 80.25
	//   bonus: B.1 city/central models [cgy-mod-01, cgy-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [cgy-act-02, cgy-act-03] 2 × 1 → 2; B.3 bonus.awarded [ctg-bn-cgy-01 2.5] → 2.5
	//   bonus = 6 + 2 + 2.5 = 10.5 > 10 → capped at 10
	//   deductions: D.1 late reports [none] 0 × 0.5 = 0; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0 (≤ 10, no cap)
	//   total = 80.25 + 10 − 0 = 90.25 → Hoàn thành xuất sắc nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// ha-dong (17 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [hdg-rep-01, hdg-rep-02] 2 × 0.75 = 1.5 → 1.5
	//   I.1.2  any, activity occasion dbp70: [hdg-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [hdg-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [hdg-act-03] sum 118 / target 120 → 4 × 118/120 = 3.9333… rounded down → 3.93
	//   I.1.5  target, media_articles: [hdg-ind-01] sum 44 ≥ target 40 → min(1, 44/40) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 1.5 + 2 + 2 + 3.93 + 2 + 2 = 13.43
	//   I.2.1  manual: latest score.assessed → 4.5
	//   I.2.2  target, fund_for_the_poor VND: [hdg-ind-02] sum 1850000000 / target 2000000000 → 5 × 1850000000/2000000000 = 4.6250… rounded down → 4.62
	//   I.2.3  target, great_unity_houses: [hdg-ind-03] sum 17 / target 20 → 3 × 17/20 → 2.55
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [hdg-mod-01, hdg-mod-02, hdg-mod-03, hdg-mod-04, hdg-mod-05] 5 × 1 = 5 capped at max 4 → 4
	//   I.2 = 4.5 + 4.62 + 2.55 + 2.5 + 4 = 18.17
	//   I.3.1  target, supervision_sessions: [hdg-ind-04] sum 27 / target 30 → 5 × 27/30 → 4.5
	//   I.3.2  each 1, social_criticism activities: [hdg-act-04] 1 × 1 = 1 → 1
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [hdg-act-06] 1 × 1 = 1 → 1
	//   I.3 = 4.5 + 1 + 2.5 + 1 = 9
	//   group I = 13.43 + 18.17 + 9 = 40.6
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [hdg-act-02] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [hdg-exm-01] 1 × 1 = 1 → 1
	//   II.4   each 1.5, emulation reports dated ≤ due: [hdg-rep-04] 1 × 1.5 = 1.5 → 1.5
	//   II.5   any, experience_exchange activity: [hdg-act-07] → 2
	//   group II = 3 + 1 + 1 + 1.5 + 2 = 8.5
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [hdg-cgr-01, hdg-cgr-02, hdg-cgr-03] 3 distinct wards of 17 → 6 × 3/17 = 1.0588… rounded down → 1.05
	//   III.2  deadline, pilot ward congress due 2024-03-31: [hdg-cgr-01] earliest 2024-03-18 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [hdg-cgr-04] 2024-06-25 ≤ due → 4
	//   III.4  manual: latest score.assessed → 4.5
	//   III.5  any, congress report (any date): [hdg-rep-05] → 3
	//   group III = 1.05 + 2 + 4 + 4.5 + 3 = 14.55
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 40.6 + 8.5 + 14.55 + 4.5 = 68.15
	//   bonus: B.1 city/central models [hdg-mod-03, hdg-mod-04, hdg-mod-05] 3 × 3 = 9 capped at 6 → 6; B.2 hosted joint activities [hdg-act-02] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-hdg-02 2] → 2
	//   bonus = 6 + 1 + 2 = 9 (≤ 10, no cap)
	//   deductions: D.1 late reports [hdg-rep-03] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [none] → 0; sum 0.5 (≤ 10, no cap)
	//   total = 68.15 + 9 − 0.5 = 76.65 → Hoàn thành tốt nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// thanh-xuan (11 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [txn-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [txn-act-01] → 2
	//   I.1.3  any, activity occasion gptd70: [none] → 0
	//   I.1.4  target, mttq94 festival areas: [txn-act-02] sum 52 / target 66 → 4 × 52/66 = 3.1515… rounded down → 3.15
	//   I.1.5  target, media_articles: [txn-ind-01] sum 26 ≥ target 26 → min(1, 26/26) = 1 → 2
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 0.75 + 2 + 0 + 3.15 + 2 + 2 = 9.9
	//   I.2.1  manual: latest score.assessed → 3.5
	//   I.2.2  target, fund_for_the_poor VND: [txn-ind-02] sum 1200000000 / target 1300000000 → 5 × 1200000000/1300000000 = 4.6154… rounded down → 4.61
	//   I.2.3  target, great_unity_houses: [txn-ind-03] sum 14 ≥ target 14 → min(1, 14/14) = 1 → 3
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [txn-mod-01, txn-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 3.5 + 4.61 + 3 + 2.5 + 2 = 15.61
	//   I.3.1  target, supervision_sessions: [txn-ind-04] sum 19 / target 22 → 5 × 19/22 = 4.3182… rounded down → 4.31
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [txn-act-03, txn-act-04] 2 × 1 = 2 → 2
	//   I.3 = 4.31 + 0 + 2.5 + 2 = 8.81
	//   group I = 9.9 + 15.61 + 8.81 = 34.32
	//   II.1   manual: latest score.assessed → 2.5
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 2.5 + 0 + 0 + 0 + 0 = 2.5
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [txn-cgr-01, txn-cgr-02] 2 distinct wards of 11 → 6 × 2/11 = 1.0909… rounded down → 1.09
	//   III.2  deadline, pilot ward congress due 2024-03-31: [txn-cgr-01] earliest 2024-03-29 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: [txn-cgr-03] 2024-07-12 > due, only late → half of 4 = 2
	//   III.4  manual: latest score.assessed → 4.5
	//   III.5  any, congress report (any date): [txn-rep-03] → 3
	//   group III = 1.09 + 2 + 2 + 4.5 + 3 = 12.59
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 34.32 + 2.5 + 12.59 + 4.5 = 53.91
	//   bonus: B.1 city/central models [txn-mod-01, txn-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [ctg-bn-txn-01 2] → 2
	//   bonus = 6 + 0 + 2 = 8 (≤ 10, no cap)
	//   deductions: D.1 late reports [txn-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [ctg-dd-txn-01 1] → 1; sum 1.5 (≤ 10, no cap)
	//   total = 53.91 + 8 − 1.5 = 60.41 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 2 > 0 → eligible true
	//
	// bac-tu-liem (13 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [btl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [btl-act-02] → 2
	//   I.1.4  target, mttq94 festival areas: [btl-act-03] sum 40 / target 45 → 4 × 40/45 = 3.5556… rounded down → 3.55
	//   I.1.5  target, media_articles: [none] sum 0 / target 30 → 2 × 0/30 → 0
	//   I.1.6  manual: latest score.assessed → 2
	//   I.1 = 0.75 + 0 + 2 + 3.55 + 0 + 2 = 8.3
	//   I.2.1  manual: latest score.assessed → 4
	//   I.2.2  target, fund_for_the_poor VND: [btl-ind-01] sum 1234000000 / target 1500000000 → 5 × 1234000000/1500000000 = 4.1133… rounded down → 4.11
	//   I.2.3  target, great_unity_houses: [btl-ind-02] sum 10 / target 15 → 3 × 10/15 → 2
	//   I.2.4  manual: latest score.assessed → 2.5
	//   I.2.5  each 1, models recognised (any level): [btl-mod-01, btl-mod-02] 2 × 1 = 2 → 2
	//   I.2 = 4 + 4.11 + 2 + 2.5 + 2 = 14.61
	//   I.3.1  target, supervision_sessions: [btl-ind-03] sum 22 / target 24 → 5 × 22/24 = 4.5833… rounded down → 4.58
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2.5
	//   I.3.4  each 1, citizen_dialogue activities: [none] 0 × 1 = 0 → 0
	//   I.3 = 4.58 + 0 + 2.5 + 0 = 7.08
	//   group I = 8.3 + 14.61 + 7.08 = 29.99
	//   II.1   manual: latest score.assessed → 3
	//   II.2   each 1, cluster_joint activities (host or not): [btl-act-01] 1 × 1 = 1 → 1
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [btl-rep-03, btl-rep-04] 2 × 1.5 = 3 → 3
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 3 + 1 + 0 + 3 + 0 = 7
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [btl-cgr-01, btl-cgr-02] 2 distinct wards of 13 → 6 × 2/13 = 0.9231… rounded down → 0.92
	//   III.2  deadline, pilot ward congress due 2024-03-31: [btl-cgr-01] earliest 2024-04-12 > due, only late → half of 2 = 1
	//   III.3  deadline, district congress due 2024-06-30: [btl-cgr-04] 2024-06-28 ≤ due → 4
	//   III.4  manual: latest score.assessed → 3.5
	//   III.5  any, congress report (any date): [btl-rep-05] → 3
	//   group III = 0.92 + 1 + 4 + 3.5 + 3 = 12.42
	//   IV.1   manual: latest score.assessed → 2.5
	//   IV.2   manual: latest score.assessed → 2
	//   group IV = 2.5 + 2 = 4.5
	//   content = 29.99 + 7 + 12.42 + 4.5 = 53.91
	//   bonus: B.1 city/central models [btl-mod-01, btl-mod-02] 2 × 3 = 6 → 6; B.2 hosted joint activities [btl-act-01] 1 × 1 → 1; B.3 bonus.awarded [ctg-bn-btl-01 1.5] → 1.5
	//   bonus = 6 + 1 + 1.5 = 8.5 (≤ 10, no cap)
	//   deductions: D.1 late reports [btl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [none] 0 × 1 = 0; D.3 deduction.applied [ctg-dd-btl-01 1.5] → 1.5; sum 2 (≤ 10, no cap)
	//   total = 53.91 + 8.5 − 2 = 60.41 → Hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 4 > 0 → eligible true
	//
	// nam-tu-liem (10 wards):
	//   I.1.1  each 0.75, propaganda reports dated ≤ due: [ntl-rep-01] 1 × 0.75 = 0.75 → 0.75
	//   I.1.2  any, activity occasion dbp70: [none] → 0
	//   I.1.3  any, activity occasion gptd70: [ntl-act-01] → 2
	//   I.1.4  target, mttq94 festival areas: [ntl-act-02] sum 63 / target 70 → 4 × 63/70 → 3.6
	//   I.1.5  target, media_articles: [ntl-ind-01] sum 35, but no media_articles target assigned → 0
	//   I.1.6  manual: latest score.assessed → 1.5
	//   I.1 = 0.75 + 0 + 2 + 3.6 + 0 + 1.5 = 7.85
	//   I.2.1  manual: latest score.assessed → 4
	//   I.2.2  target, fund_for_the_poor VND: [ntl-ind-02] sum 1000000000 / target 1200000000 → 5 × 1000000000/1200000000 = 4.1667… rounded down → 4.16
	//   I.2.3  target, great_unity_houses: [ntl-ind-03] sum 10 / target 12 → 3 × 10/12 → 2.5
	//   I.2.4  manual: latest score.assessed → 2
	//   I.2.5  each 1, models recognised (any level): [ntl-mod-01] 1 × 1 = 1 → 1
	//   I.2 = 4 + 4.16 + 2.5 + 2 + 1 = 13.66
	//   I.3.1  target, supervision_sessions: [none] sum 0 / target 20 → 5 × 0/20 → 0
	//   I.3.2  each 1, social_criticism activities: [none] 0 × 1 = 0 → 0
	//   I.3.3  manual: latest score.assessed → 2
	//   I.3.4  each 1, citizen_dialogue activities: [none] 0 × 1 = 0 → 0
	//   I.3 = 0 + 0 + 2 + 0 = 2
	//   group I = 7.85 + 13.66 + 2 = 23.51
	//   II.1   manual: latest score.assessed → 2
	//   II.2   each 1, cluster_joint activities (host or not): [none] 0 × 1 = 0 → 0
	//   II.3   each 1, exemplars honoured: [none] 0 × 1 = 0 → 0
	//   II.4   each 1.5, emulation reports dated ≤ due: [none] 0 × 1.5 = 0 → 0
	//   II.5   any, experience_exchange activity: [none] → 0
	//   group II = 2 + 0 + 0 + 0 + 0 = 2
	//   III.1  share, ward congresses dated ≤ 2024-04-30: [ntl-cgr-01, ntl-cgr-02] 2 distinct wards of 10 → 6 × 2/10 → 1.2 (late, not counted: ntl-cgr-03)
	//   III.2  deadline, pilot ward congress due 2024-03-31: [ntl-cgr-01] earliest 2024-03-28 ≤ due → 2
	//   III.3  deadline, district congress due 2024-06-30: none → 0
	//   III.4  manual: latest score.assessed → 3.5
	//   III.5  any, congress report (any date): [ntl-rep-02] → 3
	//   group III = 1.2 + 2 + 0 + 3.5 + 3 = 9.7
	//   IV.1   manual: latest score.assessed → 2
	//   IV.2   manual: latest score.assessed → 1.5
	//   group IV = 2 + 1.5 = 3.5
	//   content = 23.51 + 2 + 9.7 + 3.5 = 38.71
	//   bonus: B.1 city/central models [ntl-mod-01] 1 × 3 = 3 → 3; B.2 hosted joint activities [none] 0 × 1 → 0; B.3 bonus.awarded [none] → 0
	//   bonus = 3 + 0 + 0 = 3 (≤ 10, no cap)
	//   deductions: D.1 late reports [ntl-rep-02] 1 × 0.5 = 0.5; D.2 ward congresses after 2024-04-30 [ntl-cgr-03] 1 × 1 = 1; D.3 deduction.applied [none] → 0; sum 1.5 (≤ 10, no cap)
	//   total = 38.71 + 3 − 1.5 = 40.21 → Không hoàn thành nhiệm vụ
	//   gates: G1 no violation; G2 III.3 = 0 → FAILS → eligible false
	//
	// Ranking (total desc, then content, then group III, then unit id):
	//   1. tay-ho       total 90.5   content 80.5   III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible false, award null
	//   2. cau-giay     total 90.25  content 80.25  III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible true, award flag
	//   3. ha-dong      total 76.65  content 68.15  III 14.55  Hoàn thành tốt nhiệm vụ, eligible true, award certificate
	//   4. thanh-xuan   total 60.41  content 53.91  III 12.59  Hoàn thành nhiệm vụ, eligible true, award null
	//   5. bac-tu-liem  total 60.41  content 53.91  III 12.42  Hoàn thành nhiệm vụ, eligible true, award null
	//   6. nam-tu-liem  total 40.21  content 38.71  III 9.7    Không hoàn thành nhiệm vụ, eligible false, award null
	//
	// Ties: thanh-xuan and bac-tu-liem both total 60.41 AND content 53.91 → broken by
	// group III: thanh-xuan 12.59 > bac-tu-liem 12.42 → thanh-xuan 4th, bac-tu-liem 5th.
	// Eligibility as in 2a (tay-ho G1, nam-tu-liem G2).
	// Ballot: tay-ho's 4 of 6 votes do not count (not eligible) → flag by rule → cau-giay
	// (best-ranked eligible unit, 90.25 ≥ 90).
	// Certificates: ha-dong (76.65, eligible, ≥ 75) → certificate; thanh-xuan and
	// bac-tu-liem are eligible but < 75; nam-tu-liem not eligible.
	{As: "committee", Check: &yearCheck{View: "verified", Units: []yearUnit{
		{Rank: 1, Unit: "tay-ho", Total: "90.5", Content: "80.5", Bonus: "10", Deductions: "0", Groups: [4]string{"45.75", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 2, Unit: "cau-giay", Total: "90.25", Content: "80.25", Bonus: "10", Deductions: "0", Groups: [4]string{"45.5", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: true, Award: "flag"},
		{Rank: 3, Unit: "ha-dong", Total: "76.65", Content: "68.15", Bonus: "9", Deductions: "0.5", Groups: [4]string{"40.6", "8.5", "14.55", "4.5"}, Classification: "Hoàn thành tốt nhiệm vụ", Eligible: true, Award: "certificate"},
		{Rank: 4, Unit: "thanh-xuan", Total: "60.41", Content: "53.91", Bonus: "8", Deductions: "1.5", Groups: [4]string{"34.32", "2.5", "12.59", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 5, Unit: "bac-tu-liem", Total: "60.41", Content: "53.91", Bonus: "8.5", Deductions: "2", Groups: [4]string{"29.99", "7", "12.42", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 6, Unit: "nam-tu-liem", Total: "40.21", Content: "38.71", Bonus: "3", Deductions: "1.5", Groups: [4]string{"23.51", "2", "9.7", "3.5"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},

	// ---- Close the season ----
	{As: "committee", Body: `{"id":"ctg-close","type":"season.closed","date":"2024-12-05","data":{}}`},

	// ==== CHECK 3: view=final, right after season.closed.
	// final = the verified view at season.closed. The only event after CHECK 2b is
	// season.closed itself, so every number is exactly the CHECK 2b arithmetic above:
	//
	//   1. tay-ho       total 90.5   content 80.5   III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible false, award null
	//   2. cau-giay     total 90.25  content 80.25  III 17.75  Hoàn thành xuất sắc nhiệm vụ, eligible true, award flag
	//   3. ha-dong      total 76.65  content 68.15  III 14.55  Hoàn thành tốt nhiệm vụ, eligible true, award certificate
	//   4. thanh-xuan   total 60.41  content 53.91  III 12.59  Hoàn thành nhiệm vụ, eligible true, award null
	//   5. bac-tu-liem  total 60.41  content 53.91  III 12.42  Hoàn thành nhiệm vụ, eligible true, award null
	//   6. nam-tu-liem  total 40.21  content 38.71  III 9.7    Không hoàn thành nhiệm vụ, eligible false, award null
	//
	// Awards are now final: flag cau-giay, certificate ha-dong.
	{As: "committee", Check: &yearCheck{View: "final", Units: []yearUnit{
		{Rank: 1, Unit: "tay-ho", Total: "90.5", Content: "80.5", Bonus: "10", Deductions: "0", Groups: [4]string{"45.75", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 2, Unit: "cau-giay", Total: "90.25", Content: "80.25", Bonus: "10", Deductions: "0", Groups: [4]string{"45.5", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: true, Award: "flag"},
		{Rank: 3, Unit: "ha-dong", Total: "76.65", Content: "68.15", Bonus: "9", Deductions: "0.5", Groups: [4]string{"40.6", "8.5", "14.55", "4.5"}, Classification: "Hoàn thành tốt nhiệm vụ", Eligible: true, Award: "certificate"},
		{Rank: 4, Unit: "thanh-xuan", Total: "60.41", Content: "53.91", Bonus: "8", Deductions: "1.5", Groups: [4]string{"34.32", "2.5", "12.59", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 5, Unit: "bac-tu-liem", Total: "60.41", Content: "53.91", Bonus: "8.5", Deductions: "2", Groups: [4]string{"29.99", "7", "12.42", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 6, Unit: "nam-tu-liem", Total: "40.21", Content: "38.71", Bonus: "3", Deductions: "1.5", Groups: [4]string{"23.51", "2", "9.7", "3.5"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},

	// ---- After the close ----
	// a fact after season.closed: 409, nothing stored
	{As: "cau-giay", Body: `{"id":"cgy-late-01","type":"activity.held","unit":"cau-giay","date":"2024-12-10","data":{"kind":"other","title":"Hội nghị tổng kết công tác Mặt trận năm 2024"},"evidence":[{"kind":"document","title":"Báo cáo tổng kết năm 2024","doc_no":"120/BC-MTTQ-CGY"}]}`, Status: 409},
	{As: "committee", Body: `{"id":"ctg-revoke-01","type":"award.revoked","unit":"cau-giay","date":"2024-12-20","data":{"award":"flag","reason":"Phát hiện sai phạm trong hồ sơ đề nghị khen thưởng","decision_no":"12/QĐ-MTTQ-BTT"}}`},

	// ==== CHECK 4: view=final after award.revoked of cau-giay's flag (ctg-revoke-01).
	// The rejected post-close fact (409) stored nothing, and award.revoked changes no score:
	// every number, rank, classification and eligibility is as in CHECK 3.
	// cau-giay's award is revoked: it no longer counts as cau-giay's award. The API should
	// still show it as revoked (domain.md §4: "A revoked award stays visible as revoked");
	// here it is expected as "" (no current award). It does NOT pass to another unit:
	// tay-ho (rank 1) stays without an award (still not eligible), ha-dong keeps its
	// certificate and does not get the flag, nobody else gets a certificate.
	{As: "committee", Check: &yearCheck{View: "final", Units: []yearUnit{
		{Rank: 1, Unit: "tay-ho", Total: "90.5", Content: "80.5", Bonus: "10", Deductions: "0", Groups: [4]string{"45.75", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: false, Award: ""},
		{Rank: 2, Unit: "cau-giay", Total: "90.25", Content: "80.25", Bonus: "10", Deductions: "0", Groups: [4]string{"45.5", "12", "17.75", "5"}, Classification: "Hoàn thành xuất sắc nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 3, Unit: "ha-dong", Total: "76.65", Content: "68.15", Bonus: "9", Deductions: "0.5", Groups: [4]string{"40.6", "8.5", "14.55", "4.5"}, Classification: "Hoàn thành tốt nhiệm vụ", Eligible: true, Award: "certificate"},
		{Rank: 4, Unit: "thanh-xuan", Total: "60.41", Content: "53.91", Bonus: "8", Deductions: "1.5", Groups: [4]string{"34.32", "2.5", "12.59", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 5, Unit: "bac-tu-liem", Total: "60.41", Content: "53.91", Bonus: "8.5", Deductions: "2", Groups: [4]string{"29.99", "7", "12.42", "4.5"}, Classification: "Hoàn thành nhiệm vụ", Eligible: true, Award: ""},
		{Rank: 6, Unit: "nam-tu-liem", Total: "40.21", Content: "38.71", Bonus: "3", Deductions: "1.5", Groups: [4]string{"23.51", "2", "9.7", "3.5"}, Classification: "Không hoàn thành nhiệm vụ", Eligible: false, Award: ""},
	}}},
}
