//! Mentions: from the matcher's hits to the names a document really gives.
//!
//! The stage, in the order [`crate::pipeline::Pipeline::process`] runs it:
//!
//! 1. [`resolve::gazetteer_mentions`]: one mention per matcher hit;
//! 2. [`filter`]: drops names their context rules out (inside a longer
//!    name, somebody else's surname, ordinary words at sentence starts,
//!    initials, money, datelines), with the word lists of [`words`];
//! 3. [`resolve`]: short forms (`Lavrov` after `Sergey Lavrov`) and
//!    acronyms defined in parentheses;
//! 4. [`demonyms`]: `Chinese troops` mention China;
//! 5. [`titles`]: `Presiden Xi` names the listed holder of the office;
//! 6. [`filter`] again, on what steps 3-5 added;
//! 7. [`foreign_acronyms`]: in English text that names nothing
//!    Indonesian, an Indonesian body's acronym (`UPI`) is another body.
//!
//! Each step reads the document's words and the mentions so far and adds or
//! drops mentions; none rewrites an offset.

pub mod demonyms;
pub mod filter;
pub mod foreign_acronyms;
pub mod resolve;
pub mod titles;
pub mod words;
