//! Second compare forms of a word, for spellings that differ in letters but
//! not in what they say:
//!
//! - the *stem* of an organisation word (`technologies`, `technology` →
//!   `technolog`; `industrial`, `industries` → `industri`), from the Snowball
//!   English stemmer;
//! - the *variant key* of a word: digits standing for letters inside it read
//!   as letters (`hikv1sion`, `d4hua`, `zt3`: a possible evasion), and the
//!   spellings transliteration varies folded (`c`/`q`/`gh` → `k`, `kh` →
//!   `h`, `ph` → `f`, `ks` → `x`, final `ce` → `s`, final `que` → `k`, `y`
//!   → `i`, `w` → `v`, `z` → `s`, `ye` after a vowel → `e`, double letters
//!   once, final `e` dropped, an initial `l` before a consonant read as
//!   `i`): `Kapital` / `Capital`, `Finans` / `Finance`, `Telekom` /
//!   `Telecom`, `Foreks` / `Forex`, `Technique` / `Technic`, `Stroyeniye` /
//!   `Stroenie`, `Khuavey` / `Huawei`.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The stem of a word (Snowball English), but for the organisation words
/// whose Snowball stem is another word's ("United" is no "Unit").
///
/// ```
/// use vendor_screen::normalize::stem;
/// assert_eq!(stem("technologies"), stem("technology"));
/// assert_eq!(stem("industrial"), stem("industries"));
/// assert_ne!(stem("electronics"), stem("electric"));
/// assert_ne!(stem("united"), stem("unit"));
/// assert_eq!(stem("engineering"), stem("engineers"));
/// assert_ne!(stem("engineering"), stem("engines"));
/// ```
pub fn stem(word: &str) -> String {
    if let Some(&(_, own)) = STEM_FALSE_FRIENDS.iter().find(|(w, _)| *w == word) {
        return own.to_string();
    }
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(word)
        .into_owned()
}

/// Organisation words Snowball stems as another word, each with a stem of
/// its own: "United" is no inflection of "Unit" ("UNIT CORP", an SEC name,
/// is not UNITED COMPANY OJSC), an engine no engineering ("Aero Engine
/// Corporation" is not "Aero Engineering"), a federation nothing federal.
/// Found by grouping the organisation words by stem (the generic table and
/// the words of 100 vendor names or more).
const STEM_FALSE_FRIENDS: &[(&str, &str)] = &[
    ("united", "united"),
    ("engine", "engine"),
    ("engines", "engine"),
    ("federation", "federation"),
    ("federations", "federation"),
];

/// The letter a digit stands for inside a word.
fn digit_letter(d: u8) -> Option<u8> {
    Some(match d {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' => b'a',
        b'5' => b's',
        b'7' => b't',
        b'8' => b'b',
        _ => return None,
    })
}

/// Reads the digits of a word of letters and digits as the letters they
/// stand for, when it has at least two letters, does not start with a digit
/// and every digit stands for a letter: `hikv1sion` → `hikvision`,
/// `zt3` → `zte`; `3m`, `f16`, `b2b` are left alone.
///
/// ```
/// use vendor_screen::normalize::digits_as_letters;
/// assert_eq!(digits_as_letters("d4hua").as_deref(), Some("dahua"));
/// assert_eq!(digits_as_letters("3m"), None);
/// assert_eq!(digits_as_letters("2024"), None);
/// ```
pub fn digits_as_letters(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if letters < 2 || b.len() < 3 || !b[0].is_ascii_alphabetic() || letters == b.len() {
        return None;
    }
    b.iter()
        .map(|&c| {
            if c.is_ascii_digit() {
                digit_letter(c).map(char::from)
            } else {
                Some(char::from(c))
            }
        })
        .collect()
}

/// The other reading of a word whose digits stand for letters: a `1` is
/// an `l` as often as an `i` (`Channe1`, `Techno1ogy`, `E1ectronics`), so
/// where [`digits_as_letters`] reads each `1` as `i`, this reads it as `l`.
/// `None` when the word has no `1` or no reading.
///
/// ```
/// use vendor_screen::normalize::digits_as_letters_with_l;
/// assert_eq!(digits_as_letters_with_l("channe1").as_deref(), Some("channel"));
/// assert_eq!(digits_as_letters_with_l("d4hua"), None);
/// assert_eq!(digits_as_letters_with_l("1st"), None);
/// ```
pub fn digits_as_letters_with_l(text: &str) -> Option<String> {
    if !text.contains('1') {
        return None;
    }
    digits_as_letters(text).map(|read| {
        read.char_indices()
            .map(|(i, c)| if text.as_bytes()[i] == b'1' { 'l' } else { c })
            .collect()
    })
}

/// An initial `l` before a consonant is a capital `I` typed or read as a
/// lower-case `L` (`lndustry`, `lntelligent`).
pub(crate) fn initial_l_as_i(text: &str) -> Option<String> {
    let b = text.as_bytes();
    (b.len() >= 4
        && b[0] == b'l'
        && !matches!(b[1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l'))
    .then(|| format!("i{}", &text[1..]))
}

/// A word with the spellings that transliterations of Russian vary
/// folded, as legal-form phrases are compared (see
/// [`super::phrases::PhraseTable`]): `shch`, `sch` and `shc` (щ) are `sh`;
/// `yu` and `ya` are `iu` and `ia`; `ye` after a vowel is `e`; a last `j`
/// or `y` after a vowel is `i`. "Obshestvo", "Obschestvo" and
/// "Obshchestvo" are one word, as are "Ogranichennoj" and "Ogranichennoi",
/// "Publichnoye" and "Publichnoe", "Otvetstvennostyu" and
/// "Otvetstvennostiu". A word not all lower-case ASCII letters is itself.
pub(crate) fn transliteration_fold(word: &str) -> Cow<'_, str> {
    let b = word.as_bytes();
    // Most words have nothing to fold: told without allocating, as this
    // runs for every word of every name normalised.
    let foldable = b.contains(&b'y')
        || b.last() == Some(&b'j')
        || b.windows(2).any(|w| w == b"sc" || w == b"hc");
    if !foldable || !b.iter().all(u8::is_ascii_lowercase) {
        return Cow::Borrowed(word);
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let prev_vowel = out.last().is_some_and(|&c| vowel(c));
        let (write, used): (&[u8], usize) = if rest.starts_with(b"shch") {
            (b"sh", 4)
        } else if rest.starts_with(b"sch") || rest.starts_with(b"shc") {
            (b"sh", 3)
        } else {
            match (b[i], b.get(i + 1)) {
                (b'y', Some(b'u')) => (b"iu", 2),
                (b'y', Some(b'a')) => (b"ia", 2),
                (b'y', Some(b'e')) if prev_vowel => (b"e", 2),
                (b'j' | b'y', None) if prev_vowel => (b"i", 1),
                _ => (&rest[..1], 1),
            }
        };
        out.extend_from_slice(write);
        i += used;
    }
    if out == b {
        Cow::Borrowed(word)
    } else {
        // Only ASCII letters were written.
        Cow::Owned(out.into_iter().map(char::from).collect())
    }
}

/// The variant key of a word (see the module documentation), or `None` when
/// it is the word itself or the word is too short to vary.
///
/// ```
/// use vendor_screen::normalize::variant_key;
/// let key = |w: &str| variant_key(w).unwrap_or_else(|| w.to_string());
/// assert_eq!(key("kapital"), key("capital"));
/// assert_eq!(key("finans"), key("finance"));
/// assert_eq!(key("hikv1sion"), key("hikvision"));
/// assert_eq!(key("zt3"), "zte");
/// assert_eq!(key("moghaddam"), key("moqadam"));
/// assert_eq!(key("ekspert"), key("expert"));
/// assert_eq!(key("technique"), key("technic"));
/// // Russian х, Persian and Arabic kh, written h: "Хуавей" is Huawei.
/// assert_eq!(key("khuavey"), key("huawei"));
/// assert_eq!(key("mikhail"), key("mihail"));
/// assert_ne!(key("dover"), key("rover"));
/// ```
pub fn variant_key(text: &str) -> Option<String> {
    let mut key = String::new();
    variant_key_into(text, &mut key).then_some(key)
}

/// A word's first letter and then its consonants, sounds folded as in
/// [`variant_key`] (`y` kept: between vowels it is a consonant), each run
/// of vowels written `*`: the key two transliterations of a name share when
/// they differ only in their vowels ("misr" / "masr": `m*sr`; "mujahidin" /
/// "mujahideen": `m*j*h*d*n`), and "stream" / "storm" do not. `None` for a
/// word that is not all letters.
///
/// ```
/// use vendor_screen::normalize::consonant_key;
/// assert_eq!(consonant_key("misr"), consonant_key("masr"));
/// assert_eq!(consonant_key("quds").as_deref(), Some("k*ds"));
/// assert_eq!(consonant_key("mujahidin"), consonant_key("mujahideen"));
/// assert_ne!(consonant_key("stream"), consonant_key("storm"));
/// assert_ne!(consonant_key("cctc"), consonant_key("cetc"));
/// assert_eq!(consonant_key("h1k"), None);
/// ```
pub fn consonant_key(text: &str) -> Option<String> {
    let mut key = String::with_capacity(text.len());
    consonant_key_into(text, &mut key).then_some(key)
}

/// [`consonant_key`] appended to `key`: whether the word has one.
pub(crate) fn consonant_key_into(text: &str, key: &mut String) -> bool {
    consonant_bytes(text).is_some_and(|bytes| {
        key.extend(bytes.map(char::from));
        true
    })
}

/// The bytes of [`consonant_key`], without allocating: `None` for a word
/// that is not all lower-case letters.
pub(crate) fn consonant_bytes(text: &str) -> Option<impl Iterator<Item = u8> + '_> {
    let b = text.as_bytes();
    if b.is_empty() || !b.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let mut i = 0;
    let mut run = false;
    Some(std::iter::from_fn(move || {
        while i < b.len() {
            let (c, pair) = match b[i] {
                b'y' => (b'y', false),
                c => fold_sound(c, b.get(i + 1).copied()),
            };
            let in_run = i > 0 && is_vowel(b[i]);
            let out = if !in_run {
                Some(c)
            } else if !run {
                Some(b'*')
            } else {
                None
            };
            run = in_run;
            i += 1 + usize::from(pair);
            if out.is_some() {
                return out;
            }
        }
        None
    }))
}

/// One of the five vowel letters (`y` aside: the variant key writes it
/// `i`, and the consonant key keeps it).
pub(crate) fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The letter a variant key writes for `c` followed by `next`, and whether
/// it stands for both (`ph` is `f`, `ck` is `k`, and `gh` too, as
/// transliterations of Persian write one letter "gh" or "q": "Moghaddam" /
/// "Moqadam", "Gheshm" / "Qeshm"; `ks` is `x`, as transliterations of
/// Russian write it: "Foreks" / "Forex", "Vladeks" / "Vladex"; `c` and `q`
/// are `k`, `y` is `i`, `w` is `v`, `z` is `s`).
fn fold_sound(c: u8, next: Option<u8>) -> (u8, bool) {
    match (c, next) {
        (b'p', Some(b'h')) => (b'f', true),
        (b'c' | b'k' | b'q', Some(b's')) => (b'x', true),
        (b'c', Some(b'k')) => (b'k', true),
        (b'g', Some(b'h')) => (b'k', true),
        (b'k', Some(b'h')) => (b'h', true),
        (b'c' | b'q', _) => (b'k', false),
        (b'y', _) => (b'i', false),
        (b'w', _) => (b'v', false),
        (b'z', _) => (b's', false),
        (c, _) => (c, false),
    }
}

/// [`variant_key`] written into `key` (cleared first), allocating nothing
/// once `key` has room: whether the word has a variant key.
pub(crate) fn variant_key_into(text: &str, key: &mut String) -> bool {
    key.clear();
    let b = text.as_bytes();
    // Digits standing for letters ([`digits_as_letters`]): a digit that
    // stands for none leaves the word as it is.
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = letters >= 2
        && b.len() >= 3
        && b[0].is_ascii_alphabetic()
        && letters != b.len()
        && b.iter()
            .all(|&c| !c.is_ascii_digit() || digit_letter(c).is_some());
    let read = |c: u8| match digit_letter(c) {
        Some(l) if digits => l,
        _ => c,
    };
    if !b.iter().all(|&c| read(c).is_ascii_lowercase()) {
        return false;
    }
    if b.len() < 5 {
        // Spelling variants of short words are other words, or other
        // acronyms ("CRRC" / "CRCC").
        key.extend(b.iter().map(|&c| char::from(read(c))));
        return digits;
    }
    let n = b.len();
    // An initial `l` before a consonant is an `i`; a final `ce` is an `s`.
    let initial_i =
        b[0] == b'l' && !matches!(read(b[1]), b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'l');
    let final_ce = read(b[n - 2]) == b'c' && read(b[n - 1]) == b'e';
    // A final `que` is a `c` ("Technique" / "Technic").
    let final_que = read(b[n - 3]) == b'q' && read(b[n - 2]) == b'u' && read(b[n - 1]) == b'e';
    let len = if final_ce {
        n - 1
    } else if final_que {
        n - 2
    } else {
        n
    };
    let at = |i: usize| match i {
        0 if initial_i => b'i',
        _ if final_ce && i == n - 2 => b's',
        _ => read(b[i]),
    };
    let mut i = 0;
    while i < len {
        // `ye` after a vowel is `e` (Russian е: "Aviapriborostroyeniye" /
        // "Aviapriborostroenie").
        if at(i) == b'y'
            && i + 1 < len
            && at(i + 1) == b'e'
            && key.as_bytes().last().is_some_and(|&c| is_vowel(c))
        {
            i += 1;
            continue;
        }
        let (c, pair) = fold_sound(at(i), (i + 1 < len).then(|| at(i + 1)));
        i += usize::from(pair);
        if key.as_bytes().last() != Some(&c) {
            key.push(char::from(c));
        }
        i += 1;
    }
    if key.len() > 3 && key.ends_with('e') {
        key.pop();
    }
    key.as_bytes() != b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_inflections_of_organisation_words() {
        for (a, b) in [
            ("technologies", "technology"),
            ("technological", "technology"),
            ("industrial", "industry"),
            ("industries", "industry"),
            ("electronics", "electronic"),
            ("services", "service"),
            ("communications", "communication"),
            ("manufacturing", "manufacturer"),
            ("holdings", "holding"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    /// The variant key as it was computed before `variant_key_into`: the
    /// reference the rewrite must equal on every input.
    fn reference(text: &str) -> Option<String> {
        let letters = digits_as_letters(text);
        let word = letters.as_deref().unwrap_or(text);
        if !word.bytes().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        if word.len() < 5 {
            return letters;
        }
        let word = initial_l_as_i(word).unwrap_or_else(|| word.to_string());
        let word = match (word.strip_suffix("ce"), word.strip_suffix("que")) {
            (Some(stem), _) => format!("{stem}s"),
            (_, Some(stem)) => format!("{stem}q"),
            _ => word,
        };
        let b = word.as_bytes();
        let mut out: Vec<u8> = Vec::with_capacity(b.len());
        let mut i = 0;
        while i < b.len() {
            let vowel_before = out.last().is_some_and(|c| b"aeiou".contains(c));
            if b[i] == b'y' && b.get(i + 1) == Some(&b'e') && vowel_before {
                i += 1;
                continue;
            }
            let (c, pair) = fold_sound(b[i], b.get(i + 1).copied());
            i += usize::from(pair);
            if out.last() != Some(&c) {
                out.push(c);
            }
            i += 1;
        }
        if out.len() > 3 && out.last() == Some(&b'e') {
            out.pop();
        }
        let key = String::from_utf8(out).ok()?;
        (key != text).then_some(key)
    }

    proptest::proptest! {
        #[test]
        fn variant_key_equals_the_reference(
            w in "[a-z0-9lcekhpqyzw]{0,12}|[ -~]{0,10}|\\PC{0,6}"
        ) {
            proptest::prop_assert_eq!(variant_key(&w), reference(&w));
        }
    }

    #[test]
    fn variant_key_equals_the_reference_on_real_vendor_words() {
        let names = std::fs::read_to_string("../shared/data/vendors/fpds-vendor-names.txt")
            .expect("the real vendor names");
        let mut words = 0;
        for w in names
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
        {
            assert_eq!(variant_key(&w), reference(&w), "{w:?}");
            words += 1;
        }
        assert!(words > 100_000, "{words}");
        for w in
            "lce lcece place lnce l0gic lpha5e ph phph zt3 ckck technique uniq3e ks eksport physics"
                .split_whitespace()
        {
            assert_eq!(variant_key(w), reference(w), "{w:?}");
        }
    }

    #[test]
    fn transliterations_of_legal_form_words_fold_to_one() {
        let f = |w: &str| transliteration_fold(w).into_owned();
        for (a, b) in [
            ("obshestvo", "obshchestvo"),
            ("obschestvo", "obshchestvo"),
            ("obshcestvo", "obshchestvo"),
            ("ogranichennoj", "ogranichennoi"),
            ("ogranichennoy", "ogranichennoi"),
            ("publichnoye", "publichnoe"),
            ("otvetstvennostyu", "otvetstvennostiu"),
            ("nauchnyj", "nauchnyy"),
        ] {
            assert_eq!(f(a), f(b), "{a} / {b}");
        }
        for (a, b) in [("obshestvo", "obshchestva"), ("otkrytoe", "otkrytogo")] {
            assert_ne!(f(a), f(b), "{a} / {b}: another word or case");
        }
        assert_eq!(f("ООО"), "ООО", "not ASCII: itself");
    }

    #[test]
    fn variant_keys() {
        let key = |w: &str| variant_key(w).unwrap_or_else(|| w.to_string());
        for (a, b, why) in [
            ("kapital", "capital", "transliteration k/c"),
            ("telekom", "telecom", "transliteration k/c"),
            ("finans", "finance", "final -ce"),
            ("hytera", "hitera", "y/i"),
            (
                "aviapriborostroyeniye",
                "aviapriborostroenie",
                "ye after a vowel",
            ),
            ("hikv1sion", "hikvision", "digit for a letter"),
            ("d4hua", "dahua", "digit for a letter"),
            ("lndustry", "industry", "lower-case L for a capital I"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}: {why}");
        }
        for (a, b, why) in [
            ("dahua", "dahau", "a transposition is a typo, not a variant"),
            ("lloyd", "iioyd", "double l is not a look-alike"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}: {why}");
        }
    }
}
