//! Advice per debtor type (debiteurtype, from the client card) shown with each step: the same
//! letter is not the right move for every debtor (nl-rules-sources §6.2, "adjust per client type").

use super::FollowUpStep;
use crate::{DebtorType, Language};

/// One or two sentences of advice for `step` with a debtor of type `debtor`.
pub fn advice(debtor: DebtorType, step: FollowUpStep, lang: Language) -> &'static str {
    let early = matches!(step, FollowUpStep::ContactMoment | FollowUpStep::Reminder);
    match (debtor, lang) {
        (DebtorType::Forgets, Language::Nl) => "Deze klant vergeet te betalen: een vriendelijke herinnering is meestal genoeg.",
        (DebtorType::Forgets, Language::En) => "This client forgets to pay: a friendly reminder is usually enough.",
        (DebtorType::CannotPay, Language::Nl) => "Deze klant kan niet betalen: bied een betalingsregeling aan voordat je kosten rekent.",
        (DebtorType::CannotPay, Language::En) => "This client cannot pay: offer a payment arrangement before you charge costs.",
        (DebtorType::WillNotPay, Language::Nl) => "Deze klant wil niet betalen: vraag naar de reden. Is er een klacht, leg die vast als betwisting.",
        (DebtorType::WillNotPay, Language::En) => "This client will not pay: ask why. If there is a complaint, record it as a dispute.",
        (DebtorType::CannotAndWillNot, Language::Nl) => "Deze klant kan en wil niet betalen: steek er niet meer tijd in dan nodig en geef de vordering uit handen.",
        (DebtorType::CannotAndWillNot, Language::En) => "This client cannot and will not pay: spend no more time than needed and hand the claim over.",
        (DebtorType::Unknown, Language::Nl) if early => "Vraag of alles naar wens is en of de factuur goed is aangekomen.",
        (DebtorType::Unknown, Language::En) if early => "Ask whether everything is to their satisfaction and whether the invoice arrived.",
        (DebtorType::Unknown, Language::Nl) => "Nog geen betaling: noteer in het dossier wat de klant zegt, dat helpt bij de volgende stap.",
        (DebtorType::Unknown, Language::En) => "Still no payment: note in the dossier what the client says; it helps with the next step.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_debtor_type_gets_its_own_advice_in_both_languages() {
        for lang in [Language::Nl, Language::En] {
            let texts: Vec<&str> = DebtorType::ALL
                .iter()
                .map(|t| advice(*t, FollowUpStep::Dunning, lang))
                .collect();
            let mut unique = texts.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), texts.len());
        }
        assert!(
            advice(DebtorType::CannotPay, FollowUpStep::Reminder, Language::Nl)
                .contains("betalingsregeling")
        );
    }
}
