import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/index.ts';

const SIMPLIFIED = '<p>现将《2012年全市教育工作要点》印发你们，请结合各地实际，认真抓好贯彻落实。</p>';
const TRADITIONAL = '<p>現將《2012年全市教育工作要點》印發給你們，請結合各地實際，認真抓好貫徹落實。</p>';

describe('decodeBytes', () => {
  it('follows BOM, then HTTP charset, then <meta>, then the detector', () => {
    const utf8 = Buffer.from(SIMPLIFIED);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(decodeBytes(bom, 'text/html; charset=gbk')).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom' });
    const gb = iconv.encode(SIMPLIFIED, 'gbk');
    expect(decodeBytes(gb, 'text/html; charset=GB2312')).toMatchObject({ encoding: 'gb18030', encodingSource: 'http' });
    const withMeta = iconv.encode(`<meta charset="gbk">${SIMPLIFIED}`, 'gbk');
    expect(decodeBytes(withMeta, 'text/html')).toMatchObject({ encoding: 'gb18030', encodingSource: 'meta' });
    const detected = decodeBytes(gb);
    expect(detected).toMatchObject({ encoding: 'gb18030', encodingSource: 'detector' });
    expect(detected.text).toBe(SIMPLIFIED);
  });

  it('decodes GB18030-only characters in GBK-labelled pages', () => {
    const text = `${SIMPLIFIED}𠀀`; // outside GBK: four-byte GB18030
    const bytes = iconv.encode(text, 'gb18030');
    expect(decodeBytes(bytes, 'text/html; charset=gbk').text).toBe(text);
  });

  it('tells Big5 from GBK by reading them', () => {
    const bytes = iconv.encode(TRADITIONAL, 'big5');
    const r = decodeBytes(bytes);
    expect([r.encoding, r.text]).toEqual(['big5', TRADITIONAL]);
  });

  it('skips declarations the bytes contradict', () => {
    const gb = iconv.encode(SIMPLIFIED, 'gbk');
    expect(decodeBytes(gb, 'text/html; charset=utf-8')).toMatchObject({ encoding: 'gb18030', text: SIMPLIFIED });
    const withWrongMeta = Buffer.from(`<meta charset="gb2312">${SIMPLIFIED}`);
    expect(decodeBytes(withWrongMeta)).toMatchObject({ encoding: 'utf-8', encodingSource: 'detector' });
  });

  it('defaults to UTF-8 for plain ASCII', () => {
    expect(decodeBytes(Buffer.from('<p>hello</p>'))).toMatchObject({ encoding: 'utf-8', encodingSource: 'default' });
  });
});
