/**
 * Text that reads as SQL: a statement's verb with its companion keyword, or a WHERE comparison.
 * Keywords must be all upper or all lower case, so English prose ("Select a file from…") stays out.
 * Written in the regex subset shared by JavaScript and Rust (ast-grep's `regex`).
 */
const sqlTextSource = [
  String.raw`\bSELECT\s[\s\S]*\bFROM\b`,
  String.raw`\bselect\s[\s\S]*\bfrom\b`,
  String.raw`\b(INSERT\s+INTO|insert\s+into|DELETE\s+FROM|delete\s+from)\b`,
  String.raw`\b(UPDATE\s+[\w."]+\s+SET|update\s+[\w."]+\s+set)\b`,
  String.raw`\b(AND|OR|and|or)\s+[\w."]+\s*(=|\bLIKE|\blike)\s*'`,
  String.raw`\b(WHERE|where)\s+[\w."]+\s*(=|<|>|!=|\bLIKE\b|\blike\b|\bIN\s*\(|\bin\s*\()`,
].join("|");

export const sqlTextPattern = new RegExp(sqlTextSource);

/** Looser, for text that already reaches a SQL-running call: any letter case, DDL included. */
export const sinkSqlTextPattern = new RegExp(
  `${sqlTextSource}|\\b(create|drop|alter|truncate)\\s+(temporary\\s+|temp\\s+)?(table|index|view|database|schema)\\b|\\bselect\\s[\\s\\S]*\\bfrom\\b|\\b(where|values|order\\s+by|group\\s+by)\\b`,
  "i",
);
