//! `App` methods that measure a criterion from the registers (procedures, statistics, staffing, plans, ISO) for a
//! year, with the trace a person can check; what `suggest_scores` proposes.

use super::*;

impl App {
    /// Measures a metric for `year` from the registers (for a past year on 31/12, for this year today), with the
    /// start of a readable trace: "(412 + 1.630) / 2.051 = 99,56 %".
    pub fn metric(&self, metric: Metric, year: i32) -> Result<MetricReading> {
        self.measure(metric, year, None)
    }

    /// `metric`, with the percentage shown as the rule that scores it would show it (`Rule::shown_percent`).
    pub(super) fn measure(&self, metric: Metric, year: i32, rule: Option<&Rule>) -> Result<MetricReading> {
        let today = self.clock.today();
        let day = if year < today.year() {
            NaiveDate::from_ymd_opt(year, 12, 31).ok_or(Error::BadPeriod(year.to_string()))?
        } else {
            today
        };
        let reading = |measure: Option<Measure>, trace: String| MetricReading { metric, measure, trace };
        let ratio = |part: i64, whole: i64, expr: String| {
            let measure = Measure::Ratio { part, whole };
            let shown = rule.and_then(|r| r.shown_percent(measure)).or(measure.percent());
            let percent = shown.map_or_else(String::new, |p| p.vn());
            reading(Some(measure), format!("{expr} = {percent} %"))
        };
        let n = text::group_int;
        Ok(match metric {
            Metric::TthcOnTimeRate | Metric::TthcApologyLetters | Metric::TthcOnlineRate => {
                let Some((label, f)) = self.year_figures(year)? else {
                    return Ok(reading(None, format!("Sổ chưa có số liệu giải quyết hồ sơ (Biểu 06) của năm {year}")));
                };
                match metric {
                    Metric::TthcOnTimeRate if f.resolved_total > 0 => ratio(
                        f.resolved_early + f.resolved_on_time,
                        f.resolved_total,
                        format!(
                            "{label}: ({} + {}) / {}",
                            n(f.resolved_early),
                            n(f.resolved_on_time),
                            n(f.resolved_total)
                        ),
                    ),
                    Metric::TthcOnTimeRate => reading(None, format!("{label}: chưa có hồ sơ đã giải quyết")),
                    Metric::TthcApologyLetters => reading(
                        Some(Measure::Flag { value: f.apology_letters >= f.resolved_late }),
                        format!(
                            "{label}: thư xin lỗi {}, hồ sơ giải quyết quá hạn {}",
                            n(f.apology_letters),
                            n(f.resolved_late)
                        ),
                    ),
                    _ if f.received_online + f.received_direct > 0 => ratio(
                        f.received_online,
                        f.received_online + f.received_direct,
                        format!(
                            "{label}: {} / ({} + {})",
                            n(f.received_online),
                            n(f.received_online),
                            n(f.received_direct)
                        ),
                    ),
                    _ => reading(None, format!("{label}: chưa có hồ sơ mới tiếp nhận")),
                }
            }
            Metric::TthcInternalProcessCoverage => {
                let procedures = self.register.list_procedures(&ProcedureQuery::default())?;
                let one_stop: Vec<_> = procedures.iter().filter(|p| p.input.one_stop).collect();
                let covered = one_stop.iter().filter(|p| !p.input.internal_process.number.is_empty()).count() as i64;
                if one_stop.is_empty() {
                    reading(None, "Sổ chưa có thủ tục một cửa đang áp dụng".to_string())
                } else {
                    ratio(
                        covered,
                        one_stop.len() as i64,
                        format!("TTHC một cửa có quy trình nội bộ: {} / {}", n(covered), n(one_stop.len() as i64)),
                    )
                }
            }
            Metric::PlanCompletionRate => {
                let progress = self.plan_progress(day)?;
                let o = &progress.overall;
                if o.tasks == 0 {
                    reading(None, format!("Sổ chưa có nhiệm vụ của kế hoạch CCHC năm {year}"))
                } else {
                    ratio(o.done, o.tasks, format!("Nhiệm vụ hoàn thành: {} / {}", n(o.done), n(o.tasks)))
                }
            }
            Metric::ReportsOnTime => {
                // A periodic report counts as sent on time when it was issued (numbered in the outgoing-document
                // register, dated the day it is signed and sent) on or before its period's deadline.
                let mut parts = Vec::new();
                let (mut issued, mut on_time) = (0, 0);
                for kind in crate::model::PeriodKind::ALL {
                    let window = self.period(crate::model::PeriodKey::new(year, kind))?;
                    let label = kind.label();
                    match self.register.outgoing_for_report(crate::model::ReportKind::Periodic, window.key)? {
                        Some(doc) => {
                            issued += 1;
                            let late = doc.input.date > window.deadline;
                            if !late {
                                on_time += 1;
                            }
                            parts.push(format!(
                                "{label}: số {} ngày {}, hạn {}{}",
                                doc.input.number_text(),
                                doc.input.date.format("%d/%m/%Y"),
                                window.deadline.format("%d/%m/%Y"),
                                if late { " (muộn)" } else { "" }
                            ));
                        }
                        None => parts.push(format!("{label}: chưa phát hành")),
                    }
                }
                if issued == 0 {
                    reading(
                        None,
                        format!("Sổ văn bản đi chưa có báo cáo CCHC định kỳ nào của năm {year}; hãy chấm tay"),
                    )
                } else {
                    reading(
                        Some(Measure::Count { value: on_time }),
                        format!(
                            "Báo cáo gửi đúng hạn năm {year}: {}; đúng hạn {} báo cáo",
                            parts.join("; "),
                            n(on_time)
                        ),
                    )
                }
            }
            Metric::StaffingWithinQuota => {
                let staffing = self.staffing(day)?;
                if staffing.quota == 0 {
                    reading(None, format!("Sổ chưa có biên chế được giao năm {year}"))
                } else {
                    let over = staffing.findings.iter().any(|f| f.code == FindingCode::OverQuota);
                    reading(
                        Some(Measure::Flag { value: !over }),
                        format!(
                            "Ngày {}: có mặt {} / biên chế được giao {}{}",
                            day.format("%d/%m/%Y"),
                            n(staffing.present),
                            n(staffing.quota),
                            if over { ", có loại vượt biên chế" } else { "" }
                        ),
                    )
                }
            }
            Metric::StaffingStandardShare => {
                // The same figures as the staffing screen: person records and totals entered with their number
                // meeting the standard.
                let staffing = self.staffing(day)?;
                if staffing.standard_known == 0 {
                    reading(
                        None,
                        format!("Sổ chưa có danh sách cán bộ, công chức có mặt ngày {}", day.format("%d/%m/%Y")),
                    )
                } else {
                    let meeting = staffing.rows.iter().filter_map(|r| r.meeting_standard).sum::<i64>();
                    let unknown = if staffing.standard_unknown > 0 {
                        format!(
                            " (chưa tính {} người nhập tổng số không ghi số đạt chuẩn)",
                            n(staffing.standard_unknown)
                        )
                    } else {
                        String::new()
                    };
                    ratio(
                        meeting,
                        staffing.standard_known,
                        format!(
                            "Cán bộ, công chức đạt chuẩn: {} / {}{unknown}",
                            n(meeting),
                            n(staffing.standard_known)
                        ),
                    )
                }
            }
            Metric::IsoAnnounced
            | Metric::IsoScopeComplete
            | Metric::IsoLegalChangesOnTime
            | Metric::IsoAuditAndReview
            | Metric::IsoChecks => {
                if !self.iso_in_use()? {
                    return Ok(reading(
                        None,
                        "Sổ chưa có hệ thống ISO 9001 (chưa đặt phiên bản, chưa có quyết định công bố); hãy chấm tay hoặc đánh dấu không phát sinh"
                            .to_string(),
                    ));
                }
                let checks = self.iso_checks(year, day)?;
                let line = |(label, ok): &(&str, bool)| format!("{label}: {}", if *ok { "đạt" } else { "không đạt" });
                let one = |index: usize| reading(Some(Measure::Flag { value: checks[index].1 }), line(&checks[index]));
                match metric {
                    Metric::IsoAnnounced => one(0),
                    Metric::IsoScopeComplete => one(1),
                    Metric::IsoLegalChangesOnTime => one(2),
                    Metric::IsoAuditAndReview => one(3),
                    _ => {
                        let passed = checks.iter().filter(|(_, ok)| *ok).count() as i64;
                        let lines: Vec<String> = checks.iter().map(line).collect();
                        reading(
                            Some(Measure::Count { value: passed }),
                            format!("{} ({} / 4 yêu cầu đạt)", lines.join("; "), passed),
                        )
                    }
                }
            }
        })
    }

    /// The four ISO checks of a year: announced; scope covering every procedure in ISO scope; legal changes brought
    /// in within three months; an internal audit and a management review held in the year.
    pub(super) fn iso_checks(&self, year: i32, day: NaiveDate) -> Result<[(&'static str, bool); 4]> {
        let status = self.iso_status(year, day)?;
        let scope_problem = status.findings.iter().any(|f| {
            matches!(f.code, FindingCode::IsoScopeMissing | FindingCode::IsoScopeRetired | FindingCode::IsoScopeUnknown)
        });
        let late_changes = self.register.iso_legal_changes()?.iter().any(|c| {
            c.due.year() <= year
                && match c.done_on {
                    Some(done) => done > c.due && c.due.year() == year,
                    None => c.due < day,
                }
        });
        Ok([
            ("Đã công bố", status.announced),
            ("phạm vi đủ các thủ tục", status.announced && !scope_problem),
            ("cập nhật văn bản mới trong 3 tháng", !late_changes),
            (
                "đánh giá nội bộ và xem xét của lãnh đạo trong năm",
                !status.audits.is_empty() && !status.reviews.is_empty(),
            ),
        ])
    }

    /// The case figures of a year: its year report, or else the latest period of the year with figures, named.
    pub(super) fn year_figures(&self, year: i32) -> Result<Option<(String, CaseFigures)>> {
        let periods = self.register.stats_periods()?;
        let candidates = [PeriodKind::Year, PeriodKind::Q3, PeriodKind::H1, PeriodKind::Q1];
        for kind in candidates {
            let key = PeriodKey::new(year, kind);
            if periods.contains(&key) {
                return Ok(Some((format!("Số liệu {}", key.label()), self.period_total(key)?)));
            }
        }
        Ok(None)
    }
}
