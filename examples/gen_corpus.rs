//! Writes a deterministic synthetic donorbook site for benchmarks.
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR PAGES`
//!
//! PAGES Markdown files in total, split evenly over five locales (en, es in Latin script, mn in
//! Cyrillic, fa in Arabic script, zh-Hant in Han): modules of 10 lessons of 600–900 words with
//! headings, lists, a table, links to the next lesson and a footnote.

use std::fmt::Write as _;
use std::path::Path;

/// xorshift64*: the same seed gives the same corpus on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const EN: &[&str] = &[
    "blood",
    "donor",
    "donation",
    "safe",
    "voluntary",
    "regular",
    "service",
    "patient",
    "plasma",
    "platelets",
    "screening",
    "testing",
    "community",
    "hospital",
    "supply",
    "eligibility",
    "health",
    "care",
    "unit",
    "storage",
    "transfusion",
    "programme",
    "national",
    "team",
    "session",
    "volunteer",
    "the",
    "and",
    "of",
    "to",
    "is",
    "for",
    "with",
    "every",
    "many",
    "people",
];
const ES: &[&str] = &[
    "sangre",
    "donante",
    "donación",
    "segura",
    "voluntaria",
    "regular",
    "servicio",
    "paciente",
    "plasma",
    "plaquetas",
    "tamizaje",
    "comunidad",
    "hospital",
    "suministro",
    "salud",
    "cuidado",
    "unidad",
    "transfusión",
    "programa",
    "nacional",
    "equipo",
    "la",
    "el",
    "y",
    "de",
    "para",
    "con",
    "cada",
    "personas",
];
const MN: &[&str] = &[
    "цус",
    "донор",
    "хандив",
    "аюулгүй",
    "сайн",
    "дурын",
    "тогтмол",
    "үйлчилгээ",
    "өвчтөн",
    "сийвэн",
    "шинжилгээ",
    "олон",
    "нийт",
    "эмнэлэг",
    "нөөц",
    "эрүүл",
    "мэнд",
    "тусламж",
    "нэгж",
    "хадгалалт",
    "сэлбэх",
    "хөтөлбөр",
    "үндэсний",
    "баг",
    "ба",
    "болон",
    "бүр",
];
const FA: &[&str] = &[
    "خون",
    "اهداکننده",
    "اهدای",
    "ایمن",
    "داوطلبانه",
    "منظم",
    "خدمات",
    "بیمار",
    "پلاسما",
    "پلاکت",
    "غربالگری",
    "آزمایش",
    "جامعه",
    "بیمارستان",
    "ذخیره",
    "سلامت",
    "مراقبت",
    "واحد",
    "انتقال",
    "برنامه",
    "ملی",
    "گروه",
    "و",
    "از",
    "به",
    "برای",
    "با",
    "هر",
];
const ZH: &[&str] = &[
    "血", "捐", "献", "安", "全", "自", "愿", "定", "期", "服", "务", "病", "人", "血", "浆", "小", "板", "筛", "检", "社", "区", "医", "院", "供", "应", "健",
    "康", "照", "护", "输", "计", "划", "国", "家", "的", "和",
];

fn words(rng: &mut Rng, vocab: &[&str], n: usize, spaced: bool) -> String {
    let mut s = String::new();
    for i in 0..n {
        if spaced && i > 0 {
            s.push(' ');
        }
        s.push_str(vocab[rng.below(vocab.len())]);
    }
    s
}

fn lesson(rng: &mut Rng, vocab: &[&str], spaced: bool, title: &str, next: Option<&str>) -> String {
    let target = 600 + rng.below(300);
    let mut out = format!("---\ntitle: \"{title}\"\nsummary: \"{}\"\nduration: {}\n---\n", words(rng, vocab, 14, spaced), 5 + rng.below(20));
    let mut written = 0;
    let mut section = 0;
    while written < target {
        section += 1;
        let _ = writeln!(out, "\n## {} {section}\n", words(rng, vocab, 3, spaced));
        for _ in 0..3 {
            let n = 40 + rng.below(40);
            let _ = writeln!(out, "{}.\n", words(rng, vocab, n, spaced));
            written += n;
        }
        for _ in 0..4 {
            let _ = writeln!(out, "- {}", words(rng, vocab, 6, spaced));
            written += 6;
        }
        if section == 2 {
            out.push_str("\n| a | b | c |\n|---|---|---|\n");
            for _ in 0..4 {
                let _ = writeln!(out, "| {} | {} | {} |", words(rng, vocab, 2, spaced), words(rng, vocab, 2, spaced), rng.below(1000));
            }
            written += 16;
        }
    }
    if let Some(n) = next {
        let _ = writeln!(out, "\nContinue with [the next lesson]({n}).[^1]\n\n[^1]: {}", words(rng, vocab, 8, spaced));
    }
    out
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = Path::new(args.get(1).map(String::as_str).unwrap_or("bench-site"));
    let pages: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let locales: [(&str, &str, &[&str], bool); 5] =
        [("en", "English", EN, true), ("es", "Español", ES, true), ("mn", "Монгол", MN, true), ("fa", "فارسی", FA, true), ("zh-Hant", "繁體中文", ZH, false)];
    let per_locale = pages / locales.len();
    let modules = per_locale.div_ceil(11).max(1);
    let mut yaml = String::from("title: Benchmark\ndefault_locale: en\nlocales:\n");
    for (code, name, _, _) in &locales {
        let _ = writeln!(yaml, "  - code: {code}\n    name: {name}");
    }
    write(&out.join("site.yaml"), &yaml);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (i, (code, _, vocab, spaced)) in locales.iter().enumerate() {
        let base = if i == 0 { out.join("content") } else { out.join("locales").join(code).join("content") };
        write(&base.join("_index.md"), &format!("---\ntitle: Home\n---\n{}\n", words(&mut rng, vocab, 50, *spaced)));
        write(&base.join("modules/_index.md"), "---\ntitle: Modules\n---\nAll modules.\n");
        let mut count = 2;
        for m in 0..modules {
            if count >= per_locale {
                break;
            }
            let dir = base.join(format!("modules/m{m:04}"));
            write(
                &dir.join("_index.md"),
                &format!(
                    "---\ntitle: \"Module {m}\"\nsummary: \"{}\"\nobjectives:\n  - \"{}\"\n---\n{}\n",
                    words(&mut rng, vocab, 10, *spaced),
                    words(&mut rng, vocab, 6, *spaced),
                    words(&mut rng, vocab, 60, *spaced)
                ),
            );
            count += 1;
            for l in 0..10 {
                if count >= per_locale {
                    break;
                }
                let next = (l < 9).then(|| format!("{:02}-lesson-{:02}.md", l + 2, l + 2));
                let text = lesson(&mut rng, vocab, *spaced, &format!("Lesson {m}.{l}"), next.as_deref().filter(|_| count + 1 < per_locale));
                write(&dir.join(format!("{:02}-lesson-{:02}.md", l + 1, l + 1)), &text);
                count += 1;
            }
        }
    }
}
