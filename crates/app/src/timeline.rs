//! Timeline exports: iCalendar (RFC 5545) and an SVG chart with one lane per regime.

use aigov_core::timeline::Timeline;
use aigov_core::Date;
use std::fmt::Write;

fn ics_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets, as RFC 5545 §3.1 requires, without splitting a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut count = 0;
    for ch in line.chars() {
        let n = ch.len_utf8();
        if count + n > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(ch);
        count += n;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// An iCalendar file with one all-day event per timeline entry.
pub fn ics(t: &Timeline) -> String {
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//aigov//aigov timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(l, &mut out);
    }
    fold(
        &format!(
            "X-WR-CALNAME:{}",
            ics_escape(&format!(
                "aigov: {}",
                t.name.as_deref().unwrap_or(&t.subject)
            ))
        ),
        &mut out,
    );
    for e in &t.entries {
        let kind = format!("{:?}", e.kind).to_lowercase();
        let next = e.date.tomorrow().unwrap_or(e.date);
        fold("BEGIN:VEVENT", &mut out);
        fold(
            &format!("UID:{}-{}-{}@aigov", e.rule, kind, ics_date(e.date)),
            &mut out,
        );
        fold(&format!("DTSTAMP:{}T000000Z", ics_date(t.as_of)), &mut out);
        fold(
            &format!("DTSTART;VALUE=DATE:{}", ics_date(e.date)),
            &mut out,
        );
        fold(&format!("DTEND;VALUE=DATE:{}", ics_date(next)), &mut out);
        fold(
            &format!(
                "SUMMARY:{}",
                ics_escape(&format!(
                    "[{}] {} {}: {}",
                    e.regime, e.citation, kind, e.title
                ))
            ),
            &mut out,
        );
        fold(
            &format!(
                "DESCRIPTION:{}",
                ics_escape(&format!(
                    "{}\nRule {}{}",
                    e.text,
                    e.rule,
                    if e.undetermined {
                        " (undetermined: answer the open questions)"
                    } else {
                        ""
                    }
                ))
            ),
            &mut out,
        );
        fold(
            &format!("CATEGORIES:{}", ics_escape(&e.jurisdiction)),
            &mut out,
        );
        fold("END:VEVENT", &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// An SVG chart: one lane per regime, one bar per rule from the date it applies to the date it ends.
pub fn svg(t: &Timeline) -> String {
    let days = |d: Date| (d - Date::constant(2000, 1, 1)).get_days() as f64;
    let mut dates: Vec<Date> = t
        .spans
        .iter()
        .flat_map(|s| std::iter::once(s.start).chain(s.end))
        .collect();
    dates.push(t.as_of);
    let min = dates.iter().min().copied().unwrap_or(t.as_of);
    let max = dates.iter().max().copied().unwrap_or(t.as_of);
    let (start, end) = (
        Date::new(min.year(), 1, 1).unwrap_or(min),
        Date::new(max.year() + 1, 12, 31).unwrap_or(max),
    );
    let (x0, width) = (260.0, 900.0);
    let x = |d: Date| x0 + (days(d) - days(start)) / (days(end) - days(start)).max(1.0) * width;
    let mut regimes: Vec<&str> = t.spans.iter().map(|s| s.regime.as_str()).collect();
    regimes.dedup();
    regimes.sort();
    regimes.dedup();
    let row_h = 16.0;
    let mut body = String::new();
    let mut y = 60.0;
    for regime in &regimes {
        let spans: Vec<_> = t.spans.iter().filter(|s| s.regime == *regime).collect();
        let lane_h = spans.len() as f64 * row_h + 24.0;
        let _ = writeln!(
            body,
            r##"<rect x="0" y="{y}" width="{}" height="{lane_h}" fill="#f6f8fa" stroke="#d0d7de"/>"##,
            x0 + width + 20.0
        );
        let _ = writeln!(
            body,
            r##"<text x="8" y="{}" font-weight="bold" font-size="13">{}</text>"##,
            y + 16.0,
            xml(regime)
        );
        for (i, s) in spans.iter().enumerate() {
            let ry = y + 20.0 + i as f64 * row_h;
            let color = match s.effect.as_str() {
                "prohibition" => "#cf222e",
                "classification" => "#8250df",
                "exemption" => "#1a7f37",
                _ => "#0969da",
            };
            let x1 = x(s.start).max(x0);
            let x2 = s.end.map(x).unwrap_or(x0 + width).max(x1 + 3.0);
            let opacity = if s.undetermined { "0.35" } else { "0.85" };
            let _ = writeln!(
                body,
                r##"<rect x="{x1:.1}" y="{ry:.1}" width="{:.1}" height="{}" fill="{color}" fill-opacity="{opacity}" rx="2"><title>{} — {} from {}{}</title></rect>"##,
                x2 - x1,
                row_h - 4.0,
                xml(&s.rule),
                xml(&s.title),
                s.start,
                s.end.map(|e| format!(" to {e}")).unwrap_or_default()
            );
            let label: String = s.title.chars().take(38).collect();
            let _ = writeln!(
                body,
                r##"<text x="16" y="{:.1}" font-size="10" fill="#24292f">{}</text>"##,
                ry + 10.0,
                xml(&label)
            );
        }
        y += lane_h + 8.0;
    }
    let height = y + 40.0;
    let mut axis = String::new();
    for year in start.year()..=end.year() {
        if let Ok(d) = Date::new(year, 1, 1) {
            let xx = x(d);
            let _ = writeln!(
                axis,
                r##"<line x1="{xx:.1}" y1="50" x2="{xx:.1}" y2="{:.1}" stroke="#d0d7de" stroke-dasharray="2,3"/><text x="{:.1}" y="45" font-size="11" fill="#57606a">{year}</text>"##,
                y,
                xx + 2.0
            );
        }
    }
    let today = x(t.as_of);
    let _ = writeln!(
        axis,
        r##"<line x1="{today:.1}" y1="50" x2="{today:.1}" y2="{y:.1}" stroke="#bf8700" stroke-width="2"/><text x="{:.1}" y="{:.1}" font-size="11" fill="#bf8700">as of {}</text>"##,
        today + 3.0,
        y + 14.0,
        t.as_of
    );
    let title = format!(
        "aigov timeline: {} ({}), law as of {}",
        t.name.as_deref().unwrap_or("(unnamed)"),
        t.subject,
        t.as_of
    );
    let legend = r##"<g font-size="11"><rect x="260" y="HY" width="10" height="10" fill="#0969da"/><text x="274" y="HT">obligation</text><rect x="350" y="HY" width="10" height="10" fill="#cf222e"/><text x="364" y="HT">prohibition</text><rect x="445" y="HY" width="10" height="10" fill="#8250df"/><text x="459" y="HT">classification</text><rect x="550" y="HY" width="10" height="10" fill="#1a7f37"/><text x="564" y="HT">exemption</text><rect x="640" y="HY" width="10" height="10" fill="#0969da" fill-opacity="0.35"/><text x="654" y="HT">undetermined</text></g>"##
        .replace("HY", &format!("{:.1}", y + 22.0))
        .replace("HT", &format!("{:.1}", y + 31.0));
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{height:.0}" viewBox="0 0 {w:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif">
<title>{t}</title>
<rect width="100%" height="100%" fill="white"/>
<text x="8" y="22" font-size="15" font-weight="bold">{t}</text>
{body}{axis}{legend}
</svg>
"##,
        w = x0 + width + 20.0,
        t = xml(&title)
    )
}
