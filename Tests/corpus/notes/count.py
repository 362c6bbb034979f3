#!/usr/bin/env python3
"""Validate and count the labelled notes corpus; optionally score a claims reader against it.

    python3 Tests/corpus/notes/count.py                 # validate every set, print the tables
    python3 Tests/corpus/notes/count.py --markdown      # the same tables as Markdown (for the README)
    python3 Tests/corpus/notes/count.py --uncovered     # lines with a figure or a says-phrase no label covers
    python3 Tests/corpus/notes/count.py score dev OUT.json
        OUT.json: {"documents": [{"file": "001-call-note.txt",
                                  "claims": [{"stakeholder", "topic", "value"|"position", "quote"?}]}]}
        prints precision and recall under the counting rule in README.md.

Exit status: 0 when every check passes, 1 when a label is wrong (each problem is printed as
set/file: message). Needs Python 3.9+ and PyYAML (to read content/taxonomy.yaml and says.yaml).
"""
import json
import os
import re
import sys
from collections import Counter

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.exit("count.py needs PyYAML: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
TAXONOMY = os.path.join(REPO, "content", "taxonomy.yaml")
SAYS = os.path.join(HERE, "says.yaml")
SETS = ["dev", "heldout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41"]

WHYS = ["question", "conditional", "negation", "vendor", "unknown-person", "ambiguous-name",
        "other-unit", "no-figure", "no-topic"]
FORMATS = ["note", "markdown", "email", "vtt", "srt", "transcript"]
TOLERANCE = 0.01  # a value is right when within 1% of the label, after unit conversion


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f) if path.endswith(".yaml") else json.load(f)


def expected_format(name):
    if name.endswith(".vtt"):
        return "vtt"
    if name.endswith(".srt"):
        return "srt"
    if name.endswith(".eml.txt"):
        return "email"
    if name.endswith(".md"):
        return "markdown"
    if "transcript" in name:
        return "transcript"
    return "note"


def phrase_in(phrase, text):
    """Case-insensitive, on word boundaries, hyphen and space interchangeable."""
    words = [re.escape(w) for w in re.split(r"[\s\-]+", phrase.strip())]
    pattern = r"(?<![\w])" + r"[\s\-]+".join(words) + r"(?![\w])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def validate(taxonomy, says):
    errors = []
    topics = taxonomy["topics"]
    roles = set(taxonomy["roles"])
    for name, spec in says["topics"].items():
        if name not in topics:
            errors.append(f"says.yaml: topic {name!r} is not in the taxonomy")
            continue
        phrases = spec["says"]
        if topics[name]["kind"] == "choice":
            for pos in phrases:
                if pos not in topics[name]["positions"]:
                    errors.append(f"says.yaml: {name}: position {pos!r} is not in the taxonomy")
    for name in topics:
        if name not in says["topics"]:
            errors.append(f"says.yaml: no phrases proposed for topic {name!r}")

    data = {}
    for s in SETS:
        labels = load(os.path.join(HERE, s, "labels.json"))
        data[s] = labels["documents"]
        on_disk = {f for f in os.listdir(os.path.join(HERE, s)) if f != "labels.json"}
        labelled = [d["file"] for d in labels["documents"]]
        for f in sorted(on_disk - set(labelled)):
            errors.append(f"{s}/{f}: file has no entry in labels.json")
        for f, n in Counter(labelled).items():
            if n > 1:
                errors.append(f"{s}/{f}: labelled {n} times")
        for d in labels["documents"]:
            where = f"{s}/{d['file']}"
            path = os.path.join(HERE, s, d["file"])
            if not os.path.exists(path):
                errors.append(f"{where}: labelled but missing")
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            if d["format"] not in FORMATS:
                errors.append(f"{where}: format {d['format']!r} is not one of {FORMATS}")
            elif d["format"] != expected_format(d["file"]):
                errors.append(f"{where}: format {d['format']!r} but the file name says {expected_format(d['file'])!r}")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.get("date") or ""):
                errors.append(f"{where}: date must be YYYY-MM-DD")
            if d["format"] == "vtt" and not text.startswith("WEBVTT"):
                errors.append(f"{where}: a WebVTT file starts with WEBVTT")
            people = {p["id"]: p for p in d["group"]["stakeholders"]}
            for p in people.values():
                if p["role"] not in roles:
                    errors.append(f"{where}: stakeholder {p['id']}: role {p['role']!r} is not in the taxonomy")
            direction = d.get("direction")
            if d["format"] == "email":
                if direction not in ("inbound", "outbound"):
                    errors.append(f"{where}: an e-mail has direction inbound or outbound")
                if direction == "inbound" and d.get("from") not in people:
                    errors.append(f"{where}: an inbound e-mail names its sender in `from`")
                if direction == "outbound" and d.get("from") is not None:
                    errors.append(f"{where}: an outbound e-mail comes from the vendor (`from`: null)")
            elif direction is not None:
                errors.append(f"{where}: direction is only for e-mails")
            if d.get("from") is not None and d["from"] not in people:
                errors.append(f"{where}: from {d['from']!r} is not in the group")
            for c in d["claims"]:
                q = c.get("quote", "")
                if q not in text:
                    errors.append(f"{where}: claim quote is not in the file: {q!r}")
                if c["stakeholder"] not in people:
                    errors.append(f"{where}: claim holder {c['stakeholder']!r} is not in the group")
                t = topics.get(c["topic"])
                if t is None:
                    errors.append(f"{where}: topic {c['topic']!r} is not in the taxonomy")
                    continue
                if t["kind"] == "choice":
                    if c.get("position") not in t["positions"] or "value" in c:
                        errors.append(f"{where}: {c['topic']} needs a position from {t['positions']}: {q!r}")
                    phrases = says["topics"][c["topic"]]["says"].get(c.get("position"), [])
                else:
                    if not isinstance(c.get("value"), (int, float)) or "position" in c:
                        errors.append(f"{where}: {c['topic']} needs a numeric value: {q!r}")
                    phrases = says["topics"][c["topic"]]["says"]
                if "topic-carried" not in c.get("hard", []) and not any(phrase_in(p, q) for p in phrases):
                    errors.append(f"{where}: no says-phrase of {c['topic']}/{c.get('position', '')} in {q!r} "
                                  f"(tag it topic-carried or add a phrase to says.yaml)")
            for k in d["skipped"]:
                if k["quote"] not in text:
                    errors.append(f"{where}: skipped quote is not in the file: {k['quote']!r}")
                if k["why"] not in WHYS:
                    errors.append(f"{where}: why {k['why']!r} is not one of {WHYS}")
        for why in WHYS:
            if not any(k["why"] == why for d in data[s] for k in d["skipped"]):
                errors.append(f"{s}: no trap of kind {why!r}")
    people_by_set = {s: {p["name"] for d in data[s] for p in d["group"]["stakeholders"]} for s in SETS}
    groups_by_set = {s: {d["group"]["id"] for d in data[s]} for s in SETS}
    for i, a in enumerate(SETS):  # every pair of sets shares no person and no group
        for b in SETS[i + 1:]:
            if people_by_set[a] & people_by_set[b]:
                errors.append(f"{a} and {b} share people: {sorted(people_by_set[a] & people_by_set[b])}")
            if groups_by_set[a] & groups_by_set[b]:
                errors.append(f"{a} and {b} share groups: {sorted(groups_by_set[a] & groups_by_set[b])}")
    return data, errors


FIGURE = re.compile(
    r"(?P<iso1>\bUSD\s)?(?P<cur>[$€£])?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<mult1>[kKMm]\b)?"
    r"(?:\s?(?:[–-]|to)\s?[$€£]?(?P<n2>\d[\d,]*(?:\.\d+)?))?"
    r"(?:\s?(?P<mult>k|K|M|m|bn)\b)?(?:\s(?P<word>thousand|million)\b)?(?:\s(?P<iso2>USD|dollars)\b)?"
    r"(?:\s?(?P<unit>%|percent\b|per cent\b|weeks?\b|wks?\b|months?\b|mos\b|years?\b|yrs?\b|days?\b))?")
FORMS = ["$ and k/K", "$ and M/m", "$ and digits only", "k/K without $", "M/m without $", "million / thousand in words", "ISO code or 'dollars'",
         "bare number (no currency)", "%", "percent / per cent", "weeks", "wks", "months", "mos", "years", "yrs", "days",
         "spelled out", "no unit at all", "range (read as midpoint)"]


def number_forms(q, topic_unit):
    """How the claim's own figure is written: the figure whose unit fits the topic, else the first one."""
    figures = [m for m in FIGURE.finditer(q) if m.group("n")]
    money = topic_unit not in ("percent", "weeks", "months")

    def fits(m):
        if money:
            return bool(m.group("cur") or m.group("mult") or m.group("mult1") or m.group("word") or m.group("iso1")
                        or m.group("iso2") or len(m.group("n").replace(",", "")) >= 4)
        if topic_unit == "percent":
            return (m.group("unit") or "").startswith(("%", "per"))
        return bool(m.group("unit")) and not (m.group("unit") or "").startswith(("%", "per"))
    chosen = next((m for m in figures if fits(m)), None)
    if chosen is None:
        if re.search(r"\b(a|one|two|three|four|six|eighteen)\b.*\b(year|month|week)s?\b", q):
            return ["spelled out"]
        return ["no unit at all"]
    m = chosen
    f = []
    if money:
        mult = m.group("mult") or m.group("mult1")
        if m.group("cur") and mult in ("k", "K"):
            f.append("$ and k/K")
        elif m.group("cur") and mult:
            f.append("$ and M/m")
        elif m.group("cur"):
            f.append("$ and digits only")
        elif mult in ("k", "K"):
            f.append("k/K without $")
        elif mult:
            f.append("M/m without $")
        if m.group("word"):
            f.append("million / thousand in words")
        if m.group("iso1") or m.group("iso2"):
            f.append("ISO code or 'dollars'")
        if not (m.group("cur") or m.group("iso1") or m.group("iso2")):
            f.append("bare number (no currency)")
    else:
        u = m.group("unit")
        f.append({"%": "%", "percent": "percent / per cent", "per cent": "percent / per cent", "week": "weeks",
                  "weeks": "weeks", "wk": "wks", "wks": "wks", "month": "months", "months": "months", "mos": "mos",
                  "year": "years", "years": "years", "yr": "yrs", "yrs": "yrs", "day": "days", "days": "days"}[u])
    if m.group("n2"):
        f.append("range (read as midpoint)")
    return f


def tables(data, topics, markdown):
    rows = []

    def table(title, header, body):
        rows.append("")
        rows.append(f"**{title}**" if markdown else title)
        rows.append("")
        if markdown:
            rows.append("| " + " | ".join(header) + " |")
            rows.append("| " + " | ".join("---" if i == 0 else "---:" for i in range(len(header))) + " |")
            for r in body:
                rows.append("| " + " | ".join(str(x) for x in r) + " |")
        else:
            widths = [max(len(str(x)) for x in col) for col in zip(header, *body)]
            for r in [header] + body:
                rows.append("  ".join(str(x).ljust(w) if i == 0 else str(x).rjust(w) for i, (x, w) in enumerate(zip(r, widths))))

    stat = {}
    for s in SETS:
        docs = data[s]
        claims = [c for d in docs for c in d["claims"]]
        skipped = [k for d in docs for k in d["skipped"]]
        stat[s] = dict(docs=len(docs), claims=len(claims), skipped=len(skipped), statements=len(claims) + len(skipped),
                       groups=len({d["group"]["id"] for d in docs}),
                       people=len({p["id"] for d in docs for p in d["group"]["stakeholders"]}))
    total = sum(stat[s]["statements"] for s in SETS)
    table("Statements", ["set", "groups", "documents", "statements", "share", "claims", "skipped"],
          [[s, stat[s]["groups"], stat[s]["docs"], stat[s]["statements"], f"{100 * stat[s]['statements'] / total:.0f}%",
            stat[s]["claims"], stat[s]["skipped"]] for s in SETS] +
          [["all", sum(stat[s]["groups"] for s in SETS), sum(stat[s]["docs"] for s in SETS), total, "100%",
            sum(stat[s]["claims"] for s in SETS), sum(stat[s]["skipped"] for s in SETS)]])

    why = {s: Counter(k["why"] for d in data[s] for k in d["skipped"]) for s in SETS}
    table("Skipped statements (traps) by reason", ["why"] + SETS + ["all"],
          [[w] + [why[s][w] for s in SETS] + [sum(why[s][w] for s in SETS)] for w in WHYS])

    def fmt_key(d):
        if d["format"] == "email":
            return f"email ({d['direction']})"
        return d["format"]
    keys = ["note", "markdown", "email (inbound)", "email (outbound)", "vtt", "srt", "transcript"]
    body = []
    for key in keys:
        r = [key]
        for s in SETS:
            ds = [d for d in data[s] if fmt_key(d) == key]
            r.append(f"{len(ds)} / {sum(len(d['claims']) for d in ds)} / {sum(len(d['skipped']) for d in ds)}")
        body.append(r)
    table("Formats (documents / claims / skipped)", ["format"] + SETS, body)

    top = {s: Counter(c["topic"] for d in data[s] for c in d["claims"]) for s in SETS}
    table("Claims by topic", ["topic", "kind"] + SETS,
          [[t, topics[t]["kind"]] + [top[s][t] for s in SETS] for t in topics])

    forms = {s: Counter(f for d in data[s] for c in d["claims"] if "value" in c for f in number_forms(c["quote"], topics[c["topic"]]["unit"])) for s in SETS}
    table("How the figures of number claims are written (a quote can show several forms)", ["form"] + SETS,
          [[f] + [forms[s][f] for s in SETS] for f in FORMS])

    hard = {s: Counter(h for d in data[s] for c in d["claims"] for h in c.get("hard", [])) for s in SETS}
    tags = sorted(set().union(*(hard[s] for s in SETS)))
    table("Hard positives (claims carrying each tag; a claim can carry several)", ["tag"] + SETS,
          [[t] + [hard[s][t] for s in SETS] for t in tags])
    return "\n".join(rows)


def uncovered(data, says):
    """Lines holding a figure or a says-phrase outside every labelled quote: each must be a date, a time, a
    phone number, list numbering or a unit's name (4 West), or else it is a statement someone forgot to label."""
    phrases = []
    for spec in says["topics"].values():
        phrases += [p for v in spec["says"].values() for p in v] if isinstance(spec["says"], dict) else spec["says"]
    skip = re.compile(r"^(\d\d:\d\d[:.,\d]* -->|\d+$|(From|To|Cc|Date|Sent):)")
    figure = re.compile(r"[$€£]?\d[\d,.]*\s*(%|k\b|K\b|M\b|m\b|bn\b|weeks?|wks?|months?|mos\b|years?|yrs?|million|thousand|percent|per cent|days?)?")
    for s in SETS:
        for d in data[s]:
            with open(os.path.join(HERE, s, d["file"]), encoding="utf-8") as f:
                text = f.read()
            covered = [False] * len(text)
            for q in [x["quote"] for x in d["claims"] + d["skipped"]]:
                i = text.find(q)
                while i >= 0:
                    covered[i:i + len(q)] = [True] * len(q)
                    i = text.find(q, i + 1)
            for m in re.finditer(r"[^\n]+", text):
                line = m.group(0)
                if skip.match(line):
                    continue
                hits = [h.group(0).strip() for h in figure.finditer(line) if not covered[m.start() + h.start()]]
                for p in phrases:
                    words = [re.escape(w) for w in re.split(r"[\s\-]+", p)]
                    for h in re.finditer(r"(?<![\w])" + r"[\s\-]+".join(words) + r"(?![\w])", line, re.IGNORECASE):
                        if not covered[m.start() + h.start()]:
                            hits.append(h.group(0))
                if hits:
                    print(f"{s}/{d['file']}: {sorted(set(hits))}: {line[:100]}")


def close(a, b):
    return abs(a - b) <= TOLERANCE * max(abs(b), 1e-9)


def matches(pred, gold):
    if pred.get("stakeholder") != gold["stakeholder"] or pred.get("topic") != gold["topic"]:
        return False
    if "position" in gold:
        return pred.get("position") == gold["position"]
    return isinstance(pred.get("value"), (int, float)) and close(pred["value"], gold["value"])


def score(data, s, out_path):
    predicted = {d["file"]: d.get("claims", []) for d in load(out_path)["documents"]}
    tp = n_pred = n_gold = 0
    misses, wrong = [], []
    for d in data[s]:
        gold = list(d["claims"])
        n_gold += len(gold)
        used = [False] * len(gold)
        for p in predicted.get(d["file"], []):
            n_pred += 1
            # one prediction matches one labelled claim; prefer the one whose quote overlaps
            cands = [i for i, g in enumerate(gold) if not used[i] and matches(p, g)]
            cands.sort(key=lambda i: not (p.get("quote") and (p["quote"] in gold[i]["quote"] or gold[i]["quote"] in p["quote"])))
            if cands:
                used[cands[0]] = True
                tp += 1
            else:
                wrong.append((d["file"], p))
        misses += [(d["file"], g) for i, g in enumerate(gold) if not used[i]]
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    print(f"{s}: {n_pred} claims read, {tp} right, {n_gold} labelled")
    print(f"precision {precision:.3f}  recall {recall:.3f}")
    for f, p in wrong:
        print(f"  wrong   {f}: {json.dumps(p, ensure_ascii=False)}")
    for f, g in misses:
        print(f"  missed  {f}: {g['stakeholder']} {g['topic']} {g.get('position', g.get('value'))}: {g['quote']!r}")


def main(argv):
    taxonomy = load(TAXONOMY)
    says = load(SAYS)
    data, errors = validate(taxonomy, says)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    if argv[:1] == ["score"]:
        if len(argv) != 3 or argv[1] not in SETS:
            print(f"usage: count.py score {'|'.join(SETS)} OUT.json", file=sys.stderr)
            return 64
        score(data, argv[1], argv[2])
        return 0
    if "--uncovered" in argv:
        uncovered(data, says)
        return 0
    print(tables(data, taxonomy["topics"], markdown="--markdown" in argv).lstrip("\n"))
    if "--markdown" not in argv:
        print("\nall checks passed: quotes are exact substrings; topics, positions and roles are in the taxonomy; "
              "every claim names a says-phrase or is tagged topic-carried; every trap kind is in every set; "
              "no two sets share a person or a group.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
