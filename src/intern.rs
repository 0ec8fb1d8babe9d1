//! A process-wide string interner for entry ids and topic names.
//!
//! Each distinct string is leaked once and shared for the life of the process, so reports can
//! borrow it (`Cow::Borrowed`) without allocating per hit, and rebuilding classifiers from the
//! same lexicons does not grow memory.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

static STRINGS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();

/// The process-wide copy of `s`, leaked the first time this string is seen.
pub(crate) fn intern(s: &str) -> &'static str {
    let set = STRINGS.get_or_init(|| Mutex::new(HashSet::new()));
    // A panic while holding the lock cannot leave the set inconsistent (insert of a leaked
    // string), so a poisoned lock is still usable.
    let mut set = set.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&found) = set.get(s) {
        return found;
    }
    let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
    set.insert(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::intern;

    #[test]
    fn each_distinct_string_is_stored_once() {
        let a = intern("intern.test.entry");
        let b = intern(&String::from("intern.test.entry"));
        assert_eq!(a, "intern.test.entry");
        assert!(std::ptr::eq(a, b));
        assert!(!std::ptr::eq(a, intern("intern.test.other")));
    }
}
