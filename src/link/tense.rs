//! When the event a claim states happens: planned or expected (`akan
//! mengirim`, `kesepakatan potensial`), earlier than the story (`tahun lalu
//! ... mengirimkan`, `sebelumnya`), or neither said. Two claims with the
//! same predicate at different times state two events (guidelines,
//! section 1: a deal under discussion and shipments made are two claims; so
//! are last year's accusation and this month's shipments), while the same
//! predicate at the same time is likelier one.
//!
//! The markers are general Indonesian usage, written for this module (MIT,
//! like the crate); none is taken from a test story.

/// A claim's time, as far as its words say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Time {
    /// No marker, or markers of both kinds: the story's own time.
    #[default]
    Unmarked,
    /// A plan, a promise, an expectation or a possibility.
    Plan,
    /// Before the story: last year, earlier, years ago.
    Earlier,
}

impl Time {
    pub fn key(self) -> &'static str {
        match self {
            Time::Unmarked => "now",
            Time::Plan => "plan",
            Time::Earlier => "earlier",
        }
    }
}

/// Reads a claim's words in order.
#[derive(Default)]
pub struct Reader {
    plan: bool,
    earlier: bool,
    /// The word before, lower case.
    previous: String,
    /// Words since `sejak`: `sejak Juli tahun lalu` is a period running to
    /// now, not an earlier event.
    since: Option<u8>,
}

impl Reader {
    pub fn word(&mut self, lower: &str) {
        if PLAN.contains(&lower) {
            self.plan = true;
        }
        let ago = match lower {
            // `tahun lalu`, `tahun sebelumnya`; `bulan lalu` and `pekan
            // lalu` are left out: news use them for the story's own days.
            "lalu" => self.previous == "tahun",
            "silam" => true,
            _ => EARLIER.contains(&lower),
        };
        if ago && self.since.is_none() {
            self.earlier = true;
        }
        self.since = if lower == "sejak" { Some(0) } else { self.since.and_then(|n| (n < 3).then_some(n + 1)) };
        lower.clone_into(&mut self.previous);
    }

    pub fn finish(self) -> Time {
        match (self.plan, self.earlier) {
            (true, false) => Time::Plan,
            (false, true) => Time::Earlier,
            _ => Time::Unmarked,
        }
    }
}

/// Words that make the event planned, expected or possible.
const PLAN: &[&str] = &[
    "akan",
    "bakal",
    "hendak",
    "berencana",
    "merencanakan",
    "direncanakan",
    "rencana",
    "rencananya",
    "dijadwalkan",
    "berpotensi",
    "potensi",
    "potensial",
    "mempertimbangkan",
    "dipertimbangkan",
];

/// Words that put the event before the story (besides `tahun lalu`).
const EARLIER: &[&str] = &["sebelumnya", "dulu", "dahulu"];

#[cfg(test)]
mod tests {
    use super::{Reader, Time};

    #[track_caller]
    fn check(text: &str, expect: Time) {
        let mut r = Reader::default();
        for w in text.split_whitespace() {
            r.word(&w.to_lowercase());
        }
        assert_eq!(r.finish(), expect, "{text}");
    }

    #[test]
    fn a_claim_says_when() {
        check("Korea Utara akan memasok amunisi ke Rusia", Time::Plan);
        check("tahun lalu Korea Utara mengirimkan roket ke Rusia", Time::Earlier);
        check("AS menuduh Korea Utara sebelumnya menyediakan amunisi", Time::Earlier);
        check("sejak Juli tahun lalu telah mengirimkan peluru", Time::Unmarked);
        check("Korea Utara telah mengirimkan 1.000 kontainer", Time::Unmarked);
        check("pekan lalu Presiden mengirimkan hadiah", Time::Unmarked);
    }
}
