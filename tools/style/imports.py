#!/usr/bin/env python3
"""Rewrites inline fully qualified class names into imports and puts every import block in order.

Usage: tools/style/imports.py [--check] [ROOT]   (ROOT: the repository, by default the current folder)

For each .java file under ROOT/*/src:
- a class named in code by its fully qualified name (java.util.concurrent.CompletableFuture, not in a
  string, a comment or an import) is imported and named by its simple name, unless that simple name
  would clash: another type of that name is imported, declared in the file or in its package, the name
  is used bare in the file for something else, or another fully qualified class of that name is
  rewritten in the same file. A clash is left as it is and reported; the style check then flags it
  unless the line carries the comment `// style:fqn` (a deliberate fully qualified name).
- java.lang and same-package names lose their qualifier without an import.
- imports that the code (or a Javadoc reference) does not use are removed.
- the imports are ordered as .checkstyle/checkstyle.xml wants: static imports, then java.* and
  javax.*, then all others; each group alphabetical, a blank line between groups.
--check changes nothing and exits 1 when a file would change.
"""
import os
import re
import sys

ROOTS = ("java", "javax", "jakarta", "org", "com", "net", "io", "info", "jdk", "picocli", "tools")
FQN = re.compile(r"(?<![\w.$])((?:[a-z_][a-z0-9_]*\.)+)([A-Z][A-Za-z0-9_]*)")
IDENT = re.compile(r"(?<![\w.$@])([A-Za-z_$][\w$]*)")
DECL = re.compile(r"\b(?:class|interface|enum|record|@interface)\s+([A-Z][\w$]*)")
SUPPRESS = "style:fqn"


def split_code(src):
    """Returns a list of (kind, text) with kind one of code, comment, javadoc, string."""
    out = []
    i, n, start = 0, len(src), 0

    def flush(end):
        if end > start:
            out.append(("code", src[start:end]))

    while i < n:
        c = src[i]
        if src.startswith("//", i):
            flush(i)
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(("comment", src[i:j]))
            i = start = j
        elif src.startswith("/*", i):
            flush(i)
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            kind = "javadoc" if src.startswith("/**", i) and not src.startswith("/**/", i) else "comment"
            out.append((kind, src[i:j]))
            i = start = j
        elif src.startswith('"""', i):
            flush(i)
            j = i + 3
            while True:
                k = src.find('"""', j)
                if k < 0:
                    k = n
                    break
                bs = 0
                m = k - 1
                while m >= 0 and src[m] == "\\":
                    bs += 1
                    m -= 1
                if bs % 2 == 0:
                    break
                j = k + 1
            j = min(n, k + 3)
            out.append(("string", src[i:j]))
            i = start = j
        elif c == '"' or c == "'":
            flush(i)
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            j = min(n, j + 1)
            out.append(("string", src[i:j]))
            i = start = j
        else:
            i += 1
    flush(n)
    return out


def package_types(root):
    """Maps a package name to the set of top-level type names in it (from the file names)."""
    types = {}
    for mod in os.listdir(root):
        srcdir = os.path.join(root, mod, "src")
        if not os.path.isdir(srcdir):
            continue
        for dirpath, _, files in os.walk(srcdir):
            for f in files:
                if f.endswith(".java") and f != "package-info.java" and f != "module-info.java":
                    path = os.path.join(dirpath, f)
                    with open(path, encoding="utf-8") as fh:
                        m = re.search(r"^package\s+([\w.]+)\s*;", fh.read(), re.M)
                    if m:
                        types.setdefault(m.group(1), set()).add(f[:-5])
    return types


def import_key(name):
    return name.split(".")


def order_imports(imports):
    statics = sorted({i for i in imports if i.startswith("static ")}, key=lambda s: import_key(s[7:]))
    plain = {i for i in imports if not i.startswith("static ")}
    java = sorted({i for i in plain if re.match(r"javax?\.", i)}, key=import_key)
    other = sorted(plain - set(java), key=import_key)
    groups = [["import " + s + ";" for s in g] for g in (statics, java, other) if g]
    return "\n\n".join("\n".join(g) for g in groups)


def is_header_line(line):
    return re.match(r"\s*(import|package)\s", line) is not None


def process(path, src, ptypes, report):
    m = re.search(r"^package\s+([\w.]+)\s*;", src, re.M)
    pkg = m.group(1) if m else ""
    lines = src.split("\n")
    imports = []
    for l in lines:
        mm = re.match(r"\s*import\s+(static\s+)?([\w.*]+)\s*;\s*$", l)
        if mm:
            imports.append(("static " if mm.group(1) else "") + mm.group(2))
        elif re.match(r"\s*import\s", l):
            report.append(f"{path}: import line not plain, file left as is")
            return src, 0

    parts = split_code(src)
    line_of = []
    offset = 0
    for k, t in parts:
        line_of.append(src.count("\n", 0, offset))
        offset += len(t)

    def code_only(ps):
        # the code with the import and package lines left out
        text = "".join(t for k, t in ps if k == "code")
        return "\n".join(l for l in text.split("\n") if not is_header_line(l))

    imported = {}  # simple name -> fqn (non-static)
    for i in imports:
        if not i.startswith("static ") and not i.endswith(".*"):
            imported[i.rsplit(".", 1)[1]] = i
    code_text = code_only(parts)
    declared = set(DECL.findall(code_text))
    same_pkg = ptypes.get(pkg, set())
    bare = set(IDENT.findall(code_text))
    suppressed = {line_of[idx] for idx, (k, t) in enumerate(parts) if k == "comment" and SUPPRESS in t}

    def fqn_matches(idx, text):
        for mm in FQN.finditer(text):
            prefix = mm.group(1)[:-1]
            if prefix.split(".")[0] not in ROOTS:
                continue
            ls = text.rfind("\n", 0, mm.start()) + 1
            le = text.find("\n", mm.start())
            le = len(text) if le < 0 else le
            # the whole line, for an import or a package statement
            line_start = text[ls:le]
            if ls == 0:
                # the line began in an earlier part
                before = "".join(t for _, t in parts[:idx])
                line_start = before[before.rfind("\n") + 1:] + line_start
            if is_header_line(line_start):
                continue
            line = line_of[idx] + text.count("\n", 0, mm.start())
            if line in suppressed:
                continue
            yield mm, prefix, mm.group(2)

    cands = {}
    for idx, (k, t) in enumerate(parts):
        if k == "code":
            for mm, prefix, simple in fqn_matches(idx, t):
                cands.setdefault(simple, {}).setdefault(prefix, 0)
                cands[simple][prefix] += 1

    chosen = {}  # simple -> prefix to rewrite
    for simple, prefixes in cands.items():
        best = max(prefixes, key=lambda p: (prefixes[p], p))
        fqn = best + "." + simple
        others = [p for p in prefixes if p != best]
        reason = None
        if simple in imported and imported[simple] != fqn:
            reason = f"{imported[simple]} is imported"
        elif simple in declared and best != pkg:
            reason = "a type of that name is declared in the file"
        elif best != pkg and best != "java.lang" and simple in same_pkg:
            reason = f"{pkg}.{simple} is in the same package"
        elif simple in bare and simple not in imported and best != pkg and best != "java.lang":
            reason = "the simple name is used bare for something else"
        if reason:
            for p in prefixes:
                report.append(f"{path}: left {p}.{simple}: {reason}")
            continue
        for p in others:
            report.append(f"{path}: left {p}.{simple}: {best}.{simple} takes the simple name")
        chosen[simple] = best

    count = 0
    new_parts = []
    left_lines = set()
    for idx, (k, t) in enumerate(parts):
        if k == "code" and cands:
            pieces, pos = [], 0
            for mm, prefix, simple in fqn_matches(idx, t):
                if chosen.get(simple) != prefix:
                    left_lines.add(line_of[idx] + t.count("\n", 0, mm.start()))
                    continue
                pieces.append(t[pos:mm.start()])
                pieces.append(simple)
                pos = mm.end()
                count += 1
            pieces.append(t[pos:])
            new_parts.append((k, "".join(pieces)))
        else:
            new_parts.append((k, t))
    for simple, prefix in chosen.items():
        if prefix != pkg and prefix != "java.lang":
            imports.append(prefix + "." + simple)

    # drop the unused imports and those of the file's own package or java.lang
    code_text = code_only(new_parts)
    used = set(IDENT.findall(code_text)) | set(re.findall(r"@\s*([A-Za-z_$][\w$]*)", code_text))
    doc_used = set()
    for k, t in new_parts:
        if k == "javadoc":
            for mm in re.finditer(r"(?:\{@(?:link|linkplain|value)\s+|@(?:see|throws|exception)\s+)([\w$.]+)", t):
                doc_used.add(mm.group(1).split("#")[0].split(".")[0])
            for mm in re.finditer(r"\{@(?:link|linkplain)\s+[^}#(]*?#?[\w$]*\(([^)]*)\)", t):
                for arg in re.findall(r"[A-Za-z_$][\w$]*", mm.group(1)):
                    doc_used.add(arg)
    kept = []
    for i in dict.fromkeys(imports):
        if i.endswith(".*"):
            kept.append(i)
            continue
        name = i.rsplit(".", 1)[1]
        owner = i[7:].rsplit(".", 1)[0] if i.startswith("static ") else i.rsplit(".", 1)[0]
        if not i.startswith("static ") and (owner == pkg or owner == "java.lang"):
            continue
        if name in used or name in doc_used:
            kept.append(i)
        else:
            report.append(f"{path}: removed unused import {i}")
    block = order_imports(kept)

    # a name left qualified gets the comment that lets the style check pass it
    new_src = "".join(t for _, t in new_parts)
    if left_lines:
        code_ends = set()
        offset = 0
        for k, t in new_parts:
            if k == "code":
                p = t.find("\n")
                while p >= 0:
                    code_ends.add(new_src.count("\n", 0, offset + p))
                    p = t.find("\n", p + 1)
            offset += len(t)
        nl = new_src.split("\n")
        for ln in sorted(left_lines):
            if SUPPRESS in nl[ln]:
                continue
            if ln in code_ends:
                nl[ln] = nl[ln].rstrip() + " // " + SUPPRESS
                report.append(f"{path}:{ln + 1}: marked // {SUPPRESS}")
            else:
                report.append(f"{path}:{ln + 1}: left qualified, could not be marked")
        new_src = "\n".join(nl)

    # put the block in place of the old import lines (or after the package line)
    nl = new_src.split("\n")
    idxs = [i for i, l in enumerate(nl) if re.match(r"\s*import\s", l)]
    if idxs:
        before, after = nl[:idxs[0]], nl[idxs[-1] + 1:]
        between = nl[idxs[0]:idxs[-1] + 1]
        if any(l.strip() and not re.match(r"\s*import\s", l) for l in between):
            report.append(f"{path}: something between the imports, file left as is")
            return src, 0
    else:
        pi = next((i for i, l in enumerate(nl) if re.match(r"\s*package\s", l)), None)
        if pi is None:
            before, after = [], nl
        else:
            before, after = nl[:pi + 1], nl[pi + 1:]
    while before and not before[-1].strip():
        before.pop()
    while after and not after[0].strip():
        after.pop(0)
    out = []
    if before:
        out += before + [""]
    if block:
        out += block.split("\n") + [""]
    out += after
    return "\n".join(out), count


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    root = args[0] if args else "."
    ptypes = package_types(root)
    report, total, changed = [], 0, []
    for mod in sorted(os.listdir(root)):
        srcdir = os.path.join(root, mod, "src")
        if not os.path.isdir(srcdir):
            continue
        for dirpath, _, files in sorted(os.walk(srcdir)):
            for f in sorted(files):
                if not f.endswith(".java"):
                    continue
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8") as fh:
                    src = fh.read()
                out, count = process(os.path.relpath(path, root), src, ptypes, report)
                total += count
                if out != src:
                    changed.append(path)
                    if not check:
                        with open(path, "w", encoding="utf-8") as fh:
                            fh.write(out)
    for r in report:
        print(r)
    print(f"imports.py: {total} fully qualified names rewritten, {len(changed)} files "
          f"{'would change' if check else 'changed'}")
    if check and changed:
        sys.exit(1)


if __name__ == "__main__":
    main()
