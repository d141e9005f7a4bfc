//! Step 6a (a vendor's name only): words run together with a legal form,
//! "Group" or, leading them, an organisation word are read apart.
//!
//! Vendor masters lose spaces: "ARTEKSLIMITED COMPANY", "GroupHesai",
//! "BAILEY HOLDINGSPTY LTD". A word no real company name has
//! ([`Background::df`] of 0) that begins or ends with one of these is read
//! as the two words, as if the vendor had typed the space:
//! - a legal form of one word and five letters or more ("Limited",
//!   "Company", "Corporation");
//! - at the word's end, one of a few short legal forms vendor masters run
//!   into the name ([`LEGAL_ENDS`]: "Ltd", "LLC", "Corp", "GmbH");
//! - "Group" or "Holding(s)";
//! - at the word's start, an organisation word of six letters or more that
//!   is no place ("TradingCNOOC", "EXPORTNORSAL", "INSTITUTEFSB"): the
//!   vendor wrote the listed words in another order and lost the space
//!   between them, which the scorer's merged words (consecutive words of
//!   the listed name, in its order) cannot pair.
//!
//! An organisation word ending the word stays glued: "AGROSERVICIOS",
//! "PETROTECHNICAL" and "INTRALOGISTICS" are a combining form and the
//! word, not a name run into it, and the scorer already pairs words run
//! together in the listed name's order ("Agatelectromechanical" / "Agat
//! Electromechanical"); but not a legal form, which the listed name holds
//! as one token in its compare form. A word of a legal form of several
//! words ("Private" of "Private Limited") does not split a word either:
//! whether it completes the legal form depends on the words around it,
//! which read again are compare forms ("Ltda" is `ltd`), and normalising
//! must stay a fixed point.
//!
//! What is left must be three letters or more. Known words are never split
//! ("Consulting", "Universal"), nor words cut short ("Incorporat"), nor
//! misspelt organisation words; and the cut never falls inside a longer
//! known word ("Corporationak" is not "Corp orationak"). Whether a word
//! splits depends on the word alone, and its pieces split until none can.

use super::chars::{RawToken, Sep};
use super::tables::FORM_WORDS;
use super::{Normalizer, StepKind, Steps};
use crate::background::Background;
use std::collections::HashSet;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// Fewest letters left beside the organisation word.
const MIN_REST: usize = 3;
/// Fewest letters of a legal form's word that splits a word. A shorter
/// legal form ends or begins too many names ("Cheong", "Bolsak",
/// "Kaleidoskop", "Corpomedios"), except those of [`LEGAL_ENDS`].
const MIN_LEGAL_WORD: usize = 5;
/// Fewest letters of an organisation word that splits a word.
const MIN_GENERIC_WORD: usize = 6;
/// The short legal forms that split a word, at its end only: those vendor
/// masters run into the name ("WIDGETSLTD", "ACMECORP").
const LEGAL_ENDS: &[&str] = &[
    "ltd", "llc", "inc", "pty", "plc", "bhd", "jsc", "fze", "corp", "gmbh", "sarl", "ltda", "pjsc",
    "ojsc", "cjsc", "fzco", "dmcc",
];

/// The first three letters of the words that may split a word at its
/// start, and the last three of those that may at its end.
#[derive(Debug, Clone, Default)]
pub(super) struct GlueEdges {
    starts: HashSet<[u8; 3]>,
    ends: HashSet<[u8; 3]>,
}

/// The first or last three bytes of a word of three bytes or more.
fn edge3(w: &[u8], edge: Edge) -> Option<[u8; 3]> {
    let three = match edge {
        Edge::Start => w.get(..3)?,
        Edge::End => w.get(w.len().checked_sub(3)?..)?,
    };
    three.try_into().ok()
}

/// Where the organisation word sits in the glued word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

impl Normalizer {
    /// Step 6a: every token of letters run together with a legal form,
    /// "Group" or a leading organisation word becomes its words, each with
    /// its share of the span where the written text allows it. Whether a
    /// word splits depends on the word alone, and its pieces split until
    /// none can: the words read again split no more (normalising stays a
    /// fixed point).
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
        for t in raw {
            let pieces = self.pieces(&t);
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
                out.extend(span_pieces(text, &t, pieces));
            } else {
                out.extend(pieces);
            }
        }
        out
    }

    /// The edges of the words that may split a word ([`GlueEdges`]).
    pub(super) fn build_glue_edges(&self) -> GlueEdges {
        let mut edges = GlueEdges::default();
        let legal = self
            .legal_words
            .iter()
            .map(String::as_str)
            .filter(|w| w.len() >= MIN_LEGAL_WORD && self.legal.has_word(w));
        for w in FORM_WORDS.iter().copied().chain(legal) {
            edges.starts.extend(edge3(w.as_bytes(), Edge::Start));
            edges.ends.extend(edge3(w.as_bytes(), Edge::End));
        }
        for w in self.generic_words() {
            if self.splits_at_start(&w) {
                edges.starts.extend(edge3(w.as_bytes(), Edge::Start));
            }
        }
        for w in LEGAL_ENDS {
            edges.ends.extend(edge3(w.as_bytes(), Edge::End));
        }
        edges
    }

    /// Whether a token may be words run together: untagged, and
    /// [`Normalizer::may_read_apart`].
    fn may_split(&self, t: &RawToken) -> bool {
        t.kind.is_none() && self.may_read_apart(&t.text)
    }

    /// Whether the normaliser may read a vendor's word as words run together
    /// ([`Normalizer::normalize_query`]), whatever words stand around it (as
    /// the sieve of a rescreen asks of a word): a legal form or "Group" at
    /// one of its edges, or an organisation word at its start (the cheap
    /// tests first), and a word of lower-case letters no real company name
    /// has, not itself a word the tables know, nor one they would read as
    /// another.
    pub(crate) fn may_read_apart(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let edges = &self.glue_edges;
        w.len() >= MIN_REST * 2
            && (edge3(b, Edge::Start).is_some_and(|e| edges.starts.contains(&e))
                || edge3(b, Edge::End).is_some_and(|e| edges.ends.contains(&e)))
            && b.iter().all(u8::is_ascii_lowercase)
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
            || self.replaced_when_read(w)
            || self.legal_words.contains(w)
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

    /// The legal forms and "Group"s at the edges of `w`, and the
    /// organisation words at its start, that may split it: each cut and
    /// edge.
    fn anchors<'w>(&'w self, w: &'w str) -> impl Iterator<Item = (usize, Edge)> + 'w {
        (MIN_REST..=w.len().saturating_sub(MIN_REST)).flat_map(move |cut| {
            [(Edge::Start, &w[..cut]), (Edge::End, &w[cut..])]
                .into_iter()
                .filter_map(move |(edge, anchor)| {
                    let legal = (edge == Edge::End && LEGAL_ENDS.contains(&anchor))
                        || (anchor.len() >= MIN_LEGAL_WORD && self.legal.has_word(anchor))
                        || (edge == Edge::Start && self.splits_at_start(anchor));
                    (legal || FORM_WORDS.contains(&anchor)).then_some((cut, edge))
                })
        })
    }

    /// Whether an organisation word of [`MIN_GENERIC_WORD`] letters or more,
    /// no place, splits a word it begins: "TradingCNOOC", "EXPORTNORSAL".
    /// Not one it ends: a word that ends with one is more often a word made
    /// of a combining form and the organisation word ("AGROSERVICIOS",
    /// "PETROTECHNICAL", "INTRALOGISTICS") than a name run together.
    fn splits_at_start(&self, w: &str) -> bool {
        w.len() >= MIN_GENERIC_WORD && self.is_generic(w) && !self.places.has_word(w)
    }

    /// The words of `t`: itself when it does not split. Each split leaves
    /// shorter pieces, so this ends.
    fn pieces(&self, t: &RawToken) -> Vec<RawToken> {
        let mut pieces = vec![t.clone()];
        let mut k = 0;
        while k < pieces.len() {
            match self.split_once(&pieces[k]) {
                Some((head, tail)) => {
                    pieces.splice(k..=k, [head, tail]);
                }
                None => k += 1,
            }
        }
        pieces
    }

    /// The split of `t`, if it may be split: at the longest anchor
    /// ([`Normalizer::anchors`]) whose cut falls inside no longer known word.
    fn split_once(&self, t: &RawToken) -> Option<(RawToken, RawToken)> {
        if !self.may_split(t) {
            return None;
        }
        let w = t.text.as_str();
        let anchor_len = |cut: usize, edge: Edge| match edge {
            Edge::Start => cut,
            Edge::End => w.len() - cut,
        };
        let (_, cut) = self
            .anchors(w)
            .filter(|&(cut, edge)| !self.known_beyond(w, cut, edge))
            .map(|(cut, edge)| (anchor_len(cut, edge), cut))
            .max()?;
        let mut head = t.clone();
        head.text = w[..cut].to_string();
        let mut tail = t.clone();
        tail.text = w[cut..].to_string();
        tail.sep = Sep::Space;
        Some((head, tail))
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
/// the pieces' letters in any case, each character read in its NFKC form
/// and what is no letter or digit aside (a character the normaliser
/// deletes as invisible, an apostrophe: "TOV\u{7f}LTD", "TOV`LTD",
/// "ＴＯＶLTD"); else (a word transliterated from another script) each
/// with its share of the word's characters, in order. Never the whole
/// span: a piece would read the text after the word as its own neighbour
/// ("tov" of "tov\u{7f}ltd-t" was a code joined by a hyphen, where the same
/// name read again is "tov ltd-t": the `normalize` fuzz target's finding).
fn span_pieces(text: &str, t: &RawToken, mut pieces: Vec<RawToken>) -> Vec<RawToken> {
    let spans = piece_spans(text, t.span.clone(), &pieces)
        .or_else(|| shared_spans(text, t.span.clone(), &pieces));
    if let Some(spans) = spans {
        for (p, span) in pieces.iter_mut().zip(spans) {
            p.span = span;
        }
    }
    pieces
}

/// The characters of `text[span]` shared out among the pieces in order, as
/// many to each as its share of the pieces' letters (one at least), where
/// the word has a character for each piece.
fn shared_spans(text: &str, span: Range<usize>, pieces: &[RawToken]) -> Option<Vec<Range<usize>>> {
    let starts: Vec<usize> = text[span.clone()]
        .char_indices()
        .map(|(i, _)| span.start + i)
        .collect();
    let (chars, count) = (starts.len(), pieces.len());
    let letters: usize = pieces.iter().map(|p| p.text.chars().count()).sum();
    if chars < count || letters == 0 {
        return None;
    }
    let at = |k: usize| starts.get(k).copied().unwrap_or(span.end);
    let mut spans = Vec::with_capacity(count);
    let (mut first, mut seen) = (0, 0);
    for (k, p) in pieces.iter().enumerate() {
        seen += p.text.chars().count();
        let left = count - k - 1;
        let last = (seen * chars / letters).clamp(first + 1, chars - left);
        spans.push(at(first)..at(last));
        first = last;
    }
    Some(spans)
}

/// The byte span of each piece in `text[span]`, if its letters and digits
/// read as the pieces' letters, one after the other.
fn piece_spans(text: &str, span: Range<usize>, pieces: &[RawToken]) -> Option<Vec<Range<usize>>> {
    let start = span.start;
    let mut chars = text[span]
        .char_indices()
        .filter(|&(_, c)| !super::chars::is_invisible(c))
        .map(|(i, c)| {
            let read: String = std::iter::once(c)
                .nfkc()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            (start + i..start + i + c.len_utf8(), read)
        })
        .filter(|(_, read)| !read.is_empty());
    let mut spans = Vec::with_capacity(pieces.len());
    for p in pieces {
        let mut read = String::new();
        let mut piece: Option<Range<usize>> = None;
        while read.len() < p.text.len() {
            let (r, letters) = chars.next()?;
            read.push_str(&letters);
            piece = Some(piece.map_or(r.clone(), |s| s.start..r.end));
        }
        if read != p.text {
            return None;
        }
        spans.push(piece?);
    }
    chars.next().is_none().then_some(spans)
}

#[cfg(test)]
mod tests {
    use super::super::Normalizer;

    fn text(s: &str) -> String {
        Normalizer::new().normalize_query(s).text()
    }

    /// Words run together with a legal form or "Group" are read apart, at
    /// either edge.
    #[test]
    fn words_run_together_with_a_legal_form_or_group_are_read_apart() {
        for (glued, spaced) in [
            ("ARTEKSLIMITED COMPANY", "ARTEKS LIMITED COMPANY"),
            ("GroupHesai", "Group Hesai"),
            ("MEGA GEMSPTY LIMITED", "MEGA GEMS PTY LIMITED"),
            ("Acme Widgetsltd", "Acme Widgets Ltd"),
            ("ACME WIDGETSCORP", "ACME WIDGETS CORP"),
            (
                "Internat ional TradingCNOOC",
                "Internat ional Trading CNOOC",
            ),
            ("EXPORTNORSAL LTD", "EXPORT NORSAL LTD"),
            (
                "CRIMINALISTICS INSTITUTEFSB",
                "CRIMINALISTICS INSTITUTE FSB",
            ),
        ] {
            assert_eq!(text(glued), text(spaced), "{glued}");
        }
    }

    /// Known words, words an organisation word only begins or ends with too
    /// little left, three-letter legal forms at the start and a word of a
    /// legal form of several words ("Private" of "Private Limited") stay
    /// whole.
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
            "Arvanprivate",
            // An organisation word ends it: a combining form and the word.
            "Agroservicios",
            "Petrotechnical",
            "Intralogistics",
            // A place begins it.
            "Americanbio",
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

    /// Characters deleted as invisible, or read another way (full-width
    /// letters), inside the word fall between or inside the pieces' spans:
    /// a piece does not take the whole word's span, and with it the text
    /// after the word as its neighbour ("tov" read as a code joined by a
    /// hyphen to "-t"; the `normalize` fuzz target's finding).
    #[test]
    fn pieces_keep_their_spans_across_invisible_and_full_width_characters() {
        let n = Normalizer::new();
        for (name, pieces, read) in [
            ("Hik tov\u{7f}ltd-t", ["tov", "ltd"], "hik llc ltd-t"),
            ("Hik toV`ltd-t", ["toV", "ltd"], "hik llc ltd-t"),
            (
                "Hik \u{ff34}\u{ff2f}\u{ff36}ltd-t",
                ["\u{ff34}\u{ff2f}\u{ff36}", "ltd"],
                "hik llc ltd-t",
            ),
            // Transliterated: each piece its share of the characters.
            ("Hik Тов\u{7f}ltd-t", ["Тов", "\u{7f}ltd"], "hik tob ltd-t"),
        ] {
            let q = n.normalize_query(name);
            let spans: Vec<&str> = q.tokens[1..3]
                .iter()
                .map(|t| &q.original[t.span.clone()])
                .collect();
            assert_eq!(spans, pieces, "{name}");
            assert_eq!(q.text(), read, "{name}");
            assert_eq!(n.normalize_query(read).text(), read, "{name}");
        }
    }
}
