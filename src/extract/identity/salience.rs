//! Who `ia`, `beliau` or the `-nya` of `ujarnya` points to: a small
//! salience model over the document's mentions of people.
//!
//! News prose follows one source at a time. A person becomes salient by
//! being a sentence's subject (`Bupati X meninjau pasar`) or by speaking
//! (`kata X`, `X mengatakan`); a person named as an object (`bersama
//! Gubernur Y`, `di RSUD Dr Z`) is only a fallback. Salience fades with every
//! sentence of narrative (a quoted paragraph is not narrative), so a new
//! subject takes over from the previous speaker.
//!
//! Mentions are kept in text order and a question scans back over a bounded
//! window only, so resolving every pronoun of a document costs time linear
//! in its length.

use std::collections::BTreeMap;

use super::names::Name;

/// How strongly a mention puts its person in focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Named inside a phrase: `bersama Gubernur Y`, `karya Raja Z`.
    Object,
    /// The subject of a narrative sentence: `Bupati X meninjau pasar`.
    Subject,
    /// A claimant: someone the article reports as saying something.
    Speaker,
}

impl Weight {
    /// Lappin and Leass's weights in spirit (subject 80, speaker above it):
    /// the ratios, not the numbers, decide; tuned on PFSA dev.
    fn value(self) -> f32 {
        match self {
            Weight::Object => 1.0,
            Weight::Subject => 3.0,
            Weight::Speaker => 4.0,
        }
    }
}

/// The person mentions of one document, and the claimants as they are
/// resolved.
#[derive(Default)]
pub struct Salience {
    /// Mentions read from the text (subjects and objects), in text order.
    mentions: Vec<Mention>,
    /// Claimants by the byte where their mention ends. Claimants are
    /// resolved sentence by sentence, but a quotation's speaker is named
    /// after it, so they do not arrive in text order.
    speakers: BTreeMap<usize, Mention>,
}

struct Mention {
    /// Byte where the mention ends.
    end: usize,
    /// Narrative sentences before the mention's sentence.
    narrative: usize,
    name: Name,
    weight: Weight,
    /// Surely a person's mention: a title introduced it or its first word
    /// is a given name. Other mentions count once the name is confirmed
    /// elsewhere ([`Salience::settle`]).
    sure: bool,
}

/// How many narrative sentences back a pronoun looks for a subject or a
/// speaker: a news paragraph or two.
const WINDOW: usize = 8;
/// How far back an object is a fallback: the sentence before.
const OBJECT_WINDOW: usize = 1;
/// Salience left after each narrative sentence.
const DECAY: f32 = 0.7;
/// At most this many mentions are looked at per question, so that a
/// document of one endless sentence stays linear.
const SCAN: usize = 64;

impl Salience {
    /// A person mention read from the text. Call [`Salience::settle`] once
    /// all are in.
    pub fn mention(&mut self, end: usize, narrative: usize, name: Name, weight: Weight, sure: bool) {
        self.mentions.push(Mention { end, narrative, name, weight, sure });
    }

    /// Keeps the mentions that are surely of a person (`confirmed` says
    /// which names the whole article shows to be people's: `Praktis Bima`
    /// is not), in text order (short names are placed last).
    pub fn settle(&mut self, confirmed: &dyn Fn(&str) -> bool) {
        self.mentions.retain(|m| m.sure || confirmed(&m.name));
        self.mentions.sort_by_key(|m| m.end);
    }

    /// A claimant resolved to a person's name.
    pub fn speaker(&mut self, end: usize, narrative: usize, name: Name) {
        self.speakers.insert(end, Mention { end, narrative, name, weight: Weight::Speaker, sure: true });
    }

    /// The person in focus at byte `at`, in the `narrative`-th narrative
    /// sentence: the subject or speaker with the most salience left, else
    /// the object named last just before.
    pub fn focus(&self, at: usize, narrative: usize) -> Option<&str> {
        let upto = self.mentions.partition_point(|m| m.end <= at);
        let learnt = self.mentions[..upto].iter().rev();
        let spoken = self.speakers.range(..=at).rev().map(|(_, m)| m);
        let in_window = |m: &&Mention| narrative.saturating_sub(m.narrative) <= WINDOW;
        let mut best: Option<(f32, &Mention)> = None;
        let mut object: Option<&Mention> = None;
        for m in learnt.take(SCAN).take_while(in_window).chain(spoken.take(SCAN).take_while(in_window)) {
            let distance = narrative.saturating_sub(m.narrative);
            if m.weight == Weight::Object {
                if distance <= OBJECT_WINDOW && object.is_none_or(|o| o.end < m.end) {
                    object = Some(m);
                }
                continue;
            }
            let score = m.weight.value() * DECAY.powi(distance as i32);
            // Ties go to the later mention.
            if best.is_none_or(|(s, b)| score > s || score == s && m.end > b.end) {
                best = Some((score, m));
            }
        }
        best.map(|(_, m)| m).or(object).map(|m| &*m.name)
    }
}
