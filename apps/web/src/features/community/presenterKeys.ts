import { useEffect, useRef } from 'react';

export type PresenterCommand = 'next' | 'previous' | 'first' | 'last' | 'blank';

interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Where the key was pressed: typing in a field, inside the video player, on a button or link, or elsewhere. */
export type KeyTarget = 'field' | 'player' | 'control' | 'page';

/**
 * Keys of a keyboard and of a presentation clicker (which sends PageUp/PageDown, arrows, and `B`
 * or `.` for a black screen). In the video player, arrows and Space belong to the player and on a
 * button Space presses the button, but PageUp/PageDown (the clicker) still change slides.
 */
export function presenterCommand(event: KeyLike, target: KeyTarget): PresenterCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey || target === 'field') return null;
  const clicker = event.key === 'PageDown' || event.key === 'PageUp';
  if (target === 'player' && !clicker) return null;
  switch (event.key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    case 'ArrowRight':
    case 'ArrowDown':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'previous';
    case ' ':
    case 'Spacebar':
      return target === 'control' ? null : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    default:
      return null;
  }
}

export function keyTarget(element: Element | null): KeyTarget {
  if (!element) return 'page';
  // A checkbox of the attendance list: Space ticks it, the clicker and arrows still move slides.
  if (element.matches('input[type="checkbox"], input[type="button"], input[type="submit"]')) return 'control';
  if (element.closest('input, textarea, select, [contenteditable="true"], dialog')) return 'field';
  if (element.closest('.player, .video-js')) return 'player';
  if (element.closest('button, a[href], summary')) return 'control';
  return 'page';
}

/** Listens on the window for the presenter's keys while `enabled`. */
export function usePresenterKeys(enabled: boolean, onCommand: (command: PresenterCommand) => void): void {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = presenterCommand(event, keyTarget(event.target instanceof Element ? event.target : null));
      if (!command) return;
      event.preventDefault();
      handler.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
