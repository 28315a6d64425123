#!/usr/bin/env python3
"""Validate UBL 2.1 invoices / credit notes against the official artefacts in the test fixtures.

Own code (from shared/reference/ubl/validate_ubl.py; paths adapted to the project). Needs:
Python 3.9+, lxml, saxonche — `scripts/setup.sh test` (run by `npm test`) installs them, pinned,
into `.venv`; run it as `.venv/bin/python scripts/validate_ubl.py FILES`. The XSDs and XSLTs are
read from crates/tijdig-app/tests/fixtures/ubl/ (see the README and LICENSES there). No network
access is used. `tests/ubl.rs` runs this script on every e-invoice the app generates.

Steps for every file:
  1. well-formedness (lxml)
  2. XSD validation against OASIS UBL 2.1 (xsd/maindoc/UBL-Invoice-2.1.xsd or
     UBL-CreditNote-2.1.xsd); any XSD error counts as fatal
  3. every Schematron-compiled XSLT of the chosen rule set, run with Saxon-HE (saxonche);
     the SVRL output is parsed and every svrl:failed-assert / svrl:successful-report is
     printed as  FLAG  RULE-ID  text  (location)

Rule sets (--rules, default "auto" = chosen from cbc:CustomizationID):
  peppol : Peppol BIS Billing 3.0.21 = CEN EN16931 UBL rules + PEPPOL rules (incl. NL-R-xxx)
  si-ubl : SI-UBL 2.0.3.13 (NLCIUS; contains the CEN EN16931 rules itself)
  cen    : only the CEN EN16931 UBL rules (the copy shipped with Peppol 3.0.21)
  none   : XSD only
auto: CustomizationID containing 'nlcius' -> si-ubl; containing 'peppol.eu:2017:poacc:billing'
      -> peppol; anything else -> cen.

Exit status: 0 = no fatal error (warnings allowed), 1 = at least one fatal error
(XSD error, or a failed assert with flag="fatal"/"error", or no flag), 2 = usage error or a file
that cannot be read/parsed.

Extra mode --testset: the argument files are OpenPeppol "vefa" unit-test sets
(<testSet xmlns="http://difi.no/xsd/vefa/validator/1.0">, e.g. the unit-test sets in
shared/reference/ubl/examples/peppol-bis3/unit-tests-NL);
each embedded <test> document is validated and the rule ids listed under <assert><success>,
<error>, <warning> are checked against the result.
"""
import argparse
import copy
import json
import os
import re
import sys
import time

try:
    from lxml import etree
except ImportError:  # pragma: no cover
    sys.exit("validate_ubl.py needs lxml: pip install lxml")
try:
    from saxonche import PySaxonProcessor, PySaxonApiError
except ImportError:  # pragma: no cover
    sys.exit("validate_ubl.py needs saxonche: pip install saxonche")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTEFACTS = os.environ.get("TIJDIG_UBL_ARTEFACTS") or os.path.join(
    ROOT, "crates", "tijdig-app", "tests", "fixtures", "ubl")
XSD_DIR = os.path.join(ARTEFACTS, "xsd", "maindoc")
XSLT_DIR = os.path.join(ARTEFACTS, "xslt")

NS_INV = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
NS_CN = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
NS_SVRL = "http://purl.oclc.org/dsdl/svrl"
NS_VEFA = "http://difi.no/xsd/vefa/validator/1.0"

RULESETS = {
    "peppol": ["peppol-3.0.21-CEN-EN16931-UBL.xslt", "peppol-3.0.21-PEPPOL-EN16931-UBL.xslt"],
    "si-ubl": ["si-ubl-2.0.3.13.xslt"],
    "cen": ["peppol-3.0.21-CEN-EN16931-UBL.xslt"],
    "none": [],
}
XSD_FOR_ROOT = {NS_INV: "UBL-Invoice-2.1.xsd", NS_CN: "UBL-CreditNote-2.1.xsd"}
FATAL_FLAGS = {"fatal", "error", ""}
ID_IN_TEXT = re.compile(r"^\s*\[([A-Za-z0-9_.\-]+)\]")
NS_PRED = re.compile(r"\*:([A-Za-z0-9_.\-]+)\[namespace-uri\(\)='[^']*'\]")


def short_location(loc):
    """/*:Invoice[namespace-uri()='...'][1]/*:ID[...][1] -> /Invoice[1]/ID[1]"""
    return NS_PRED.sub(r"\1", loc)


class Validator:
    def __init__(self, timing=False):
        self.timing = timing
        self.proc = PySaxonProcessor(license=False)
        self.xslt_proc = self.proc.new_xslt30_processor()
        self._schemas = {}
        self._exes = {}
        self.compile_seconds = {}

    def schema(self, name):
        if name not in self._schemas:
            t0 = time.perf_counter()
            self._schemas[name] = etree.XMLSchema(etree.parse(os.path.join(XSD_DIR, name)))
            self.compile_seconds["xsd:" + name] = time.perf_counter() - t0
        return self._schemas[name]

    def executable(self, name):
        if name not in self._exes:
            path = os.path.join(XSLT_DIR, name)
            t0 = time.perf_counter()
            self._exes[name] = self.xslt_proc.compile_stylesheet(stylesheet_file=path)
            self.compile_seconds[name] = time.perf_counter() - t0
        return self._exes[name]

    def run_xslt(self, name, xml_bytes):
        exe = self.executable(name)
        node = self.proc.parse_xml(xml_text=xml_bytes.decode("utf-8"))
        svrl = exe.transform_to_string(xdm_node=node)
        return parse_svrl(svrl)

    def validate_tree(self, tree, rules="auto"):
        """Return (ruleset_used, findings, seconds). findings: list of dicts."""
        t0 = time.perf_counter()
        findings = []
        root = tree.getroot()
        ns = etree.QName(root).namespace
        xsd_name = XSD_FOR_ROOT.get(ns)
        if xsd_name is None:
            findings.append(dict(source="xsd", flag="fatal", id="ROOT",
                                 text="root element %s is not a UBL 2.1 Invoice or CreditNote"
                                 % root.tag, location="/"))
        else:
            schema = self.schema(xsd_name)
            if not schema.validate(tree):
                for e in schema.error_log:
                    findings.append(dict(source="xsd", flag="fatal", id="XSD",
                                         text=e.message, location="line %d" % e.line))
        if rules == "auto":
            cust = root.findtext("{%s}CustomizationID" % NS_CBC) or ""
            if "nlcius" in cust:
                rules = "si-ubl"
            elif "peppol.eu:2017:poacc:billing" in cust:
                rules = "peppol"
            else:
                rules = "cen"
        xml_bytes = etree.tostring(tree, encoding="utf-8", xml_declaration=True)
        for name in RULESETS[rules]:
            try:
                found = self.run_xslt(name, xml_bytes)
            except PySaxonApiError as e:
                # A dynamic XPath error inside the rules (e.g. XPTY0004 when an element that may
                # occur once occurs twice) means the document cannot be checked: treat as fatal.
                found = [dict(flag="fatal", id="XSLT-RUNTIME-ERROR", location="",
                              text=" ".join(str(e).split())[:400])]
            for f in found:
                f["source"] = name
                findings.append(f)
        return rules, findings, time.perf_counter() - t0


def parse_svrl(svrl_text):
    out = []
    doc = etree.fromstring(svrl_text.encode("utf-8"))
    for el in doc.iter("{%s}failed-assert" % NS_SVRL, "{%s}successful-report" % NS_SVRL):
        text = " ".join("".join(el.findtext("{%s}text" % NS_SVRL) or "").split())
        rid = el.get("id") or ""
        if not rid:
            m = ID_IN_TEXT.match(text)
            rid = m.group(1) if m else "?"
        out.append(dict(flag=(el.get("flag") or "").lower(), id=rid, text=text,
                        location=short_location(el.get("location") or "")))
    return out


def is_fatal(f):
    return f["flag"] in FATAL_FLAGS


def print_findings(path, rules, findings, seconds, show_warnings, out):
    fatal = [f for f in findings if is_fatal(f)]
    warn = [f for f in findings if not is_fatal(f)]
    status = "FAIL" if fatal else "OK"
    out.write("%s  %s  [rules=%s, %d fatal, %d warning, %.3f s]\n"
              % (status, path, rules, len(fatal), len(warn), seconds))
    for f in fatal + (warn if show_warnings else []):
        loc = f["location"]
        out.write("  %-7s %-16s %s\n" % (f["flag"] or "(none)", f["id"], f["text"]))
        if loc:
            out.write("  %-7s %-16s at %s\n" % ("", "", loc))


def run_files(v, args):
    worst = 0
    results = []
    for path in args.files:
        try:
            tree = etree.parse(path)
        except (OSError, etree.XMLSyntaxError) as e:
            if args.json:
                results.append(dict(file=path, error="cannot be read/parsed: %s" % e))
            else:
                print("ERROR  %s  cannot be read/parsed: %s" % (path, e))
            worst = max(worst, 2)
            continue
        try:
            rules, findings, secs = v.validate_tree(tree, args.rules)
        except PySaxonApiError as e:  # stylesheet could not be compiled
            print("ERROR  %s  XSLT failed: %s" % (path, e))
            worst = max(worst, 2)
            continue
        if args.json:
            results.append(dict(file=path, rules=rules, seconds=round(secs, 4),
                                fatal=sum(is_fatal(f) for f in findings), findings=findings))
        else:
            print_findings(path, rules, findings, secs, args.warnings, sys.stdout)
        if any(is_fatal(f) for f in findings):
            worst = max(worst, 1)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        sys.stdout.write("\n")
    return worst


def run_testsets(v, args):
    """OpenPeppol vefa testSet files: check expected success/error/warning rule ids."""
    bad = 0
    total = 0
    for path in args.files:
        ts = etree.parse(path).getroot()
        if ts.tag != "{%s}testSet" % NS_VEFA:
            print("ERROR  %s is not a vefa testSet" % path)
            return 2
        rules = args.rules
        conf = ts.get("configuration") or ""
        if rules == "auto" and "peppol" in conf:
            rules = "peppol"  # unit-test fragments often lack CustomizationID
        for i, test in enumerate(ts.findall("{%s}test" % NS_VEFA), 1):
            exp = {"success": [], "error": [], "warning": []}
            a = test.find("{%s}assert" % NS_VEFA)
            if a is not None:
                for k in exp:
                    exp[k] = [(e.text or "").strip() for e in a.findall("{%s}%s" % (NS_VEFA, k))]
            docs = [c for c in test if isinstance(c.tag, str) and etree.QName(c).namespace in XSD_FOR_ROOT]
            if not docs:
                continue
            total += 1
            doc = etree.ElementTree(copy.deepcopy(docs[0]))
            used, findings, secs = v.validate_tree(doc, rules)
            fired = {}
            for f in findings:
                fired.setdefault(f["id"], set()).add(f["flag"])
            problems = []
            for rid in exp["success"]:
                if rid in fired:
                    problems.append("expected %s to pass, it fired (%s)" % (rid, ",".join(sorted(fired[rid]))))
            for rid in exp["error"] + exp["warning"]:
                if rid not in fired:
                    problems.append("expected %s to fire, it did not" % rid)
            tag = "PASS" if not problems else "MISMATCH"
            if problems:
                bad += 1
            print("%s  %s #%d  [%.3f s] expect success=%s error=%s warning=%s"
                  % (tag, os.path.basename(path), i, secs, exp["success"], exp["error"], exp["warning"]))
            for p in problems:
                print("    " + p)
    print("%d passed, %d failed" % (total - bad, bad))
    return 1 if bad else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--rules", default="auto", choices=["auto"] + sorted(RULESETS))
    ap.add_argument("--warnings", action="store_true", help="also print warnings")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--timing", action="store_true", help="print schema/stylesheet compile times")
    ap.add_argument("--testset", action="store_true", help="files are OpenPeppol vefa testSet files")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    v = Validator()
    rc = run_testsets(v, args) if args.testset else run_files(v, args)
    if args.timing:
        sys.stdout.flush()
        for k, s in v.compile_seconds.items():
            sys.stderr.write("compile %-45s %.3f s\n" % (k, s))
        sys.stderr.write("total wall time %.3f s\n" % (time.perf_counter() - t0))
    return rc


if __name__ == "__main__":
    sys.exit(main())
