//! A printable [`Document`] laid out as a PDF (A4), written with `pdf-writer` (the PDF writer of the Typst
//! project: small, pure Rust, no C library, nothing fetched at run time).
//!
//! The text is set in Helvetica, one of the standard fonts every PDF reader has, so no font is embedded and the
//! file stays small. Its encoding (WinAnsi) covers English and Western European text, not Chinese: PDFs are
//! therefore made from English documents. A character the font cannot show (a Chinese title in the corpus, an
//! arrow) is never dropped silently: a few symbols are spelled out (`→` becomes `->`), any other becomes `?`, and
//! the PDF then says on its first page how many were replaced and that the HTML report shows them. Embedding a
//! CJK font would add megabytes to the binary for a page the browser can already print; see docs/web.md.

use crate::document::{Block, Document};
use crate::i18n::{Arg, Lang};
use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 50.0;
const TOP: f32 = PAGE_H - MARGIN;
const BOTTOM: f32 = MARGIN + 20.0;
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;

/// Helvetica's advance widths (per 1000 em) of the printable ASCII characters, from its Adobe font metrics.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/// Helvetica-Bold's advance widths of the printable ASCII characters.
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Text in the font's encoding, and how many characters had to be replaced by `?`.
fn encode(s: &str) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(s.len());
    let mut replaced = 0;
    for c in s.chars() {
        let b: &[u8] = match c {
            ' '..='~' => {
                out.push(c as u8);
                continue;
            }
            '\u{a0}'..='\u{ff}' => {
                out.push(c as u32 as u8);
                continue;
            }
            '\t' | '\n' | '\r' => b" ",
            '€' => b"\x80",
            '‚' => b"\x82",
            '„' => b"\x84",
            '…' => b"\x85",
            '†' => b"\x86",
            '‡' => b"\x87",
            '‰' => b"\x89",
            'Š' => b"\x8a",
            'Œ' => b"\x8c",
            'Ž' => b"\x8e",
            '‘' => b"\x91",
            '’' => b"\x92",
            '“' => b"\x93",
            '”' => b"\x94",
            '•' => b"\x95",
            '–' => b"\x96",
            '—' => b"\x97",
            '™' => b"\x99",
            'š' => b"\x9a",
            'œ' => b"\x9c",
            'ž' => b"\x9e",
            'Ÿ' => b"\x9f",
            '→' => b"->",
            '←' => b"<-",
            '≥' => b">=",
            '≤' => b"<=",
            '≠' => b"!=",
            '≈' => b"~",
            '−' => b"-",
            '′' => b"'",
            '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}' => b" ",
            _ => {
                replaced += 1;
                b"?"
            }
        };
        out.extend_from_slice(b);
    }
    (out, replaced)
}

/// The width of encoded text in points.
fn width(text: &[u8], bold: bool, size: f32) -> f32 {
    let table = if bold { &HELVETICA_BOLD } else { &HELVETICA };
    let units: u32 = text
        .iter()
        .map(|b| match b {
            0x20..=0x7e => u32::from(table[usize::from(b - 0x20)]),
            0x95 => 350,
            0x85 | 0x89 | 0x97 => 1000,
            0x91 | 0x92 => 222,
            _ => 611,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// Breaks encoded text into lines no wider than `max` points, at spaces (a word longer than a line, such as a
/// URL, is cut).
fn wrap(text: &[u8], bold: bool, size: f32, max: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let mut line: Vec<u8> = Vec::new();
    for word in text.split(|b| *b == b' ').filter(|w| !w.is_empty()) {
        let mut candidate = line.clone();
        if !candidate.is_empty() {
            candidate.push(b' ');
        }
        candidate.extend_from_slice(word);
        if width(&candidate, bold, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than the line is cut where it overflows.
        for &b in word {
            line.push(b);
            if width(&line, bold, size) > max {
                line.pop();
                lines.push(std::mem::take(&mut line));
                line.push(b);
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One piece of text placed on a page.
struct Placed {
    x: f32,
    y: f32,
    bold: bool,
    size: f32,
    grey: bool,
    text: Vec<u8>,
}

/// A horizontal line: from x, to x, at y.
type Line = (f32, f32, f32);

/// Lays text out page by page: each page's placed text and lines.
struct Layout {
    pages: Vec<(Vec<Placed>, Vec<Line>)>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout {
            pages: vec![(Vec::new(), Vec::new())],
            y: TOP,
        }
    }

    /// Makes room for `h` points, starting a new page when the current one is full.
    fn room(&mut self, h: f32) {
        if self.y - h < BOTTOM {
            self.pages.push((Vec::new(), Vec::new()));
            self.y = TOP;
        }
    }

    fn put(&mut self, x: f32, line: Vec<u8>, bold: bool, size: f32, grey: bool) {
        if let Some((texts, _)) = self.pages.last_mut() {
            texts.push(Placed {
                x,
                y: self.y - size,
                bold,
                size,
                grey,
                text: line,
            });
        }
    }

    /// A wrapped paragraph at indent `x`.
    fn text(&mut self, x: f32, s: &str, bold: bool, size: f32, grey: bool) {
        let (bytes, _) = encode(s);
        for line in wrap(&bytes, bold, size, WIDTH - (x - MARGIN)) {
            let h = size * 1.35;
            self.room(h);
            self.put(x, line, bold, size, grey);
            self.y -= h;
        }
    }

    /// A horizontal rule at the current height.
    fn rule(&mut self) {
        let y = self.y - 2.0;
        if let Some((_, rules)) = self.pages.last_mut() {
            rules.push((MARGIN, MARGIN + WIDTH, y));
        }
        self.y -= 5.0;
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let size = 8.5;
        let n = header.len().max(1);
        // Each column is at least as wide as its longest word (so dates and codes do not break), within bounds;
        // the rest of the width goes to the columns with the longest cells.
        let cells = |c: usize| {
            std::iter::once((header.get(c), true))
                .chain(rows.iter().map(move |r| (r.get(c), false)))
        };
        let min: Vec<f32> = (0..n)
            .map(|c| {
                cells(c)
                    .filter_map(|(s, bold)| s.map(|s| (s, bold)))
                    .flat_map(|(s, bold)| {
                        let (bytes, _) = encode(s);
                        bytes
                            .split(|b| *b == b' ')
                            .map(|w| width(w, bold, size))
                            .collect::<Vec<_>>()
                    })
                    .fold(0.0_f32, f32::max)
                    .min(140.0)
                    + 6.0
            })
            .collect();
        let weights: Vec<f32> = (0..n)
            .map(|c| {
                let longest = cells(c)
                    .filter_map(|(s, _)| s)
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(1);
                (longest.clamp(6, 60)) as f32
            })
            .collect();
        let min_total: f32 = min.iter().sum();
        let widths: Vec<f32> = if min_total >= WIDTH {
            min.iter().map(|m| m * WIDTH / min_total).collect()
        } else {
            let total: f32 = weights.iter().sum();
            let extra = WIDTH - min_total;
            min.iter()
                .zip(&weights)
                .map(|(m, w)| m + extra * w / total)
                .collect()
        };
        let row = |cells: &[String], bold: bool, layout: &mut Layout| {
            let wrapped: Vec<Vec<Vec<u8>>> = (0..n)
                .map(|c| {
                    let (bytes, _) = encode(cells.get(c).map(String::as_str).unwrap_or(""));
                    wrap(
                        &bytes,
                        bold,
                        size,
                        widths.get(c).copied().unwrap_or(WIDTH) - 6.0,
                    )
                })
                .collect();
            let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let h = size * 1.3;
            layout.room(h * lines.min(20) as f32 + 3.0);
            let top = layout.y;
            let mut x = MARGIN;
            for (c, cell) in wrapped.into_iter().enumerate() {
                layout.y = top;
                for line in cell {
                    layout.room(h);
                    layout.put(x, line, bold, size, false);
                    layout.y -= h;
                }
                x += widths.get(c).copied().unwrap_or(0.0);
            }
            layout.y = top - h * lines as f32 - 3.0;
        };
        row(header, true, self);
        self.rule();
        for r in rows {
            row(r, false, self);
        }
        self.y -= 4.0;
    }
}

/// How many characters of the document the PDF's font cannot show.
pub fn unsupported_characters(doc: &Document) -> usize {
    doc.texts().iter().map(|t| encode(t).1).sum()
}

/// Lays the document out as a PDF and returns its bytes. Build the document in English ([`Lang::En`]): the PDF's
/// font shows Latin text only (see the module's documentation).
pub fn render(doc: &Document) -> Vec<u8> {
    let mut l = Layout::new();
    l.text(MARGIN, &doc.title, true, 16.0, false);
    for s in &doc.subtitle {
        l.text(MARGIN, s, false, 9.0, true);
    }
    let replaced = unsupported_characters(doc);
    if replaced > 0 {
        l.y -= 4.0;
        l.text(
            MARGIN,
            &Lang::En.ta("doc-pdf-replaced", &[("count", Arg::Num(replaced as f64))]),
            true,
            9.0,
            false,
        );
    }
    for s in &doc.sections {
        l.y -= 8.0;
        l.room(40.0);
        l.text(MARGIN, &s.heading, true, 12.0, false);
        l.rule();
        for b in &s.blocks {
            match b {
                Block::Paragraph { text } => {
                    l.text(MARGIN, text, false, 10.0, false);
                    l.y -= 3.0;
                }
                Block::Bullets { items } => {
                    for i in items {
                        l.room(14.0);
                        l.put(MARGIN + 2.0, b"\x95".to_vec(), false, 10.0, false);
                        l.text(MARGIN + 12.0, &i.text, false, 10.0, false);
                        if let Some(u) = &i.url {
                            l.text(MARGIN + 12.0, u, false, 8.0, true);
                        }
                        l.y -= 2.0;
                    }
                }
                Block::Table { header, rows } => l.table(header, rows),
            }
        }
    }
    l.y -= 10.0;
    l.text(MARGIN, &doc.footer, false, 8.0, true);
    write(&doc.title, l)
}

fn write(title: &str, l: Layout) -> Vec<u8> {
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first = 6;
    let count = l.pages.len();
    let page_ids: Vec<Ref> = (0..count).map(|i| Ref::new(first + 2 * i as i32)).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(count as i32);
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("aigov"));
    for (n, (page_id, (texts, rules))) in page_ids.iter().zip(l.pages).enumerate() {
        let content_id = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(tree)
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular)
            .pair(Name(b"F2"), bold);
        drop(page);
        let mut c = Content::new();
        c.set_line_width(0.5);
        c.set_stroke_gray(0.6);
        for (x1, x2, y) in rules {
            c.move_to(x1, y).line_to(x2, y);
        }
        c.stroke();
        for t in texts {
            c.set_fill_gray(if t.grey { 0.35 } else { 0.0 });
            c.begin_text();
            c.set_font(Name(if t.bold { b"F2" } else { b"F1" }), t.size);
            c.next_line(t.x, t.y);
            c.show(Str(&t.text));
            c.end_text();
        }
        let footer = format!("{} / {count}", n + 1);
        c.set_fill_gray(0.35);
        c.begin_text();
        c.set_font(Name(b"F1"), 8.0);
        c.next_line(
            PAGE_W - MARGIN - width(footer.as_bytes(), false, 8.0),
            MARGIN - 10.0,
        );
        c.show(Str(footer.as_bytes()));
        c.end_text();
        pdf.stream(content_id, &c.finish());
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Item, Section};

    fn doc(text: &str) -> Document {
        Document {
            lang: Lang::En,
            title: "Report: NVIDIA H100 SXM".into(),
            subtitle: vec!["As of 2025-06-01".into()],
            sections: vec![Section {
                heading: "Classifications".into(),
                blocks: vec![
                    Block::Bullets {
                        items: vec![Item {
                            text: text.into(),
                            url: Some("https://www.ecfr.gov/current/title-15".into()),
                        }],
                    },
                    Block::Table {
                        header: vec!["Jurisdiction".into(), "Class".into()],
                        rows: (0..120)
                            .map(|i| vec!["US".into(), format!("3A090.a row {i}")])
                            .collect(),
                    },
                ],
            }],
            footer: "end".into(),
        }
    }

    #[test]
    fn a_pdf_is_well_formed_and_holds_the_text() {
        let bytes = render(&doc("3A090.a — in effect since 2023-11-17 → TPP 15832"));
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
        let s = String::from_utf8_lossy(&bytes);
        assert!(
            s.contains("(3A090.a \\227 in effect since 2023-11-17 -> TPP 15832)")
                || s.contains("3A090.a")
        );
        // 120 rows take more than one page, and each page is numbered.
        assert!(s.contains("/Count 3") || s.contains("/Count 4"), "{s:.400}");
        assert!(s.contains("(1 / "));
        assert!(!s.contains("characters outside"));
    }

    #[test]
    fn characters_the_font_lacks_are_counted_and_announced() {
        let d = doc("生成式人工智能服务管理暂行办法");
        assert_eq!(unsupported_characters(&d), 15);
        let s = String::from_utf8_lossy(&render(&d)).to_string();
        assert!(s.contains("15 characters outside this PDF"), "{s:.600}");
    }

    #[test]
    fn long_words_wrap_within_the_line() {
        let (b, _) = encode(&"x".repeat(400));
        let lines = wrap(&b, false, 10.0, 100.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| width(l, false, 10.0) <= 100.0));
    }
}

#[cfg(test)]
mod parsed {
    use super::*;

    #[test]
    fn a_pdf_reader_parses_it_and_reads_the_classification() {
        let engine = crate::engine(None).expect("engine");
        let chip = crate::chips::catalog()
            .expect("catalog")
            .find("h100 sxm")
            .expect("H100")
            .manifest();
        let s = crate::inventory::Subject {
            id: "s-1".into(),
            name: "NVIDIA H100 SXM".into(),
            version: 1,
            manifest: chip,
        };
        let as_of = "2025-06-01".parse().expect("date");
        let d = crate::document::subject(&engine, &s, as_of, Lang::En, None).expect("report");
        let bytes = render(&d);
        let pdf = lopdf::Document::load_mem(&bytes).expect("lopdf parses the PDF");
        let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
        let text = pdf.extract_text(&pages).expect("text");
        assert!(text.contains("3A090.a"), "{text}");
        assert!(text.contains("15832"), "{text}");
        assert!(text.contains("NVIDIA H100 SXM"), "{text}");
    }
}
