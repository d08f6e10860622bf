//! Indonesian acronyms in English text.
//!
//! The lists hold many short acronyms of Indonesian bodies (`MA`, `MK`,
//! `UI`, `UPI`, `PAN`). In English news that names nothing Indonesian they
//! are other things: `UPI` the news agency, `MA` a degree, `UI` a user
//! interface. So in an English document, a mention written in capitals
//! whose entity is an Indonesian organisation stays only when the document
//! also names something Indonesian in words (Indonesia itself, or any
//! listed name of an Indonesian entity not written in capitals, such as the
//! acronym's long form).

use crate::gazetteer::{Entity, EntityType};
use crate::mentions::resolve::Mention;

/// Drops the Indonesian organisations' acronyms of an English document that
/// names nothing Indonesian in words. `english` is the document's language
/// test; other documents are left as they are.
///
/// ```
/// use kutip::gazetteer::{Entity, EntityType};
/// use kutip::mentions::foreign_acronyms::drop_foreign_acronyms;
/// use kutip::mentions::resolve::{Mention, Method};
/// let upi = Entity { id: "u".into(), kind: EntityType::Organization, name: "Universitas Pendidikan Indonesia".into(),
///     aliases: vec!["UPI".into()], country: "ID".into(), priority: 0, offices: vec![], origin: String::new() };
/// let text = "UPI reported the vote.";
/// let mut ms = vec![Mention { start: 0, end: 3, entity: 0, method: Method::Gazetteer, paragraph: 0 }];
/// drop_foreign_acronyms(text, &[upi], &mut ms, true);
/// assert!(ms.is_empty());
/// ```
pub fn drop_foreign_acronyms(
    text: &str,
    entities: &[Entity],
    mentions: &mut Vec<Mention>,
    english: bool,
) {
    if !english {
        return;
    }
    let indonesian = |m: &Mention| entities[m.entity as usize].country == "ID";
    let in_capitals = |m: &Mention| {
        let s = &text[m.start..m.end];
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    };
    if mentions.iter().any(|m| indonesian(m) && !in_capitals(m)) {
        return;
    }
    mentions.retain(|m| {
        !(indonesian(m)
            && in_capitals(m)
            && entities[m.entity as usize].kind == EntityType::Organization)
    });
}
