import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface RichTextEditorProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (html: string) => void;
  readOnly?: boolean;
}

type Command = { key: string; run: () => void; label: string; text: string };

/**
 * A small rich-text editor: a contenteditable region (role=textbox, multi-line) with a toolbar of
 * plain buttons (bold, italic, headings, lists, quote, link, clear). What it produces is only a
 * proposal: the API stores the body sanitised to an allowlist, and the editor shows what was stored.
 * Keyboard: Tab reaches the toolbar, then the text; Ctrl+B / Ctrl+I work in the text.
 */
export function RichTextEditor({ id, label, hint, value, onChange, readOnly = false }: RichTextEditorProps) {
  const { t } = useTranslation();
  const area = useRef<HTMLDivElement>(null);
  const labelId = useId();
  const hintId = useId();

  // Show the value from outside unless the author is typing in it.
  useEffect(() => {
    const el = area.current;
    if (el && document.activeElement !== el && el.innerHTML !== value) el.innerHTML = value;
  }, [value]);

  const exec = (command: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(command, false, arg);
    if (area.current) onChange(area.current.innerHTML);
  };
  const commands: Command[] = [
    { key: 'bold', run: () => exec('bold'), label: t('studio.editor.bold'), text: 'B' },
    { key: 'italic', run: () => exec('italic'), label: t('studio.editor.italic'), text: 'I' },
    { key: 'h2', run: () => exec('formatBlock', 'h2'), label: t('studio.editor.heading2'), text: 'H2' },
    { key: 'h3', run: () => exec('formatBlock', 'h3'), label: t('studio.editor.heading3'), text: 'H3' },
    { key: 'p', run: () => exec('formatBlock', 'p'), label: t('studio.editor.paragraph'), text: '¶' },
    { key: 'ul', run: () => exec('insertUnorderedList'), label: t('studio.editor.bullets'), text: '•' },
    { key: 'ol', run: () => exec('insertOrderedList'), label: t('studio.editor.numbers'), text: '1.' },
    { key: 'quote', run: () => exec('formatBlock', 'blockquote'), label: t('studio.editor.quote'), text: '❝' },
    {
      key: 'link',
      run: () => {
        const url = window.prompt(t('studio.editor.linkPrompt'), 'https://');
        if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) exec('createLink', url.trim());
      },
      label: t('studio.editor.link'),
      text: '🔗',
    },
    { key: 'clear', run: () => exec('removeFormat'), label: t('studio.editor.clear'), text: '⌫' },
  ];

  return (
    <div className="field rte">
      <span id={labelId} className="field__label">
        {label}
      </span>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="rte__toolbar" role="toolbar" aria-label={t('studio.editor.toolbar', { field: label })} aria-controls={id}>
          {commands.map((c) => (
            <button
              key={c.key}
              type="button"
              className="rte__button"
              title={c.label}
              onMouseDown={(event) => event.preventDefault() /* keep the selection in the text */}
              onClick={c.run}
            >
              <span aria-hidden="true">{c.text}</span>
              <span className="visually-hidden">{c.label}</span>
            </button>
          ))}
        </div>
      )}
      <div
        ref={area}
        id={id}
        className="rte__area lesson-body"
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
        aria-readonly={readOnly || undefined}
        contentEditable={!readOnly}
        suppressContentEditableWarning
        tabIndex={0}
        onInput={(event) => onChange((event.target as HTMLDivElement).innerHTML)}
        onBlur={(event) => onChange((event.target as HTMLDivElement).innerHTML)}
      />
    </div>
  );
}
