//! Who led to whom: the people each contact introduced the user to (a contact's
//! "introduced by"), as a forest under the people the user met directly.

use std::collections::{HashMap, HashSet};

use crate::domain::contacts::draft::display_name;
use crate::domain::record::Contact;
use crate::domain::sorting::sort_by_cached_key;

/// A person in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// The contact's id.
    pub id: String,
    /// Their name as shown.
    pub name: String,
    /// Everyone they led to, directly or through the people they introduced.
    pub led_to: usize,
    /// Of those, the people in the field the user is moving into.
    pub led_to_target: usize,
    /// The people they introduced, those who led to most first.
    pub children: Vec<Node>,
}

/// The introduction forest.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Introductions {
    /// People the user met directly (or whose introducer is gone) who led to someone,
    /// those who led to most first.
    pub roots: Vec<Node>,
    /// How many contacts came through an introduction.
    pub introduced: usize,
}

impl Introductions {
    /// The person who led to the most people.
    pub fn top(&self) -> Option<&Node> {
        self.roots
            .iter()
            .flat_map(all_nodes)
            .max_by(|a, b| a.led_to.cmp(&b.led_to).then_with(|| b.name.cmp(&a.name)))
    }
}

fn all_nodes(node: &Node) -> Vec<&Node> {
    let mut out = vec![node];
    for child in &node.children {
        out.extend(all_nodes(child));
    }
    out
}

/// The forest of `contacts`; `in_target` tells who is in the field the user is moving
/// into. An introducer that is not among them (deleted) or is the
/// contact itself counts as met directly; a ring of introductions (A by B, B by A) is
/// entered at the member whose name comes first, so everyone appears exactly once.
pub fn introductions(contacts: &[&Contact], in_target: impl Fn(&Contact) -> bool) -> Introductions {
    let ids: HashSet<&str> = contacts.iter().map(|c| c.meta.id.as_str()).collect();
    let mut children: HashMap<&str, Vec<&Contact>> = HashMap::new();
    let mut roots: Vec<&Contact> = Vec::new();
    let mut introduced = 0;
    for c in contacts {
        match c.introduced_by.as_deref() {
            Some(by) if by != c.meta.id && ids.contains(by) => {
                children.entry(by).or_default().push(c);
                introduced += 1;
            }
            _ => roots.push(c),
        }
    }
    let mut placed: HashSet<&str> = HashSet::new();
    let mut forest: Vec<Node> = roots
        .iter()
        .map(|c| build(c, &children, &mut placed, &in_target))
        .collect();
    // Whoever is left sits on a ring: enter each ring once.
    let mut left: Vec<&Contact> = contacts
        .iter()
        .copied()
        .filter(|c| !placed.contains(c.meta.id.as_str()))
        .collect();
    sort_by_cached_key(&mut left, |c| {
        (display_name(c).to_lowercase(), c.meta.id.clone())
    });
    for c in left {
        if !placed.contains(c.meta.id.as_str()) {
            forest.push(build(c, &children, &mut placed, &in_target));
        }
    }
    forest.retain(|n| n.led_to > 0);
    sort_nodes(&mut forest);
    Introductions {
        roots: forest,
        introduced,
    }
}

/// How deep the tree is built; people further down are counted, not listed (a chain of
/// thousands, as a crafted backup could hold, must not exhaust the stack).
pub const MAX_DEPTH: usize = 64;

/// The tree under `root`, built without recursion: a depth-first walk in which `placed`
/// stops every ring, then the nodes from the leaves up.
fn build<'a>(
    root: &'a Contact,
    children: &HashMap<&str, Vec<&'a Contact>>,
    placed: &mut HashSet<&'a str>,
    in_target: &impl Fn(&Contact) -> bool,
) -> Node {
    let mut order: Vec<(&'a Contact, Option<&'a str>, usize)> = Vec::new();
    let mut stack = vec![(root, None, 0)];
    while let Some((c, parent, depth)) = stack.pop() {
        if !placed.insert(c.meta.id.as_str()) {
            continue;
        }
        order.push((c, parent, depth));
        for child in children.get(c.meta.id.as_str()).into_iter().flatten() {
            if !placed.contains(child.meta.id.as_str()) {
                stack.push((child, Some(c.meta.id.as_str()), depth + 1));
            }
        }
    }
    let mut led_to: HashMap<&str, usize> = HashMap::new();
    let mut led_to_target: HashMap<&str, usize> = HashMap::new();
    let mut built: HashMap<&str, Vec<Node>> = HashMap::new();
    let mut top = None;
    // Every node comes after its parent in `order`: backwards, children come first.
    for (c, parent, depth) in order.into_iter().rev() {
        let id = c.meta.id.as_str();
        let below = led_to.remove(id).unwrap_or(0);
        let below_target = led_to_target.remove(id).unwrap_or(0);
        if let Some(p) = parent {
            *led_to.entry(p).or_default() += 1 + below;
            *led_to_target.entry(p).or_default() += usize::from(in_target(c)) + below_target;
        }
        if depth > MAX_DEPTH {
            continue;
        }
        let mut kids = built.remove(id).unwrap_or_default();
        sort_nodes(&mut kids);
        let node = Node {
            id: c.meta.id.clone(),
            name: display_name(c),
            led_to: below,
            led_to_target: below_target,
            children: kids,
        };
        match parent {
            Some(p) => built.entry(p).or_default().push(node),
            None => top = Some(node),
        }
    }
    top.unwrap_or_else(|| Node {
        id: root.meta.id.clone(),
        name: display_name(root),
        led_to: 0,
        led_to_target: 0,
        children: Vec::new(),
    })
}

fn sort_nodes(nodes: &mut Vec<Node>) {
    sort_by_cached_key(nodes, |n| (usize::MAX - n.led_to, n.name.to_lowercase()));
}
