use crate::codes::coded_enum;

coded_enum! {
    /// A language Tijdig speaks: Dutch first, English second (UI and documents).
    pub enum Language {
        Nl => "nl",
        En => "en",
    }
}

impl Default for Language {
    fn default() -> Self {
        Language::Nl
    }
}
