//! The policy (debiteurenbeleid) in Settings and per client.

use tijdig_domain::follow_up::{FollowUpPolicy, PolicyIssue, PolicyStep};
use tijdig_domain::Language;

use crate::{dto, App, AppError, ErrorCode, FieldMessage};

fn to_dto(policy: &FollowUpPolicy, own: bool) -> dto::FollowUpPolicy {
    dto::FollowUpPolicy {
        steps: policy
            .steps
            .iter()
            .map(|s| dto::PolicyStep {
                step: s.step.into(),
                offset_days: s.offset_days.to_string(),
                channel: s.channel.into(),
            })
            .collect(),
        own,
    }
}

fn issue_message(issue: PolicyIssue, lang: Language) -> FieldMessage {
    let nl = lang == Language::Nl;
    let (index, field, code, message) = match issue {
        PolicyIssue::OutOfOrder { index } => (
            index,
            "offsetDays",
            "out_of_order",
            if nl {
                "Deze stap valt eerder dan de stap erboven: zet de dagen oplopend."
            } else {
                "This step falls before the one above: make the days ascend."
            },
        ),
        PolicyIssue::Repeated { index } => (
            index,
            "step",
            "repeated",
            if nl {
                "Deze stap staat al in het beleid."
            } else {
                "This step is already in the policy."
            },
        ),
        PolicyIssue::OffsetOutOfRange { index } => (
            index,
            "offsetDays",
            "out_of_range",
            if nl {
                "Kies een aantal dagen tussen -60 en 365."
            } else {
                "Choose a number of days between -60 and 365."
            },
        ),
        PolicyIssue::ChannelNotPossible { index } => (
            index,
            "channel",
            "channel",
            if nl {
                "Een brief gaat per post of e-mail; een contactmoment valt vóór de vervaldatum (negatief aantal dagen)."
            } else {
                "A letter goes by post or e-mail; a contact moment falls before the due date (negative days)."
            },
        ),
        PolicyIssue::NotInWriting { index } => (
            index,
            "channel",
            "not_in_writing",
            if nl {
                "Een sms of WhatsApp-bericht telt niet als schriftelijke aanmaning, ingebrekestelling of 14-dagenbrief: kies brief of e-mail. Een bericht kan bij het contactmoment en de herinnering."
            } else {
                "A text or WhatsApp message does not count as a written dunning letter, notice of default or 14-day letter: choose letter or e-mail. A message can be the contact moment or the reminder."
            },
        ),
        PolicyIssue::LegalOrder { index } => (
            index,
            "step",
            "legal_order",
            if nl {
                "De 14-dagenbrief en het uit handen geven komen na de aanmaning."
            } else {
                "The 14-day letter and the hand-over come after the dunning letter."
            },
        ),
    };
    FieldMessage {
        field: format!("steps.{index}.{field}"),
        code: code.into(),
        message: message.into(),
    }
}

impl App {
    /// The default policy (`client_id` `None`) or the one that applies to a client.
    pub fn follow_up_policy(
        &self,
        client_id: Option<i64>,
    ) -> Result<dto::FollowUpPolicy, AppError> {
        self.with_store(|store, lang| {
            let read = || -> Result<dto::FollowUpPolicy, tijdig_store::StoreError> {
                if let Some(id) = client_id {
                    store.client(id)?;
                    if let Some(own) = store.follow_up_policy(Some(id))? {
                        return Ok(to_dto(&own, true));
                    }
                }
                let default = store.follow_up_policy(None)?.unwrap_or_default();
                Ok(to_dto(&default, client_id.is_none()))
            };
            read().map_err(|e| AppError::from_store(e, lang))
        })
    }

    /// Saves the default policy or a client's own; `steps: None` for a client returns it to
    /// the default. A policy with problems is not saved; each problem lands at its field.
    pub fn save_follow_up_policy(
        &self,
        form: &dto::PolicyForm,
    ) -> Result<dto::FollowUpPolicy, AppError> {
        crate::plumbing::text_screen::screen_text(form, self.lang())?;
        self.with_store(|store, lang| {
            let policy = match &form.steps {
                None => None,
                Some(steps) => {
                    let mut fields = Vec::new();
                    let mut parsed = Vec::new();
                    for (index, s) in steps.iter().enumerate() {
                        match s.offset_days.trim().trim_start_matches('+').parse::<i32>() {
                            Ok(offset_days) => parsed.push(PolicyStep {
                                step: s.step.into(),
                                offset_days,
                                channel: s.channel.into(),
                            }),
                            Err(_) => fields.push(FieldMessage {
                                field: format!("steps.{index}.offsetDays"),
                                code: "number".into(),
                                message: match lang {
                                    Language::Nl => "Vul een heel aantal dagen in, bijvoorbeeld 14 of -7.",
                                    Language::En => "Enter a whole number of days, e.g. 14 or -7.",
                                }
                                .into(),
                            }),
                        }
                    }
                    let policy = FollowUpPolicy { steps: parsed };
                    if fields.is_empty() {
                        if let Err(issues) = policy.validate() {
                            fields.extend(issues.into_iter().map(|i| issue_message(i, lang)));
                        }
                    }
                    if !fields.is_empty() {
                        let mut err = AppError::validation(&[], lang);
                        err.fields = fields;
                        return Err(err);
                    }
                    Some(policy)
                }
            };
            if form.client_id.is_none() && policy.is_none() {
                return Err(AppError {
                    code: ErrorCode::Validation,
                    message: match lang {
                        Language::Nl => "Het standaardbeleid kan niet worden verwijderd; maak het leeg als je alles zelf wilt doen.",
                        Language::En => "The default policy cannot be removed; empty it if you want to do everything yourself.",
                    }
                    .into(),
                    fields: Vec::new(),
                });
            }
            let mut save = || -> Result<(), tijdig_store::StoreError> {
                if let Some(id) = form.client_id {
                    store.client(id)?;
                }
                store.set_follow_up_policy(form.client_id, policy.as_ref())
            };
            save().map_err(|e| AppError::from_store(e, lang))
        })?;
        self.follow_up_policy(form.client_id)
    }
}
