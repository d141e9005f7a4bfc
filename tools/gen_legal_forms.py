#!/usr/bin/env python3
"""Regenerate data/legal_forms.tsv from opensanctions/rigour's org_types.yml
(../shared/data/legal-forms, MIT). Keeps the copyright notice in the output.

Each output line is `COMPARE<TAB>ALIAS`: ALIAS as written in the source and
COMPARE the form it stands for (rigour's `compare`, else `display`, else
`generic`). The library normalises aliases with its own pipeline at build time.

Usage: python3 tools/gen_legal_forms.py [SHARED_DATA_DIR]
"""
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
SRC = DATA / "legal-forms" / "org_types.yml"

# Aliases that are also ordinary words or initials in company names; tagging
# them as legal forms would hide distinctive tokens.
SKIP = {"in", "ad", "ed", "et", "ll", "lt", "lc", "se", "ku", "ug", "kg", "eg", "ev", "ek", "as",
        "od", "dp", "np", "pr", "sd", "gp", "up", "gu", "ds", "sp", "na", "yu", "oy", "zs", "kd",
        # English words the source gives alone as forms, which names use as
        # words ("Games Unlimited OOD", "Charity Coalition", "Islamic
        # Regional Cooperation Bank"; 61 FPDS vendor names have one inside
        # the name). Their forms of several words stay ("Unlimited Company").
        "charity", "cooperation", "nonprofit", "unlimited"}

# Additions of ours: Chinese forms found inside unspaced Chinese names, and
# common English spellings missing from the source.
EXTRA = [
    ("co ltd", "有限公司"),
    ("co ltd", "有限责任公司"),
    ("co ltd", "有限責任公司"),
    ("co ltd", "股份有限公司"),
    ("co ltd", "股份公司"),
    ("co", "公司"),
    ("co ltd", "Co., Ltd."),
    ("co", "Co"),
    ("co", "Co."),
    ("corp", "Corp"),
    ("corp", "Corp."),
    ("inc", "Inc"),
    ("inc", "Inc."),
    ("ltd", "Ltd"),
    ("ltd", "Ltd."),
    ("llc", "LLC"),
    ("plc", "PLC"),
    ("co ltd", "Company Limited"),
    ("inc", "Incorporated"),
    ("corp", "Corporation"),
    ("co", "Company"),
    ("ltd", "Limited"),
    ("llc", "L.L.C."),
    ("jsc", "Joint Stock Company"),
    ("ooo", "ООО"),
    ("oao", "ОАО"),
    ("zao", "ЗАО"),
    ("pao", "ПАО"),
    ("ao", "АО"),
    # Indian and Pakistani private companies, and the English rendering of
    # the Russian ПАО, all common in list names and missing from the source.
    ("pvt ltd", "Pvt Ltd"),
    ("pvt ltd", "Pvt. Ltd."),
    ("pvt ltd", "Private Limited"),
    ("pvt ltd", "Private Ltd"),
    ("pvt ltd", "Private Ltd."),
    ("pvt", "Pvt"),
    ("pvt", "Pvt."),
    ("pjsc", "Publicly Traded Company"),
    # Middle Eastern forms the lists write often and the source lacks:
    # Lebanon's société anonyme libanaise (137 times in the OFAC files) and
    # the UAE's free zone company written FZC (10 times). A form of three
    # letters counts first in a name only when PREFIX_LEGAL says so ("SAL &
    # Caldeira" keeps its name).
    ("SAL", "SAL"),
    ("SAL", "S.A.L."),
    ("FZCO", "FZC"),
    ("FZCO", "F.Z.C."),
    # Latin American and French forms the lists write and the source lacks
    # as abbreviations (counted in the OFAC SDN 2024, non-SDN, DPL and CSL
    # 2023 files, which repeat entries): Honduras' and Mexico's sociedad de
    # responsabilidad limitada written S. de R.L. (46 lines), Peru's
    # sociedad anónima cerrada S.A.C. (20), France's single-owner SASU (6),
    # Spain's single-owner S.L.U. The two-letter S.L., E.U. and CC are
    # read as legal forms only last in a name (LAST_WORD_LEGAL).
    ("SRL", "S. de R.L."),
    ("SRL", "S DE RL"),
    ("SAC", "S.A.C."),
    ("SAC", "Sociedad Anónima Cerrada"),
    ("SASU", "SASU"),
    ("SASU", "S.A.S.U."),
    ("SASU", "Société par actions simplifiée unipersonnelle"),
    ("SLU", "S.L.U."),
    ("SLU", "Sociedad Limitada Unipersonal"),
    # Russian and Belarusian forms of the lists the source lacks: the
    # genitive a branch's name puts its parent's form in ("... Otkrytogo
    # Aktsionernogo Obshchestva Gazprom", 15 lines), the joint-stock company
    # written Aktsionernaya Kompaniya (Transneft), and the unitary
    # enterprise without "State" or "Federal" before it ("Republican
    # Unitary Enterprise", "Industrial Unitary Enterprise").
    ("ojsc", "Otkrytogo Aktsionernogo Obshchestva"),
    ("jsc", "Aktsionernogo Obshchestva"),
    ("jsc", "Aktsionernaya Kompaniya"),
    ("SOE", "Unitary Enterprise"),
    # Mexican forms of the lists' names the source lacks: the rural
    # production company S.P.R. de R.L. (written so on 14 lines of the OFAC
    # SDN 2024, non-SDN and DPL files, S. de P.R. de R.L. on 5, each also
    # with de C.V.), the cooperative S.C. de R.L. (4), the listed S.A.B. de
    # C.V. (a real vendor name: FOMENTO ECONOMICO MEXICANO, S.A.B. DE C.V.)
    # and the sociedad en comandita por acciones, S. en C.A. The civil
    # association A.C. (9) is read only last in a name (LAST_WORD_LEGAL).
    ("SPRRL", "S.P.R. de R.L."),
    ("SPRRL", "S. de P.R. de R.L."),
    ("SPRRLCV", "S.P.R. de R.L. de C.V."),
    ("SPRRLCV", "S. de P.R. de R.L. de C.V."),
    ("SPRRLCV", "S.P.R. de R. L. de C.V."),
    ("SCRL", "S.C. de R.L."),
    ("SCRLCV", "S.C. de R.L. de C.V."),
    ("SABCV", "S.A.B. de C.V."),
    ("SCA", "S. en C.A."),
    # The public company of Thailand and Myanmar (PCL), which the source
    # lacks: "MYANMA ECONOMIC HOLDINGS PUBLIC COMPANY LIMITED" (SDN), real
    # vendor names ("DHIPAYA INSURANCE PUBLIC COMPANY LIMITED"). Not the
    # bare "PCL", a company's initials as often ("PCL Construction").
    ("PCL", "Public Company Limited"),
    # The Dutch foundation, as the source has Germany's Stiftung: the
    # source writes only the Stichting Particulier Fonds. The OFAC SDN
    # 2024 file writes it ("STICHTING BENEVOLENCE INTERNATIONAL NEDERLAND",
    # "STICHTING AL-AQSA").
    ("Stichting", "Stichting"),
    # The Russian joint-stock commercial bank in Latin letters: the source
    # has only the Cyrillic АКБ, the lists write AKB ("AKB MOSOBLBANK OAO",
    # "AO AKB NOVIKOMBANK", "SVIAZ-BANK AKB PAO", "AKB RFA, OAO"). Not JSB,
    # which the CSL writes as a company's initials too ("JSB Logistics").
    ("JSCB", "AKB"),
]


def main():
    doc = yaml.safe_load(SRC.read_text(encoding="utf-8"))
    lines = []
    seen = set()
    for t in doc["types"]:
        compare = t.get("compare") or t.get("display") or t.get("generic") or ""
        for alias in t.get("aliases", []) + [t.get("display") or ""]:
            alias = alias.strip()
            bare = re.sub(r"[\W_]+", "", alias.lower())
            # Plurals of abbreviations ("AGs", "PLCs") are not found in names,
            # and "AGS" is a company's own initials more often than not.
            plural = re.fullmatch(r"[A-Z]{2,}s", alias) is not None
            if not alias or bare in SKIP or plural or (alias, compare) in seen:
                continue
            seen.add((alias, compare))
            lines.append(f"{compare}\t{alias}")
    for compare, alias in EXTRA:
        if (alias, compare) not in seen:
            seen.add((alias, compare))
            lines.append(f"{compare}\t{alias}")
    header = [
        "# Legal forms (organisation types) found in company names: COMPARE<TAB>ALIAS.",
        "# Generated by tools/gen_legal_forms.py; do not edit by hand.",
        "#",
        "# Derived from opensanctions/rigour resources/names/org_types.yml",
        "# (commit 8f4044dd6719d71e8ba59b5033818ff407e0efab), MIT licence:",
        "#",
    ]
    lic = (DATA / "legal-forms" / "LICENSE-rigour").read_text(encoding="utf-8")
    header += ["# " + l if l else "#" for l in lic.strip().splitlines()]
    header += ["#", "# The last lines (after the source's entries) are additions of vendor-screen.", ""]
    (ROOT / "data" / "legal_forms.tsv").write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} legal-form aliases")


if __name__ == "__main__":
    main()
