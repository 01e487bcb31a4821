import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { datum, type Ctx, type Json } from './common';
import { themeConfig } from './theme';
import { CustomSpecError, type BuiltSpec } from './types';

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "a ':' is expected",
  CommaExpected: "a ',' is expected",
  CloseBraceExpected: "a closing '}' is expected",
  CloseBracketExpected: "a closing ']' is expected",
  EndOfFileExpected: 'nothing may follow the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is not finished',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** Parse the user's Vega-Lite JSON; throws CustomSpecError with line/column of the first problem. */
export function parseCustomSpec(text: string): Json {
  if (text.trim() === '') throw new CustomSpecError('The custom visual has no Vega-Lite JSON yet. Paste a Vega-Lite spec (an object with a "mark" and an "encoding").');
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0];
    const { line, column } = position(text, e.offset);
    const code = printParseErrorCode(e.error);
    throw new CustomSpecError(`The Vega-Lite JSON is not valid at line ${line}, column ${column} (character ${e.offset + 1}): ${MESSAGES[code] ?? code}. Fix it there and apply again.`, e.offset, line, column);
  }
  if (!isRecord(value)) {
    throw new CustomSpecError(`The Vega-Lite JSON must be an object like {"mark": "bar", "encoding": {…}}, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}.`);
  }
  return value;
}

/**
 * custom: the user's Vega-Lite spec with its data replaced by data "table" (the rows). Each field is
 * also reachable by its label (a `calculate` per field), so the user can write {"field": "Sum of Sales"}.
 * Theme config comes first; the user's own config wins.
 */
export function buildCustom(ctx: Ctx): BuiltSpec {
  let user: Json;
  try {
    user = parseCustomSpec(ctx.input.customSpec ?? '');
  } catch (e) {
    if (e instanceof CustomSpecError) return { library: 'none', reason: e.message };
    throw e;
  }
  const { data: _data, datasets: _datasets, ...rest } = user;
  const aliases = ctx.fields.filter((f) => f.label !== f.key).map((f) => ({ calculate: datum(f.key), as: f.label }));
  const userTransforms = Array.isArray(rest.transform) ? rest.transform : [];
  const userConfig = isRecord(rest.config) ? rest.config : {};
  const spec: Json = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: Math.max(10, Math.floor(ctx.input.width)),
    height: Math.max(10, Math.floor(ctx.input.height)),
    autosize: { type: 'fit', contains: 'padding' },
    background: ctx.fmt.background ?? ctx.theme.background,
    ...rest,
    data: { name: 'table', values: ctx.rows },
    config: { ...themeConfig(ctx.theme), ...userConfig },
  };
  if (aliases.length > 0 || userTransforms.length > 0) spec.transform = [...aliases, ...userTransforms];
  return { library: 'vega-lite', spec };
}
