#!/usr/bin/env python3
"""abicheck.py -- compare our include/esent.h with another esent.h (by default mingw-w64's).

For one compiler (one target) the script

  * compiles our header in the strict modes we promise (C11 and C++17 with
    -Wall -Wextra -Wpedantic -Werror, with and without <windows.h>, ...);
  * finds every name that both headers declare -- macros, enumeration constants,
    typedefs, structures and their fields, function prototypes -- by parsing the
    preprocessed output of each header;
  * computes the facts about them (constant values, sizeof / alignof / offsetof, field
    sizes, bit-field positions) by compiling small generated translation units to
    assembly and reading the initialised data back (nothing is run, so no Windows
    program and no Wine is needed);
  * checks that our typedefs, field types and prototypes are compatible with the other
    header's (gcc's __builtin_types_compatible_p, evaluated in a translation unit that
    includes the other header; a mismatching calling convention counts as incompatible);
  * checks the exports of the import library (libesent.a): every exported name must be
    declared by our header, and on i686 the stdcall decoration _Name@N that our
    prototype produces must be the one the import library exports;
  * for a non-Windows compiler (the native twin library) checks the portability rules
    instead: 32-bit long types, 16-bit WCHAR, pointer-sized JET_API_PTR and, on 64-bit
    targets, structure layouts identical to the x86_64 mingw-w64 layout of our header.

Differences that are known and accepted are listed, with a reason, in
tests/abi/known-differences.txt.  Every other difference is a failure.  The last line of
output is "abi: N passed, N failed"; the exit status is 1 when anything failed.

Usage:
  python3 tools/abicheck.py --cc x86_64-w64-mingw32-gcc --ours include/esent.h --out build/abi/x86_64
  python3 tools/abicheck.py --cc i686-w64-mingw32-gcc   --ours include/esent.h --out build/abi/i686
  python3 tools/abicheck.py --cc gcc                    --ours include/esent.h --out build/abi/native
"""

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_KNOWN = os.path.join(ROOT, 'tests', 'abi', 'known-differences.txt')

# ------------------------------------------------------------------------------------------
# a small tokenizer and declaration parser, sufficient for preprocessed esent.h headers

_TOK = re.compile(r'\s*(?:(//[^\n]*|/\*.*?\*/)|(L?"(?:\\.|[^"\\])*"|L?\'(?:\\.|[^\'\\])*\')|'
                  r'([A-Za-z_]\w*)|(0[xX][0-9a-fA-F]+[uUlL]*|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?[uUlLfF]*)|'
                  r'(\.\.\.|->|<<|>>|&&|\|\||[<>=!]=|[-+*/%&|^~!<>=?:;,.()\[\]{}]))', re.S)


def tokenize(text):
    text = re.sub(r'^[ \t]*#.*$', '', text, flags=re.M)
    toks = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOK.match(text, pos)
        if not m:
            if not text[pos:].strip():
                break
            pos += 1          # stray character (e.g. '@' or '\\'): ignore
            continue
        pos = m.end()
        if m.group(1):
            continue
        toks.append(m.group(0).strip())
    return toks


def match_close(toks, i):
    o = toks[i]
    c = {'(': ')', '{': '}', '[': ']'}[o]
    d = 0
    for j in range(i, len(toks)):
        if toks[j] == o:
            d += 1
        elif toks[j] == c:
            d -= 1
            if d == 0:
                return j
    raise ValueError('unbalanced %s' % o)


def split_top(toks):
    """Top-level declarations ending with ';' (extern "C" { } wrappers are dropped)."""
    out, cur, depth = [], [], 0
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == 'extern' and i + 2 < len(toks) and toks[i + 1] == '"C"' and toks[i + 2] == '{':
            i += 3
            continue
        if t == '__extension__' and not cur:
            i += 1
            continue
        cur.append(t)
        if t in '([{':
            depth += 1
        elif t in ')]}':
            depth -= 1
            if depth < 0:
                cur.pop()
                depth = 0
        elif t == ';' and depth == 0:
            out.append(cur[:-1])
            cur = []
        i += 1
    return out


def split_commas(toks):
    parts, cur, d = [], [], 0
    for t in toks:
        if t in '([{':
            d += 1
        elif t in ')]}':
            d -= 1
        if t == ',' and d == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        parts.append(cur)
    return parts


def strip_attrs(toks):
    """Remove __attribute__((...)) groups; return (tokens, attribute_token_lists)."""
    out, attrs = [], []
    i = 0
    while i < len(toks):
        if toks[i] in ('__attribute__', '__attribute') and i + 1 < len(toks) and toks[i + 1] == '(':
            j = match_close(toks, i + 1)
            attrs.append(toks[i:j + 1])
            i = j + 1
            continue
        if toks[i] in ('__declspec',) and i + 1 < len(toks) and toks[i + 1] == '(':
            j = match_close(toks, i + 1)
            attrs.append(toks[i:j + 1])
            i = j + 1
            continue
        out.append(toks[i])
        i += 1
    return out, attrs


def declarator_name(toks):
    """Name declared by a declarator token list, or None (abstract)."""
    toks, _ = strip_attrs(toks)
    # function pointer: ... ( * name ) ( ... )
    if '(' in toks:
        i = toks.index('(')
        j = match_close(toks, i)
        inner = toks[i + 1:j]
        if '*' in inner or '^' in inner:
            return declarator_name(inner) if any(re.match(r'[A-Za-z_]', t) for t in inner) else None
    # strip array suffixes
    while toks and toks[-1] == ']':
        d = 0
        for k in range(len(toks) - 1, -1, -1):
            if toks[k] == ']':
                d += 1
            elif toks[k] == '[':
                d -= 1
                if d == 0:
                    toks = toks[:k]
                    break
    if toks and re.match(r'[A-Za-z_]\w*$', toks[-1]) and len(toks) > 1:
        return toks[-1]
    return None


def remove_name(toks, name):
    """The declaration tokens with the declared name removed (-> a type name)."""
    out = list(toks)
    for k in range(len(out) - 1, -1, -1):
        if out[k] == name:
            del out[k]
            break
    return out


def parse_members(toks, prefix=''):
    """Flattened field list of a struct/union body."""
    fields = []
    for decl in split_top(toks):
        decl, _ = strip_attrs(decl)
        if decl and decl[0] == '__extension__':
            decl = decl[1:]
        if not decl:
            continue
        if decl[0] in ('struct', 'union') and '{' in decl[:3]:
            b = decl.index('{')
            e = match_close(decl, b)
            rest = decl[e + 1:]
            if rest:
                name = rest[0]
                fields.append(dict(path=prefix + name, bits=False, type=None, nested=True))
                fields.extend(parse_members(decl[b + 1:e], prefix + name + '.'))
            else:
                fields.extend(parse_members(decl[b + 1:e], prefix))
            continue
        parts = split_commas(decl)
        first = parts[0]
        bits = ':' in first
        core = first[:first.index(':')] if bits else first
        name = declarator_name(core)
        if name is None:
            continue
        fields.append(dict(path=prefix + name, bits=bits, type=remove_name(core, name), nested=False))
        # further declarators share the specifiers before the first '*' or name
        spec = []
        for t in core:
            if t == '*' or t == name:
                break
            spec.append(t)
        for p in parts[1:]:
            pbits = ':' in p
            pcore = p[:p.index(':')] if pbits else p
            pname = declarator_name(spec + pcore)
            if pname:
                fields.append(dict(path=prefix + pname, bits=pbits,
                                   type=remove_name(spec + pcore, pname), nested=False))
    return fields


class Decls:
    """Declarations of one header, from its preprocessed text."""

    def __init__(self, text):
        self.types = {}       # name -> dict(kind, expr, deftext, fields)
        self.tags = {}        # struct/union tag -> fields
        self.enumconst = {}   # name -> enum type name
        self.protos = {}      # name -> dict(ret, params, text)
        self.fwd = {}         # typedef name -> tag (typedef struct X Y; before X is defined)
        for d in split_top(tokenize(text)):
            try:
                self._decl(d)
            except (ValueError, IndexError):
                pass
        for name, tag in self.fwd.items():
            if tag in self.tags:
                self.types[name] = dict(kind='record', expr=name, fields=self.tags[tag], deftext=None)

    def _record(self, toks):
        b = toks.index('{')
        e = match_close(toks, b)
        fields = parse_members(toks[b + 1:e])
        tag = toks[b - 1] if b >= 2 and re.match(r'[A-Za-z_]\w*$', toks[b - 1]) else None
        if tag:
            self.tags[tag] = fields
        return fields, tag, e

    def _decl(self, d0):
        d, _ = strip_attrs(d0)
        if not d:
            return
        if d[0] == 'typedef':
            body = d[1:]
            quals = []
            while body and body[0] in ('const', 'volatile'):
                quals.append(body.pop(0))
            if body[0] in ('struct', 'union') and '{' in body[:3]:
                fields, tag, e = self._record(body)
                for decl in split_commas(body[e + 1:]):
                    name = declarator_name(['X'] + decl) if decl else None
                    if not name:
                        continue
                    if decl == [name]:
                        self.types[name] = dict(kind='record', expr=name, fields=fields, deftext=None)
                    else:   # pointer typedef to the record
                        self.types[name] = dict(kind='scalar', expr=name, fields=None, deftext=None)
                return
            if body[0] == 'enum' and '{' in body[:3]:
                b = body.index('{')
                e = match_close(body, b)
                for decl in split_commas(body[e + 1:]):
                    name = declarator_name(['X'] + decl) if decl else None
                    if name and decl == [name]:
                        self.types[name] = dict(kind='enum', expr=name, fields=None, deftext=None)
                        for item in split_commas(body[b + 1:e]):
                            if item:
                                self.enumconst[item[0]] = name
                return
            if body[0] in ('struct', 'union') and len(body) == 3:
                self.fwd[body[2]] = body[1]
                self.types.setdefault(body[2], dict(kind='incomplete', expr=body[2], fields=None, deftext=None))
                return
            name = declarator_name(body)
            if name and len(body) == 2 and body[0] in self.types and \
                    self.types[body[0]]['kind'] in ('record', 'enum', 'incomplete'):
                t = dict(self.types[body[0]])      # another name for a structure or enum
                t['expr'] = name
                self.types[name] = t
                return
            if name:
                kind = 'fnptr' if ('(' in body and body[-1] == ')') else 'scalar'
                full = d0[d0.index('typedef') + 1:]      # keeps calling-convention attributes
                self.types[name] = dict(kind=kind, expr=name, fields=None,
                                        deftext=' '.join(remove_name(full, name)))
            return
        if d[0] in ('struct', 'union') and len(d) > 2 and d[2] == '{':
            fields, tag, e = self._record(d)
            if tag and tag not in self.types:
                self.types['struct ' + tag] = dict(kind='record', expr='%s %s' % (d[0], tag),
                                                   fields=fields, deftext=None)
            return
        if d[0] == 'enum' and '{' in d[:3]:
            b = d.index('{')
            e = match_close(d, b)
            for item in split_commas(d[b + 1:e]):
                if item:
                    self.enumconst[item[0]] = None
            return
        if d[-1] == ')' and '(' in d:
            dd = d0
            while dd and dd[0] in ('extern', 'static', 'inline', '__inline__', '__inline'):
                dd = dd[1:]
            k = len(dd) - 1
            depth = 0
            for j in range(len(dd) - 1, -1, -1):
                if dd[j] == ')':
                    depth += 1
                elif dd[j] == '(':
                    depth -= 1
                    if depth == 0:
                        k = j
                        break
            name = dd[k - 1]
            if not re.match(r'[A-Za-z_]\w*$', name) or '=' in dd:
                return
            ret = dd[:k - 1]
            self.protos[name] = dict(ret=ret, params=dd[k + 1:-1])


def fnptr_type(ret, params, cc_attr):
    """Type name of a pointer to a function."""
    r, attrs = strip_attrs(ret)
    cc = ' '.join(' '.join(a) for a in attrs) if cc_attr is None else cc_attr
    for kw in ('__stdcall', '__cdecl'):
        if kw in r:
            r = [t for t in r if t != kw]
            cc = (cc + ' ' + kw).strip()
    return '%s (%s *)(%s)' % (' '.join(r), cc, ' '.join(params) or 'void')


# ------------------------------------------------------------------------------------------
# compiler helpers

def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    return p.returncode, p.stdout, p.stderr


def tool_for(cc, tool):
    """x86_64-w64-mingw32-gcc -> x86_64-w64-mingw32-<tool>."""
    m = re.match(r'(.*?)(gcc|clang|cc)(-[\d.]+)?$', os.path.basename(cc))
    if m:
        cand = os.path.join(os.path.dirname(cc), m.group(1) + tool)
        if shutil.which(cand):
            return cand
    return tool


def cxx_for(cc):
    m = re.match(r'(.*?)gcc(-[\d.]+)?$', cc)
    if m:
        return m.group(1) + 'g++' + (m.group(2) or '')
    m = re.match(r'(.*?)clang(-[\d.]+)?$', cc)
    if m:
        return m.group(1) + 'clang++' + (m.group(2) or '')
    return None


_NMT = {}


def no_macro_tracking(cc):
    """gcc: report errors at the expansion site (in our generated line), not in the header."""
    if cc not in _NMT:
        rc, out, _ = run([cc, '--version'])
        _NMT[cc] = [] if 'clang' in out.lower() else ['-ftrack-macro-expansion=0']
    return _NMT[cc]


DIRECTIVE_SIZES = {'.byte': 1, '.value': 2, '.word': 2, '.short': 2, '.2byte': 2, '.hword': 2,
                   '.long': 4, '.int': 4, '.4byte': 4, '.quad': 8, '.8byte': 8}


def parse_asm(text):
    """label -> bytes of the initialised data that follows it."""
    data = {}
    cur = None
    for line in text.splitlines():
        s = line.strip()
        m = re.match(r'^([A-Za-z_.$][\w.$@]*):(.*)$', s)
        if m:
            cur = m.group(1)
            data[cur] = bytearray()
            s = m.group(2).strip()
            if not s:
                continue
        if cur is None or not s.startswith('.'):
            continue
        if not s.startswith(('.ascii', '.string', '.asciz')):
            s = re.split(r'\s[#;@]|\s//', s)[0].strip()      # trailing assembler comment
        parts = s.split(None, 1)
        op = parts[0]
        arg = parts[1] if len(parts) > 1 else ''
        if op in DIRECTIVE_SIZES:
            size = DIRECTIVE_SIZES[op]
            for v in arg.split(','):
                v = v.strip()
                try:
                    iv = int(v, 0)
                except ValueError:
                    iv = 0       # symbolic value: not used for facts
                data[cur] += (iv & ((1 << (8 * size)) - 1)).to_bytes(size, 'little')
        elif op in ('.zero', '.space', '.skip'):
            data[cur] += bytes(int(arg.split(',')[0].strip(), 0))
        elif op in ('.ascii', '.string', '.asciz'):
            raw = arg.strip()[1:-1]
            b = raw.encode('latin-1').decode('unicode_escape').encode('latin-1')
            data[cur] += b + (b'\0' if op != '.ascii' else b'')
    return data


ERR_RE = re.compile(r'^(?P<file>[^:\n]+):(?P<line>\d+):(?:\d+:)?\s*(?:fatal )?error:\s*(?P<msg>.*)$', re.M)


class Probe:
    """Compile generated one-declaration-per-line TUs; failing lines are removed and the
    compilation retried, so that one bad item does not hide the others."""

    def __init__(self, cc, flags, outdir):
        self.cc = cc
        self.flags = flags
        self.outdir = outdir

    def values(self, name, prelude, items, ctype='long long'):
        """items: list of (key, C expression).  Returns (values, errors)."""
        decls = [(k, 'const %s abi_v%d = (%s)(%s);' % (ctype, i, ctype, e), 'abi_v%d' % i)
                 for i, (k, e) in enumerate(items)]
        data, errors = self._compile(name, prelude, decls)
        size = 8
        vals = {}
        for k, _, label in decls:
            if k in errors:
                continue
            b = data.get(label)
            if b is None:
                b = data.get('_' + label)
            if b is None or len(b) < size:
                errors[k] = 'no data emitted'
                continue
            vals[k] = int.from_bytes(bytes(b[:size]), 'little', signed=True)
        return vals, errors

    def images(self, name, prelude, items):
        """items: list of (key, type, designator).  Returns byte images of
        `const TYPE x = { designator = -1 };`."""
        decls = [(k, 'const %s abi_b%d = { %s = -1 };' % (t, i, des), 'abi_b%d' % i)
                 for i, (k, t, des) in enumerate(items)]
        data, errors = self._compile(name, prelude, decls)
        out = {}
        for k, _, label in decls:
            if k in errors:
                continue
            b = data.get(label, data.get('_' + label))
            if b is None:
                errors[k] = 'no data emitted'
            else:
                out[k] = bytes(b)
        return out, errors

    def _compile(self, name, prelude, decls):
        errors = {}
        alive = list(decls)
        src = os.path.join(self.outdir, name + '.c')
        asm = os.path.join(self.outdir, name + '.s')
        for _attempt in range(8):
            lines = prelude.rstrip('\n').split('\n')
            first = len(lines) + 1
            lines += [d for _, d, _ in alive]
            with open(src, 'w') as f:
                f.write('\n'.join(lines) + '\n')
            rc, _, err = run([self.cc] + self.flags + ['-w'] + no_macro_tracking(self.cc) + ['-S', '-o', asm, src])
            if rc == 0:
                with open(asm) as f:
                    return parse_asm(f.read()), errors
            bad = {}
            for m in ERR_RE.finditer(err):
                if os.path.basename(m.group('file')) != os.path.basename(src):
                    continue
                ln = int(m.group('line'))
                if ln >= first and ln - first < len(alive):
                    bad.setdefault(ln - first, m.group('msg').strip())
            if not bad:
                for k, _, _ in alive:
                    errors[k] = 'compilation failed: ' + (err.strip().splitlines() or ['?'])[0]
                return {}, errors
            for idx in sorted(bad, reverse=True):
                errors[alive[idx][0]] = bad[idx]
                del alive[idx]
        for k, _, _ in alive:
            errors[k] = 'too many failing lines'
        return {}, errors


# ------------------------------------------------------------------------------------------
# a header as seen by one compiler

class Header:
    def __init__(self, label, cc, include_line, flags, outdir, pre=''):
        self.label = label
        self.cc = cc
        self.flags = flags
        self.include = pre + include_line + '\n'
        self.outdir = outdir
        tu = os.path.join(outdir, 'pp_%s.c' % label)
        with open(tu, 'w') as f:
            f.write(self.include)
        rc, out, err = run([cc] + flags + ['-E', tu])
        if rc != 0:
            raise SystemExit('abicheck: cannot preprocess %s header:\n%s' % (label, err))
        self.path = self._header_path(out)
        self.text = self._own_text(out, self.path)
        rc, dm, err = run([cc] + flags + ['-E', '-dM', tu])
        self.macros = {}
        for line in dm.splitlines():
            m = re.match(r'#define ([A-Za-z_]\w*)(\()?', line)
            if m and not m.group(2):
                self.macros[m.group(1)] = line[len(m.group(0)):].strip()
        self.decls = Decls(self.text)
        self.expansions = {}

    @staticmethod
    def _header_path(pp):
        for m in re.finditer(r'^# \d+ "([^"]+)"', pp, re.M):
            if os.path.basename(m.group(1)).lower() == 'esent.h':
                return m.group(1)
        raise SystemExit('abicheck: esent.h not found in preprocessor output')

    @staticmethod
    def _own_text(pp, path):
        keep = []
        cur = None
        for line in pp.splitlines():
            m = re.match(r'^# \d+ "([^"]+)"', line)
            if m:
                cur = m.group(1)
                continue
            if cur == path:
                keep.append(line)
        return '\n'.join(keep)

    def expand(self, names):
        """Fully macro-expanded text of each name."""
        names = [n for n in names if n not in self.expansions]
        if not names:
            return
        tu = os.path.join(self.outdir, 'exp_%s.c' % self.label)
        with open(tu, 'w') as f:
            f.write(self.include)
            for i, n in enumerate(names):
                f.write('@@abi%d@@ %s @@end@@\n' % (i, n))
        rc, out, err = run([self.cc] + self.flags + ['-E', '-P', tu])
        for m in re.finditer(r'@@abi(\d+)@@(.*?)@@end@@', out, re.S):
            self.expansions[names[int(m.group(1))]] = ' '.join(m.group(2).split())

# ------------------------------------------------------------------------------------------
# the check

class Result:
    def __init__(self, arch, known, verbose):
        self.arch = arch
        self.known = known
        self.used_known = set()
        self.passed = 0
        self.failed = 0
        self.skipped = []
        self.verbose = verbose

    def ok(self, key):
        self.passed += 1
        if self.verbose:
            print('ok   %s' % key)

    def bad(self, key, detail):
        for i, (arch, pat, reason) in enumerate(self.known):
            if fnmatch.fnmatchcase(self.arch, arch) and fnmatch.fnmatchcase(key, pat):
                self.used_known.add(i)
                self.passed += 1
                print('known %s: %s  [%s]' % (key, detail, reason))
                return
        self.failed += 1
        print('FAIL %s: %s' % (key, detail))

    def check(self, key, ours, theirs, what='ours %s, theirs %s'):
        if ours == theirs:
            self.ok(key)
        else:
            self.bad(key, what % (fmt(ours), fmt(theirs)))

    def skip(self, key, why):
        self.skipped.append((key, why))


def fmt(v):
    if isinstance(v, bytes):
        return v.hex()
    return str(v)


def load_known(path):
    known = []
    if not path or not os.path.exists(path):
        return known
    with open(path) as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith('#'):
                continue
            parts = s.split(None, 2)
            if len(parts) < 3:
                raise SystemExit('abicheck: bad line in %s: %s' % (path, s))
            known.append(tuple(parts))
    return known


def is_windows_target(cc):
    rc, out, _ = run([cc, '-dumpmachine'])
    return 'mingw' in out or 'cygwin' in out or 'windows' in out


def pointer_size(cc, outdir):
    p = Probe(cc, ['-std=gnu11'], outdir)
    v, _ = p.values('ptrsize', '', [('p', 'sizeof(void *)')])
    return v.get('p')


# ---- compile modes ---------------------------------------------------------------------------

def check_compile_modes(res, cc, ours, outdir, windows):
    strict = ['-Wall', '-Wextra', '-Wpedantic', '-Werror', '-fsyntax-only']
    inc = os.path.dirname(ours)
    cxx = cxx_for(cc)
    variants = [('plain', ''), ('unicode', '#define JET_UNICODE\n'),
                ('plain-exports', '#define JET_PLAIN_NAME_EXPORTS\n'),
                ('plain-exports-unicode', '#define JET_PLAIN_NAME_EXPORTS\n#define JET_UNICODE\n'),
                ('version-0x0500', '#define JET_VERSION 0x0500\n'),
                ('version-0x0601', '#define JET_VERSION 0x0601\n'),
                ('twice', '')]
    if windows:
        variants += [('windows.h-first', '#include <windows.h>\n'),
                     ('windows.h-after', None)]
    langs = [('c11', cc, ['-x', 'c', '-std=c11']), ('c++17', cxx, ['-x', 'c++', '-std=c++17'])]
    for lang, comp, lflags in langs:
        if comp is None or not shutil.which(comp):
            res.bad('compile:%s' % lang, 'compiler %s not found' % comp)
            continue
        for vname, pre in variants:
            src = os.path.join(outdir, 'mode_%s_%s.%s' % (lang, vname, 'c' if lang == 'c11' else 'cc'))
            body = (pre or '') + '#include "esent.h"\n'
            if vname == 'twice':
                body += '#include "esent.h"\n'
            if pre is None:
                body += '#include <windows.h>\n'
            body += 'int abi_mode_dummy(void);\n'
            with open(src, 'w') as f:
                f.write(body)
            rc, _, err = run([comp] + lflags + strict + ['-I', inc, src])
            key = 'compile:%s:%s' % (lang, vname)
            if rc == 0:
                res.ok(key)
            else:
                m = re.search(r'^[^:\n]+:(\d+):(?:\d+:)?\s*(?:fatal )?error:\s*(.*)$', err, re.M)
                res.bad(key, ('esent.h line %s: %s' % (m.group(1), m.group(2))) if m else
                        (err.strip().splitlines() or ['?'])[0][:300])


# ---- comparison of two headers -------------------------------------------------------------

def classify_macro(h, name):
    e = h.expansions.get(name)
    if e is None:
        return None, None
    if name in h.decls.enumconst:
        return 'value', e
    if e == '':
        return 'empty', e
    if '"' in e:
        return 'string', e
    if '__attribute__' in e or e in ('__stdcall', '__cdecl'):
        return 'attr', e
    if re.fullmatch(r'[A-Za-z_]\w*', e):
        if e in h.decls.protos:
            return 'func', e
        if e in h.decls.types:
            return 'type', e
        if e == name:
            return 'self', e
        if e not in h.macros:
            return 'undeclared', e      # deliberately names nothing (e.g. JetGetErrorInfo without JET_UNICODE)
    return 'value', e


def compare_headers(res, ours, theirs, outdir, args):
    """Everything ours and theirs both declare must agree."""
    O, T = ours.decls, theirs.decls
    name_re = re.compile(r'^(JET_|Jet|wrn|err[A-Z])')
    mo = {n for n in ours.macros if name_re.match(n)}
    mt = {n for n in theirs.macros if name_re.match(n)}
    ours.expand(sorted(mo | mt))
    theirs.expand(sorted(mo | mt))

    cls_o = {n: classify_macro(ours, n) for n in mo}
    cls_t = {n: classify_macro(theirs, n) for n in mt}
    for n in O.enumconst:
        cls_o.setdefault(n, ('value', n))
    for n in T.enumconst:
        cls_t.setdefault(n, ('value', n))

    # type names (typedefs, tag-only structs, and macros naming a type)
    def tnames(h, cls):
        """type name -> (key in h.decls.types, C expression naming the type)"""
        names = {}
        for n, t in h.decls.types.items():
            if n.startswith('struct '):
                names.setdefault(n[7:], (n, t['expr']))
            else:
                names[n] = (n, t['expr'])
        for n, (k, e) in cls.items():
            if k == 'type' and n not in names:
                names[n] = (e, n)
        return names
    to = tnames(ours, cls_o)
    tt = tnames(theirs, cls_t)

    # ---- constants, strings, attributes, function-name macros
    probe_o = Probe(ours.cc, ours.flags + ['-std=gnu11'], outdir)
    probe_t = Probe(theirs.cc, theirs.flags + ['-std=gnu11'], outdir)
    common = sorted(set(cls_o) & set(cls_t))
    value_items = []
    for n in common:
        ko, eo = cls_o[n]
        kt, et = cls_t[n]
        if ko == 'type' or kt == 'type':
            continue        # handled with the types
        if ko == 'self' or kt == 'self':
            continue
        if ko == 'value' and kt == 'value':
            value_items.append(('const:' + n, n))
        elif ko == kt == 'undeclared':
            res.ok('kind:' + n)
        elif ko == kt and ko in ('string', 'attr', 'empty'):
            res.check('%s:%s' % (ko, n), eo, et)
        elif ko == kt == 'func':
            res.check('alias:' + n, eo, et)
        else:
            res.bad('kind:' + n, 'ours is %s (%s), theirs is %s (%s)' % (ko, eo, kt, et))
    # plain function names: macro in one header, function in the other
    for n in sorted((set(O.protos) & set(cls_t)) | (set(T.protos) & set(cls_o))):
        if n in O.protos and n in T.protos:
            continue
        ko = cls_o.get(n, ('function', n))
        kt = cls_t.get(n, ('function', n))
        res.bad('kind:' + n, 'ours is %s (%s), theirs is %s (%s)' % (ko[0], ko[1], kt[0], kt[1]))

    vo, eo = probe_o.values('const_ours', ours.include, value_items)
    vt, et = probe_t.values('const_theirs', theirs.include, value_items)
    for key, _ in value_items:
        if key in vo and key in vt:
            res.check(key, vo[key], vt[key])
        elif key in vo or key in vt:
            res.bad(key, 'not an integer constant in %s header: %s' %
                    ('our' if key in eo else 'their', eo.get(key) or et.get(key)))
        else:
            res.skip(key, 'not an integer constant in either header')

    # ---- types
    common_types = sorted(set(to) & set(tt))
    size_items, fo_items, fields_o, fields_t = [], [], {}, {}
    ftype_items, img_items = [], []
    for n in common_types:
        ko = O.types[to[n][0]]
        kt = T.types[tt[n][0]]
        eo_ = to[n][1]
        et_ = tt[n][1]
        if ko['kind'] == 'incomplete' or kt['kind'] == 'incomplete':
            res.skip('type:' + n, 'incomplete in one header')
            continue
        size_items.append(('size:' + n, 'sizeof(%s)' % eo_, 'sizeof(%s)' % et_))
        size_items.append(('align:' + n, '_Alignof(%s)' % eo_, '_Alignof(%s)' % et_))
        if ko['kind'] != kt['kind'] and not ({ko['kind'], kt['kind']} <= {'scalar', 'enum', 'fnptr'}):
            res.bad('kind:' + n, 'ours is %s, theirs is %s' % (ko['kind'], kt['kind']))
            continue
        if ko['kind'] in ('scalar', 'fnptr', 'enum') and to[n][0] == n:
            deft = ko['deftext'] if ko['kind'] != 'enum' else None
            if deft is not None:
                ftype_items.append(('typedef:' + n, '__builtin_types_compatible_p(%s, %s)' % (et_, deft)))
            elif kt['kind'] != 'enum':
                res.bad('typedef:' + n, 'ours is an enumeration, theirs is %s' % kt['kind'])
        if ko['kind'] == 'record':
            fo = {f['path']: f for f in ko['fields']}
            ft = {f['path']: f for f in kt['fields']}
            for p in sorted(set(fo) | set(ft)):
                if p not in ft:
                    res.bad('field:%s.%s' % (n, p), 'missing in their header')
                    continue
                if p not in fo:
                    res.bad('field:%s.%s' % (n, p), 'missing in our header')
                    continue
                res.ok('field:%s.%s' % (n, p))
                a, b = fo[p], ft[p]
                if a['bits'] or b['bits']:
                    if a['bits'] != b['bits']:
                        res.bad('bits:%s.%s' % (n, p), 'bit-field in only one header')
                        continue
                    img_items.append(('bits:%s.%s' % (n, p), eo_, et_, '.' + p))
                    continue
                size_items.append(('offset:%s.%s' % (n, p), '__builtin_offsetof(%s, %s)' % (eo_, p),
                                   '__builtin_offsetof(%s, %s)' % (et_, p)))
                size_items.append(('fsize:%s.%s' % (n, p), 'sizeof(((%s *)0)->%s)' % (eo_, p),
                                   'sizeof(((%s *)0)->%s)' % (et_, p)))
                if a['type'] is not None and not a.get('nested'):
                    ftype_items.append(('ftype:%s.%s' % (n, p),
                                        '__builtin_types_compatible_p(__typeof__(((%s *)0)->%s), %s)'
                                        % (et_, p, ' '.join(a['type']))))
    vo, eo = probe_o.values('layout_ours', ours.include, [(k, a) for k, a, _ in size_items])
    vt, et = probe_t.values('layout_theirs', theirs.include, [(k, b) for k, _, b in size_items])
    for key, _, _ in size_items:
        if key in vo and key in vt:
            res.check(key, vo[key], vt[key])
        else:
            res.bad(key, 'cannot evaluate: ours: %s; theirs: %s' % (eo.get(key, 'ok'), et.get(key, 'ok')))
    io, ieo = probe_o.images('bits_ours', ours.include, [(k, a, d) for k, a, _, d in img_items])
    it, iet = probe_t.images('bits_theirs', theirs.include, [(k, b, d) for k, _, b, d in img_items])
    for key, _, _, _ in img_items:
        if key in io and key in it:
            res.check(key, io[key], it[key], 'byte image with the field set to all ones: ours %s, theirs %s')
        else:
            res.bad(key, 'cannot evaluate: ours: %s; theirs: %s' % (ieo.get(key, 'ok'), iet.get(key, 'ok')))

    # ---- prototypes
    for n in sorted(set(O.protos) & set(T.protos)):
        p = O.protos[n]
        ftype_items.append(('proto:' + n, '__builtin_types_compatible_p(__typeof__(&%s), %s)'
                            % (n, fnptr_type(p['ret'], p['params'], None))))
    vt, et = probe_t.values('compat_theirs', theirs.include, [(k, e) for k, e in ftype_items])
    for key, expr in ftype_items:
        if key in vt:
            if vt[key] == 1:
                res.ok(key)
            else:
                detail = 'incompatible types'
                if key.startswith('proto:'):
                    n = key[6:]
                    detail = 'ours %s %s(%s); theirs %s %s(%s)' % (
                        ' '.join(O.protos[n]['ret']), n, ' '.join(O.protos[n]['params']),
                        ' '.join(T.protos[n]['ret']), n, ' '.join(T.protos[n]['params']))
                elif key.startswith('ftype:'):
                    tn, fp = key[6:].split('.', 1)
                    a = {f['path']: f for f in O.types[to[tn][0]]['fields']}[fp]
                    b = {f['path']: f for f in T.types[tt[tn][0]]['fields']}[fp]
                    detail = 'ours %s, theirs %s' % (' '.join(a['type']), ' '.join(b['type']))
                elif key.startswith('typedef:'):
                    tn = key[8:]
                    detail = 'ours %s, theirs %s' % (O.types[to[tn][0]]['deftext'],
                                                     T.types[tt[tn][0]].get('deftext') or T.types[tt[tn][0]]['kind'])
                res.bad(key, detail)
        else:
            msg = et.get(key, '?')
            quoted = re.findall(r"[\u2018'`]([A-Za-z_]\w*)[\u2019']", msg)
            lacking = [q for q in quoted if q not in T.types and q not in T.protos and q not in theirs.macros
                       and q not in tt]
            if lacking and re.search(r'unknown type name|undeclared', msg):
                res.skip(key, 'uses %s, which their header lacks' % ', '.join(lacking))
            else:
                res.bad(key, msg)

    only_o = sorted((set(to) | set(O.protos) | {n for n in cls_o if cls_o[n][0] == 'value'}) -
                    (set(tt) | set(T.protos) | set(cls_t)))
    only_t = sorted((set(tt) | set(T.protos) | {n for n in cls_t if cls_t[n][0] in ('value', 'func', 'undeclared')}) -
                    (set(to) | set(O.protos) | set(cls_o)))
    print('abi: %d names only in our header, %d only in theirs' % (len(only_o), len(only_t)))
    if args.verbose:
        print('  only ours: ' + ' '.join(only_o))
    for n in only_t:
        res.bad('missing:' + n, 'declared by their header but not by ours')


# ---- import library ----------------------------------------------------------------------------

def implib_exports(cc, implib):
    nm = tool_for(cc, 'nm')
    rc, out, err = run([nm, implib])
    if rc != 0:
        raise SystemExit('abicheck: %s %s failed: %s' % (nm, implib, err))
    exports = {}
    for line in out.splitlines():
        m = re.match(r'^[0-9a-fA-F]*\s+T\s+(\S+)$', line)
        if not m:
            continue
        sym = m.group(1)
        if sym.count('@') > 1:
            continue        # the odd _Name@N@N duplicates
        m2 = re.match(r'^_?([A-Za-z_]\w*)(?:@(\d+))?$', sym)
        if m2:
            exports[m2.group(1)] = int(m2.group(2)) if m2.group(2) else None
    return exports


def address_symbols(cc, ours_path, names, outdir, tag, pre):
    """Compile `&name` for each name; return {name: (symbol, stdcall size or None)}."""
    nm = tool_for(cc, 'nm')
    inc = os.path.dirname(ours_path)
    src = os.path.join(outdir, 'exports_%s.c' % tag)
    obj = os.path.join(outdir, 'exports_%s.o' % tag)
    alive = list(names)
    for _attempt in range(8):
        head = pre + '#include "esent.h"\n'
        first = head.count('\n') + 1
        with open(src, 'w') as f:
            f.write(head)
            for i, n in enumerate(alive):
                f.write('void *abi_f%d = (void *)&%s;\n' % (i, n))
        rc, _, err = run([cc, '-std=gnu11', '-w', '-c', '-I', inc, '-o', obj, src])
        if rc == 0:
            break
        bad = set()
        for m in ERR_RE.finditer(err):
            ln = int(m.group('line')) - first
            if 0 <= ln < len(alive):
                bad.add(ln)
        if not bad:
            return {}
        alive = [n for i, n in enumerate(alive) if i not in bad]
    else:
        return {}
    rc, out, _ = run([nm, obj])
    syms = {}
    for line in out.splitlines():
        m = re.match(r'^\s*U\s+_?([A-Za-z_]\w*?)(?:@(\d+))?$', line)
        if m:
            syms[m.group(1)] = int(m.group(2)) if m.group(2) else None
    return syms


def check_exports(res, cc, ours, exports, outdir, decorated):
    """Every export of the import library must be declared by our header (as a function or
    as a macro naming one); on i686 our prototype must give the export's stdcall size."""
    names = sorted(exports)
    ours.expand(names)
    normal = address_symbols(cc, os.path.abspath(ours.path), names, outdir, 'normal', '')
    plain = address_symbols(cc, os.path.abspath(ours.path), names, outdir, 'plain',
                            '#define JET_PLAIN_NAME_EXPORTS\n')
    for n in names:
        target = ours.expansions.get(n, n)
        if target not in normal:
            res.bad('export:' + n, 'exported by the import library but not declared by our header')
            continue
        res.ok('export:' + n)
        if not decorated:
            continue
        if target == n:
            res.check('stdcall:' + n, normal[n], exports[n], 'ours @%s, import library @%s')
        else:
            # the plain name is a macro (normally selecting the ANSI form): both the form it
            # selects and the JET_PLAIN_NAME_EXPORTS declaration must match the export
            res.check('stdcall:%s->%s' % (n, target), normal[target], exports[n],
                      'ours @%s, import library @%s')
            if n in plain:
                res.check('stdcall:' + n, plain[n], exports[n], 'ours @%s, import library @%s')
            else:
                res.bad('stdcall:' + n, 'not declared with JET_PLAIN_NAME_EXPORTS')


# ---- native portability ---------------------------------------------------------------------------

def check_native(res, ours_native, ours_ref, outdir):
    """Natively the API types keep their Windows sizes and, with 8-byte pointers, every
    structure has the Win64 layout."""
    O = ours_native.decls
    p = Probe(ours_native.cc, ours_native.flags + ['-std=gnu11'], outdir)
    fixed = [('native:sizeof(JET_ERR)', 'sizeof(JET_ERR)', 4), ('native:sizeof(JET_GRBIT)', 'sizeof(JET_GRBIT)', 4),
             ('native:sizeof(JET_COLUMNID)', 'sizeof(JET_COLUMNID)', 4), ('native:sizeof(WCHAR)', 'sizeof(WCHAR)', 2),
             ('native:sizeof(JET_DBID)', 'sizeof(JET_DBID)', 4),
             ('native:sizeof(JET_API_PTR)==sizeof(void*)', 'sizeof(JET_API_PTR) == sizeof(void *)', 1),
             ('native:JET_API_PTR-unsigned', '(JET_API_PTR)-1 > 0', 1),
             ('native:WCHAR-unsigned', '(WCHAR)-1 > 0', 1)]
    v, e = p.values('native_fixed', ours_native.include, [(k, x) for k, x, _ in fixed])
    for k, _, want in fixed:
        res.check(k, v.get(k, e.get(k)), want, 'ours %s, wanted %s')
    if ours_ref is None:
        return
    R = ours_ref.decls
    items = []
    for n in sorted(set(O.types) & set(R.types)):
        t = O.types[n]
        if t['kind'] == 'incomplete':
            continue
        items.append(('size:' + n, 'sizeof(%s)' % t['expr']))
        items.append(('align:' + n, '_Alignof(%s)' % t['expr']))
        for f in t['fields'] or []:
            if not f['bits']:
                items.append(('offset:%s.%s' % (n, f['path']), '__builtin_offsetof(%s, %s)' % (t['expr'], f['path'])))
                items.append(('fsize:%s.%s' % (n, f['path']), 'sizeof(((%s *)0)->%s)' % (t['expr'], f['path'])))
    pr = Probe(ours_ref.cc, ours_ref.flags + ['-std=gnu11'], outdir)
    vn, en = p.values('native_layout', ours_native.include, items)
    vr, er = pr.values('native_layout_ref', ours_ref.include, items)
    for k, _ in items:
        if k in vn and k in vr:
            res.check('win64-layout:' + k, vn[k], vr[k], 'native %s, win64 %s')
        else:
            res.bad('win64-layout:' + k, 'cannot evaluate: %s %s' % (en.get(k, ''), er.get(k, '')))
    bits = [('bits:%s.%s' % (n, f['path']), O.types[n]['expr'], '.' + f['path'])
            for n in sorted(set(O.types) & set(R.types)) for f in O.types[n]['fields'] or [] if f['bits']]
    bn, ebn = p.images('native_bits', ours_native.include, bits)
    br, ebr = pr.images('native_bits_ref', ours_ref.include, bits)
    for k, _, _ in bits:
        if k in bn and k in br:
            res.check('win64-layout:' + k, bn[k], br[k], 'native %s, win64 %s')
        else:
            res.bad('win64-layout:' + k, 'cannot evaluate: %s %s' % (ebn.get(k, ''), ebr.get(k, '')))


# ------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--cc', required=True, help='C compiler of the target to check')
    ap.add_argument('--ours', required=True, help='our esent.h')
    ap.add_argument('--out', required=True, help='directory for generated files')
    ap.add_argument('--theirs', help="header to compare with (default: the compiler's <esent.h>)")
    ap.add_argument('--theirs-pre', default='windows.h', help='header(s) to include before theirs, comma separated')
    ap.add_argument('--implib', help='import library (default: the compiler\'s libesent.a)')
    ap.add_argument('--ref-cc', default='x86_64-w64-mingw32-gcc',
                    help='native mode: compiler whose layout of our header is the reference')
    ap.add_argument('--known', default=DEFAULT_KNOWN, help='known differences file')
    ap.add_argument('--arch', help='architecture name used in the known differences file')
    ap.add_argument('-v', '--verbose', action='store_true')
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    ours_path = os.path.abspath(args.ours)
    if not shutil.which(args.cc):
        raise SystemExit('abicheck: compiler %s not found' % args.cc)
    windows = is_windows_target(args.cc)
    arch = args.arch
    if not arch:
        rc, mach, _ = run([args.cc, '-dumpmachine'])
        arch = mach.strip().split('-')[0] if windows else 'native'
        if arch in ('i386', 'i486', 'i586'):
            arch = 'i686'
    res = Result(arch, load_known(args.known), args.verbose)

    check_compile_modes(res, args.cc, ours_path, out, windows)
    ours = Header('ours', args.cc, '#include "%s"' % ours_path, [], out)
    if windows:
        pre = ''.join('#include <%s>\n' % h for h in args.theirs_pre.split(',') if h)
        inc = '#include "%s"' % os.path.abspath(args.theirs) if args.theirs else '#include <esent.h>'
        theirs = Header('theirs', args.cc, inc, [], out, pre)
        print('abi: %s: ours %s, theirs %s' % (arch, ours_path, theirs.path))
        compare_headers(res, ours, theirs, out, args)
        implib = args.implib
        if not implib:
            rc, p, _ = run([args.cc, '-print-file-name=libesent.a'])
            implib = p.strip()
        if implib and os.path.exists(implib):
            exports = implib_exports(args.cc, implib)
            decorated = any(v is not None for v in exports.values())
            check_exports(res, args.cc, ours, exports, out, decorated)
        else:
            res.bad('implib', 'import library libesent.a not found')
    else:
        ref = None
        psize = pointer_size(args.cc, out)
        if psize == 8 and args.ref_cc and shutil.which(args.ref_cc):
            ref = Header('ref', args.ref_cc, '#include "%s"' % ours_path, [], out)
        elif psize == 8:
            res.skip('win64-layout', 'reference compiler %s not found' % args.ref_cc)
        print('abi: %s: ours %s (native, %s-byte pointers)' % (arch, ours_path, psize))
        check_native(res, ours, ref, out)

    for i, (a, pat, reason) in enumerate(res.known):
        if windows and i not in res.used_known and fnmatch.fnmatchcase(arch, a):
            print('note: known difference not seen on %s: %s' % (arch, pat))
    if res.skipped:
        print('abi: %d skipped (declarations using names their header lacks)' % len(res.skipped))
        for k, why in res.skipped:
            print('skip %s: %s' % (k, why))
    print('abi: %d passed, %d failed' % (res.passed, res.failed))
    return 1 if res.failed else 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except SystemExit as e:
        if isinstance(e.code, str):     # a fatal set-up problem: report it as one failure
            print(e.code)
            print('abi: 0 passed, 1 failed')
            sys.exit(1)
        raise
