import { useEffect, useRef, useState } from 'react';

/**
 * The width in CSS pixels of an element, followed as it changes (rotation, window resize, zoom),
 * so that a chart is drawn at its real size and its text stays at the page's text size.
 */
export function useWidth<E extends HTMLElement>(fallback = 320) {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(200, Math.floor(element.getBoundingClientRect().width)));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** The root font size in px (grows with the text size chosen in hocso). */
export function rootFontSize(): number {
  if (typeof document === 'undefined') return 18;
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 18;
}
