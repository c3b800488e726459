import { splitIntoSlides, textOf, topLevelBlocks } from './slides';

describe('lesson text as slides', () => {
  it('starts a slide at every heading and keeps what comes before the first one', () => {
    const html = '<p>Mở đầu</p><h2>Mật khẩu</h2><p>Không chia sẻ.</p><ul><li>Một</li><li>Hai</li></ul><h3>Mã OTP</h3><p>Chỉ bạn biết.</p>';
    const slides = splitIntoSlides(html);
    expect(slides.map((s) => s.title)).toEqual([null, 'Mật khẩu', 'Mã OTP']);
    expect(slides[1]!.html).toBe('<p>Không chia sẻ.</p><ul><li>Một</li><li>Hai</li></ul>');
    expect(slides.every((s) => s.part === 1 && s.parts === 1)).toBe(true);
  });

  it('continues a long section on the next slide at a block boundary, never inside a block', () => {
    const paragraph = (i: number) => `<p>Đoạn ${i}: ${'chữ '.repeat(40)}</p>`;
    const html = `<h2>Dài</h2>${[1, 2, 3, 4, 5].map(paragraph).join('')}`;
    const slides = splitIntoSlides(html, 400);
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.every((s) => s.title === 'Dài')).toBe(true);
    expect(slides.map((s) => s.part)).toEqual(slides.map((_, i) => i + 1));
    expect(slides.map((s) => s.html).join('')).toBe([1, 2, 3, 4, 5].map(paragraph).join(''));
  });

  it('handles nested elements, void elements, stray text and entities', () => {
    const blocks = topLevelBlocks('Chữ rời<div><p>a<br>b</p><img src="/x.png" alt="x"></div><hr/><p>&amp; &lt;ok&gt; &#39;q&#39;</p></span>');
    expect(blocks.map((b) => b.tag)).toEqual(['p', 'div', 'hr', 'p']);
    expect(blocks[0]!.html).toBe('<p>Chữ rời</p>');
    expect(textOf('<p>&amp; &lt;ok&gt; &#39;q&#39;&nbsp;x</p>')).toBe("& <ok> 'q' x");
  });

  it('gives no slide for an empty body and one title slide for a heading alone', () => {
    expect(splitIntoSlides('')).toEqual([]);
    expect(splitIntoSlides('<h2>Chỉ có tiêu đề</h2>')).toEqual([{ title: 'Chỉ có tiêu đề', html: '', part: 1, parts: 1 }]);
  });
});
