#!/usr/bin/env python3
"""Convert pyx12 4.0.0 map XML files into the JSON implementation-guide specs in Sources/X12Validation/Specs/.

Usage:
    d=$(mktemp -d) && python3 -m pip download --no-deps -d "$d" pyx12==4.0.0 && (cd "$d" && unzip -q pyx12-4.0.0-*.whl)
    python3 Sources/X12Validation/Specs/tools/convert_pyx12_maps.py "$d/pyx12/map" Sources/X12Validation/Specs

What is taken from pyx12 (BSD-3-Clause, see Sources/X12Validation/Specs/README.md): loop ids, names, usage, repeat counts and
positions; segment usage, max use and order; element usage, data element numbers, code lists, regular
expressions and syntax notes; data types and min/max lengths (dataele.xml); external code lists
(codes.xml). The "match", "hierarchy" and "rules" entries are our own additions, written below.
"""
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

MAPS = [
    # (map file, output file, transaction set id, implementation reference, functional id, title)
    ("837.5010.X222.A1.xml", "837-005010X222A1.json", "837", "005010X222A1", "HC", "Health Care Claim: Professional"),
    ("835.5010.X221.A1.xml", "835-005010X221A1.json", "835", "005010X221A1", "HP", "Health Care Claim Payment/Advice"),
    ("999.5010X231.A1.xml", "999-005010X231A1.json", "999", "005010X231A1", "FA", "Implementation Acknowledgment"),
    ("999.5010.xml", "999-005010X231.json", "999", "005010X231", "FA", "Implementation Acknowledgment (base X231)"),
    ("277.5010.X214.xml", "277-005010X214.json", "277", "005010X214", "HN", "Health Care Claim Acknowledgment (277CA)"),
]

CAS_AMOUNTS = [3, 6, 9, 12, 15, 18]
PLB_AMOUNTS = [4, 6, 8, 10, 12, 14]

# Our own rules (not from pyx12): business checks the TR3 states in prose.
RULES = {
    "837": [
        {"kind": "balance", "scope": "2300", "name": "claim charge equals the sum of the line charges",
         "message": "CLM02 total claim charge must equal the sum of the SV102 line charges",
         "terms": [{"segment": "CLM", "elements": [2], "sign": 1}, {"segment": "SV1", "elements": [2], "sign": -1}]},
        {"kind": "npi", "segment": "NM1", "element": 9, "when": {"element": 8, "in": ["XX"]}, "severity": "warning"},
        {"kind": "sequence", "scope": "2300", "segment": "LX", "element": 1,
         "message": "LX01 service line numbers must start at 1 and go up by 1 within each claim"},
        {"kind": "requires", "scope": "2300", "when": {"segment": "CLM", "element": 5, "component": 3, "in": ["7", "8"]},
         "segment": "REF", "qualifier": "F8",
         "message": "a replacement or void claim (CLM05-3 7 or 8) needs REF*F8 with the payer's original claim number"},
        {"kind": "excludesLoop", "scope": "2000B", "when": {"segment": "SBR", "element": 2, "in": ["18"]},
         "loop": "2000C",
         "message": "the subscriber is the patient (SBR02 = 18), so the patient loop 2000C must not be sent"},
    ],
    "835": [
        {"kind": "balance", "scope": "2110", "name": "service line balances",
         "message": "SVC02 charge minus the line's CAS adjustments must equal SVC03 paid",
         "terms": [{"segment": "SVC", "elements": [2], "sign": 1}, {"segment": "SVC", "elements": [3], "sign": -1},
                   {"segment": "CAS", "elements": CAS_AMOUNTS, "sign": -1}]},
        {"kind": "balance", "scope": "2100", "name": "claim balances",
         "message": "CLP03 charge minus CLP04 paid must equal the sum of the claim and line CAS adjustments",
         "terms": [{"segment": "CLP", "elements": [3], "sign": 1}, {"segment": "CLP", "elements": [4], "sign": -1},
                   {"segment": "CAS", "elements": CAS_AMOUNTS, "sign": -1}]},
        {"kind": "balance", "scope": "", "name": "payment balances",
         "message": "BPR02 total payment must equal the sum of CLP04 minus the sum of the PLB adjustments",
         "terms": [{"segment": "BPR", "elements": [2], "sign": 1}, {"segment": "CLP", "elements": [4], "sign": -1},
                   {"segment": "PLB", "elements": PLB_AMOUNTS, "sign": 1}]},
        {"kind": "npi", "segment": "N1", "element": 4, "when": {"element": 3, "in": ["XX"]}, "severity": "warning"},
        {"kind": "npi", "segment": "NM1", "element": 9, "when": {"element": 8, "in": ["XX"]}, "severity": "warning"},
    ],
    "999": [],
    "277": [
        {"kind": "npi", "segment": "NM1", "element": 9, "when": {"element": 8, "in": ["XX"]}, "severity": "warning"},
    ],
}

# HL03 level code -> level codes its parent may have ([] = top level). Ours, from the TR3 outlines.
HIERARCHY = {
    "837": {"20": [], "22": ["20"], "23": ["22"]},
    "277": {"20": [], "21": ["20"], "19": ["21"], "PT": ["19"]},
}


def text(node, tag):
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text else None


def repeat_value(value):
    if value is None:
        return 1
    return 0 if value.startswith(">") else int(value)


class Converter:
    def __init__(self, map_dir):
        self.map_dir = Path(map_dir)
        self.data_elements = {}
        for ele in ET.parse(self.map_dir / "dataele.xml").getroot():
            self.data_elements[ele.get("ele_num")] = (ele.get("data_type"), int(ele.get("min_len")), int(ele.get("max_len")))
        self.external_used = set()
        self.seen_loops = {}

    def element(self, node, position):
        ref = text(node, "data_ele")
        data_type, min_len, max_len = self.data_elements.get(ref, ("AN", 1, 999999))
        result = {"pos": position, "ref": ref, "name": text(node, "name"), "usage": text(node, "usage"),
                  "type": data_type, "min": min_len, "max": max_len}
        codes = node.find("valid_codes")
        if codes is not None:
            values = [c.text.strip() for c in codes.findall("code") if c.text is not None]
            if values:
                result["codes"] = values
            if codes.get("external"):
                result["codeList"] = codes.get("external")
                self.external_used.add(codes.get("external"))
        regex = text(node, "regex")
        if regex:
            result["pattern"] = regex
        return result

    def segment(self, node):
        elements = []
        for child in node:
            if child.tag == "element":
                elements.append(self.element(child, int(text(child, "seq"))))
            elif child.tag == "composite":
                components = [self.element(c, int(text(c, "seq"))) for c in child if c.tag == "element"]
                elements.append({"pos": int(text(child, "seq")), "ref": text(child, "data_ele"), "name": text(child, "name"),
                                 "usage": text(child, "usage"), "components": components})
        result = {"segment": node.get("xid"), "name": text(node, "name"), "usage": text(node, "usage"),
                  "pos": text(node, "pos"), "maxUse": repeat_value(text(node, "max_use"))}
        match = self.match_key(node.get("xid"), elements)
        if match:
            result["match"] = match
        syntax = [s.text.strip() for s in node.findall("syntax")]
        if syntax:
            result["syntax"] = syntax
        result["elements"] = elements
        return result

    @staticmethod
    def match_key(segment_id, elements):
        """Which element value tells same-id segments apart (the rule pyx12 applies when walking a map)."""
        first = elements[0] if elements else None
        if first and "components" not in first and first["type"] == "ID" and first["usage"] == "R" and first.get("codes"):
            return {"element": 1, "codes": first["codes"]}
        if first and "components" in first and first["components"]:
            comp = first["components"][0]
            if comp.get("codes") and (comp["type"] == "ID" or segment_id == "CTX"):
                return {"element": 1, "component": 1, "codes": comp["codes"]}
        if segment_id == "HL" and len(elements) > 2 and elements[2].get("codes"):
            return {"element": 3, "codes": elements[2]["codes"]}
        return None

    def loop(self, node):
        children = []
        key = None
        for child in node:
            if child.tag == "segment":
                children.append(self.segment(child))
            elif child.tag == "loop":
                converted = self.loop(child)
                if converted["children"] or "sameAs" in converted:
                    children.append(converted)
        result = {"loop": node.get("xid"), "name": text(node, "name"), "usage": text(node, "usage"),
                  "pos": text(node, "pos"), "repeat": repeat_value(text(node, "repeat"))}
        # A loop that repeats an earlier loop with the same id and content (837 2300 under 2000B and 2000C)
        # is written once; later copies say "sameAs" and the loader shares the children.
        key = json.dumps(children, sort_keys=True)
        if self.seen_loops.get(node.get("xid")) == key:
            result["sameAs"] = node.get("xid")
            result["children"] = []
        else:
            self.seen_loops.setdefault(node.get("xid"), key)
            result["children"] = children
        return result

    def convert(self, map_file, transaction, reference, functional_id, title):
        root = ET.parse(self.map_dir / map_file).getroot()
        self.seen_loops = {}
        st_loop = next(n for n in root.iter("loop") if n.get("xid") == "ST_LOOP")
        structure = self.loop(st_loop)["children"]
        spec = {"transactionSet": transaction, "implementation": reference, "functionalGroup": functional_id,
                "name": title, "source": f"pyx12 4.0.0 map {map_file} (BSD-3-Clause), converted by Sources/X12Validation/Specs/tools/convert_pyx12_maps.py",
                "hierarchy": HIERARCHY.get(transaction, {}), "rules": RULES.get(transaction, []), "structure": structure}
        return spec

    def external_codes(self):
        result = {}
        for codeset in ET.parse(self.map_dir / "codes.xml").getroot():
            name = text(codeset, "id")
            if name in self.external_used:
                result[name] = sorted({c.text.strip() for c in codeset.iter("code") if c.text})
        return result


def render(value, indent=0):
    """JSON with one element per line: readable and diff friendly."""
    pad = "  " * indent
    if isinstance(value, dict) and ("type" in value or "element" in value or "kind" in value or "segment" in value and "elements" in value and "sign" in value):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        items = [f'{pad}  {json.dumps(k)}: {render(v, indent + 1)}' for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        items = [f"{pad}  {render(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def main():
    map_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    converter = Converter(map_dir)
    for map_file, out_name, transaction, reference, functional_id, title in MAPS:
        spec = converter.convert(map_file, transaction, reference, functional_id, title)
        (out_dir / out_name).write_text(render(spec) + "\n")
    control = ET.parse(map_dir / "x12.control.00501.xml").getroot()
    envelope = {"envelope": "00501", "name": "Interchange and functional group control segments, version 00501",
                "source": "pyx12 4.0.0 map x12.control.00501.xml (BSD-3-Clause), converted by Sources/X12Validation/Specs/tools/convert_pyx12_maps.py",
                "segments": [converter.segment(node) for node in control.iter("segment")]}
    (out_dir / "envelope-00501.json").write_text(render(envelope) + "\n")
    codes = {"source": "pyx12 4.0.0 codes.xml (BSD-3-Clause)", "codeLists": converter.external_codes()}
    (out_dir / "codes.json").write_text(json.dumps(codes, indent=1) + "\n")


if __name__ == "__main__":
    main()
