//! Word tables of the normaliser. The legal-form table is data
//! (`data/legal_forms.tsv`, derived from opensanctions/rigour, MIT); the rest
//! are short lists of our own, in compare form (lower case ASCII).

mod edgar;
mod legal;
mod places;
mod scripts;
mod words;

pub(crate) use edgar::*;
pub(crate) use legal::*;
pub(crate) use places::*;
pub(crate) use scripts::*;
pub(crate) use words::*;
