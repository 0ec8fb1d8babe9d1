//! A 50,000-person prisoner registry: how long it takes to build, and what it costs the scan.
//!
//! Run with `cargo bench --bench registry`. The registry is generated at start from a fixed
//! seed (nothing is downloaded): romanised Han names (pinyin, some with Chinese characters),
//! Cantonese names with hyphenated given names, Tibetan and Uyghur names, one in ten marked
//! common. The text is the news-like generated corpus of the throughput bench (`support/gen.rs`)
//! with a few hundred sentences naming registry people added, so both classifiers read the
//! same bytes and the registry one has its people to find.
//!
//! Besides criterion's report, the bench ends with medians from interleaved runs: the build
//! time of the registry classifier, and its scan time over that of the built-in lexicons alone
//! (the targets: under 2 s, and within 10 %).

use criterion::{black_box, criterion_group, Criterion, Throughput};
use rightslens::Classifier;
use std::time::Instant;

#[path = "support/gen.rs"]
mod gen;

const PEOPLE: usize = 50_000;
const CORPUS_BYTES: usize = 4 << 20;

const HAN_SURNAMES: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma",
    "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Pan", "Cai", "Jiang",
    "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Gui", "Qin",
    "Jia", "Xue", "Hou", "Duan", "Hao", "Kong", "Shao", "Qiu", "Lei",
];
const SYLLABLES: &[&str] = &[
    "an", "bin", "bo", "chang", "chao", "chun", "dong", "fang", "fei", "feng", "gang", "guo",
    "hai", "hao", "hong", "hua", "hui", "jian", "jiang", "jie", "jin", "jun", "kai", "lan", "lei",
    "li", "liang", "lin", "ling", "long", "mei", "min", "ming", "na", "ning", "peng", "ping",
    "qiang", "qing", "quan", "rong", "shan", "sheng", "shi", "shu", "tao", "ting", "wei", "wen",
    "xia", "xiang", "xin", "xiu", "xue", "yan", "yang", "yi", "ying", "yong", "yu", "yuan", "yun",
    "zhen", "zhi", "zhong", "zhuo",
];
const HAN_CHARS: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "明", "华", "军", "平",
    "国", "建", "志", "海", "晓", "文", "东", "伟", "强", "永", "春", "兰", "玉", "秀", "英", "勇",
];
const HK_SURNAMES: &[&str] = &[
    "Chan", "Wong", "Cheung", "Lau", "Lee", "Ho", "Ng", "Leung", "Lam", "Tsang", "Chow", "Lo",
    "Yeung", "Kwok", "Fung", "Tse", "Chu", "Yip", "Mak", "Poon", "Tsui", "Choi", "Tam", "Kwan",
];
const HK_SYLLABLES: &[&str] = &[
    "wing", "kee", "hang", "tung", "chi", "kin", "man", "wai", "ming", "yan", "ka", "yin", "lun",
    "fai", "kwok", "chun", "sze", "hoi", "yee", "pui", "shing", "tak", "kit", "fung",
];
const TIBETAN: &[&str] = &[
    "Tenzin", "Tashi", "Lobsang", "Dorje", "Jigme", "Sonam", "Dolma", "Pema", "Ngawang", "Gendun",
    "Tsering", "Kunchok", "Lhamo", "Choephel", "Gyatso", "Thubten", "Yeshe", "Dawa", "Nyima",
    "Kelsang", "Lhundup", "Wangchuk", "Namgyal", "Phuntsok", "Gonpo", "Dhondup", "Rinchen",
    "Tsultrim", "Tsewang", "Lodoe", "Drolma", "Karma", "Tamdin", "Sherab", "Palden", "Yangchen",
    "Dechen", "Jamyang", "Samten", "Tenpa", "Gyaltsen", "Lhakpa", "Norbu", "Kunga",
];
const UYGHUR: &[&str] = &[
    "Abduweli",
    "Ablikim",
    "Adil",
    "Ahmet",
    "Alim",
    "Arslan",
    "Ayup",
    "Dilnur",
    "Ekber",
    "Erkin",
    "Gulnar",
    "Gulshan",
    "Halmurat",
    "Hasan",
    "Ilyas",
    "Kamil",
    "Kurban",
    "Mahmut",
    "Memet",
    "Mihray",
    "Mukhtar",
    "Nurmemet",
    "Obulkasim",
    "Perhat",
    "Qasim",
    "Rahile",
    "Rozi",
    "Sanubar",
    "Sidiq",
    "Tahir",
    "Tursun",
    "Yasin",
    "Yusup",
    "Zulhumar",
    "Abdurehim",
    "Ehmet",
    "Ghulam",
    "Imin",
    "Jalal",
    "Nijat",
    "Patigul",
    "Rustem",
    "Salih",
    "Tashpolat",
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One generated person: `(name, zh, region)`.
fn person(rng: &mut gen::Lcg) -> (String, Option<String>, &'static str) {
    match rng.next_u64() % 10 {
        0..=4 => {
            let given = if rng.next_u64().is_multiple_of(3) {
                cap(rng.pick(SYLLABLES))
            } else {
                cap(&format!("{}{}", rng.pick(SYLLABLES), rng.pick(SYLLABLES)))
            };
            let zh = (rng.next_u64().is_multiple_of(3))
                .then(|| (0..3).map(|_| rng.pick(HAN_CHARS)).collect::<String>());
            (
                format!("{} {given}", rng.pick(HAN_SURNAMES)),
                zh,
                "mainland",
            )
        }
        5..=6 => {
            let given = format!("{}-{}", cap(rng.pick(HK_SYLLABLES)), rng.pick(HK_SYLLABLES));
            (
                format!("{} {given}", rng.pick(HK_SURNAMES)),
                None,
                "hong_kong",
            )
        }
        7..=8 => {
            let n = format!("{} {}", rng.pick(TIBETAN), rng.pick(TIBETAN));
            (n, None, "tibet")
        }
        _ => {
            let n = format!("{} {}", rng.pick(UYGHUR), rng.pick(UYGHUR));
            (n, None, "xinjiang")
        }
    }
}

/// The names of the built-in entries of other topics (officials such as `Chen Quanguo`): a
/// registry person who has no other form than one of these is refused, so none is drawn.
fn taken() -> std::collections::HashSet<String> {
    let lexicons = rightslens::Lexicon::builtin().expect("built-ins");
    let others = lexicons.iter().filter(|l| l.topic != "political_prisoners");
    others
        .flat_map(|l| &l.entries)
        .flat_map(|e| &e.variants)
        .map(|v| v.to_lowercase())
        .collect()
}

/// The registry as JSON Lines, and the names of its people.
fn registry(seed: u64, n: usize) -> (String, Vec<String>) {
    let mut rng = gen::Lcg::new(seed);
    let (mut out, mut names) = (String::new(), Vec::with_capacity(n));
    let taken = taken();
    for i in 0..n {
        let (mut name, mut zh, mut region) = person(&mut rng);
        while taken.contains(&name.to_lowercase()) {
            (name, zh, region) = person(&mut rng);
        }
        let zh = zh.map_or(String::new(), |z| format!("\"{z}\""));
        let common = rng.next_u64().is_multiple_of(10);
        out.push_str(&format!(
            "{{\"id\": \"political_prisoners.person.gen-{i}\", \"name\": \"{name}\", \"zh\": [{zh}], \"region\": \"{region}\", \"status\": \"detained\", \"common\": {common}, \"source\": \"generated\"}}\n"
        ));
        names.push(name);
    }
    (out, names)
}

/// The news-like corpus with one sentence naming a registry person every 10 KB or so.
fn corpus(names: &[String]) -> Vec<String> {
    let mut docs = gen::mixed_corpus(CORPUS_BYTES, gen::Filler::News);
    let mut rng = gen::Lcg::new(7);
    for (i, d) in docs.iter_mut().enumerate() {
        for _ in 0..(d.len() / 10_000).max(usize::from(i % 4 == 0)) {
            let name = &names[(rng.next_u64() as usize) % names.len()];
            d.push_str(&format!(
                " Police detained {name} in March, rights groups said."
            ));
        }
    }
    docs
}

fn build(reg: &str) -> Classifier {
    Classifier::builder()
        .registry_str("generated.jsonl", reg)
        .build()
        .expect("the generated registry builds")
}

fn classify(clf: &Classifier, docs: &[String]) -> usize {
    docs.iter().map(|d| clf.classify(d).prisoners.len()).sum()
}

fn bench_registry(c: &mut Criterion) {
    let (reg, names) = registry(42, PEOPLE);
    let docs = corpus(&names);
    let bytes: usize = docs.iter().map(String::len).sum();
    let (plain, big) = (Classifier::new().expect("built-ins"), build(&reg));
    assert!(classify(&big, &docs) > classify(&plain, &docs));

    let mut g = c.benchmark_group("registry_50k");
    g.sample_size(10);
    g.bench_function("build", |b| b.iter(|| black_box(build(black_box(&reg)))));
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("classify_builtin", |b| {
        b.iter(|| black_box(classify(&plain, black_box(&docs))))
    });
    g.bench_function("classify_with_registry", |b| {
        b.iter(|| black_box(classify(&big, black_box(&docs))))
    });
    g.finish();
}

/// CPU time of this thread (or of the whole process), in seconds: on a machine shared with
/// other jobs, wall time measures the neighbours as much as the code.
#[cfg(unix)]
fn cpu_seconds(process: bool) -> f64 {
    let clock = if process {
        libc::CLOCK_PROCESS_CPUTIME_ID
    } else {
        libc::CLOCK_THREAD_CPUTIME_ID
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant of libc.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

#[cfg(not(unix))]
fn cpu_seconds(_process: bool) -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// Interleaved runs, so machine noise hits both sides alike; prints medians of wall time for
/// the build and of thread CPU time for the scans (single-threaded), and their ratio.
fn summary() {
    let (reg, names) = registry(42, PEOPLE);
    let docs = corpus(&names);
    let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let plain = Classifier::new().expect("built-ins");
    let (mut builds, mut base, mut with) = (Vec::new(), Vec::new(), Vec::new());
    let mut big = None;
    let mut build_cpu = Vec::new();
    for round in 0..11 {
        let (t, c) = (Instant::now(), cpu_seconds(true));
        big = Some(build(&reg));
        builds.push(t.elapsed().as_secs_f64());
        build_cpu.push(cpu_seconds(true) - c);
        let big = big.as_ref().expect("just built");
        // alternate which side runs first, so warm-up and frequency drift hit both alike
        for side in [round % 2, 1 - round % 2] {
            let (clf, times) = if side == 0 {
                (&plain, &mut base)
            } else {
                (big, &mut with)
            };
            let c = cpu_seconds(false);
            black_box(classify(clf, &docs));
            times.push(cpu_seconds(false) - c);
        }
    }
    let big = big.expect("built");
    let (b, s0, s1) = (gen::median(builds), gen::median(base), gen::median(with));
    println!(
        "\nregistry of {PEOPLE} people ({} patterns in all), corpus {mb:.1} MB:",
        big.pattern_count()
    );
    println!(
        "  build (registry + built-ins):     {:>8.3} s wall, {:.3} s CPU",
        b,
        gen::median(build_cpu)
    );
    println!(
        "  classify, built-ins alone:        {:>8.1} MB/s (thread CPU time)",
        mb / s0
    );
    println!(
        "  classify, built-ins + registry:   {:>8.1} MB/s (thread CPU time)",
        mb / s1
    );
    println!("  scan time ratio (registry/alone): {:>8.3}", s1 / s0);
}

criterion_group!(benches, bench_registry);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
