//! Cutting a message into tokens: words, spaces and punctuation. A word that
//! looks like a value (an integer, a number, a UUID, an email, a word with
//! digits such as `cus_42`, or the text between quotes) is a *value*; every
//! other token is *fixed*, and the fixed tokens make a message's shape.

/// What a value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `-?[0-9]+`.
    Integer,
    /// Digits with a point (and an exponent).
    Number,
    /// `8-4-4-4-12` hex digits.
    Uuid,
    /// `local@domain.tld`.
    Email,
    /// The text between quotes (the quotes stay fixed text).
    Quoted,
    /// A word holding digits and letters (`cus_42`, `v2`).
    Id,
}

impl Kind {
    /// The kind's bit in a set of kinds.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// One token of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'m> {
    /// Text that is part of the message's wording.
    Fixed(&'m str),
    /// Text that looks like a value.
    Value(&'m str, Kind),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '@' | '+')
}

/// True for the marks that open and close quoted text.
pub fn is_quote(c: char) -> bool {
    matches!(c, '\'' | '"' | '`')
}

/// Cuts `message` into tokens; concatenated, they give the message back.
pub fn tokenize(message: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let bytes_len = message.len();
    while i < bytes_len {
        let rest = &message[i..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_whitespace() {
            let end = rest
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len());
            out.push(Token::Fixed(&rest[..end]));
            i += end;
            continue;
        }
        if is_quote(c) && quote_may_open(&message[..i]) {
            if let Some(len) = quoted_len(rest, c) {
                let q = c.len_utf8();
                out.push(Token::Fixed(&rest[..q]));
                out.push(Token::Value(&rest[q..q + len], Kind::Quoted));
                out.push(Token::Fixed(&rest[q + len..q + len + q]));
                i += len + 2 * q;
                continue;
            }
        }
        if is_word_char(c) {
            let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            push_word(&mut out, &rest[..end]);
            i += end;
            continue;
        }
        let len = c.len_utf8();
        out.push(Token::Fixed(&rest[..len]));
        i += len;
    }
    out
}

/// A quote opens quoted text at the start or after a space or an opening mark.
fn quote_may_open(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | ':' | '=' | ','))
}

/// The length of the quoted text `rest` starts with (after the quote `q`),
/// when the closing quote ends a word: not empty, on one line.
fn quoted_len(rest: &str, q: char) -> Option<usize> {
    let inner = &rest[q.len_utf8()..];
    let mut from = 0;
    loop {
        let close = from + inner[from..].find(q)?;
        let after = inner[close + q.len_utf8()..].chars().next();
        if after.is_none_or(|a| !a.is_alphanumeric() && a != '_') {
            let text = &inner[..close];
            return (!text.is_empty() && !text.contains('\n')).then_some(close);
        }
        from = close + q.len_utf8();
    }
}

/// Pushes a run of word characters: the marks a word cannot end (or start)
/// with are fixed text of their own, the rest is a value or a fixed word.
fn push_word<'m>(out: &mut Vec<Token<'m>>, run: &'m str) {
    let trail = |c: char| matches!(c, '.' | '-' | '+' | '@');
    let body_end = run.trim_end_matches(trail).len();
    let (head, tail) = run.split_at(body_end);
    // a leading mark other than a minus before a digit
    let lead = head
        .char_indices()
        .find(|&(i, c)| {
            !(matches!(c, '.' | '+' | '@')
                || (c == '-' && !head[i + 1..].starts_with(|d: char| d.is_ascii_digit())))
        })
        .map_or(head.len(), |(i, _)| i);
    if lead > 0 {
        out.push(Token::Fixed(&head[..lead]));
    }
    let word = &head[lead..];
    if !word.is_empty() {
        out.push(match classify_word(word) {
            Some(kind) => Token::Value(word, kind),
            None => Token::Fixed(word),
        });
    }
    if !tail.is_empty() {
        out.push(Token::Fixed(tail));
    }
}

/// What a word looks like, when it looks like a value.
pub fn classify_word(w: &str) -> Option<Kind> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let unsigned = w.strip_prefix('-').unwrap_or(w);
    if digits(unsigned) {
        return Some(Kind::Integer);
    }
    if let Some((int, frac)) = unsigned.split_once('.') {
        let frac_digits = frac
            .split_once(['e', 'E'])
            .map_or(digits(frac), |(f, exp)| {
                digits(f) && digits(exp.strip_prefix(['-', '+']).unwrap_or(exp))
            });
        if digits(int) && frac_digits {
            return Some(Kind::Number);
        }
    }
    if is_uuid(w) {
        return Some(Kind::Uuid);
    }
    if let Some((local, domain)) = w.split_once('@') {
        if !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
        {
            return Some(Kind::Email);
        }
    }
    let has_digit = w.bytes().any(|b| b.is_ascii_digit());
    let has_letter = w.chars().any(char::is_alphabetic);
    (has_digit && has_letter).then_some(Kind::Id)
}

fn is_uuid(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The shape of a message: its fixed tokens, with each value as `\u{1}`;
/// messages of one shape are merged into one template.
pub fn shape_key(tokens: &[Token<'_>]) -> String {
    let mut key = String::new();
    for t in tokens {
        match t {
            Token::Fixed(s) => key.push_str(s),
            Token::Value(..) => key.push('\u{1}'),
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_give_the_message_back() {
        for m in [
            "Customer 42 not found.",
            "No such customer: 'cus_42'",
            "MCP limit reached (3/10). Upgrade — now",
            "tools[2] not found on this MCP server",
            "user a.b@example.com is -4.5e3 away",
        ] {
            let joined: String = tokenize(m)
                .iter()
                .map(|t| match t {
                    Token::Fixed(s) | Token::Value(s, _) => *s,
                })
                .collect();
            assert_eq!(joined, m);
        }
    }

    #[test]
    fn values_are_recognised() {
        assert_eq!(classify_word("42"), Some(Kind::Integer));
        assert_eq!(classify_word("-42"), Some(Kind::Integer));
        assert_eq!(classify_word("4.25"), Some(Kind::Number));
        assert_eq!(classify_word("1.5e3"), Some(Kind::Number));
        assert_eq!(
            classify_word("123e4567-e89b-12d3-a456-426614174000"),
            Some(Kind::Uuid)
        );
        assert_eq!(classify_word("ops@example.com"), Some(Kind::Email));
        assert_eq!(classify_word("cus_42"), Some(Kind::Id));
        assert_eq!(classify_word("found"), None);
        assert_eq!(classify_word("auth.jwksJson"), None);
        let t = tokenize("No such customer: 'cus 42'");
        assert!(t.contains(&Token::Value("cus 42", Kind::Quoted)));
        // an apostrophe inside a word opens nothing
        assert!(tokenize("doesn't 'x'").contains(&Token::Fixed("doesn")));
    }

    #[test]
    fn fixed_words_that_differ_are_different_shapes() {
        let a = shape_key(&tokenize("Customer 42 not found"));
        let b = shape_key(&tokenize("Order 42 not found"));
        assert_ne!(a, b);
        assert_eq!(a, shape_key(&tokenize("Customer 7 not found")));
    }
}
