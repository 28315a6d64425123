//! Anything typed into a form: every reader of typed values (amounts, prices, quantities,
//! discounts, dates, IBAN, btw-id, KvK, postcode, e-mail, phone, website, colour, text) answers
//! a value or a refusal, never a panic — and an amount read back from how Tijdig shows it is the
//! same amount.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tijdig_domain::money::{format_eur_nl, parse_amount, parse_discount, parse_quantity, parse_unit_price};
use tijdig_domain::validate;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(amount) = parse_amount(&text) {
        let shown = format_eur_nl(amount);
        assert_eq!(parse_amount(&shown), Ok(amount), "{shown}");
    }
    let _ = parse_unit_price(&text);
    let _ = parse_quantity(&text);
    let _ = parse_discount(&text);
    let _ = tijdig_domain::dates::parse_typed_date(&text);
    let _ = validate::iban(&text);
    let _ = validate::btw_id(&text);
    let _ = validate::kvk(&text);
    let _ = validate::postcode_nl(&text);
    let _ = validate::email(&text);
    let _ = validate::phone(&text);
    let _ = validate::website(&text);
    let _ = validate::hex_colour(&text);
    let _ = validate::required_text(&text, 200);
});
