use super::*;
use crate::classifier::Classifier;

proptest::proptest! {
    /// Walking forward finds the same sentences as a binary search per offset, whatever
    /// the order of the offsets.
    #[test]
    fn sentence_cursor_equals_binary_search(
        gaps in proptest::collection::vec(1usize..8, 0..12),
        first in 0usize..4,
        mut offs in proptest::collection::vec(0usize..80, 0..30),
        sorted in proptest::bool::ANY,
    ) {
        let starts: Vec<usize> = gaps
            .iter()
            .scan(first, |s, &g| {
                let here = *s;
                *s += g;
                Some(here)
            })
            .collect();
        if sorted {
            offs.sort_unstable();
        }
        let mut cursor = SentenceCursor::new(&starts);
        for off in offs {
            let want = starts.partition_point(|&s| s <= off).saturating_sub(1);
            proptest::prop_assert_eq!(cursor.sentence_of(off), want);
        }
    }
}

#[test]
fn scratch_reuse_gives_the_same_reports() {
    let clf = Classifier::new().unwrap();
    let texts = [
        "The Dalai Lama spoke about Tibet. Jimmy Lai remains detained; Lai was sentenced.",
        "",
        "Hong Kong stocks fell on the stock exchange.\n\nTaiwan Strait tensions rose.",
        "Ilham Tohti and Xinjiang. Tohti's daughter spoke.",
    ];
    let first: Vec<Report> = texts.iter().map(|t| clf.classify(t)).collect();
    // again, in another order, with the buffers left by other documents
    for (t, want) in texts.iter().zip(&first).rev() {
        assert_eq!(&clf.classify(t), want);
        let mut fresh = Scratch::default();
        assert_eq!(&clf.inner.classify_into("", t, &mut fresh), want);
    }
}

#[test]
fn classifier_is_send_sync_clone() {
    fn assert_traits<T: Send + Sync + Clone>() {}
    assert_traits::<Classifier>();
}
