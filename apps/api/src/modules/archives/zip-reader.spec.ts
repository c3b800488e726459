import { ArchiveRefusal } from './archive-refusal';
import { checkEntryName } from './zip-reader';

const codeOf = (name: string): string | null => {
  try {
    checkEntryName(name);
    return null;
  } catch (error) {
    return (error as ArchiveRefusal).code;
  }
};

describe('checkEntryName', () => {
  it.each([
    ['course.json', null],
    ['lessons/1-2/video.mp4', null],
    ['lessons/', null],
    ['/etc/passwd', 'absolute_path'],
    ['C:/Windows/x', 'absolute_path'],
    ['../evil', 'path_traversal'],
    ['a/../../evil', 'path_traversal'],
    ['a\\b', 'backslash'],
    ['..\\evil', 'backslash'],
    ['a//b', 'bad_name'],
    ['./a', 'bad_name'],
    ['a\u0000b', 'bad_name'],
    ['x'.repeat(256), 'bad_name'],
  ])('%j → %s', (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it('puts the refusal in the asked language and names the code', () => {
    const refusal = new ArchiveRefusal('path_traversal', '../x');
    expect(refusal.toHttp('vi').getResponse()).toEqual({ message: 'Mục "../x" trỏ ra ngoài thư mục của tệp lưu trữ (".."). [path_traversal]' });
    expect(refusal.toHttp('en').getStatus()).toBe(422);
    expect(new ArchiveRefusal('archive_too_large', '', '1 GiB').toHttp('en').getStatus()).toBe(413);
  });
});
