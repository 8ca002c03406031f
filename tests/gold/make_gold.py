#!/usr/bin/env python3
"""Builds tests/gold/own.jsonl from the hand-written annotation sources.

usage: make_gold.py [--check] [--pred-from-gold OUT.jsonl] [--numbers] [--src DIR] [--out FILE]

Sources: tests/gold/own_src/<id>.json, one per article:

    {"id": "own_01_banjir",
     "sentences": [
        {"text": "Kompas.com - 05/03/2024, 14:20 WIB", "role": "boilerplate"},
        {"text": "Banjir merendam tujuh desa ...", "quantities": [[7, "desa"]]},
        {"text": "“...,” kata Agus kepada Kompas.com.", "claimant": "Agus Nugroho",
         "aliases": ["Agus"], "kind": "quote", "via": "Kompas.com"}
     ]}

The article text is tests/articles/<id>.txt (or the file named by "file"), read as
UTF-8 exactly as it is. Each sentence is found by its text, in order, starting where
the previous one ended; only whitespace may lie between two sentences and after the
last one, so every character of the article belongs to exactly one sentence.
Offsets are Unicode code points (Python str indices), end exclusive.

Defaults for a sentence: role "claim"; for claims claimant null, aliases [],
kind "unattributed" (a claim with a claimant must give its kind), via null,
modality "asserted", quantities [], alt_null false, alt_modality [],
alt_via_null false. Title, heading and boilerplate sentences carry only
start, end, text and role, as in seeds.jsonl.

--check         build and validate, but write nothing
--pred-from-gold OUT   also write a prediction file made from the gold itself
                (every claim sentence as a claim with the gold attributes); scoring
                it with shared/eval/score.py must give 1.0 everywhere
--numbers       list digits/number words in claim sentences that no gold quantity
                accounts for (a review aid: dates and identifiers show up here)
--src DIR       read the sources from DIR instead of tests/gold/own_src
--out FILE      write FILE instead of tests/gold/own.jsonl
                (the blind set: --src tests/gold/blind_src --out tests/gold/blind.jsonl)
"""
import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SRC = os.path.join(HERE, "own_src")
ARTICLES = os.path.join(ROOT, "tests", "articles")
OUT = os.path.join(HERE, "own.jsonl")

ROLES = {"claim", "boilerplate", "title", "heading"}
KINDS = {"quote", "reported", "unattributed"}
MODALITIES = {"asserted", "hedged", "denied"}
CLAIM_KEYS = ["claimant", "aliases", "kind", "via", "modality", "quantities",
              "alt_null", "alt_modality", "alt_via_null"]
# Who the claimant is (optional; written out only when given): role, body, type.
IDENTITY_KEYS = ["claimant_role", "claimant_affiliation", "claimant_type"]
CLAIMANT_TYPES = {"person", "organisation", "group", "outlet"}
ALLOWED = {"text", "role", *CLAIM_KEYS, *IDENTITY_KEYS, "note"}


class GoldError(Exception):
    pass


def build_doc(src_path):
    with open(src_path, encoding="utf-8") as fh:
        src = json.load(fh)
    doc_id = src["id"]
    fname = src.get("file", doc_id + ".txt")
    with open(os.path.join(ARTICLES, fname), encoding="utf-8", newline="") as fh:
        text = fh.read()
    where = f"{os.path.basename(src_path)}"
    sentences = []
    cursor = 0
    for n, s in enumerate(src["sentences"], 1):
        extra = set(s) - ALLOWED
        if extra:
            raise GoldError(f"{where}: sentence {n}: unknown keys {sorted(extra)}")
        st = s["text"]
        if not st or st != st.strip():
            raise GoldError(f"{where}: sentence {n}: empty or has outer whitespace: {st!r}")
        pos = text.find(st, cursor)
        if pos < 0:
            anywhere = text.find(st)
            hint = f" (it occurs earlier, at {anywhere}: out of order?)" if anywhere >= 0 else ""
            raise GoldError(f"{where}: sentence {n} not found after offset {cursor}{hint}: {st[:70]!r}")
        gap = text[cursor:pos]
        if gap.strip():
            raise GoldError(f"{where}: sentence {n}: text skipped before it: {gap.strip()[:70]!r}")
        if n > 1 and not gap:
            raise GoldError(f"{where}: sentence {n} touches the previous one with no space: {st[:40]!r}")
        start, end = pos, pos + len(st)
        cursor = end
        role = s.get("role", "claim")
        if role not in ROLES:
            raise GoldError(f"{where}: sentence {n}: role {role!r}")
        out = {"start": start, "end": end, "text": st, "role": role}
        if role != "claim":
            stray = set(s) & set(CLAIM_KEYS)
            if stray:
                raise GoldError(f"{where}: sentence {n}: {role} with claim fields {sorted(stray)}")
        else:
            claimant = s.get("claimant")
            kind = s.get("kind", "unattributed" if claimant is None else None)
            if kind not in KINDS:
                raise GoldError(f"{where}: sentence {n}: kind {kind!r} (a claim with a claimant must give kind)")
            if claimant is None and kind != "unattributed":
                raise GoldError(f"{where}: sentence {n}: kind {kind} without claimant")
            if claimant is not None and kind == "unattributed":
                raise GoldError(f"{where}: sentence {n}: unattributed with claimant {claimant!r}")
            modality = s.get("modality", "asserted")
            alt_modality = s.get("alt_modality", [])
            if modality not in MODALITIES or not set(alt_modality) <= MODALITIES or modality in alt_modality:
                raise GoldError(f"{where}: sentence {n}: modality {modality!r} / {alt_modality!r}")
            aliases = s.get("aliases", [])
            alt_null = s.get("alt_null", False)
            if claimant is None and aliases and not alt_null:
                raise GoldError(f"{where}: sentence {n}: aliases on a null claimant only make sense with alt_null")
            via = s.get("via")
            alt_via_null = s.get("alt_via_null", False)
            if alt_via_null and not via:
                raise GoldError(f"{where}: sentence {n}: alt_via_null without via")
            if via and via not in text:
                raise GoldError(f"{where}: sentence {n}: via {via!r} not in the article")
            quantities = s.get("quantities", [])
            for q in quantities:
                if (not isinstance(q, list) or len(q) != 2 or not isinstance(q[0], (int, float))
                        or isinstance(q[0], bool) or not isinstance(q[1], str) or q[1] != q[1].lower() or not q[1]):
                    raise GoldError(f"{where}: sentence {n}: bad quantity {q!r} (want [number, \"lowercase unit\"])")
            if claimant and claimant not in text:
                print(f"note: {where}: sentence {n}: claimant {claimant!r} does not occur verbatim", file=sys.stderr)
            out.update({"claimant": claimant, "aliases": aliases, "kind": kind, "via": via,
                        "modality": modality, "quantities": quantities, "alt_null": alt_null,
                        "alt_modality": alt_modality, "alt_via_null": alt_via_null})
            for k in IDENTITY_KEYS:
                if s.get(k) is not None:
                    if claimant is None:
                        raise GoldError(f"{where}: sentence {n}: {k} without claimant")
                    if k == "claimant_type" and s[k] not in CLAIMANT_TYPES:
                        raise GoldError(f"{where}: sentence {n}: claimant_type {s[k]!r}")
                    out[k] = s[k]
        sentences.append(out)
    if text[cursor:].strip():
        raise GoldError(f"{where}: text after the last sentence: {text[cursor:].strip()[:70]!r}")
    # Sanity: offsets are code points and the spans are ordered and disjoint.
    prev = 0
    for s in sentences:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["start"] >= prev
        prev = s["end"]
    return {"id": doc_id, "text": text, "sentences": sentences}


def pred_from_gold(doc):
    """A prediction record that reproduces the gold: for validating the format."""
    text = doc["text"]
    claims = []
    for s in doc["sentences"]:
        if s["role"] != "claim":
            continue
        c = {"start": s["start"], "end": s["end"], "text": s["text"], "kind": s["kind"],
             "modality": s["modality"]}
        if s["claimant"] is not None:
            # A span inside the sentence; the name is given as "resolved".
            c["claimant"] = {"start": s["start"], "end": s["start"] + 1, "resolved": s["claimant"]}
        else:
            c["claimant"] = None
        if s["via"]:
            pos = text.find(s["via"], s["start"])
            if pos < 0:
                pos = text.find(s["via"])
            c["via"] = {"start": pos, "end": pos + len(s["via"]), "text": s["via"]}
        else:
            c["via"] = None
        c["quantities"] = [{"start": s["start"], "end": s["end"], "value": v, "unit": u}
                           for v, u in s["quantities"]]
        claims.append(c)
    return {"id": doc["id"], "claims": claims}


NUMWORDS = r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu"


def number_report(doc):
    for s in doc["sentences"]:
        if s["role"] != "claim":
            continue
        found = re.findall(r"\d[\d.,]*\d|\d|\b(?:%s)\b" % NUMWORDS, s["text"], flags=re.I)
        if len(found) != len(s["quantities"]):
            print(f"{doc['id']}: {found} vs {s['quantities']}: {s['text'][:80]!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--pred-from-gold")
    ap.add_argument("--numbers", action="store_true")
    ap.add_argument("--src", default=SRC)
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()
    docs = []
    try:
        for path in sorted(glob.glob(os.path.join(a.src, "*.json"))):
            docs.append(build_doc(path))
    except (GoldError, KeyError, json.JSONDecodeError) as e:
        sys.exit(f"make_gold: {e}")
    if not docs:
        sys.exit("make_gold: no sources in " + a.src)
    ids = [d["id"] for d in docs]
    if len(set(ids)) != len(ids):
        sys.exit("make_gold: duplicate ids")
    if a.numbers:
        for d in docs:
            number_report(d)
    if not a.check:
        with open(a.out, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    if a.pred_from_gold:
        with open(a.pred_from_gold, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(pred_from_gold(d), ensure_ascii=False) + "\n")
    n_s = sum(len(d["sentences"]) for d in docs)
    n_c = sum(1 for d in docs for s in d["sentences"] if s["role"] == "claim")
    print(f"make_gold: {len(docs)} articles, {n_s} sentences, {n_c} claims"
          + ("" if a.check else f" -> {os.path.relpath(a.out, ROOT)}"))


if __name__ == "__main__":
    main()
