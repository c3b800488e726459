import { presenterCommand } from './presenterKeys';

describe('presenter keys (keyboard and clicker)', () => {
  it('moves with arrows, Page Up/Down and Space, blanks with B or a full stop', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map((key) => presenterCommand({ key }, 'page'))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((key) => presenterCommand({ key }, 'page'))).toEqual(['previous', 'previous', 'previous']);
    expect(['b', 'B', '.'].map((key) => presenterCommand({ key }, 'page'))).toEqual(['blank', 'blank', 'blank']);
    expect(presenterCommand({ key: 'Home' }, 'page')).toBe('first');
    expect(presenterCommand({ key: 'End' }, 'page')).toBe('last');
    expect(presenterCommand({ key: 'x' }, 'page')).toBeNull();
  });

  it('leaves typing, browser shortcuts, buttons’ Space and the video player’s keys alone, but not the clicker', () => {
    expect(presenterCommand({ key: 'b' }, 'field')).toBeNull();
    expect(presenterCommand({ key: 'PageDown' }, 'field')).toBeNull();
    expect(presenterCommand({ key: 'ArrowRight', altKey: true }, 'page')).toBeNull();
    expect(presenterCommand({ key: ' ' }, 'control')).toBeNull();
    expect(presenterCommand({ key: 'ArrowRight' }, 'control')).toBe('next');
    expect(presenterCommand({ key: 'ArrowRight' }, 'player')).toBeNull();
    expect(presenterCommand({ key: ' ' }, 'player')).toBeNull();
    expect(presenterCommand({ key: 'PageDown' }, 'player')).toBe('next');
    expect(presenterCommand({ key: 'PageUp' }, 'player')).toBe('previous');
  });
});
