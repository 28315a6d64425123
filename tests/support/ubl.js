// E-invoices as other software writes them (SI-UBL 2.0 / NLCIUS), for the import tests: the
// seller is the business of `completeWelcome` (KvK 01234567, btw-id NL000099998B57).

/** A tiny valid PDF (one empty page), as an exporter embeds the invoice's PDF. */
export function tinyPdf(title) {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    `<< /Title (${title}) >>`,
  ];
  let body = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * One SI-UBL 2.0 invoice: lines of [description, quantity, unit price, unitCode] at 21 %;
 * `pdf` embeds a PDF; `buyer` names the client.
 */
export function siUblInvoice({ number, issueDate, dueDate, buyer, lines, paymentId = number, pdf = null }) {
  const nets = lines.map(([, q, p]) => Math.round(q * p * 100) / 100);
  const net = nets.reduce((a, b) => a + b, 0);
  const vat = Math.round(net * 21) / 100;
  const total = net + vat;
  const money = (x) => x.toFixed(2);
  const attachment = pdf
    ? `<cac:AdditionalDocumentReference><cbc:ID>${number}</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="${number}.pdf">${pdf.toString("base64")}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`
    : "";
  const invoiceLines = lines
    .map(
      ([description, quantity, price, unit], i) => `<cac:InvoiceLine><cbc:ID>${i + 1}</cbc:ID>
<cbc:InvoicedQuantity unitCode="${unit}">${quantity}</cbc:InvoicedQuantity>
<cbc:LineExtensionAmount currencyID="EUR">${money(nets[i])}</cbc:LineExtensionAmount>
<cac:Item><cbc:Name>${description}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
<cac:Price><cbc:PriceAmount currencyID="EUR">${money(price)}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0</cbc:CustomizationID>
<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
<cbc:ID>${number}</cbc:ID>
<cbc:IssueDate>${issueDate}</cbc:IssueDate>
<cbc:DueDate>${dueDate}</cbc:DueDate>
<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cbc:BuyerReference>${number}</cbc:BuyerReference>
${attachment}
<cac:AccountingSupplierParty><cac:Party>
<cac:PartyName><cbc:Name>Studio Jansen</cbc:Name></cac:PartyName>
<cac:PostalAddress><cbc:StreetName>Keizersgracht 12a</cbc:StreetName><cbc:CityName>Amsterdam</cbc:CityName><cbc:PostalZone>1015 CJ</cbc:PostalZone><cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
<cac:PartyTaxScheme><cbc:CompanyID>NL000099998B57</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
<cac:PartyLegalEntity><cbc:RegistrationName>Studio Jansen</cbc:RegistrationName><cbc:CompanyID schemeID="0106">01234567</cbc:CompanyID></cac:PartyLegalEntity>
</cac:Party></cac:AccountingSupplierParty>
<cac:AccountingCustomerParty><cac:Party>
<cac:PartyName><cbc:Name>${buyer.name}</cbc:Name></cac:PartyName>
<cac:PostalAddress><cbc:StreetName>${buyer.street}</cbc:StreetName><cbc:CityName>${buyer.city}</cbc:CityName><cbc:PostalZone>${buyer.postcode}</cbc:PostalZone><cac:Country><cbc:IdentificationCode>NL</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
<cac:PartyLegalEntity><cbc:RegistrationName>${buyer.name}</cbc:RegistrationName><cbc:CompanyID schemeID="0106">${buyer.kvk}</cbc:CompanyID></cac:PartyLegalEntity>
<cac:Contact><cbc:ElectronicMail>${buyer.email}</cbc:ElectronicMail></cac:Contact>
</cac:Party></cac:AccountingCustomerParty>
<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>${paymentId}</cbc:PaymentID><cac:PayeeFinancialAccount><cbc:ID>NL91ABNA0417164300</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">${money(vat)}</cbc:TaxAmount>
<cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">${money(net)}</cbc:TaxableAmount><cbc:TaxAmount currencyID="EUR">${money(vat)}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>21</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
<cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="EUR">${money(net)}</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="EUR">${money(net)}</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">${money(total)}</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="EUR">${money(total)}</cbc:PayableAmount></cac:LegalMonetaryTotal>
${invoiceLines}
</Invoice>
`;
}
