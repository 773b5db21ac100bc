"""A recursive-descent parser for the Kibana Query Language (KQL).

Grammar (after Kibana's ``kuery.peg``; keywords are case-insensitive)::

    query      := or_query? EOF
    or_query   := and_query ("or" and_query)*
    and_query  := not_query ("and" not_query)*
    not_query  := "not" not_query | sub_query
    sub_query  := "(" or_query ")" | expression
    expression := field ":" "{" or_query "}"          nested
                | field ":" "*"                        exists
                | field ":" value_list                 match
                | field ("<"|"<="|">"|">=") literal    range
                | value                                free text ("*:value" too)
    value_list := "(" value_or ")" | value
    value      := quoted string | unquoted literal (may hold spaces and "*" wildcards)

Unquoted literals stop at whitespace-delimited keywords and at the special characters
``\\ ( ) : < > " { }``; a backslash escapes any character (``\\*`` is a literal asterisk,
``\\or`` the word "or"), ``\\t \\n \\r`` are whitespace and ``\\uXXXX`` a code point.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsmon.errors import KqlSyntaxError
from newsmon.kql.nodes import (
    And,
    Exists,
    Match,
    MatchAll,
    Nested,
    Node,
    Not,
    Or,
    Range,
    RangeOp,
    Value,
    ValueAnd,
    ValueExpr,
    ValueNot,
    ValueOr,
)

_SPECIAL = set('()<>:"{}\\')
_PUNCT = {"(": "lparen", ")": "rparen", "{": "lbrace", "}": "rbrace", ":": "colon"}
_RANGE_OPS: dict[str, RangeOp] = {"<": "lt", "<=": "lte", ">": "gt", ">=": "gte"}
_KEYWORDS = {"or", "and", "not"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # ws, word, quoted, range, lparen, rparen, lbrace, rbrace, colon, eof
    pos: int
    text: str = ""  # the decoded text (words: with wildcards marked by segments)
    segments: tuple[str, ...] = ()
    plain: bool = True  # word without escapes or wildcards (may be a keyword)

    @property
    def keyword(self) -> str | None:
        if self.kind == "word" and self.plain and self.text.lower() in _KEYWORDS:
            return self.text.lower()
        return None


_ESCAPES = {"t": "\t", "n": "\n", "r": "\r"}


def _escape(query: str, i: int) -> tuple[str, int]:
    """Decode the escape starting at the backslash ``query[i]``; return (char, next index)."""
    if i + 1 >= len(query):
        raise KqlSyntaxError("dangling backslash", query, i)
    c = query[i + 1]
    if c == "u":
        digits = query[i + 2 : i + 6]
        if len(digits) != 4 or any(d not in "0123456789abcdefABCDEF" for d in digits):
            raise KqlSyntaxError("\\u must be followed by 4 hex digits", query, i)
        return chr(int(digits, 16)), i + 6
    return _ESCAPES.get(c, c), i + 2


def _lex(query: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c.isspace():
            j = i
            while j < n and query[j].isspace():
                j += 1
            toks.append(_Tok("ws", i, query[i:j]))
            i = j
        elif c in _PUNCT:
            toks.append(_Tok(_PUNCT[c], i, c))
            i += 1
        elif c in "<>":
            op = query[i : i + 2] if query[i + 1 : i + 2] == "=" else c
            toks.append(_Tok("range", i, op))
            i += len(op)
        elif c == '"':
            start, i, buf = i, i + 1, []
            while True:
                if i >= n:
                    raise KqlSyntaxError("unterminated quoted string", query, start)
                if query[i] == "\\":
                    ch, i = _escape(query, i)
                    buf.append(ch)
                elif query[i] == '"':
                    i += 1
                    break
                else:
                    buf.append(query[i])
                    i += 1
            text = "".join(buf)
            toks.append(_Tok("quoted", start, text, (text,), plain=False))
        else:
            start, segs, cur, plain = i, [], [], True
            while i < n and not query[i].isspace() and (query[i] not in _SPECIAL or query[i] == "\\"):
                if query[i] == "\\":
                    ch, i = _escape(query, i)
                    cur.append(ch)
                    plain = False
                elif query[i] == "*":
                    segs.append("".join(cur))
                    cur = []
                    plain = False
                    i += 1
                else:
                    cur.append(query[i])
                    i += 1
            segs.append("".join(cur))
            toks.append(_Tok("word", start, "*".join(segs), tuple(segs), plain))
    toks.append(_Tok("eof", n))
    return toks


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.toks = _lex(query)
        self.i = 0

    # -- token helpers ---------------------------------------------------------------
    def _skip_ws(self) -> None:
        while self.toks[self.i].kind == "ws":
            self.i += 1

    def peek(self) -> _Tok:
        self._skip_ws()
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.peek()
        self.i += 1
        return tok

    def error(self, message: str, tok: _Tok | None = None) -> KqlSyntaxError:
        return KqlSyntaxError(message, self.query, (tok or self.peek()).pos)

    def expect(self, kind: str, what: str) -> _Tok:
        tok = self.peek()
        if tok.kind != kind:
            raise self.error(f"expected {what}, found {self._describe(tok)}", tok)
        return self.take()

    @staticmethod
    def _describe(tok: _Tok) -> str:
        return "end of query" if tok.kind == "eof" else repr(tok.text)

    # -- grammar ---------------------------------------------------------------------
    def parse(self) -> Node:
        if self.peek().kind == "eof":
            return MatchAll()
        node = self.or_query()
        tok = self.peek()
        if tok.kind != "eof":
            raise self.error(f"expected 'and', 'or' or end of query, found {self._describe(tok)}", tok)
        return node

    def or_query(self) -> Node:
        items = [self.and_query()]
        while self.peek().keyword == "or":
            self.take()
            items.append(self.and_query())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_query(self) -> Node:
        items = [self.not_query()]
        while self.peek().keyword == "and":
            self.take()
            items.append(self.not_query())
        return items[0] if len(items) == 1 else And(tuple(items))

    def not_query(self) -> Node:
        if self.peek().keyword == "not":
            self.take()
            return Not(self.not_query())
        return self.sub_query()

    def sub_query(self) -> Node:
        if self.peek().kind == "lparen":
            self.take()
            node = self.or_query()
            self.expect("rparen", "')'")
            return node
        return self.expression()

    def literal(self) -> tuple[Value, _Tok] | None:
        """An unquoted literal: words and the whitespace between them, up to a keyword."""
        first = self.peek()
        if first.kind != "word" or first.keyword:
            return None
        segs: list[str] = list(first.segments)
        self.i += 1
        while True:
            j = self.i
            while self.toks[j].kind == "ws":
                j += 1
            nxt = self.toks[j]
            if nxt.kind != "word" or nxt.keyword:
                break
            segs[-1] += "".join(t.text for t in self.toks[self.i : j])  # the spaces in between
            segs[-1] += nxt.segments[0]
            segs.extend(nxt.segments[1:])
            self.i = j + 1
        return Value(tuple(segs)), first

    def value(self) -> Value:
        tok = self.peek()
        if tok.kind == "quoted":
            self.take()
            return Value((tok.text,), quoted=True)
        lit = self.literal()
        if lit is None:
            raise self.error(f"expected a value, found {self._describe(tok)}", tok)
        return lit[0]

    def expression(self) -> Node:
        tok = self.peek()
        if tok.kind == "quoted":
            self.take()
            return Match(None, Value((tok.text,), quoted=True))
        lit = self.literal()
        if lit is None:
            raise self.error(f"expected a field, value or '(', found {self._describe(tok)}", tok)
        value, first = lit
        nxt = self.peek()
        if nxt.kind == "range":
            self.take()
            bound = self.value()
            if bound.is_wildcard:
                raise self.error("wildcards are not allowed in a range", nxt)
            return Range(self._field(value, first), _RANGE_OPS[nxt.text], bound.text)
        if nxt.kind != "colon":
            return MatchAll() if value.segments == ("", "") else Match(None, value)
        self.take()
        field = self._field(value, first)
        after = self.peek()
        if after.kind == "lbrace":
            self.take()
            inner = self.or_query()
            self.expect("rbrace", "'}'")
            return Nested(field, inner)
        if after.kind == "word" and after.segments == ("", ""):
            self.take()
            return MatchAll() if field == "*" else Exists(field)
        if after.kind == "lparen":
            self.take()
            values = self.value_or()
            self.expect("rparen", "')'")
        else:
            values = self.value()
        return Match(None if field == "*" else field, values)

    def _field(self, value: Value, tok: _Tok) -> str:
        name = value.text.strip()
        if value.is_wildcard and name != "*":
            raise KqlSyntaxError("wildcards in field names are not supported", self.query, tok.pos)
        return name

    def value_or(self) -> ValueExpr:
        items = [self.value_and()]
        while self.peek().keyword == "or":
            self.take()
            items.append(self.value_and())
        return items[0] if len(items) == 1 else ValueOr(tuple(items))

    def value_and(self) -> ValueExpr:
        items = [self.value_not()]
        while self.peek().keyword == "and":
            self.take()
            items.append(self.value_not())
        return items[0] if len(items) == 1 else ValueAnd(tuple(items))

    def value_not(self) -> ValueExpr:
        tok = self.peek()
        if tok.keyword == "not":
            self.take()
            return ValueNot(self.value_not())
        if tok.kind == "lparen":
            self.take()
            inner = self.value_or()
            self.expect("rparen", "')'")
            return inner
        return self.value()


def parse(query: str) -> Node:
    """Parse a KQL query into a :data:`~newsmon.kql.nodes.Node`.

    Raises :class:`newsmon.errors.KqlSyntaxError` (a ``ConfigError``) with the position.
    An empty query is :class:`~newsmon.kql.nodes.MatchAll`.
    """
    return _Parser(query).parse()
