//! Step 6b: words run together at an organisation word are read apart.
//!
//! Vendor masters lose spaces: "ARTEKSLIMITED COMPANY", "GroupHesai",
//! "TradingCNOOC", "PUBLICHNOE AKTSIONERNOE OBSCHESTVOCITY". A word no real
//! company name has ([`Background::df`] of 0) that starts or ends with a word
//! saying what kind of organisation it is is read as the two words, as if the
//! vendor had typed the space:
//! - a word of a legal form, when the legal form is then found whole around
//!   it ("Limited" of "Limited Company", "Obschestvo" of "Publichnoe
//!   Aktsionernoe Obschestvo"); a legal form of three letters ("Ltd", "Pty")
//!   only at the end of the word;
//! - "Group" or "Holding(s)".
//!
//! Other organisation words stay glued: the scorer already pairs words run
//! together with the other name's words ("Agatelectromechanical" /
//! "Agat Electromechanical"); a legal form it cannot, since the listed name
//! holds it as one token in its compare form.
//!
//! What is left must be three letters or more. Known words are never split
//! ("Consulting" is not "Consult ing", "Universal" not "Univer SAL"), nor
//! words that organisation words merely begin or end ("Bancorp" is a word of
//! real company names). Reading the pieces again splits nothing more, so
//! normalising stays a fixed point.

use super::chars::{RawToken, Sep};
use super::tables::FORM_WORDS;
use super::{Normalizer, StepKind, Steps};
use crate::background::Background;

/// Fewest letters left beside the organisation word.
const MIN_REST: usize = 3;
/// Fewest letters of a legal form's word that splits a word. A shorter
/// legal form ends or begins too many names ("Cheong", "Bolsak",
/// "Kaleidoskop", "Corpomedios"), except those of [`LEGAL_ENDS`].
const MIN_LEGAL_WORD: usize = 5;
/// The short legal forms that split a word, at its end only: those vendor
/// masters run into the name ("WIDGETSLTD", "ACMECORP").
const LEGAL_ENDS: &[&str] = &[
    "ltd", "llc", "inc", "pty", "plc", "bhd", "jsc", "fze", "corp", "gmbh", "sarl", "ltda", "pjsc",
    "ojsc", "cjsc", "fzco", "dmcc",
];
/// Most splits inside one written word.
const MAX_SPLITS: usize = 3;

/// Where the organisation word sits in the glued word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

impl Normalizer {
    /// Step 6b: every token of letters run together at an organisation word
    /// becomes its words, each with its share of the span where the written
    /// text allows it.
    pub(super) fn split_glued(
        &self,
        text: &str,
        raw: Vec<RawToken>,
        steps: &mut Steps,
    ) -> Vec<RawToken> {
        if !raw.iter().any(|t| self.may_split(t)) {
            return raw;
        }
        let mut out: Vec<RawToken> = Vec::with_capacity(raw.len() + 2);
        for (i, t) in raw.iter().enumerate() {
            let pieces = if self.may_split(t) {
                self.pieces(&out, t, &raw[i + 1..])
            } else {
                vec![t.clone()]
            };
            if pieces.len() > 1 {
                let words: Vec<&str> = pieces.iter().map(|p| p.text.as_str()).collect();
                steps.push(
                    StepKind::SplitWords,
                    format!(
                        "'{}' read as words run together: '{}'",
                        &text[t.span.clone()],
                        words.join(" ")
                    ),
                );
                out.extend(span_pieces(text, t, pieces));
            } else {
                out.extend(pieces);
            }
        }
        out
    }

    /// Whether the normaliser may read a vendor's word as words run
    /// together ([`Normalizer::normalize_query`]), whatever words stand
    /// around it: a word of lower-case ASCII letters, as the sieve of a
    /// rescreen sees words.
    pub(crate) fn may_read_apart(&self, word: &str) -> bool {
        let t = RawToken::new(word.to_string(), 0..word.len());
        self.may_split(&t)
    }

    /// Whether a token may be words run together: an organisation word at
    /// one of its edges (the cheap test first), and an untagged word of
    /// letters no real company name has, not itself a word the tables
    /// know, nor one they would read as another.
    fn may_split(&self, t: &RawToken) -> bool {
        let w = t.text.as_str();
        t.kind.is_none()
            && w.len() >= MIN_REST * 2
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && self.anchors(w).next().is_some()
            && !self.known(w)
            && !self.truncated(w)
            && super::tag::misspelt_organisation_word(w).is_none()
            && self.look_alike_read(w).is_none()
    }

    /// Whether a word is one the tables or the background know.
    fn known(&self, w: &str) -> bool {
        Background::get().df(w) > 0
            || self.is_generic(w)
            || self.legal_words.contains(w)
            || self.places.has_word(w)
            || self.abbreviations.contains_key(w)
            || self.legal_run_together.contains_key(w)
    }

    /// Whether a word is the beginning of a longer legal form's word or
    /// "Group", "Holdings": a word cut short ("Incorporat"), not run
    /// together.
    fn truncated(&self, w: &str) -> bool {
        FORM_WORDS
            .iter()
            .copied()
            .chain(self.legal_words.iter().map(String::as_str))
            .any(|l| l.len() > w.len() && l.starts_with(w))
    }

    /// The organisation words at the edges of `w` that may split it: each
    /// cut, edge, and whether a legal form must be found whole around it.
    fn anchors<'w>(&'w self, w: &'w str) -> impl Iterator<Item = (usize, Edge, bool)> + 'w {
        (MIN_REST..=w.len().saturating_sub(MIN_REST)).flat_map(move |cut| {
            [(Edge::Start, &w[..cut]), (Edge::End, &w[cut..])]
                .into_iter()
                .filter_map(move |(edge, anchor)| {
                    if FORM_WORDS.contains(&anchor) {
                        Some((cut, edge, false))
                    } else if (edge == Edge::End && LEGAL_ENDS.contains(&anchor))
                        || (anchor.len() >= MIN_LEGAL_WORD && self.legal_words.contains(anchor))
                    {
                        Some((cut, edge, true))
                    } else {
                        None
                    }
                })
        })
    }

    /// The words of `t` (one piece when it is not split), with the tokens
    /// before it (`before`, already read) and after it (`after`).
    fn pieces(&self, before: &[RawToken], t: &RawToken, after: &[RawToken]) -> Vec<RawToken> {
        let mut pieces = vec![t.clone()];
        for _ in 0..MAX_SPLITS {
            let Some(k) = pieces.iter().position(|p| self.may_split(p)) else {
                break;
            };
            let Some((head, tail)) = self.split_once(before, &pieces, k, after) else {
                break;
            };
            pieces.splice(k..=k, [head, tail]);
        }
        pieces
    }

    /// The best split of `pieces[k]`: the longest organisation word at
    /// either edge that does not cut a known word short, and, for a legal
    /// form's word, that a legal form is then found whole around.
    fn split_once(
        &self,
        before: &[RawToken],
        pieces: &[RawToken],
        k: usize,
        after: &[RawToken],
    ) -> Option<(RawToken, RawToken)> {
        let w = pieces[k].text.as_str();
        let anchor_len = |cut: usize, edge: Edge| match edge {
            Edge::Start => cut,
            Edge::End => w.len() - cut,
        };
        let mut best: Option<(usize, usize)> = None; // (anchor length, cut)
        for (cut, edge, phrase) in self.anchors(w) {
            let len = anchor_len(cut, edge);
            if best.is_some_and(|(l, _)| l >= len) || self.known_beyond(w, cut, edge) {
                continue;
            }
            let mut head = pieces[k].clone();
            head.text = w[..cut].to_string();
            let mut tail = pieces[k].clone();
            tail.text = w[cut..].to_string();
            tail.sep = Sep::Space;
            let found = !phrase || {
                let mut seq: Vec<RawToken> = before.to_vec();
                seq.extend_from_slice(&pieces[..k]);
                let at = seq.len() + usize::from(edge == Edge::End);
                seq.push(head);
                seq.push(tail);
                seq.extend_from_slice(&pieces[k + 1..]);
                seq.extend_from_slice(after);
                self.legal_form_covers(&seq, at)
            };
            if found {
                best = Some((len, cut));
            }
        }
        let (_, cut) = best?;
        let mut head = pieces[k].clone();
        head.text = w[..cut].to_string();
        let mut tail = pieces[k].clone();
        tail.text = w[cut..].to_string();
        tail.sep = Sep::Space;
        Some((head, tail))
    }

    /// Whether a legal form of the table covers `seq[at]`.
    fn legal_form_covers(&self, seq: &[RawToken], at: usize) -> bool {
        (at.saturating_sub(4)..=at).any(|i| {
            self.legal
                .longest_at(seq, i)
                .is_some_and(|(len, _)| i + len > at)
        })
    }

    /// Whether the word at `edge` of `w` reaches past `cut` as a known word:
    /// then the cut falls inside a word ("Corporationak" is not "Corp
    /// orationak").
    fn known_beyond(&self, w: &str, cut: usize, edge: Edge) -> bool {
        match edge {
            Edge::Start => (cut + 1..w.len()).any(|end| self.known(&w[..end])),
            Edge::End => (1..cut).any(|start| self.known(&w[start..])),
        }
    }
}

/// The pieces of `t` with their byte spans: split where the written text is
/// the pieces' letters in any case, else each with the whole span.
fn span_pieces(text: &str, t: &RawToken, mut pieces: Vec<RawToken>) -> Vec<RawToken> {
    let written = &text[t.span.clone()];
    let joined: String = pieces.iter().map(|p| p.text.as_str()).collect();
    if written.len() == joined.len() && written.eq_ignore_ascii_case(&joined) {
        let mut start = t.span.start;
        for p in &mut pieces {
            p.span = start..start + p.text.len();
            start = p.span.end;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::super::Normalizer;

    fn text(s: &str) -> String {
        Normalizer::new().normalize_query(s).text()
    }

    /// Words run together at a legal form, "Group" or a long organisation
    /// word are read apart, at either edge.
    #[test]
    fn words_run_together_at_an_organisation_word_are_read_apart() {
        for (glued, spaced) in [
            ("ARTEKSLIMITED COMPANY", "ARTEKS LIMITED COMPANY"),
            (
                "NAVYAN ABR ARVANPRIVATE LIMITED COMPANY",
                "NAVYAN ABR ARVAN PRIVATE LIMITED COMPANY",
            ),
            (
                "PUBLICHNOE AKTSIONERNOE OBSCHESTVOCITY",
                "PUBLICHNOE AKTSIONERNOE OBSCHESTVO CITY",
            ),
            ("GroupHesai", "Group Hesai"),
            ("MEGA GEMSPTY LIMITED", "MEGA GEMS PTY LIMITED"),
            ("Acme Widgetsltd", "Acme Widgets Ltd"),
        ] {
            assert_eq!(text(glued), text(spaced), "{glued}");
        }
    }

    /// Known words, words an organisation word only begins or ends with too
    /// little left, and three-letter legal forms at the start stay whole.
    #[test]
    fn known_words_and_short_rests_stay_whole() {
        for word in [
            "Consulting",
            "Universal",
            "International",
            "Groupon",
            "Ltdx",
            "Incxyzzy",
            "Medisa",
        ] {
            let n = Normalizer::new().normalize_query(word);
            assert_eq!(n.tokens.len(), 1, "{word}: {}", n.text());
        }
    }

    /// The pieces keep their share of the span, and the step is recorded.
    #[test]
    fn the_pieces_keep_their_spans_and_the_step_is_told() {
        let n = Normalizer::new().normalize_query("GroupHesai");
        let spans: Vec<&str> = n
            .tokens
            .iter()
            .map(|t| &n.original[t.span.clone()])
            .collect();
        assert_eq!(spans, ["Group", "Hesai"]);
        assert!(
            n.steps
                .iter()
                .any(|s| s.detail.contains("'GroupHesai' read as words run together"))
        );
    }
}
