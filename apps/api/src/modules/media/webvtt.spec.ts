import { parseTimestamp, parseWebVtt } from './webvtt';

describe('parseWebVtt', () => {
  it('accepts a valid file with identifiers, settings, notes and a BOM', () => {
    const r = parseWebVtt('\uFEFFWEBVTT - captions\n\nNOTE a note\n\n1\n00:00:00.500 --> 00:00:02.000 align:start\nXin chào\n\n00:02.000 --> 00:03.000\nHai dòng\nthứ hai\n', 4);
    expect(r.errors).toEqual([]);
    expect(r.cues).toEqual([
      { line: 6, start: 0.5, end: 2, text: 'Xin chào' },
      { line: 9, start: 2, end: 3, text: 'Hai dòng\nthứ hai' },
    ]);
  });

  it('reports each problem with its line', () => {
    const r = parseWebVtt('WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nbackwards\n\n00:00:01.000 --> 00:00:99.000\nbad\n\nhello\n\n00:00:03.000 --> 00:00:09.000\ntoo long\n', 5);
    expect(r.errors).toEqual([
      { line: 3, message: expect.stringContaining('before or when it starts') },
      { line: 6, message: expect.stringContaining('not a valid end time') },
      { line: 9, message: expect.stringContaining('Expected a cue timing line') },
      { line: 11, message: expect.stringContaining('after the end of the video') },
    ]);
  });

  it('needs the header and at least one cue', () => {
    expect(parseWebVtt('<html>hi</html>').errors).toEqual([{ line: 1, message: expect.stringContaining('WEBVTT') }]);
    expect(parseWebVtt('WEBVTT\n\n').errors).toEqual([{ line: 1, message: 'The file has no cues.' }]);
  });

  it('parses timestamps', () => {
    expect(parseTimestamp('01:02:03.004')).toBeCloseTo(3723.004);
    expect(parseTimestamp('02:03.004')).toBeCloseTo(123.004);
    expect(parseTimestamp('2:03.004')).toBeNull();
    expect(parseTimestamp('00:60:00.000')).toBeNull();
  });
});
