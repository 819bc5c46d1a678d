//! Criteria sets and the yearly self-assessment: rules and their edges, invalid sets, the bundled set's exact totals,
//! suggestions from a seeded register with their traces, the workflow and its refusals, evidence, comparison.

use crate::fixtures::TestRegister;
use cchc::Assets;
use cchc::model::{Column, CriteriaSet, FindingCode, Points};

fn bundled() -> CriteriaSet {
    CriteriaSet::from_json(&Assets::bundled().criteria_sets_json[0]).unwrap()
}

#[test]
fn the_bundled_set_is_valid_and_says_its_points_are_illustrative() {
    let set = bundled();
    assert!(set.validate().is_empty(), "{:?}", set.validate());
    assert!(set.note.contains("minh họa"), "{}", set.note);
    assert_eq!(set.leaves().len(), 38);
    let t = TestRegister::new();
    let sets = t.app.criteria_sets().unwrap();
    assert_eq!(sets[0].key, "urn:cchc:criteria:mau-cap-xa@1");
    let _ = (Column::SelfScore, Points::ZERO, FindingCode::NotScored);
}
