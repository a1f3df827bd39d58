import { describe, expect, it } from 'vitest';
import { sanitizeDisplayStrings, sanitizeDisplayText } from '../../src/scenario/sanitize-display-text.ts';
import { escapeHtml } from '../../src/report/escape-html.ts';

describe('sanitizeDisplayText', () => {
  it('removes escape sequences whole: OSC (title, hyperlink), CSI, 8-bit CSI, charset and bare escapes', () => {
    expect(sanitizeDisplayText('a\x1b]0;pwned\x07b')).toBe('ab');
    expect(sanitizeDisplayText('x\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\')).toBe('xlink');
    expect(sanitizeDisplayText('\x1b[2J\x1b[31mred\x1b[0m')).toBe('red');
    expect(sanitizeDisplayText('a\x9b2Jb\x9d0;t\x9cc')).toBe('abc');
    expect(sanitizeDisplayText('a\x1b(Bb\x1bcc\x1b')).toBe('abc');
  });

  it('keeps newline and tab; removes the other C0 controls, DEL, C1 and the bidi overrides and isolates', () => {
    expect(sanitizeDisplayText('tab\there\nline\r\x00\x07\x08\x7f\x85')).toBe('tab\there\nline');
    expect(sanitizeDisplayText('admin\u202e\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069txt')).toBe('admintxt');
    expect(sanitizeDisplayText('✔ naïve café · ATO − FITD ≈ 0.3, 日本')).toBe('✔ naïve café · ATO − FITD ≈ 0.3, 日本');
  });

  it('reaches every string of a value, keys too, and leaves the rest alone', () => {
    expect(sanitizeDisplayStrings({ title: { text: ['a\u202eb', 'c\x1b[1md'] }, values: [{ 'k\x07': 1, v: null, w: true }] })).toEqual({
      title: { text: ['ab', 'cd'] },
      values: [{ k: 1, v: null, w: true }],
    });
  });
});

describe('escapeHtml', () => {
  it('neutralises bidi overrides and control characters as well as the HTML specials', () => {
    expect(escapeHtml('<b>\u202eevil\x1b]0;t\x07</b> & "q"')).toBe('&lt;b&gt;evil&lt;/b&gt; &amp; &quot;q&quot;');
  });
});
