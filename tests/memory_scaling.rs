//! Memory of one classification stays bounded on a dense document (issue 21, item 7): a
//! document four times as long, every word of it a topic hit, needs about the same working
//! memory beyond its text (a long document is read a window at a time), and reports keep at
//! most `max_hits` hits while counting them all.
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

/// Peak bytes allocated above the level before, while classifying `text` on a new thread
/// (whose working buffers start empty), and the report's stored and dropped hits.
fn peak_of(clf: &Classifier, text: &str) -> (usize, usize, usize) {
    std::thread::scope(|s| {
        s.spawn(|| {
            let base = LIVE.load(Ordering::Relaxed);
            PEAK.store(base, Ordering::Relaxed);
            let r = clf.classify(text);
            let peak = PEAK.load(Ordering::Relaxed) - base;
            (peak, r.hits.len(), r.hits_dropped)
        })
        .join()
        .unwrap()
    })
}

#[test]
fn dense_document_memory_is_bounded_and_hits_are_capped() {
    // windows of 32 KiB, so that the documents below are cut into many
    let clf = Classifier::builder()
        .max_hits(1_000)
        .window_bytes(32 << 10)
        .build()
        .unwrap();
    // warm up: lazily built tables (shared by all threads)
    let _ = clf.classify("Tibet.");
    let unit = "Tibet. ";
    let small = unit.repeat(1_000_000 / unit.len());
    let large = unit.repeat(4_000_000 / unit.len());
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
            "peak {p1} bytes beyond {} bytes of text, {p4} beyond {} ({ratio:.2}x)\n",
            small.len(),
            large.len(),
        ),
    );
    // four times the text, about the same working memory: a window's, not the document's
    assert!(ratio < 1.5, "4x text, {ratio:.2}x peak memory");
    assert!(
        p4 < large.len() / 2,
        "{p4} bytes beyond {} of text",
        large.len()
    );
}
