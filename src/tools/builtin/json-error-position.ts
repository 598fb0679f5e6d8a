/**
 * Where a JSON text first goes wrong. V8's JSON.parse messages give an offset only for some
 * errors ("Unexpected token 'x', … is not valid JSON" has none), so after a failed parse this
 * small RFC 8259 scanner finds the offset itself.
 */
export interface JsonErrorPosition {
  /** 0-based character offset. */
  position: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

class Stop {
  constructor(readonly at: number) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
const isHex = (char: string | undefined) => char !== undefined && /^[0-9a-fA-F]$/.test(char);

function scan(text: string): number | null {
  let i = 0;
  const stop = (): never => {
    throw new Stop(i);
  };
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) stop();
    i++;
  };
  const digits = () => {
    if (!isDigit(text[i])) stop();
    while (isDigit(text[i])) i++;
  };

  const string = () => {
    expect('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') stop();
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        i++;
        if (text[i] === 'u') {
          i++;
          for (let n = 0; n < 4; n++) {
            if (!isHex(text[i])) stop();
            i++;
          }
        } else if (ESCAPES.has(text[i] ?? '')) i++;
        else stop();
      } else i++;
    }
  };

  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };

  const literal = (word: string) => {
    for (const char of word) expect(char);
  };

  const value = (): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '{') {
      i++;
      skipWhitespace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipWhitespace();
        string();
        skipWhitespace();
        expect(':');
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else return expect('}');
      }
    }
    if (char === '[') {
      i++;
      skipWhitespace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        skipWhitespace();
        if (text[i] === ',') i++;
        else return expect(']');
      }
    }
    if (char === '"') return string();
    if (char === '-' || isDigit(char)) return number();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    stop();
  };

  try {
    value();
    skipWhitespace();
    if (i < text.length) stop();
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.at;
    return null; // nesting too deep for the scanner: no position
  }
}

/** The first error's position in `text`, or null when the scanner finds none (it then agrees with nobody). */
export function jsonErrorPosition(text: string): JsonErrorPosition | null {
  const position = scan(text);
  if (position === null) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { position, line, column: position - lineStart + 1 };
}
