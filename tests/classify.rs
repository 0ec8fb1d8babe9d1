//! Public-API tests: matching semantics through the builder, and the default lexicons on the
//! sample statements shipped in `examples/data`.

use rightslens::{Classifier, Report};

const DEMO: &str = r#"
[lexicon]
topic = "demo"
sources = ["test fixture"]

[[entry]]
id = "demo.place.taiwan"
kind = "place"
variants = ["Taiwan"]
source = "test"

[[entry]]
id = "demo.place.taiwan-strait"
kind = "place"
variants = ["Taiwan Strait"]
source = "test"

[[entry]]
id = "demo.place.roc"
kind = "place"
variants = ["Republic of China"]
source = "test"

[[entry]]
id = "demo.place.prc"
kind = "place"
role = "block"
variants = ["People's Republic of China"]
source = "test"

[[entry]]
id = "demo.place.urumqi"
kind = "place"
variants = ["Ürümqi"]
source = "test"

[[entry]]
id = "demo.place.hong-kong"
kind = "place"
variants = ["Hong Kong", "香港"]
source = "test"

[[entry]]
id = "demo.place.et"
kind = "place"
variants = ["East Turkestan"]
source = "test"

[[entry]]
id = "demo.organisation.etge"
kind = "organisation"
variants = ["East Turkestan Government-in-Exile"]
source = "test"

[[entry]]
id = "demo.concept.uyghur"
kind = "concept"
mode = "prefix"
variants = ["Uyghur*"]
source = "test"

[[entry]]
id = "demo.place.tibet"
kind = "place"
variants = ["Tibet", "西藏"]
source = "test"
"#;

fn demo() -> Classifier {
    Classifier::builder()
        .without_builtin()
        .lexicon_str("demo.toml", DEMO)
        .build()
        .expect("demo lexicon builds")
}

/// The matched texts of a report, in order.
fn matched(r: &Report) -> Vec<&str> {
    r.hits.iter().map(|h| h.text.as_str()).collect()
}

/// Every hit slices the original text back to its own text.
fn assert_offsets(text: &str, r: &Report) {
    for h in &r.hits {
        assert_eq!(&text[h.start..h.end], h.text, "hit {h:?}");
    }
    for p in &r.prisoners {
        for m in &p.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
    }
}

fn check(text: &str, want: &[&str]) {
    let r = demo().classify(text);
    assert_offsets(text, &r);
    assert_eq!(matched(&r), want, "text {text:?}");
}

#[test]
fn case_folding_beyond_ascii() {
    check("Riots in ÜRÜMQI and ürümqi", &["ÜRÜMQI", "ürümqi"]);
}

#[test]
fn quotes_and_possessives() {
    check("Taiwan’s and Taiwan's future", &["Taiwan", "Taiwan"]);
}

#[test]
fn full_width_forms() {
    check("ＴＡＩＷＡＮ", &["ＴＡＩＷＡＮ"]);
}

#[test]
fn whitespace_and_line_breaks_inside_phrases() {
    check(
        "in Hong\n  Kong and Hong\tKong",
        &["Hong\n  Kong", "Hong\tKong"],
    );
}

#[test]
fn dashes_equal_spaces() {
    check(
        "the East Turkestan Government in Exile and East Turkestan–Government–in–Exile",
        &[
            "East Turkestan Government in Exile",
            "East Turkestan–Government–in–Exile",
        ],
    );
}

#[test]
fn whole_words_only() {
    check("Tibetans, Tibetology, Taiwanese", &[]);
}

#[test]
fn prefix_mode() {
    check("Uyghurs and Uyghur-language", &["Uyghurs", "Uyghur"]);
}

#[test]
fn longer_candidate_failing_boundary_keeps_shorter() {
    check("the Taiwan Straits", &["Taiwan"]);
    check("the Taiwan Strait", &["Taiwan Strait"]);
}

#[test]
fn leftmost_longest() {
    check(
        "East Turkestan Government-in-Exile",
        &["East Turkestan Government-in-Exile"],
    );
}

#[test]
fn curly_apostrophe_prc_is_not_roc() {
    check("the People’s Republic of China", &[]);
    check("the People's Republic of China", &[]);
    check(
        "the Republic of China (Taiwan)",
        &["Republic of China", "Taiwan"],
    );
}

#[test]
fn chinese_script_without_spaces() {
    check("关于西藏和香港的声明", &["西藏", "香港"]);
}

/// A Chinese form may start with an opening quote (“藏独”): the quotes are what set it apart
/// from the same characters inside other words (收藏独特, "a distinctive collection").
#[test]
fn quoted_chinese_forms() {
    let clf = Classifier::new().unwrap();
    let text = "中国政府反对“藏独”势力，也反对「藏獨」。他收藏独特的瓷器。";
    let r = clf.classify(text);
    assert_offsets(text, &r);
    let zang_du: Vec<&str> = r
        .hits
        .iter()
        .filter(|h| h.entry == "tibet.concept.zang-du")
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(zang_du, ["“藏独”", "「藏獨」"]);
}

#[test]
fn empty_and_no_hits() {
    let clf = demo();
    for t in ["", "   \n", "Nothing relevant here."] {
        let r = clf.classify(t);
        assert!(r.hits.is_empty());
        assert!(r.topics.values().all(|s| !s.present && s.score == 0.0));
    }
    assert_eq!(clf.classify("").sentences, 0);
}

#[test]
fn every_default_topic_is_reported() {
    let clf = Classifier::new().unwrap();
    let r = clf.classify("nothing");
    for t in rightslens::DEFAULT_TOPICS {
        assert!(r.topics.contains_key(t), "{t}");
    }
}

fn samples() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().to_string();
            (id, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn batch_equals_single() {
    let clf = Classifier::new().unwrap();
    let docs: Vec<rightslens::Document> = samples()
        .into_iter()
        .map(|(id, t)| rightslens::Document::new(id, t))
        .collect();
    let batch = clf.classify_documents(&docs);
    for (d, b) in docs.iter().zip(&batch) {
        assert_eq!(&clf.classify_with_id(&d.id, &d.text), b);
        assert_offsets(&d.text, b);
    }
}

/// The shipped samples say in their titles which topics they raise; these are the
/// expectations a reader of each sample would have.
#[test]
fn default_lexicons_on_samples() {
    let clf = Classifier::new().unwrap();
    let expect: &[(&str, &[&str], &[&str])] = &[
        (
            "readout_tibet",
            &["tibet", "political_prisoners"],
            &["Gedhun Choekyi Nyima"],
        ),
        (
            "ngo_letter_prisoners",
            &["political_prisoners", "xinjiang", "hong_kong"],
            &[
                "Ilham Tohti",
                "Ding Jiaxi",
                "Xu Zhiyong",
                "Zhang Zhan",
                "Jimmy Lai",
            ],
        ),
        ("xinjiang_forced_labor", &["xinjiang"], &[]),
        ("hong_kong_nsl", &["hong_kong", "political_prisoners"], &[]),
        ("taiwan_strait", &["taiwan"], &[]),
        ("market_report", &[], &[]),
        ("travel_note", &[], &[]),
        ("trade_readout", &[], &[]),
        ("mfa_answer", &["hong_kong"], &[]),
        (
            "zh_statement",
            &["tibet", "xinjiang", "hong_kong", "political_prisoners"],
            &["Ilham Tohti"],
        ),
    ];
    let samples = samples();
    assert_eq!(samples.len(), expect.len());
    for (id, topics, people) in expect {
        let text = &samples.iter().find(|(i, _)| i == id).unwrap().1;
        let r = clf.classify(text);
        let present: Vec<&str> = r.present_topics().map(|(t, _)| t).collect();
        let mut want: Vec<&str> = topics.to_vec();
        want.sort();
        assert_eq!(present, want, "{id}: {:#?}", r.topics);
        for p in *people {
            assert!(
                r.prisoners.iter().any(|x| x.name == *p),
                "{id}: {p} not found in {:?}",
                r.prisoners
            );
        }
    }
}

/// Reports are plain serde data: the strings of hits and prisoners (borrowed when classified,
/// owned when deserialised) are plain JSON strings and come back equal, matched texts longer
/// than the 24 bytes kept inline included. (Floats are left out of the comparison: serde_json
/// may parse a float back one ulp off.)
#[test]
fn report_strings_round_trip_through_json() {
    let clf = Classifier::new().unwrap();
    let strings = |r: &Report| -> Vec<(String, String, usize, usize, String)> {
        r.hits
            .iter()
            .map(|h| {
                let (t, e, x) = (h.topic.to_string(), h.entry.to_string(), h.text.to_string());
                (t, e, h.start, h.end, x)
            })
            .collect()
    };
    let mut long_text = false;
    let mut prisoners = 0;
    for (id, text) in samples() {
        let r = clf.classify_with_id(&id, &text);
        long_text |= r.hits.iter().any(|h| h.text.len() > 24);
        prisoners += r.prisoners.len();
        let json = serde_json::to_string(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(strings(&back), strings(&r), "{id}");
        assert_eq!(back.prisoners, r.prisoners, "{id}");
        let value = serde_json::to_value(&r).unwrap();
        for h in value["hits"].as_array().unwrap() {
            let keys: Vec<&str> = h.as_object().unwrap().keys().map(|k| k.as_str()).collect();
            let want = [
                "topic", "entry", "role", "start", "end", "text", "sentence", "evidence",
            ];
            // `sense` is there only for judged mentions (places, ethnonyms)
            let sense = h.get("sense");
            assert_eq!(
                keys.len(),
                want.len() + sense.is_some() as usize,
                "{id}: {h}"
            );
            if let Some(s) = sense {
                assert!(
                    s["issue"].is_boolean() && s["reason"].is_string(),
                    "{id}: {h}"
                );
            }
            for field in want {
                assert!(keys.contains(&field), "{id}: {field} missing in {h}");
            }
            for field in ["topic", "entry", "text"] {
                assert!(h[field].is_string(), "{id}: {field} of {h}");
            }
        }
        for p in value["prisoners"].as_array().unwrap() {
            assert!(p["id"].is_string() && p["name"].is_string(), "{id}: {p}");
            assert!(
                p["region"].is_string() || p["region"].is_null(),
                "{id}: {p}"
            );
            assert!(p["mentions"][0]["text"].is_string(), "{id}: {p}");
        }
    }
    assert!(long_text, "no sample has a matched text over 24 bytes");
    assert!(prisoners > 0, "no sample names a prisoner");
}

/// Entry ids and topic names are interned: classifiers rebuilt from the same lexicons share
/// one copy of each, and hits borrow it.
#[test]
fn rebuilt_classifiers_share_interned_ids() {
    use std::borrow::Cow;
    let text = "Jimmy Lai and Tibet.";
    let a = Classifier::new().unwrap().classify(text);
    let b = Classifier::new().unwrap().classify(text);
    assert!(!a.hits.is_empty());
    for (x, y) in a.hits.iter().zip(&b.hits) {
        assert!(matches!(x.entry, Cow::Borrowed(_)) && matches!(x.topic, Cow::Borrowed(_)));
        assert!(std::ptr::eq(&*x.entry, &*y.entry), "{}", x.entry);
        assert!(std::ptr::eq(&*x.topic, &*y.topic), "{}", x.topic);
    }
    let (p, q) = (&a.prisoners[0], &b.prisoners[0]);
    assert!(std::ptr::eq(&*p.id, &*q.id) && std::ptr::eq(&*p.name, &*q.name));
}

/// General political-prisoner terms count for China only when China (or a topic name) is
/// near them, or the document is about China: a long report on another country that names
/// China once, far away, does not raise the issue.
#[test]
fn general_prisoner_terms_need_china_nearby() {
    let clf = Classifier::new().unwrap();
    let filler = "The ministry published its annual budget and the parliament debated it. ";
    let prisoners = "There were reports of political prisoners held by the government, and \
                     observers called for the release of all political prisoners. ";
    let far = format!(
        "China signed a trade deal. {}{prisoners}{}",
        filler.repeat(30),
        filler.repeat(30)
    );
    let r = clf.classify(&far);
    assert!(!r.topics["political_prisoners"].present, "{:#?}", r.topics);

    let near = format!(
        "{}Beijing was urged to act. {prisoners}{}",
        filler.repeat(30),
        filler.repeat(30)
    );
    let r = clf.classify(&near);
    assert!(r.topics["political_prisoners"].present, "{:#?}", r.topics);

    // two sentences away is no longer near (ScoreModel::china_window is 1)
    let two_away = near.replace("act. ", &format!("act. {filler}"));
    let r = clf.classify(&two_away);
    assert!(!r.topics["political_prisoners"].present, "{:#?}", r.topics);

    // the old rule, a China cue anywhere in the document, as a study may want it
    let model = rightslens::ScoreModel {
        china_window: usize::MAX,
        ..Default::default()
    };
    let wide = Classifier::builder().model(model).build().unwrap();
    assert!(wide.classify(&far).topics["political_prisoners"].present);
}

/// A diplomat's past posting is not the Taiwan or Hong Kong question (codebook level 0): the
/// career wording of a nomination announcement marks the sentence as non-political.
#[test]
fn past_postings_do_not_raise_a_topic() {
    let clf = Classifier::new().unwrap();
    let bio = "The President announced his intent to nominate a career diplomat as Ambassador. \
               Early in her career, she was Deputy Coordinator of the Taiwan Coordination Staff. \
               Other postings include assignments in Canada, Hong Kong, and Kenya.";
    let r = clf.classify(bio);
    assert!(!r.topics["taiwan"].present, "{:#?}", r.topics);
    assert!(!r.topics["hong_kong"].present, "{:#?}", r.topics);
    // the same places in a statement on the issues still count
    let r = clf.classify("She raised Taiwan and Hong Kong with her counterpart.");
    assert!(r.topics["taiwan"].present && r.topics["hong_kong"].present);
}

/// A main subject is raised early or is the document's strongest topic: a topic that first
/// comes up after 40 % of the sentences, behind a stronger one, is present but not primary.
#[test]
fn a_topic_raised_late_is_not_primary() {
    let clf = Classifier::new().unwrap();
    let opening = "The two ministers met in Washington on Monday to discuss Hong Kong. They \
                   discussed the national security law in Hong Kong. They raised the jailing of \
                   Jimmy Lai. They talked about press freedom in Hong Kong. They agreed to meet \
                   again in the autumn. The talks lasted three hours. ";
    let tibet = "They also raised Tibet and the detention of Tibetans. The Dalai Lama was \
                 mentioned. Tibetan monasteries face new rules. ";
    let late = format!("{opening}{tibet}");
    let r = clf.classify(&late);
    let t = &r.topics["tibet"];
    assert!(
        t.present && !t.raised_early && !t.main_subject && !t.primary,
        "{t:#?}"
    );
    assert!(
        r.topics["hong_kong"].primary,
        "{:#?}",
        r.topics["hong_kong"]
    );
    assert!(
        t.score >= 0.65,
        "the score alone would make it primary: {t:#?}"
    );

    // the same sentences first: a main subject
    let r = clf.classify(&format!("{tibet}{opening}"));
    let t = &r.topics["tibet"];
    assert!(t.raised_early && t.primary, "{t:#?}");

    // late, but the only issue of the document (a memorandum after boilerplate): a main subject
    let boilerplate = "By the authority vested in me as President by the Constitution and the \
                       laws of the United States, it is hereby ordered as follows. ";
    let memo = format!("{}{tibet}", boilerplate.repeat(5));
    let t = &clf.classify(&memo).topics["tibet"];
    assert!(!t.raised_early && t.main_subject && t.primary, "{t:#?}");

    // a study that wants the score alone can lift the rule
    let model = rightslens::ScoreModel {
        primary_within: 1.0,
        ..Default::default()
    };
    let anywhere = Classifier::builder().model(model).build().unwrap();
    assert!(anywhere.classify(&late).topics["tibet"].primary);
}

/// A court report that opens on the trial and names the defendant in its last paragraph is
/// about him from its first line: the prisoner topic is raised at its first custody
/// sentence. Shortened from https://www.nabamart.com/2025/08/hong-kong-court-sentences-bus-mechanic.html
/// (a relay of a Hong Kong court report, 2025).
#[test]
fn a_detainee_named_late_in_his_own_court_report_is_its_main_subject() {
    let clf = Classifier::new().unwrap();
    let text = "Hong Kong court sentences bus mechanic\n\n\
        A 36-year-old man pleaded guilty to one count of knowingly publishing a publication \
        with seditious intent at the West Kowloon Magistrates' Courts on Thursday.\n\n\
        The posts mainly forwarded current affairs and court news and added comments. The \
        designated judge of the National Security Law pointed out that the defendant had been \
        constantly smearing law enforcement agencies. He also pointed out that the defendant \
        promoted Hong Kong independence. He finally sentenced the defendant to 12 months in \
        prison.\n\n\
        The defendant explained under warning that the post was for emotional expression.\n\n\
        The defendant, Li Junjie (36 years old, a Citybus mechanic), was charged with \
        knowingly publishing a publication with seditious intent.";
    let r = clf.classify(text);
    let p = &r.topics["political_prisoners"];
    assert!(p.present && p.raised_early && p.primary, "{p:#?}");
    let first_name = r
        .hits
        .iter()
        .find(|h| h.text == "Li Junjie")
        .map(|h| h.sentence);
    assert!(p.first_sentence < first_name, "{p:#?}");
}

/// A topic raised only beside others is one item among several, however early: the opening
/// of a report on a joint statement of 15 states (November 2024), as reposted at
/// https://www.thethinkingconservative.com/?p=2185223 (three of its sentences).
#[test]
fn a_topic_raised_only_in_a_list_of_topics_is_not_primary() {
    let clf = Classifier::new().unwrap();
    let text = "US joins 14 nations calling on China to release all those unjustly detained\n\n\
        Uyghurs, Christians, Tibetans, and Falun Gong practitioners have faced 'targeted \
        repression,' it states.\n\
        The United States has joined 14 nations in issuing a joint statement calling for the \
        immediate release of all individuals unjustly detained by the Chinese Communist Party \
        for exercising their fundamental freedom.\n\
        \"Ethnic and religious minority groups, particularly Uyghurs and other Muslim \
        minorities, Christians, Tibetans, Falun Gong practitioners, and others, have faced \
        targeted repression, including through separation of children from families in \
        boarding schools, torture, and the destruction of cultural heritage.\"";
    let r = clf.classify(text);
    for topic in ["tibet", "xinjiang"] {
        let t = &r.topics[topic];
        assert!(
            t.present && !t.main_subject && !t.primary,
            "{topic}: {t:#?}"
        );
        assert_eq!(t.own_share, 0.0, "{topic}: {t:#?}");
    }
    // the same list in a document about Tibet alone: a main subject
    let tibet = format!(
        "{text}\nTibetans in Lhasa face new rules on monasteries. Tibetan schools were closed. \
         The Dalai Lama's picture is banned in Tibet."
    );
    let t = &clf.classify(&tibet).topics["tibet"];
    assert!(t.own_share >= 0.5 && t.primary, "{t:#?}");
}
