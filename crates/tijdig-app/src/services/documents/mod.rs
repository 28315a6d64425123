//! The content of every document Tijdig renders, put into the documents crate's model: the
//! house style every document shares, the letter page, the invoice and the aanmaning
//! (dunning letter). Nothing here reads the store; callers pass what is printed.

pub(crate) mod dunning_letter;
mod dunning_words;
pub(crate) mod house_style;
pub(crate) mod invoice;
pub(crate) mod letter_layout;
