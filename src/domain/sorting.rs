//! Stable sorting through one shared sort routine.
//!
//! `slice::sort_by` compiles the whole sort algorithm again for every element type and
//! comparison closure: the app had 11 copies of it in the first download alone (41 KB
//! before optimisation, issue 12). These functions sort a list of positions with one
//! comparison behind a `dyn` reference, so the algorithm exists once, and then move the
//! elements into that order. The cost is an indirect call per comparison: well under a
//! millisecond for 10,000 elements.

use std::cmp::Ordering;

/// Sorts `list` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(list: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if list.len() < 2 {
        return;
    }
    let order = positions_in_order(list.len(), &|a, b| compare(&list[a], &list[b]));
    put_in_order(list, order);
}

/// Moves the elements of `list` into `order` (a permutation of its positions).
fn put_in_order<T>(list: &mut Vec<T>, order: Vec<u32>) {
    let mut slots: Vec<Option<T>> = list.drain(..).map(Some).collect();
    list.extend(order.into_iter().filter_map(|at| slots[at as usize].take()));
}

/// Sorts `list` stably by the key `key` gives, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(list: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(list, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `list` stably by a key computed once per element, as
/// `slice::sort_by_cached_key` does: for keys that are costly to compute.
pub fn sort_by_cached_key<T, K: Ord>(list: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if list.len() < 2 {
        return;
    }
    let keys: Vec<K> = list.iter().map(key).collect();
    let order = positions_in_order(list.len(), &|a, b| keys[a].cmp(&keys[b]));
    put_in_order(list, order);
}

/// Sorts `list` stably in its natural order, as `slice::sort` does.
pub fn sort<T: Ord>(list: &mut Vec<T>) {
    sort_by(list, T::cmp);
}

/// The positions `0..len` ordered stably by `compare`: the one place the sort routine is
/// compiled.
#[inline(never)]
fn positions_in_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 10, 100, 1000] {
            let list: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = list.clone();
            sort_by_key(&mut ours, |e| e.0);
            let mut theirs = list.clone();
            theirs.sort_by_key(|e| e.0);
            assert_eq!(ours, theirs, "len {len}");
            let mut cached = list.clone();
            sort_by_cached_key(&mut cached, |e| e.0);
            assert_eq!(cached, theirs, "len {len}");
            let mut reversed = list.clone();
            sort_by(&mut reversed, |a, b| b.cmp(a));
            let mut expected = list;
            expected.sort_by(|a, b| b.cmp(a));
            assert_eq!(reversed, expected);
        }
    }

    #[test]
    fn natural_order_of_strings() {
        let mut names = vec![
            "b".to_string(),
            "a".to_string(),
            "c".to_string(),
            "a".to_string(),
        ];
        sort(&mut names);
        assert_eq!(names, ["a", "a", "b", "c"]);
    }
}
