#!/usr/bin/env python3
"""Writes the committed seed corpus of every fuzz target into fuzz/corpus/.

Sources: the seed documents' example bodies and messages (default
/work/shared/seeds, or the directory given as the first argument) and the
bundled catalogs (catalogs/*.toml) plus the test catalogs (tests/ui/catalogs).
Run it again after a seed or a catalog changes:

    python3 fuzz/seed-corpus.py [SEEDS_DIR]

Each file is named `seed-` and the SHA-1 of its content, so re-running never
duplicates one, and fuzz/.gitignore keeps out every other corpus file (the ones
a fuzzing run adds are named by the bare SHA-1).
"""

import hashlib
import json
import re
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shared/seeds")
CORPUS = FUZZ / "corpus"

SEED_OF = {
    "moca_air": "000_",
    "kya": "001_",
    "rakomi": "002_",
    "aironclaw": "003_",
    "customer_verification": "004_",
}


def seed_text(prefix):
    [path] = sorted(SEEDS.glob(prefix + "*.txt"))
    return path.read_text(encoding="utf-8")


def json_blocks(text):
    """(offset, body) of every balanced `{...}` block that parses as a JSON object."""
    out = []
    i = 0
    while True:
        i = text.find("{", i)
        if i < 0:
            return out
        depth, j, in_str, esc = 0, i, False, False
        while j < len(text):
            c = text[j]
            if in_str:
                if esc:
                    esc = False
                elif c == "\\":
                    esc = True
                elif c == '"':
                    in_str = False
            elif c == '"':
                in_str = True
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        block = text[i : j + 1]
        try:
            if isinstance(json.loads(block), dict):
                out.append((i, block))
                i = j + 1
                continue
        except ValueError:
            pass
        i += 1


def status_before(text, offset):
    """The HTTP status the document states nearest before `offset`."""
    before = text[max(0, offset - 1500) : offset]
    stated = re.findall(r"(?:HTTP Code|Status Code)\W*(\d{3})", before)
    if stated:
        return int(stated[-1])
    any_status = re.findall(r"\b([45]\d\d)\b", before[-800:])
    return int(any_status[-1]) if any_status else 400


def response(status, body):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return status.to_bytes(2, "big") + body


def bodies_of_examples(prefix):
    text = seed_text(prefix)
    return [response(status_before(text, at), b) for at, b in json_blocks(text)]


def moca():
    text = seed_text(SEED_OF["moca_air"])
    out = bodies_of_examples(SEED_OF["moca_air"])
    for status, cause in re.findall(r"^\| (\d{3})\s+\| ([^|]+?)\s+\|", text, re.M):
        out.append(response(int(status), json.dumps({"message": cause})))
        out.append(response(int(status), "{}"))
    for heading in re.findall(r'^### (.*)$', text, re.M):
        for msg in re.findall(r'"([^"]+)"', heading):
            out.append(response(401, json.dumps({"message": msg})))
    out.append(response(429, json.dumps({"message": "Too Many Requests"})))
    return out


def rakomi():
    text = seed_text(SEED_OF["rakomi"])
    out = bodies_of_examples(SEED_OF["rakomi"])
    rows = re.findall(r"^([a-z_]+/[a-z_]+)\n\nFieldValue\nMessage(.*)\nSuggestion(.*)$", text, re.M)
    for n, (code, msg, sugg) in enumerate(rows):
        body = {"code": code, "message": msg}
        if n % 3 == 0:
            body["suggestion"] = sugg
        out.append(response(400 if n % 2 else 401, json.dumps(body)))
    return out


def aironclaw():
    text = seed_text(SEED_OF["aironclaw"])
    out = bodies_of_examples(SEED_OF["aironclaw"])
    status = None
    for line in text.splitlines():
        m = re.match(r"^## (\d{3})", line)
        if m:
            status = int(m.group(1))
            continue
        if status is None or not line.startswith("|"):
            continue
        cells = line.split("|")
        if len(cells) < 3 or set(cells[1].strip()) <= set("-"):
            continue
        first = cells[1]
        row_status = re.findall(r"`(\d{3})`", first)
        for msg in re.findall(r"`([^`]+)`", first):
            if re.fullmatch(r"\d{3}", msg):
                continue
            s = int(row_status[0]) if row_status else status
            out.append(response(s, json.dumps({"error": msg})))
    # The templated messages with the values the seed's placeholders stand for.
    for s, msg in [
        (403, "MCP limit reached (3/3). Delete an unused MCP first."),
        (403, "API key limit reached (5/5). Delete an unused key first."),
        (400, "tools[2] not found on this MCP server"),
        (400, "auth.jwksJson: keys[0].kty is required"),
        (400, "rules[0].action: must be allow or deny"),
        (502, "upstream MCP returned 401 Unauthorized"),
        (429, "Too Many Requests"),
    ]:
        out.append(response(s, json.dumps({"error": msg})))
    return out


def customer_verification():
    return bodies_of_examples(SEED_OF["customer_verification"])


def kya():
    return bodies_of_examples(SEED_OF["kya"])


# Bodies no catalog describes: the fallback's seeds, shared by every enum.
ODD = [
    response(502, "<html><body>Bad Gateway</html>"),
    response(500, ""),
    response(400, "[1, 2]"),
    response(
        404,
        json.dumps(
            {"type": "about:blank", "title": "NOT_FOUND", "status": 404, "detail": "x", "code": "X"}
        ),
    ),
]


def write(target, items):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    for data in items:
        (d / ("seed-" + hashlib.sha1(data).hexdigest())).write_bytes(data)
    return len(set(items))


def main():
    counts = {}
    per_enum = {
        "moca_air": moca(),
        "kya": kya(),
        "rakomi": rakomi(),
        "aironclaw": aironclaw(),
        "customer_verification": customer_verification(),
    }
    for name, items in per_enum.items():
        counts["from_response_" + name] = write("from_response_" + name, items + ODD)

    catalogs = sorted(ROOT.glob("catalogs/*.toml")) + sorted(ROOT.glob("tests/ui/catalogs/*.toml"))
    counts["load_catalog"] = write("load_catalog", [p.read_bytes() for p in catalogs])

    # Templates: every catalog message with a placeholder, against a seed message.
    templates = []
    for p in sorted(ROOT.glob("catalogs/*.toml")):
        for t in re.findall(r'^message = "(.*)"$', p.read_text(encoding="utf-8"), re.M):
            if "{" in t:
                templates.append(t.replace('\\"', '"'))
    messages = [
        "MCP limit reached (3/3). Delete an unused MCP first.",
        "tools[2] not found on this MCP server",
        "auth.jwksJson: keys[0].kty is required",
        "rules[0].action: must be allow or deny",
        "Agent ID 9999 not found in IdentityRegistry",
        "-12|3.5e2|x",
    ]
    items = []
    for n, t in enumerate(templates):
        other = templates[(n + 1) % len(templates)]
        items.append(f"{t}\n{other}\n{messages[n % len(messages)]}".encode())
    items.append(b"auth.jwksJson: {reason}\n{field}: {reason}\nauth.jwksJson: keys[0].kty is required")
    items.append(b"tools[{index}] not found\n{{literal}} {n} }}\ntools[-3] not found")
    counts["template_match"] = write("template_match", items)

    # Capture: the seed bodies under the layout of their own wire (see engine_capture.rs).
    layout_of = {"customer_verification": 0, "kya": 1, "rakomi": 2, "aironclaw": 3, "moca_air": 3}
    items = []
    for name, seeds in per_enum.items():
        for data in seeds[:6]:
            items.append(bytes([layout_of[name]]) + data[2:])
    items.append(bytes([4]) + b'{"error": {"code": "X"}, "a/b": {"~c": 1}, "x": {"y": {"z": {"w": 2}, "k": 3}}, "": 4}')
    items.append(bytes([5]) + b'{"s0": 0, "s7": "\\u00e9", "n": {"s8": [1], "m": {"s15": null, "f": true}}}')
    counts["engine_capture"] = write("engine_capture", items)

    # One-member bodies: the message-only seed bodies (see lone_member.rs).
    items = [data[2:] for name in ("aironclaw", "moca_air") for data in per_enum[name][:8]]
    items.append(b' {\n"error" : "tools[2] not found on this MCP server" }')
    counts["lone_member"] = write("lone_member", items)

    # Code lists: every bundled catalog's codes, one per line (see code_index.rs),
    # and one list with repeats, an empty code and codes past 24 bytes.
    items = []
    for p in sorted(ROOT.glob("catalogs/*.toml")):
        codes = re.findall(r'^code = "(.*)"$', p.read_text(encoding="utf-8"), re.M)
        items.append("\n".join(codes).encode())
    items.append(b"A\nB\nA\n\nSOME_CODE_OF_MORE_THAN_24_BYTES_1\nSOME_CODE_OF_MORE_THAN_24_BYTES_2\nB")
    counts["code_index"] = write("code_index", items)

    for target, n in sorted(counts.items()):
        print(f"{target}: {n} seeds")
    print(f"total: {sum(counts.values())}")


if __name__ == "__main__":
    main()
