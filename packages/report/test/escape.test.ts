import { describe, expect, it } from 'vitest';
import { quoteCsvField } from '../src/csv.ts';
import { escapeHtml, escapeMarkdown } from '../src/escape.ts';
import { markPart } from '../src/markdown.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(escapeHtml('"onerror=alert(1)')).toBe('&quot;onerror=alert(1)');
    expect(escapeHtml('普通文字 ]]>')).toBe('普通文字 ]]&gt;');
  });
});

describe('escapeMarkdown', () => {
  it('backslash-escapes Markdown specials and HTML, and flattens line breaks', () => {
    expect(escapeMarkdown('*_[]()|#')).toBe('\\*\\_\\[\\]\\(\\)\\|\\#');
    expect(escapeMarkdown('<script>a</script>')).toBe('\\<script\\>a\\</script\\>');
    expect(escapeMarkdown('第一行\r\n第二行\n')).toBe('第一行 第二行 ');
    expect(escapeMarkdown('~~删~~ `code` &amp;')).toBe('\\~\\~删\\~\\~ \\`code\\` \\&amp;');
  });
  it('stops a leading list marker but leaves ordinary numbers alone', () => {
    expect(escapeMarkdown('1. 开头')).toBe('1\\. 开头');
    expect(escapeMarkdown('- 开头')).toBe('\\- 开头');
    expect(escapeMarkdown('1.35万亿元')).toBe('1.35万亿元');
  });
});

describe('markPart', () => {
  it('uses ~~ and ** next to letters, and <del>/<ins> when an edit starts or ends with punctuation', () => {
    expect(markPart({ op: 'delete', text: '推进' })).toBe('~~推进~~');
    expect(markPart({ op: 'insert', text: '优质' })).toBe('**优质**');
    expect(markPart({ op: 'insert', text: '，加快' })).toBe('<ins>，加快</ins>');
    expect(markPart({ op: 'delete', text: '4%' })).toBe('<del>4%</del>');
    expect(markPart({ op: 'insert', text: ' 新增 ' })).toBe(' **新增** ');
    expect(markPart({ op: 'equal', text: '*' })).toBe('\\*');
  });
});

describe('quoteCsvField', () => {
  it('quotes per RFC 4180 only when needed', () => {
    expect(quoteCsvField('中文')).toBe('中文');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('line\nbreak')).toBe('"line\nbreak"');
  });
  it('defuses spreadsheet formulas in document text only', () => {
    expect(quoteCsvField('=HYPERLINK("x")', true)).toBe(`"'=HYPERLINK(""x"")"`);
    expect(quoteCsvField('+1', true)).toBe("'+1");
    expect(quoteCsvField('-0.5', false)).toBe('-0.5');
  });
});
