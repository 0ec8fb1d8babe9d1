//! Memory of one classification grows linearly with a dense document (issue 21, item 7): a
//! document four times as long, every word of it a topic hit, needs about four times the
//! memory at its peak, and reports keep at most `max_hits` hits while counting them all.
//!
//! A global allocator that counts live bytes and their peak (this test binary only).

use rightslens::Classifier;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; the counters only
// observe the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Peak bytes allocated above the level before, while classifying `text`, and the report's
/// stored and dropped hits.
fn peak_of(clf: &Classifier, text: &str) -> (usize, usize, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = clf.classify(text);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    (peak, r.hits.len(), r.hits_dropped)
}

#[test]
fn dense_document_memory_is_linear_and_hits_are_capped() {
    let clf = Classifier::builder().max_hits(1_000).build().unwrap();
    // warm up: lazily built tables and this thread's buffers
    let _ = clf.classify("Tibet.");
    let unit = "Tibet. ";
    let small = unit.repeat(500_000 / unit.len());
    let large = unit.repeat(2_000_000 / unit.len());
    let (p1, kept1, dropped1) = peak_of(&clf, &small);
    let (p4, kept4, dropped4) = peak_of(&clf, &large);
    let hits = |text: &str| text.len() / unit.len();
    assert_eq!((kept1, kept4), (1_000, 1_000));
    assert_eq!(kept1 + dropped1, hits(&small));
    assert_eq!(kept4 + dropped4, hits(&large));
    let ratio = p4 as f64 / p1 as f64;
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "peak {p1} bytes for {} bytes of text, {p4} for {} ({ratio:.2}x; {:.0} and {:.0} bytes per byte)\n",
            small.len(),
            large.len(),
            p1 as f64 / small.len() as f64,
            p4 as f64 / large.len() as f64
        ),
    );
    assert!(
        (3.0..5.0).contains(&ratio),
        "4x text, {ratio:.2}x peak memory"
    );
}
