#!/usr/bin/env python3
"""Writes the large X12 inputs Benchmarks/cli.sh times the released `x12` commands on (never committed).

Usage: make_inputs.py KIND SIZE_MB PATH
  835-single  one check (one ST) holding claims until SIZE_MB: a big payer's weekly EFT
  835-many    checks of 200 claims each (one ST per check) until SIZE_MB
  999         one 999 acknowledging 837 transaction sets (AK2/IK5, every 10th rejected with IK3/IK4)
  277         one 277CA with a claim-level HL loop per claim (every 10th rejected)
Amounts balance (SVC02 - CAS = SVC03, CLP03 - CAS = CLP04, BPR02 = sum CLP04 - PLB), so the commands do
their full work and print no warnings.
"""
import sys

ISA = "ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*PTCLINIC       *240315*1200*^*00501*000000001*0*P*:~\n"


def money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def claim_835(claim):
    lines, charge, paid, patient = [], 0, 0, 0
    for line in range(3):
        line_charge = 10_000 + ((claim * 7 + line * 13) % 400) * 100 + (claim + line) % 100
        contractual = line_charge // 5
        coinsurance = 1_000
        line_paid = line_charge - contractual - coinsurance
        charge += line_charge
        paid += line_paid
        patient += coinsurance
        lines += [f"SVC*HC:9711{line}:GP*{money(line_charge)}*{money(line_paid)}**1", "DTM*472*20240110",
                  f"CAS*CO*45*{money(contractual)}", f"CAS*PR*2*{money(coinsurance)}", f"REF*6R*PCN{claim}-{line + 1}",
                  f"AMT*B6*{money(line_charge - contractual)}", "LQ*HE*N130"]
    head = [f"CLP*PCN{claim}*1*{money(charge)}*{money(paid)}*{money(patient)}*12*ICN{claim}*11*1",
            f"NM1*QC*1*PATIENT{claim % 1000}*JANE****MI*M{claim}", "NM1*82*1*SMITH*ANNA****XX*1245319599",
            "DTM*232*20240110", "DTM*233*20240110"]
    return head + lines, paid


def transaction_835(out, number, claims):
    """Writes one 835 (ST..SE) of `claims` (an iterator of claim numbers, consumed while `out` wants more)."""
    body, paid_total = [], 0
    body += [f"TRN*1*EFT{number}*1512345678", "DTM*405*20240314", "N1*PR*ACME HEALTH PLAN", "N3*100 MAIN ST",
             "N4*HARTFORD*CT*06101", "PER*BL*EDI SUPPORT*TE*8005551212", "N1*PE*PT CLINIC*XX*1234567893",
             "REF*TJ*123456789", "LX*1"]
    chunks, count = [], 2 + len(body)
    for claim in claims:
        segments, paid = claim_835(claim)
        paid_total += paid
        count += len(segments)
        chunks.append("~\n".join(segments) + "~\n")
    plb = "PLB*1234567893*20241231*WO:ICN1*12.34*L6*-1.00"
    count += 2
    bpr = f"BPR*I*{money(paid_total - 1134)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20240315"
    out.write(f"ST*835*{number:04d}~\n{bpr}~\n" + "~\n".join(body) + "~\n")
    for chunk in chunks:
        out.write(chunk)
    out.write(f"{plb}~\nSE*{count}*{number:04d}~\n")


class Sized:
    def __init__(self, path, target):
        self.file = open(path, "w")
        self.written = 0
        self.target = target

    def write(self, text):
        self.file.write(text)
        self.written += len(text)

    def wants_more(self):
        return self.written < self.target


def claims_until(out, start, limit=None, per_chunk=1000):
    """Claim numbers from `start` while the file is short of its size (checked every `per_chunk` claims)."""
    claim = start
    while out.wants_more() and (limit is None or claim - start < limit):
        for _ in range(per_chunk if limit is None else min(per_chunk, limit - (claim - start))):
            yield claim
            claim += 1
            out.written += 550  # about one claim's bytes, so the size check works before the ST is written


def main():
    kind, size, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    out = Sized(path, size * 1_000_000)
    out.write(ISA)
    functional = {"835-single": "HP", "835-many": "HP", "999": "FA", "277": "HN"}[kind]
    version = {"HP": "005010X221A1", "FA": "005010X231A1", "HN": "005010X214"}[functional]
    out.write(f"GS*{functional}*ACMEPAYER*PTCLINIC*20240315*1200*1*X*{version}~\n")
    sets = 0
    if kind == "835-single":
        sets = 1
        transaction_835(out, 1, claims_until(out, 0))
    elif kind == "835-many":
        claim = 0
        while out.wants_more():
            sets += 1
            transaction_835(out, sets, claims_until(out, claim, limit=200))
            claim += 200
            out.written = out.file.tell()
    elif kind == "999":
        sets = 1
        out.write("ST*999*0001*005010X231A1~\nAK1*HC*1*005010X222A1~\n")
        count, acked = 2, 0
        while out.wants_more():
            acked += 1
            if acked % 10 == 0:
                # CTX*CLM01 (business unit) belongs to loop 2100, before IK4 (2110 allows only SITUATIONAL TRIGGER).
                text = (f"AK2*837*{acked:09d}*005010X222A1~\nIK3*NM1*23*2310*8~\nCTX*CLM01:PCN{acked}~\n"
                        f"IK4*9*67*I12*123456789~\nIK5*R*5~\n")
                count += 5
            else:
                text = f"AK2*837*{acked:09d}*005010X222A1~\nIK5*A~\n"
                count += 2
            out.write(text)
        rejected = acked // 10
        out.write(f"AK9*P*{acked}*{acked}*{acked - rejected}~\nSE*{count + 2}*0001~\n")
    elif kind == "277":
        sets = 1
        out.write("ST*277*0001*005010X214~\nBHT*0085*08*CA240116*20240116*0900*TH~\nHL*1**20*1~\n"
                  "NM1*PR*2*MEDICARE B*****PI*12345~\nTRN*1*CA240116~\nDTP*050*D8*20240116~\nDTP*009*D8*20240116~\n"
                  "HL*2*1*21*1~\nNM1*41*2*PT CLINIC*****46*S1~\nTRN*2*B0001~\nSTC*A1:19*20240116*WQ*335~\n"
                  "HL*3*2*19*1~\nNM1*85*2*PT CLINIC*****XX*1234567893~\nTRN*1*PROV-TRACE-1~\nSTC*A1:19**WQ*335~\n")
        count, hl = 16, 3
        while out.wants_more():
            hl += 1
            status = "A3:21" if hl % 10 == 0 else "A2:20"
            out.write(f"HL*{hl}*3*PT~\nNM1*QC*1*DOE{hl % 1000}*JANE****MI*M{hl}~\nTRN*2*PCN{hl}~\n"
                      f"STC*{status}*20240116*WQ*275~\nREF*1K*ICN{hl}~\nDTP*472*D8*20240110~\n")
            count += 6
        out.write(f"SE*{count}*0001~\n")
    out.write(f"GE*{sets}*1~\nIEA*1*000000001~\n")
    out.file.close()


if __name__ == "__main__":
    main()
