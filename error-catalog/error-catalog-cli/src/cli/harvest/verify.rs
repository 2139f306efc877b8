//! Every proposal is checked before it is offered: the catalog with it must
//! load and pass `check`, its example decoding as its own entry.

use super::propose::{self, Proposal, Unproposed};
use super::write::to_toml;
use error_catalog_model::model::{At, Catalog};

/// Keeps the proposals that the catalog loads and checks with (their
/// examples decoding as their own entries); the others are reported with the
/// first problem found. All are tried at once; the ones a problem points into
/// are set aside and the rest tried again, and when a problem points at none
/// of them, they are tried one by one, each after those kept before it.
pub fn verify(
    c: &Catalog,
    name: &str,
    text: &str,
    proposals: Vec<Proposal>,
    unproposed: &mut Vec<Unproposed>,
) -> Vec<Proposal> {
    let mut base = text.to_string();
    if !base.ends_with('\n') {
        base.push('\n');
    }
    let mut left = proposals;
    loop {
        // the catalog and every proposal left, with where each one starts
        let mut all = base.clone();
        let mut starts = Vec::with_capacity(left.len());
        for p in &left {
            all.push('\n');
            starts.push(all.len());
            all.push_str(&p.toml);
        }
        let problems = match error_catalog_model::load_str(name, &all) {
            Ok(_) => return left,
            Err(problems) => problems,
        };
        let mut faulty: Vec<(usize, &str, String)> = Vec::new();
        for d in &problems.list {
            let At::Toml(r) = &d.at else { continue };
            let Some(i) = starts.iter().rposition(|s| *s <= r.start) else {
                continue;
            };
            if !faulty.iter().any(|(j, _, _)| *j == i) {
                let why = format!("[{}] {}", d.rule.id(), d.message);
                faulty.push((i, d.rule.id(), why));
            }
        }
        if faulty.is_empty() {
            return one_by_one(name, &base, left, unproposed);
        }
        faulty.sort_by_key(|(i, _, _)| std::cmp::Reverse(*i));
        for (i, rule, why) in faulty {
            // a pattern that can match what one of the catalog's matches: the
            // responses fell through that one, so this one goes first
            if rule == "pattern-overlap" && left[i].priority.is_none() {
                left[i].priority = Some(1);
                left[i].toml = to_toml(c, &left[i]);
                continue;
            }
            let p = left.remove(i);
            unproposed.push(refused(&p, &why));
        }
    }
}

/// [`verify`]'s last resort: each proposal after those kept before it.
fn one_by_one(
    name: &str,
    base: &str,
    proposals: Vec<Proposal>,
    unproposed: &mut Vec<Unproposed>,
) -> Vec<Proposal> {
    let mut accepted = base.to_string();
    let mut kept = Vec::new();
    for p in proposals {
        let candidate = format!("{accepted}\n{}", p.toml);
        match error_catalog_model::load_str(name, &candidate) {
            Ok(_) => {
                accepted = candidate;
                kept.push(p);
            }
            Err(problems) => {
                let why = problems
                    .list
                    .first()
                    .map_or_else(String::new, |d| format!("[{}] {}", d.rule.id(), d.message));
                unproposed.push(refused(&p, &why));
            }
        }
    }
    kept
}

/// A proposal set aside because the catalog with it would not pass `check`.
fn refused(p: &Proposal, why: &str) -> Unproposed {
    Unproposed {
        what: propose::describe_proposal(p),
        count: p.count,
        first_seen: p.first_seen.clone(),
        why: format!("the entry would not pass check: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOP: &str = "[service]\nid = \"shop\"\nname = \"Shop\"\n\n[wire]\npreset = \"nested\"\n\n[[errors]]\ncode = \"A\"\nstatus = 400\nmessage = \"A\"\n";

    fn proposal(code: &str, toml: &str) -> Proposal {
        Proposal {
            envelope: None,
            code: code.to_string(),
            named: false,
            variant: None,
            status: 400,
            message: code.to_string(),
            placeholders: Vec::new(),
            fields: Vec::new(),
            matches: None,
            codeless: false,
            priority: None,
            example: None,
            count: 1,
            statuses: vec![(400, 1)],
            first_seen: "r line 1".to_string(),
            other_messages: None,
            toml: toml.to_string(),
        }
    }

    /// A proposal the catalog would not pass `check` with is set aside with
    /// the problem; the others are kept.
    #[test]
    fn proposals_that_fail_check_are_set_aside() {
        let good = proposal(
            "B",
            "[[errors]]\ncode = \"B\"\nstatus = 404\nmessage = \"B\"\n",
        );
        let bad = proposal(
            "C",
            "[[errors]]\ncode = \"C\"\nstatus = 999\nmessage = \"C\"\n",
        );
        let also = proposal(
            "D",
            "[[errors]]\ncode = \"D\"\nstatus = 409\nmessage = \"D {x}\"\n",
        );
        let mut not = Vec::new();
        let c = error_catalog_model::load_str("shop.toml", SHOP).unwrap();
        let kept = verify(&c, "shop.toml", SHOP, vec![good, bad, also], &mut not);
        let kept: Vec<&str> = kept.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(kept, ["B"]);
        assert_eq!(not.len(), 2);
        assert!(
            not[0].why.contains("[status-out-of-range]")
                || not[1].why.contains("[status-out-of-range]"),
            "{not:?}"
        );
        assert!(
            not.iter().any(|u| u.why.contains("[placeholder-unknown]")),
            "{not:?}"
        );
    }
}
