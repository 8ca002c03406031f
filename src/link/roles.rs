//! Who does what to whom, for the few predicates that have a direction
//! (`mengirim`, `menyerang`, `mendukung` ...): the same verb with giver and
//! receiver swapped is another claim (guidelines, section 1: `Rusia
//! mengirim 9.000 kontainer ... untuk Korut` is the reverse shipment, not the
//! munitions claim). The agent is the last name before the verb, the
//! receiver the first name just after `ke`, `kepada`, `untuk` or `bagi`
//! behind it; names are compared by their matching key (`Pyongyang` and
//! `Korut` are `korea utara`, `words.rs`).

/// One directed predicate of a claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The paraphrase family of the verb (`kirim`).
    pub family: &'static str,
    pub agent: Option<String>,
    pub receiver: Option<String>,
}

/// Whether two claims use one directed predicate with giver and receiver
/// swapped: both givers are known and differ, and one's giver is the
/// other's receiver. A frame without its giver splits nothing: a missed
/// name must not split a claim.
pub fn reversed(a: &[Role], b: &[Role]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            x.family == y.family
                && x.agent.is_some()
                && y.agent.is_some()
                && x.agent != y.agent
                && (x.agent == y.receiver || y.agent == x.receiver)
        })
    })
}

/// Reads a claim's words in order.
#[derive(Default)]
pub struct Reader {
    roles: Vec<Role>,
    last_name: Option<String>,
    /// Roles still waiting for their receiver.
    open: Vec<usize>,
    /// Words left in which a name is the receiver (after `ke`, `kepada` ...).
    window: u8,
}

impl Reader {
    /// The next word: its lower-case form, its name key when it is a name,
    /// its paraphrase family when it has one.
    pub fn word(&mut self, lower: &str, name: Option<&str>, family: Option<&'static str>) {
        if PREPOSITIONS.contains(&lower) {
            self.window = if self.open.is_empty() { 0 } else { 3 };
            return;
        }
        if let Some(name) = name {
            if self.window > 0 {
                for &r in &self.open {
                    self.roles[r].receiver.get_or_insert_with(|| name.to_owned());
                }
                self.open.clear();
                self.window = 0;
            }
            self.last_name = Some(name.to_owned());
            return;
        }
        self.window = self.window.saturating_sub(1);
        // Verbs only (`mengirim`, `dikirim`): a noun (`pengiriman`) has no
        // agent before it.
        let verb = lower.starts_with("me") || lower.starts_with("di");
        if let Some(family) = family.filter(|f| verb && DIRECTED.contains(f)) {
            if self.roles.iter().any(|r| r.family == family) {
                return;
            }
            self.open.push(self.roles.len());
            self.roles.push(Role { family, agent: self.last_name.clone(), receiver: None });
        }
    }

    pub fn finish(self) -> Vec<Role> {
        self.roles
    }
}

/// Families whose verb has a giver and a receiver (`paraphrase.rs`).
const DIRECTED: &[&str] = &["kirim", "dukung", "perang", "tuduh"];

/// Words after which a name is the receiver.
const PREPOSITIONS: &[&str] = &["ke", "kepada", "untuk", "bagi", "terhadap"];

#[cfg(test)]
mod tests {
    use super::{reversed, Reader, Role};

    fn roles(words: &[(&str, Option<&str>, Option<&'static str>)]) -> Vec<Role> {
        let mut r = Reader::default();
        for &(w, n, f) in words {
            r.word(w, n, f);
        }
        r.finish()
    }

    #[test]
    fn a_swapped_giver_and_receiver_is_another_claim() {
        let there = roles(&[
            ("korea", Some("korea"), None),
            ("utara", Some("utara"), None),
            ("mengirim", None, Some("kirim")),
            ("ke", None, None),
            ("rusia", Some("rusia"), None),
        ]);
        let back = roles(&[
            ("rusia", Some("rusia"), None),
            ("mengirim", None, Some("kirim")),
            ("makanan", None, None),
            ("untuk", None, None),
            ("korut", Some("utara"), None),
        ]);
        let same = roles(&[
            ("pyongyang", Some("utara"), None),
            ("memasok", None, Some("kirim")),
            ("amunisi", None, None),
            ("kepada", None, None),
            ("moskow", Some("rusia"), None),
        ]);
        let unknown = roles(&[("mengirim", None, Some("kirim")), ("ke", None, None), ("rusia", Some("rusia"), None)]);
        assert!(reversed(&there, &back));
        assert!(reversed(&same, &back));
        assert!(!reversed(&there, &same));
        assert!(!reversed(&unknown, &back), "an incomplete frame splits nothing");
    }
}
