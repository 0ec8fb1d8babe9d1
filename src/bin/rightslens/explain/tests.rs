use super::*;

fn hit(topic: &str, role: &str, start: usize, end: usize, text: &str) -> Hit {
    serde_json::from_value(serde_json::json!({
        "topic": topic, "entry": "x", "role": role, "start": start, "end": end,
        "text": text, "sentence": 0, "evidence": 1.0
    }))
    .expect("a valid hit")
}

#[test]
fn overlapping_hits_merge_into_one_marker() {
    let text = "in Tibet Autonomous Region today";
    let a = hit("tibet", "topic", 3, 8, "Tibet");
    let b = hit("tibet", "topic", 3, 26, "Tibet Autonomous Region");
    let c = hit("context", "rights", 9, 19, "Autonomous");
    let style = Style::new(false, &["tibet".to_string()]);
    let s = highlight(text, 0..text.len(), &[&a, &b, &c], &style);
    assert_eq!(s, "in [[Tibet Autonomous Region|tibet,rights]] today");
}
