use crate::codes::coded_enum;

coded_enum! {
    /// A language Tijdig speaks: Dutch first, English second (UI and documents).
    #[derive(Default)]
    pub enum Language {
        #[default]
        Nl => "nl",
        En => "en",
    }
}
