//! The TypeScript types in `ui/src/lib/bindings.ts` are generated from the transfer types.
//! This test fails when they drift; `UPDATE_BINDINGS=1 cargo test -p tijdig-app --test
//! bindings` rewrites the file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers may fail loudly

use tijdig_app::dto::*;
use tijdig_app::{AppError, ErrorCode, FieldMessage};
use ts_rs::{Config, TS};

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorCode::decl(&cfg),
        FieldMessage::decl(&cfg),
        AppError::decl(&cfg),
        Language::decl(&cfg),
        LegalForm::decl(&cfg),
        ClientKind::decl(&cfg),
        PreferredChannel::decl(&cfg),
        DebtorType::decl(&cfg),
        AppState::decl(&cfg),
        ProfileForm::decl(&cfg),
        Profile::decl(&cfg),
        <Saved<Profile>>::decl(&cfg),
        LogoUpload::decl(&cfg),
        ClientForm::decl(&cfg),
        Client::decl(&cfg),
        ClientSummary::decl(&cfg),
        ClientSort::decl(&cfg),
        ClientQuery::decl(&cfg),
        VatTreatment::decl(&cfg),
        VatRegime::decl(&cfg),
        InvoiceKind::decl(&cfg),
        ReferenceKind::decl(&cfg),
        InvoiceStatus::decl(&cfg),
        InvoiceLineForm::decl(&cfg),
        InvoiceForm::decl(&cfg),
        VatRow::decl(&cfg),
        InvoiceTotals::decl(&cfg),
        InvoicePreview::decl(&cfg),
        PaymentMethod::decl(&cfg),
        PaymentForm::decl(&cfg),
        PaymentProposal::decl(&cfg),
        OpenAmounts::decl(&cfg),
        WaiverForm::decl(&cfg),
        Payment::decl(&cfg),
        InvoiceRef::decl(&cfg),
        ClaimSegment::decl(&cfg),
        Claim::decl(&cfg),
        DefaultInfo::decl(&cfg),
        Invoice::decl(&cfg),
        InvoiceSummary::decl(&cfg),
        InvoiceSort::decl(&cfg),
        InvoiceQuery::decl(&cfg),
        InvoicePage::decl(&cfg),
        CreditRequest::decl(&cfg),
        InvoiceSettings::decl(&cfg),
        InterestKind::decl(&cfg),
        InterestRate::decl(&cfg),
        InterestRateForm::decl(&cfg),
        FollowUpStep::decl(&cfg),
        FollowUpChannel::decl(&cfg),
        DossierKind::decl(&cfg),
        StepInvoice::decl(&cfg),
        TodayStep::decl(&cfg),
        TodayClient::decl(&cfg),
        UpcomingStep::decl(&cfg),
        PausedInvoice::decl(&cfg),
        Today::decl(&cfg),
        PolicyStep::decl(&cfg),
        FollowUpPolicy::decl(&cfg),
        PolicyForm::decl(&cfg),
        CallOutcome::decl(&cfg),
        ContactForm::decl(&cfg),
        LetterRequest::decl(&cfg),
        SkipRequest::decl(&cfg),
        Letter::decl(&cfg),
        EmailText::decl(&cfg),
        LetterResult::decl(&cfg),
        DossierEntry::decl(&cfg),
        DisputeForm::decl(&cfg),
        InvoiceFollowUp::decl(&cfg),
        Dispute::decl(&cfg),
        ScheduleMode::decl(&cfg),
        ArrangementForm::decl(&cfg),
        InstalmentRow::decl(&cfg),
        ArrangementPreview::decl(&cfg),
        ArrangementPaymentRow::decl(&cfg),
        Arrangement::decl(&cfg),
        ArrangementPaymentForm::decl(&cfg),
        InstalmentStep::decl(&cfg),
        InstalmentContactForm::decl(&cfg),
        Kpi::decl(&cfg),
        ClientAging::decl(&cfg),
        Aging::decl(&cfg),
        ForecastWeek::decl(&cfg),
        Forecast::decl(&cfg),
        RiskFactor::decl(&cfg),
        ClientRisk::decl(&cfg),
        Dashboard::decl(&cfg),
        PaymentHistoryItem::decl(&cfg),
        BackupFile::decl(&cfg),
        BackupStatus::decl(&cfg),
        BackupInspection::decl(&cfg),
        LostDocument::decl(&cfg),
        CsvStyle::decl(&cfg),
        CsvExportForm::decl(&cfg),
        CsvExport::decl(&cfg),
        FullExport::decl(&cfg),
        SigningCertificate::decl(&cfg),
        PdfSignature::decl(&cfg),
        DocumentMatch::decl(&cfg),
        PdfCheck::decl(&cfg),
        OfferPriceKind::decl(&cfg),
        AdvanceKind::decl(&cfg),
        MilestoneForm::decl(&cfg),
        OfferForm::decl(&cfg),
        OfferCheck::decl(&cfg),
        ScheduleRow::decl(&cfg),
        OfferReview::decl(&cfg),
        TermsDocument::decl(&cfg),
        LatePaymentTermsForm::decl(&cfg),
        RatePer::decl(&cfg),
        CostsClause::decl(&cfg),
        CountersignedCopy::decl(&cfg),
        AcceptedHow::decl(&cfg),
        AcceptanceForm::decl(&cfg),
        Agreement::decl(&cfg),
        Offer::decl(&cfg),
        OfferSummary::decl(&cfg),
        TextBlock::decl(&cfg),
        ClientAcceptanceForm::decl(&cfg),
        ClientAcceptance::decl(&cfg),
        OfferContact::decl(&cfg),
        MailSecurity::decl(&cfg),
        MailSettingsForm::decl(&cfg),
        MailSettings::decl(&cfg),
        MailTestResult::decl(&cfg),
        EmailDraft::decl(&cfg),
        EmailForm::decl(&cfg),
        SendTiming::decl(&cfg),
        SentEmail::decl(&cfg),
        MailTemplate::decl(&cfg),
        MailTemplates::decl(&cfg),
        MailTemplateForm::decl(&cfg),
        BankImportResult::decl(&cfg),
        BankImportOutcome::decl(&cfg),
        InvoiceImportPreview::decl(&cfg),
        InvoiceImportItem::decl(&cfg),
        InvoiceImportResult::decl(&cfg),
        ClientImportPreview::decl(&cfg),
        ClientImportRow::decl(&cfg),
        ClientImportResult::decl(&cfg),
        SchedulePeriod::decl(&cfg),
        PeriodCovered::decl(&cfg),
        ScheduleForm::decl(&cfg),
        ScheduleState::decl(&cfg),
        InvoiceSchedule::decl(&cfg),
        ScheduledInvoice::decl(&cfg),
        PaymentLinkExample::decl(&cfg),
        MessageDraft::decl(&cfg),
        VatRubriek::decl(&cfg),
        QuarterChoice::decl(&cfg),
        IcpRow::decl(&cfg),
        VatReturnReport::decl(&cfg),
        ExternalInvoice::decl(&cfg),
        CsvColumnsPrompt::decl(&cfg),
        CsvColumns::decl(&cfg),
        CsvColumnsForm::decl(&cfg),
        BankTransaction::decl(&cfg),
        BankImportRow::decl(&cfg),
        BankOverview::decl(&cfg),
        AssignableInvoice::decl(&cfg),
        BankAssignForm::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from crates/tijdig-app (transfer types). Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p tijdig-app --test bindings\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn typescript_bindings_match_the_transfer_types() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let expected = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "ui/src/lib/bindings.ts is out of date: run UPDATE_BINDINGS=1 cargo test -p tijdig-app --test bindings"
    );
}
