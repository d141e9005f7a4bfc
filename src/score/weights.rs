//! Token weights: how much a word says about who a company is. They come from
//! the kind of the token and, for distinctive words, from how common the word
//! is among real company names ([`crate::background`]), never from the lists
//! loaded: a score does not change because another list was loaded.

use crate::background::Background;
use crate::normalize::{Normalized, Token, TokenKind};
use serde::Serialize;

/// Weight of a legal form (and of words like "Group").
pub(crate) const LEGAL_WEIGHT: f64 = 0.05;
/// Weight of a generic organisation word or a place.
pub(crate) const GENERIC_WEIGHT: f64 = 0.3;
/// Weight of a number.
pub(crate) const NUMBER_WEIGHT: f64 = 1.0;
/// A distinctive word weighs `DISTINCTIVE_BASE + DISTINCTIVE_SPAN × specificity`:
/// 0.6 for a word every company name has, 2.0 for one none has.
pub(crate) const DISTINCTIVE_BASE: f64 = 0.6;
pub(crate) const DISTINCTIVE_SPAN: f64 = 1.4;

/// Token weights, from the embedded background tables.
///
/// ```
/// use vendor_screen::normalize::Normalizer;
/// use vendor_screen::score::Weights;
/// let n = Normalizer::new();
/// let w = Weights::default();
/// let t = |s: &str| n.normalize(s).tokens.remove(0);
/// assert!(w.weight(&t("Huawei")) > w.weight(&t("Wagner")));
/// assert!(w.weight(&t("Wagner")) > w.weight(&t("Technologies")));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    background: &'static Background,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            background: Background::get(),
        }
    }
}

impl Weights {
    /// How rare a word is among real company names, in [0, 1]
    /// ([`Background::rarity`]).
    ///
    /// ```
    /// let w = vendor_screen::score::Weights::default();
    /// assert!(w.rarity("hikvision") > 0.99);
    /// assert!(w.rarity("solutions") < 0.1);
    /// ```
    pub fn rarity(&self, text: &str) -> f64 {
        self.background.rarity(text)
    }

    /// The weight of a token.
    pub fn weight(&self, t: &Token) -> f64 {
        match t.kind {
            TokenKind::LegalForm => LEGAL_WEIGHT,
            TokenKind::Generic | TokenKind::Place => GENERIC_WEIGHT,
            TokenKind::Number => NUMBER_WEIGHT,
            TokenKind::Distinctive => {
                DISTINCTIVE_BASE + DISTINCTIVE_SPAN * self.background.specificity(&t.text)
            }
        }
    }
}

/// The least a vendor's word left over can cost, as a share of its
/// weight: nothing for a branch's qualifier or a place, which
/// [`super::evidence::branch_qualifiers`] may free; else
/// [`leftover_factor`]. For the bounds, which must not undercount a score.
pub(crate) fn query_leftover_factor(t: &Token) -> f64 {
    if super::evidence::is_branch_qualifier(t) || t.kind == TokenKind::Place {
        0.0
    } else {
        leftover_factor(t)
    }
}

/// What a leftover token of a kind costs, as a share of its weight.
pub(crate) fn leftover_factor(t: &Token) -> f64 {
    if t.optional {
        return 0.0;
    }
    match t.kind {
        TokenKind::LegalForm => 0.1,
        TokenKind::Generic | TokenKind::Place => 0.5,
        TokenKind::Number | TokenKind::Distinctive => 1.0,
    }
}

/// The core of a listed organisation's name: the words a name containing it
/// is named after (its distinctive words and numbers; for a name without
/// one, its words less legal forms and words like "Group"), and how rare
/// that phrase is among real company names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Core {
    /// Indexes of the core's tokens, in order.
    pub tokens: Vec<usize>,
    /// Rarity of the phrase ([`Background::phrase_rarity`]).
    pub rarity: f64,
    /// Letters of its words, summed.
    pub letters: usize,
    /// Whether several names of the same entity have the same core (four,
    /// set where listed names are prepared): a short core (an acronym of
    /// three letters) counts only then, as the brand the group goes by
    /// ("VTB" of VTB Bank PJSC, Bank VTB OAO, JSC VTB Bank, VTB Bank PAO),
    /// not an acronym one name happens to hold.
    pub repeated: bool,
    /// Whether members the lists name for the entity (entries linked to
    /// it, its subsidiaries) carry the core in their names: "VTB" of VTB
    /// Factoring, VTB Leasing and VTB Capital, all "Linked To: VTB BANK
    /// PUBLIC JOINT STOCK COMPANY". The list itself shows the brand the
    /// group's companies go by, so a short core counts, even where the
    /// listed name's other words are short ("VTB BANK PJSC"), and so does
    /// a part of a core ([`Prepared::brand`]). How many carry it; 0 when
    /// fewer than enough do.
    pub members_carrying: usize,
    /// Whether a member the lists name for the entity carries the core
    /// (or, for a brand, this part of it), even one: too few to make a
    /// short core count ([`Core::members_carrying`]), enough to show that
    /// an ordinary word is the name the group's companies go by ("OOO
    /// Zenit Leasing" of Bank Zenit).
    pub carried_by_member: bool,
    /// Whether the core counts only leading the vendor's name (places and
    /// legal forms before it aside): set for a primary name of one word
    /// ([`Prepared::primary_organisation`]), which nothing else of its
    /// entity vouches for as a group's name.
    pub leading: bool,
    /// Whether the list names the entity as a group, reaching its
    /// subsidiaries and affiliates (§889, the FCC Covered List): a short
    /// core counts then too, only leading the vendor's name ("ZTE Kangxun
    /// Telecom", not "Acme ZTE Services").
    pub named_group: bool,
}

impl Core {
    /// The core of a name: its numbers and its distinctive words rare among
    /// company names and the name words hyphenated to them ("Dae-Dong"), a
    /// word among them (with a country leading them:
    /// "China Unicom"; "Kamaz" of "Kamaz Publicly Traded Company"); without
    /// one, all its words but legal forms when a country leads them, a
    /// country's brand ("China Mobile Limited": "Mobile" is common), or when
    /// there are three of two letters or more ("National Iranian Tanker
    /// Company"); else none ("Digital Technologies", "Tubes 2000", "J & E
    /// S. de R.L.").
    pub(crate) fn of(name: &Normalized) -> Option<Core> {
        let toks = &name.tokens;
        let content = |t: &Token| !t.optional && t.kind != TokenKind::LegalForm;
        let strong = |t: &Token| matches!(t.kind, TokenKind::Distinctive | TokenKind::Number);
        let rarity = |ids: &[usize]| {
            let words: Vec<&str> = ids.iter().map(|&i| toks[i].unexpanded_text()).collect();
            Background::get().phrase_rarity(&words)
        };
        // Its rare distinctive words: "Kamaz", not "Publicly Traded".
        let bg = Background::get();
        let rare = |t: &Token| t.kind == TokenKind::Number || bg.rarity(&t.text) >= CORE_RARITY;
        let distinctive: Vec<usize> = (0..toks.len())
            .filter(|&i| content(&toks[i]) && strong(&toks[i]) && rare(&toks[i]))
            .collect();
        // A word hyphenated to a core word is part of it: "Dae-Dong", not
        // "Dong".
        let mut distinctive = with_hyphened(name, distinctive);
        // A country leading the name is part of its brand: "China Unicom",
        // not "Unicom".
        if let (Some(&first), Some(country)) = (distinctive.first(), toks.first()) {
            if first == 1 && country.is_country() && !country.optional {
                distinctive.insert(0, 0);
            }
        }
        let letters = |ids: &[usize]| ids.iter().any(|&i| toks[i].kind != TokenKind::Number);
        let (tokens, r) = match rarity(&distinctive) {
            r if letters(&distinctive) && r >= CORE_RARITY => (distinctive, r),
            _ => {
                // Common words name a group only as a country's brand: "China
                // Mobile", "China Telecom", not "Digital Technologies" or "HK";
                // or three of them together ("National Iranian Tanker"), a
                // phrase rarer than its rarest pair of words says.
                let all: Vec<usize> = (0..toks.len()).filter(|&i| content(&toks[i])).collect();
                let words = all.iter().filter(|&&i| toks[i].text.len() >= 2).count();
                let brand = (all.len() >= 2 && toks[all[0]].is_country()) || words >= 3;
                if !brand {
                    return None;
                }
                let r = rarity(&all);
                (all, r)
            }
        };
        let letters: usize = tokens.iter().map(|&i| toks[i].text.len()).sum();
        (letters >= 3).then_some(Core {
            tokens,
            rarity: r,
            letters,
            repeated: false,
            members_carrying: 0,
            carried_by_member: false,
            leading: false,
            named_group: false,
        })
    }
}

/// The core's words `ids` with the name words hyphenated to them ("DAE" of
/// "DAE-DONG CREDIT BANK", whose rare word is "DONG"): a hyphenated name is
/// one name, and a vendor's "Dong Fang" does not carry it. Organisation
/// words stay out ("TSARGRAD-MEDIA" is the Tsargrad group's media company).
fn with_hyphened(name: &Normalized, mut ids: Vec<usize>) -> Vec<usize> {
    let toks = &name.tokens;
    let hyphened = |a: usize, b: usize| {
        toks[a].span.end <= toks[b].span.start
            && name.original.get(toks[a].span.end..toks[b].span.start) == Some("-")
    };
    let joins = |ids: &[usize], j: usize| {
        !toks[j].optional && toks[j].kind == TokenKind::Distinctive && !ids.contains(&j)
    };
    let mut k = 0;
    while k < ids.len() {
        let i = ids[k];
        if i > 0 && joins(&ids, i - 1) && hyphened(i - 1, i) {
            ids.insert(k, i - 1);
            continue;
        }
        if i + 1 < toks.len() && joins(&ids, i + 1) && hyphened(i, i + 1) {
            ids.insert(k + 1, i + 1);
        }
        k += 1;
    }
    ids
}

/// How rare a distinctive word must be to be a name's core.
pub(crate) const CORE_RARITY: f64 = 0.5;

/// A normalised name with its token weights, prepared once.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prepared {
    /// The normalised name.
    pub name: Normalized,
    /// One weight per token.
    pub weights: Vec<f64>,
    /// One background rarity per token ([`Weights::rarity`]).
    pub rarity: Vec<f64>,
    /// For a listed organisation's name, its core: a vendor named after it
    /// with words of its own may be a member of its group.
    pub core: Option<Core>,
    /// A part of the core that the members the lists name for the entity
    /// carry, where they do not carry the whole: the brand the group's
    /// companies go by ("Shahid" of Shahid Hemmat Industrial Group, whose
    /// members are Shahid Nuri, Shahid Kalhor and Shahid Movahed
    /// Industries). A vendor named after it is a possible member too.
    pub brand: Option<Core>,
    /// The name as written, for telling a name cut at a field width
    /// ([`super::cut::written_key`]).
    pub written: String,
    /// The name is a vessel's or an aircraft's ([`Prepared::craft`]): a
    /// vendor's name with a company's legal form disagrees with it.
    pub craft: bool,
    /// For a listed person's name written surname first, its parts
    /// ([`Prepared::person`]).
    pub person: Option<super::person::PersonName>,
}

impl Prepared {
    /// Weighs a normalised name's tokens. A listed organisation's name also
    /// gets its core with [`Prepared::organisation`].
    pub fn new(name: Normalized, weights: &Weights) -> Prepared {
        let rarity = name
            .tokens
            .iter()
            .map(|t| weights.rarity(&t.text))
            .collect();
        let weights = name.tokens.iter().map(|t| weights.weight(t)).collect();
        let written = super::cut::written_key(&name.original);
        Prepared {
            name,
            weights,
            rarity,
            core: None,
            brand: None,
            written,
            craft: false,
            person: None,
        }
    }

    /// The same name, known to be a vessel's or an aircraft's: a company is
    /// neither, so a vendor's name that carries a legal form the listed
    /// name lacks ("DOVER Corp" against the tanker DOVER) scores less
    /// ([`super::evidence`], kind differs). A vendor's name without one
    /// ("Dover") is scored as against any name.
    ///
    /// ```
    /// use vendor_screen::normalize::Normalizer;
    /// use vendor_screen::score::{Prepared, Weights, align};
    /// let n = Normalizer::new();
    /// let w = Weights::default();
    /// let vessel = Prepared::new(n.normalize("DOVER"), &w).craft();
    /// let company = align(&Prepared::new(n.normalize("Dover Corp"), &w), &vessel, 0.0);
    /// assert!(company.expect("aligned").score < 0.85);
    /// let bare = align(&Prepared::new(n.normalize("Dover"), &w), &vessel, 0.0);
    /// assert!(bare.expect("aligned").score > 0.99);
    /// ```
    pub fn craft(mut self) -> Prepared {
        self.craft = true;
        self
    }

    /// The same name, known to be a person's: written surname first
    /// ("PUTIN, Vladimir Vladimirovich"), the given names after the first
    /// may be left out at a small cost ([`super::person`]).
    pub fn person(mut self) -> Prepared {
        self.person = super::person::PersonName::of(&self.name);
        self
    }

    /// The same name, known to be an organisation's (not a person's, a
    /// vessel's or an aircraft's): a vendor whose name contains its core
    /// with words of its own is reported as a possible member of its group.
    /// A bare alias of one word ("ALEPH", "KIPP") gets no core: a word alone
    /// names too little, unless the entity vouches for it
    /// ([`Prepared::group_name`]). One of several words ("ISLAMIC REVOLUTION
    /// GUARDS CORPS", "CENTRAL BANK OF RUSSIA") does, as any name's core.
    ///
    /// ```
    /// use vendor_screen::normalize::Normalizer;
    /// use vendor_screen::score::{Prepared, Weights};
    /// let n = Normalizer::new();
    /// let w = Weights::default();
    /// let p = Prepared::new(n.normalize("China Mobile Limited"), &w).organisation();
    /// let core = p.core.expect("a core");
    /// assert_eq!(core.tokens, [0, 1]);
    /// let p = Prepared::new(n.normalize("Islamic Revolution Guards Corps"), &w).organisation();
    /// assert_eq!(p.core.expect("a core").tokens.len(), 4);
    /// ```
    pub fn organisation(mut self) -> Prepared {
        self.core = Core::of(&self.name).filter(|c| !self.is_bare(c) || c.tokens.len() > 1);
        self
    }

    /// An organisation's primary name: as [`Prepared::organisation`], and a
    /// name of one word ("URALVAGONZAVOD", "GENAITI") names its group too,
    /// but only leading a vendor's name: "URALVAGONZAVOD TRADING" is
    /// possibly a member, "AIR GATO ENTERPRISES" is not one of "GATO". How
    /// much it counts is still its rarity among company names.
    ///
    /// ```
    /// use vendor_screen::normalize::Normalizer;
    /// use vendor_screen::score::{Prepared, Weights};
    /// let n = Normalizer::new();
    /// let w = Weights::default();
    /// let p = Prepared::new(n.normalize("URALVAGONZAVOD"), &w).primary_organisation();
    /// assert!(p.core.expect("a core").leading);
    /// let p = Prepared::new(n.normalize("Uralvagonzavod Corporation"), &w).primary_organisation();
    /// assert!(!p.core.expect("a core").leading);
    /// ```
    pub fn primary_organisation(mut self) -> Prepared {
        self.core = Core::of(&self.name).map(|mut c| {
            c.leading = self.is_bare(&c);
            c
        });
        self
    }

    /// The same name, known to name an organisation's group even when it is
    /// only its core: a bare alias the organisation's own name spells or
    /// holds ("AVIC" of Aviation Industry Corporation of China, "Kamaz" of
    /// Kamaz Publicly Traded Company). Other bare aliases of one word
    /// ("ALEPH", "KIPP") name too little to say a vendor named with them
    /// belongs to the group.
    ///
    /// ```
    /// use vendor_screen::normalize::Normalizer;
    /// use vendor_screen::score::{Prepared, Weights};
    /// let n = Normalizer::new();
    /// let w = Weights::default();
    /// assert!(Prepared::new(n.normalize("AVIC"), &w).organisation().core.is_none());
    /// assert!(Prepared::new(n.normalize("AVIC"), &w).group_name().core.is_some());
    /// ```
    pub fn group_name(mut self) -> Prepared {
        self.core = Core::of(&self.name);
        self
    }

    /// The cores a vendor's name may contain: the name's core and the
    /// brand its members carry.
    pub(crate) fn cores(&self) -> impl Iterator<Item = &Core> {
        self.core.iter().chain(self.brand.iter())
    }

    /// The core's words as compared ("vtb"), to find the same core among an
    /// entity's names.
    pub(crate) fn core_key(&self) -> Option<String> {
        let core = self.core.as_ref()?;
        let words: Vec<&str> = core
            .tokens
            .iter()
            .map(|&i| self.name.tokens[i].text.as_str())
            .collect();
        Some(words.join(" "))
    }

    /// Whether a core is the whole name (optional words aside): a bare alias.
    fn is_bare(&self, core: &Core) -> bool {
        core.tokens.len() >= self.name.tokens.iter().filter(|t| !t.optional).count()
    }
}
