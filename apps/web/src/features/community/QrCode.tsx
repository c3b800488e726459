import { toString as qrToSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn here, as SVG (no image service, works offline). `label` says what it opens, for
 * people who cannot see it; the address is printed next to it by the caller.
 */
export function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrToSvg(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } })
      .then((markup) => {
        if (live) setSvg(markup);
      })
      .catch(() => {
        if (live) setSvg(null);
      });
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div
      className={['qr-code', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={label}
      data-value={value}
      // The SVG comes from the qrcode library (paths only), never from user input as markup.
      dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
    />
  );
}
